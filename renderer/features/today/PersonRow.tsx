import type { TodayRow } from '../../../shared/contract/today';
import { StatusBadge } from './StatusBadge';

interface Props {
  row: TodayRow;
  busy: boolean;
  onAction: (action: 'today:sign-in' | 'today:sign-out' | 'today:mark-no-show', row: TodayRow) => void;
  onCorrect: (row: TodayRow) => void;
  onCover: (shiftId: string) => void;
}

/** One person on one shift, with the one-click actions that fit their state. */
export const PersonRow = ({ row, busy, onAction, onCorrect, onCover }: Props) => {
  const who = <span className="visually-hidden"> {row.name}</span>;
  const canSignIn = row.state === 'upcoming' || row.state === 'due' || row.state === 'late' || (row.state === 'no-show' && !row.attendanceId);
  return (
    <li className={`person person-${row.state}`} aria-label={`${row.name}, ${row.start} to ${row.end}`}>
      <div className="person-main">
        <span className="person-name">{row.name}</span>
        <span className="person-times">
          {row.start}–{row.end}
          {row.corrections > 0 && <span className="muted small"> · corrected</span>}
        </span>
      </div>
      <StatusBadge state={row.state} late={row.late} lateMinutes={row.lateMinutes} signedInAt={row.signedInAt} />
      <div className="person-actions">
        {canSignIn && (
          <button className="btn btn-primary btn-big" disabled={busy} onClick={() => onAction('today:sign-in', row)}>
            Sign in{who}
          </button>
        )}
        {row.state === 'on' && (
          <button className="btn btn-big" disabled={busy} onClick={() => onAction('today:sign-out', row)}>
            Sign out{who}
          </button>
        )}
        {(row.state === 'late' || row.state === 'due') && (
          <button className="btn" disabled={busy} onClick={() => onAction('today:mark-no-show', row)}>
            Mark no-show{who}
          </button>
        )}
        {row.coveredBy && <span className="covered">✓ Covered by {row.coveredBy}</span>}
        {row.state === 'no-show' && !row.coveredBy && (
          <button className="btn btn-warn" disabled={busy} onClick={() => onCover(row.shiftId)}>
            Find cover{who}
          </button>
        )}
        {row.attendanceId && (
          <button className="btn btn-quiet" disabled={busy} onClick={() => onCorrect(row)}>
            Correct{who}
          </button>
        )}
      </div>
    </li>
  );
};
