import type { TodayBoard } from '../../../shared/contract/today';
import { formatDateGB, formatWhenGB } from '../../../shared/domain/dates';

/** Open incidents at the site and follow-ups due today or overdue. */
export const TodayIncidents = ({ incidents, followUps }: Pick<TodayBoard, 'incidents' | 'followUps'>) => (
  <section className="card" aria-labelledby="today-incidents-title">
    <h2 id="today-incidents-title">Open incidents</h2>
    {incidents.length === 0 ? (
      <p className="muted">No open incidents.</p>
    ) : (
      <ul className="plain-list">
        {incidents.map((i) => (
          <li key={i.id}>
            <span className="code">{i.ref}</span> {i.location} · {i.severity} · {i.status}
            <div className="small muted">{formatWhenGB(i.occurredAt)}</div>
          </li>
        ))}
      </ul>
    )}
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
  </section>
);
