import type { TodayRow } from '../../../shared/contract/today';
import { coverLeft } from '../../../shared/domain/attendance/coverShift';
import { signInRefusal } from '../../../shared/domain/attendance/signInWindow';
import { SERVICE_LABEL } from './labels';
import { StatusBadge } from './StatusBadge';

interface Props {
  row: TodayRow;
  /** The moment the board stands at (its rows' states are as of then). */
  now: number;
  busy: boolean;
  /** Names the service, for lists that mix services (needs action now). */
  showService?: boolean;
  onAction: (action: 'today:sign-in' | 'today:sign-out' | 'today:mark-no-show', row: TodayRow) => void;
  /** Someone not due yet: signing them in asks first. */
  onEarly: (row: TodayRow) => void;
  onCorrect: (row: TodayRow) => void;
  onCover: (shiftId: string) => void;
}

/** One person on one shift. The action that is due is the big one; signing in early takes a second step. */
export const PersonRow = ({ row, now, busy, showService, onAction, onEarly, onCorrect, onCover }: Props) => {
  const who = <span className="visually-hidden"> {row.name}</span>;
  const canSignIn = signInRefusal(row, now) === null;
  const missing = row.state === 'no-show' && !row.attendanceId && !row.coveredBy;
  const due = canSignIn && (row.state === 'due' || row.state === 'late' || missing);
  return (
    <li className={`person person-${row.state}`} aria-label={`${row.name}, ${row.start} to ${row.end}`}>
      <div className="person-main">
        <span className="person-name">{row.name}</span>
        <span className="person-times">
          {showService && <span className={`tag tag-${row.service}`}>{SERVICE_LABEL[row.service]}</span>} {row.start}–{row.end}
          {row.corrections > 0 && <span className="muted small"> · corrected</span>}
        </span>
      </div>
      <StatusBadge state={row.state} late={row.late} lateMinutes={row.lateMinutes} signedInAt={row.signedInAt} />
      <div className="person-actions">
        {row.state === 'no-show' && !row.coveredBy && coverLeft(row, now) && (
          <button className="btn btn-warn btn-big" disabled={busy} onClick={() => onCover(row.shiftId)}>
            Find cover{who}
          </button>
        )}
        {due && (
          <button
            className={`btn ${row.state === 'no-show' ? '' : 'btn-primary btn-big'}`}
            disabled={busy}
            onClick={() => onAction('today:sign-in', row)}
          >
            Sign in{who}
          </button>
        )}
        {row.state === 'upcoming' && canSignIn && (
          <button className="btn btn-quiet" disabled={busy} onClick={() => onEarly(row)}>
            Sign in early…<span className="visually-hidden"> {row.name}</span>
          </button>
        )}
        {row.state === 'on' && (
          <button className="btn" disabled={busy} onClick={() => onAction('today:sign-out', row)}>
            Sign out{who}
          </button>
        )}
        {(row.state === 'late' || row.state === 'due') && (
          <button className="btn" disabled={busy} onClick={() => onAction('today:mark-no-show', row)}>
            Mark no-show{who}
          </button>
        )}
        {row.coveredBy && <span className="covered">✓ Covered by {row.coveredBy}</span>}
        {/* A shift over with nobody signed in has no record yet: Correct records the times they worked. */}
        {(row.attendanceId || (missing && !canSignIn)) && (
          <button className="btn btn-quiet" disabled={busy} onClick={() => onCorrect(row)}>
            Correct{who}
          </button>
        )}
      </div>
    </li>
  );
};
