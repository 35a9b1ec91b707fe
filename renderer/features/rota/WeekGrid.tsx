import { Plus } from 'lucide-react';
import { formatDayShort } from '../../../shared/domain/dates';
import type { Gap } from '../../../shared/domain/rota';
import type { Site } from '../../../shared/schemas/site';
import { dropTarget } from './dropTarget';
import { GapMark } from './GapMark';
import type { GridProps } from './gridProps';
import { nameOf, SERVICE_LABEL } from './labels';
import { ShiftCard } from './ShiftCard';

const byTime = (a: { start: string; end: string }, b: { start: string; end: string }) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end);

/** The week by site and service: a row per service a site runs, a column per day, gaps where they start. */
export const WeekGrid = ({ sites, gaps, ...g }: GridProps & { sites: Site[]; gaps: Gap[] }) => (
  <table className="rota-grid">
    <caption className="visually-hidden">Shifts by site and service, Monday to Sunday</caption>
    <thead>
      <tr>
        <th scope="col" className="row-head">
          Site and service
        </th>
        {g.dates.map((d) => (
          <th scope="col" key={d} className={d === g.today ? 'is-today' : undefined}>
            {formatDayShort(d)}
          </th>
        ))}
      </tr>
    </thead>
    {sites.map((site) => (
      <tbody key={site.code} className="site-block">
        {site.services.map((service, i) => (
          <tr key={service}>
            <th scope="row" className="row-head">
              {i === 0 && <span className="code">{site.code}</span>} <span className={`tag tag-${service}`}>{SERVICE_LABEL[service]}</span>
              {i === 0 && <div className="muted small site-name">{site.name}</div>}
            </th>
            {g.dates.map((date) => {
              const here = g.shifts.filter((s) => s.site === site.code && s.service === service && s.date === date).sort(byTime);
              const holes = gaps.filter((x) => x.site === site.code && x.service === service && x.date <= date && (date < x.endDate || (date === x.endDate && x.end !== '00:00')));
              const spot = { date, site: site.code, service };
              return (
                <td key={date} className={date === g.today ? 'is-today' : undefined} {...dropTarget((id) => g.onDrop(id, spot))}>
                  <div className="cell">
                    {here.map((s) => (
                      <ShiftCard key={s.id} shift={s} who={nameOf(g.staff, s.staffId)} findings={g.findings.get(s.id) ?? []} selected={g.selection.includes(s.id)} onOpen={g.onOpen} onToggle={g.onToggle} />
                    ))}
                    {holes.map((x) => (
                      <GapMark key={`${x.date}-${x.start}`} gap={x} day={date} />
                    ))}
                    <button type="button" className="add-shift" onClick={() => g.onCreate(spot)} aria-label={`Add ${SERVICE_LABEL[service]} shift at ${site.code} on ${formatDayShort(date)}`}>
                      <Plus aria-hidden size={14} />
                    </button>
                  </div>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    ))}
  </table>
);
