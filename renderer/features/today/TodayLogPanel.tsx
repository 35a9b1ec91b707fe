import type { LogEntry } from '../../../shared/schemas/occurrence';

/**
 * Slot for today's occurrence log on the desk. This branch shows the day's entries read-only; the
 * quick-entry component from the incidents work is mounted here once it is merged.
 */
export const TodayLogPanel = ({ entries }: { entries: LogEntry[] }) => (
  <section className="card" aria-labelledby="today-log-title">
    <h2 id="today-log-title">Occurrence log today</h2>
    {entries.length === 0 ? (
      <p className="muted">No entries yet today.</p>
    ) : (
      <ol className="log-list">
        {entries.map((e) => (
          <li key={e.id} className={e.corrects ? 'log-correction' : undefined}>
            <span className="log-time">{e.time}</span> <span className="tag">{e.kind}</span> {e.corrects && <span className="muted small">(correction) </span>}
            {e.text}
          </li>
        ))}
      </ol>
    )}
  </section>
);
