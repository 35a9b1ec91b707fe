import { useState } from 'react';
import type { TodayBoard } from '../../../shared/contract/today';
import { formatDateGB, formatWhenGB } from '../../../shared/domain/dates';

const SHOWN = 3;

/** Follow-ups due today or overdue, then the latest open incidents; the rest behind one button. */
export const TodayIncidents = ({ incidents, followUps }: Pick<TodayBoard, 'incidents' | 'followUps'>) => {
  const [all, setAll] = useState(false);
  const shown = all ? incidents : incidents.slice(0, SHOWN);
  return (
    <section className="card" aria-labelledby="today-incidents-title">
      <h2 id="today-incidents-title">Follow-ups and open incidents</h2>
      <h3>Follow-ups due</h3>
      {followUps.length === 0 ? (
        <p className="muted">None due today.</p>
      ) : (
        <ul className="plain-list">
          {followUps.map((f) => (
            <li key={`${f.incidentId}-${f.action}`}>
              <strong>{f.overdue ? '⚠ Overdue: ' : 'Due today: '}</strong>
              {f.action} ({f.owner}, {f.ref}, due {formatDateGB(f.due)})
            </li>
          ))}
        </ul>
      )}
      <h3>Open incidents ({incidents.length})</h3>
      {incidents.length === 0 ? (
        <p className="muted">No open incidents.</p>
      ) : (
        <>
          <ul className="plain-list">
            {shown.map((i) => (
              <li key={i.id}>
                <span className="code">{i.ref}</span> {i.location} · {i.severity} · {i.status}
                <div className="small muted">{formatWhenGB(i.occurredAt)}</div>
              </li>
            ))}
          </ul>
          {incidents.length > SHOWN && (
            <button type="button" className="btn btn-quiet" aria-expanded={all} onClick={() => setAll(!all)}>
              {all ? 'Show the latest only' : `Show all ${incidents.length} open incidents`}
            </button>
          )}
        </>
      )}
    </section>
  );
};
