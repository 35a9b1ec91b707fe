import { formatMinutes } from '../../../shared/domain/dates';
import { paidMinutes } from '../../../shared/domain/rota';
import type { ContextShift } from '../../../shared/contract/rota';
import { dropTarget } from './dropTarget';
import type { GridProps } from './gridProps';
import { SERVICE_LABEL } from './labels';
import { ShiftCard } from './ShiftCard';
import { WeekHead } from './WeekHead';

/** The week by person: who works when, their hours against contract, and a row of open shifts. */
export const PersonGrid = (g: GridProps & { onPerson: (staffId: string) => void; elsewhere: readonly ContextShift[] }) => {
  // Hours are the person's week at every site, even when the grid shows one site.
  const week = new Set(g.dates);
  const weekMinutes = new Map<string, number>();
  for (const s of [...g.shifts, ...g.elsewhere])
    if (s.staffId && week.has(s.date)) weekMinutes.set(s.staffId, (weekMinutes.get(s.staffId) ?? 0) + paidMinutes(s));
  const ids = [...new Set(g.shifts.map((s) => s.staffId))];
  const rows = [
    null,
    ...ids.filter((id): id is string => id !== null).sort((a, b) => (g.staff.get(a)?.name ?? '').localeCompare(g.staff.get(b)?.name ?? '')),
  ];
  return (
    <table className="rota-grid">
      <caption className="visually-hidden">Shifts by person, Monday to Sunday</caption>
      <WeekHead rowHead="Person" dates={g.dates} today={g.today} bankHolidays={g.bankHolidays} />
      <tbody>
        {rows.map((id) => {
          const mine = g.shifts.filter((s) => s.staffId === id);
          const person = id ? g.staff.get(id) : undefined;
          const minutes = id ? (weekMinutes.get(id) ?? 0) : 0;
          return (
            <tr key={id ?? 'open'}>
              <th scope="row" className="row-head">
                {id === null ? (
                  <strong>Open shifts</strong>
                ) : (
                  <button type="button" className="link" onClick={() => g.onPerson(id)}>
                    {person?.name ?? 'Unknown person'}
                  </button>
                )}
                {person && (
                  <div className="muted small">
                    {formatMinutes(minutes)} of {person.contractType === 'zero-hours' ? 'zero-hours' : `${person.contractedHours} h`}
                  </div>
                )}
              </th>
              {g.dates.map((date) => (
                <td
                  key={date}
                  className={date === g.today ? 'is-today' : undefined}
                  {...dropTarget((sid) => g.onDrop(sid, { date, staffId: id }))}
                >
                  <div className="cell">
                    {mine
                      .filter((s) => s.date === date)
                      .map((s) => (
                        <ShiftCard
                          key={s.id}
                          shift={s}
                          who={id === null ? 'OPEN' : (person?.name ?? '')}
                          context={`${s.site} ${SERVICE_LABEL[s.service]}`}
                          findings={g.findings.get(s.id) ?? []}
                          selected={g.selection.includes(s.id)}
                          onOpen={g.onOpen}
                          onToggle={g.onToggle}
                        />
                      ))}
                  </div>
                </td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
};
