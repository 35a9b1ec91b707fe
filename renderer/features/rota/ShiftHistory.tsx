import { formatDayShort, formatWhenGB } from '../../../shared/domain/dates';
import type { Shift } from '../../../shared/schemas/shift';
import type { StaffView } from '../../../shared/contract/staff';
import { useStore } from '../../store/appStore';

const describe = (change: Record<string, unknown> | null, staff: ReadonlyMap<string, StaffView>): string => {
  if (!change) return '—';
  // Publishing, and undoing a publish, change only the status.
  if (change.date === undefined && typeof change.status === 'string') return change.status;
  if (change.deleted) return 'deleted';
  const who = change.staffId ? (staff.get(String(change.staffId))?.name ?? 'someone') : 'OPEN';
  return `${typeof change.date === 'string' ? formatDayShort(change.date) : '—'} ${String(change.start)}–${String(change.end)} at ${String(change.site)}, ${who}`;
};

/** A published shift's changes, newest first: who, when, before and after, publishing undone and redone included. */
export const ShiftHistory = ({ shift, staff }: { shift: Shift; staff: ReadonlyMap<string, StaffView> }) => {
  const accounts = useStore((s) => s.accounts);
  const userName = (id: string) =>
    (accounts.status === 'ready' ? accounts.data.find((a) => a.id === id)?.displayName : undefined) ?? 'a manager';
  if (shift.history.length === 0) return null;
  return (
    <details className="history">
      <summary>Changes since first published ({shift.history.length})</summary>
      <ol>
        {[...shift.history].reverse().map((h) => (
          <li key={h.at}>
            <span className="muted small">{formatWhenGB(h.at)}</span> by {userName(h.by)} — was {describe(h.before, staff)}; now{' '}
            {describe(h.after, staff)}
          </li>
        ))}
      </ol>
    </details>
  );
};
