import { AlertTriangle, CalendarArrowDown, Check } from 'lucide-react';
import { useEffect, useState } from 'react';
import { addDays, formatDayShort, formatMinutes } from '../../../shared/domain/dates';
import type { PersonView } from '../../../shared/contract/rota';
import { Banner } from '../../components/Banner';
import { PanelDialog } from '../../components/PanelDialog';
import { useStoreFields } from '../../store/appStore';
import { FindingList } from './FindingList';
import { SERVICE_LABEL } from './labels';
import { isErr } from './rotaSlice';
import { TableHead } from '../../components/TableHead';

/** One person's week or four weeks: shifts, hours against contract, rest between shifts, calendar export. */
export const PersonPanel = ({ staffId, weekStart, onClose }: { staffId: string; weekStart: string; onClose: () => void }) => {
  const { personRota, exportPersonIcs } = useStoreFields('personRota', 'exportPersonIcs');
  const [span, setSpan] = useState<7 | 28>(7);
  const [view, setView] = useState<PersonView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const to = addDays(weekStart, span - 1);
  useEffect(() => {
    void personRota(staffId, weekStart, to).then((r) => (isErr(r) ? setError(r.message) : setView(r)));
  }, [personRota, staffId, weekStart, to]);
  const rest = new Map(view?.rests.map((r) => [r.beforeShiftId, r.minutes]));

  return (
    <PanelDialog
      onOpenChange={(o) => !o && onClose()}
      className="dialog dialog-wide"
      title={view?.staff.name ?? 'Person'}
      description={`${formatDayShort(weekStart)} to ${formatDayShort(to)}`}
    >
      {error && <Banner tone="error">{error}</Banner>}
      <div className="toolbar">
        <div role="group" aria-label="Period" className="segmented">
          <button type="button" className="btn" aria-pressed={span === 7} onClick={() => setSpan(7)}>
            Week
          </button>
          <button type="button" className="btn" aria-pressed={span === 28} onClick={() => setSpan(28)}>
            4 weeks
          </button>
        </div>
        <button type="button" className="btn" onClick={() => void exportPersonIcs(staffId, weekStart, to)}>
          <CalendarArrowDown aria-hidden size={16} /> Export calendar (.ics)
        </button>
      </div>
      {view && (
        <>
          <table className="table compact">
            <caption className="visually-hidden">Hours against contract by week</caption>
            <TableHead columns={['Week of', 'Rostered', 'Contract']} />
            <tbody>
              {view.weeks.map((w) => (
                <tr key={w.weekStart}>
                  <td>{formatDayShort(w.weekStart)}</td>
                  <td>{formatMinutes(w.minutes)}</td>
                  <td>{view.staff.contractType === 'zero-hours' ? 'Zero-hours' : formatMinutes(w.contractMinutes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>Shifts</h3>
          {view.shifts.length === 0 && <p className="muted">No shifts in this period.</p>}
          <ul className="person-shifts">
            {view.shifts.map((s) => (
              <li key={s.id}>
                <strong>
                  {formatDayShort(s.date)} {s.start}–{s.end}
                </strong>{' '}
                {s.site} {SERVICE_LABEL[s.service]}
                {rest.has(s.id) && <span className="muted small"> · {formatMinutes(rest.get(s.id)!)} rest before</span>}
              </li>
            ))}
          </ul>
          {view.compensatoryRest && <CompensatoryRest balance={view.compensatoryRest} />}
          <FindingList findings={view.findings} empty="No rule is broken in this period." />
        </>
      )}
    </PanelDialog>
  );
};

/** WTR reg. 24: the compensatory rest owed for reg. 21(b) work in the period, what was given and what is still owed. */
const CompensatoryRest = ({ balance }: { balance: NonNullable<PersonView['compensatoryRest']> }) => (
  <section aria-labelledby="comp-rest-title">
    <h3 id="comp-rest-title">Compensatory rest (reg. 21(b), 24)</h3>
    <dl className="facts">
      <dt>Owed</dt>
      <dd>{formatMinutes(balance.owedMinutes)}</dd>
      <dt>Given</dt>
      <dd>{formatMinutes(balance.givenMinutes)}</dd>
      <dt>Outstanding</dt>
      <dd>
        {balance.outstandingMinutes > 0 ? (
          <>
            <AlertTriangle aria-hidden size={14} /> {formatMinutes(balance.outstandingMinutes)} still owed
          </>
        ) : (
          <>
            <Check aria-hidden size={14} /> None
          </>
        )}
      </dd>
    </dl>
    <ul className="small">
      {balance.items.map((i) => (
        <li key={`${i.rule}-${i.at}`}>
          {formatMinutes(i.owedMinutes)} owed for {RULE_NAME[i.rule] ?? i.rule}, {formatMinutes(i.givenMinutes)} given; due by{' '}
          {formatDayShort(i.due)}
        </li>
      ))}
    </ul>
  </section>
);

const RULE_NAME: Partial<Record<string, string>> = {
  'daily-rest': 'short daily rest',
  'weekly-rest': 'short weekly rest',
  break: 'a short break',
};
