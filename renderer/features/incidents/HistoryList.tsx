import type { IncidentDetail } from '../../../shared/contract/incidents';
import { formatWhenGB } from '../../../shared/domain/dates';
import { describeValue, FIELD_LABEL, HISTORY_KIND_LABEL } from '../../../shared/domain/incidents';

const short = (s: string) => (s.length > 240 ? `${s.slice(0, 237)}…` : s);

/** The append-only history: who, when, and each field before → after; a broken link is marked. */
export const HistoryList = ({ d }: { d: IncidentDetail }) => {
  const brokenAt = d.verification.ok ? -1 : d.verification.brokenAt;
  return (
    <ol className="history">
      {d.incident.history.map((h, n) => (
        <li key={h.hash + n} className={`history-entry kind-${h.kind}${n >= brokenAt && brokenAt >= 0 ? ' broken' : ''}`}>
          <div className="history-head">
            <strong>{HISTORY_KIND_LABEL[h.kind]}</strong> <span>{formatWhenGB(h.at)}</span>{' '}
            <span className="muted">by {d.people[h.by] ?? 'unknown account'}</span>
            {n === brokenAt && <span className="flag flag-overdue">✗ chain broken here</span>}
          </div>
          {h.note && <p className="history-note">Reason: {h.note}</p>}
          {h.kind === 'created' ? (
            <p className="muted small">
              Recorded as {String(h.changes.find((c) => c.field === 'ref')?.after ?? '')} with every field as first written.
            </p>
          ) : (
            <ul className="changes">
              {h.changes.map((c) => (
                <li key={c.field}>
                  <span className="change-field">{FIELD_LABEL[c.field] ?? c.field}:</span>{' '}
                  <del>{short(describeValue(c.field, c.before, formatWhenGB))}</del> <span aria-label="changed to">→</span>{' '}
                  <ins>{short(describeValue(c.field, c.after, formatWhenGB))}</ins>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
};
