import { Dialog } from 'radix-ui';
import { formatDayShort } from '../../../shared/domain/dates';
import type { FillWeekResult, WeekView } from '../../../shared/contract/rota';
import { nameOf } from './labels';

/** What "fill all open shifts" did: who went where, and why the rest stay open. */
export const FillSummary = ({ result, view, onClose }: { result: FillWeekResult; view: WeekView; onClose: () => void }) => {
  const staff = new Map(view.staff.map((s) => [s.id, s]));
  const shifts = new Map([...result.after, ...view.shifts].map((s) => [s.id, s]));
  const label = (id: string) => {
    const s = shifts.get(id);
    return s ? `${formatDayShort(s.date)} ${s.start}–${s.end} ${s.site}` : 'A shift';
  };
  return (
    <Dialog.Root open onOpenChange={(o) => !o && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog dialog-wide">
          <Dialog.Title>
            Filled {result.filled.length} of {result.filled.length + result.unfilled.length} open shifts
          </Dialog.Title>
          <Dialog.Description className="muted">Each went to the best-ranked person who breaks no block rule. Undo with Ctrl+Z.</Dialog.Description>
          {result.filled.length > 0 && (
            <>
              <h3>Filled</h3>
              <ul>
                {result.filled.map((f) => (
                  <li key={f.shiftId}>
                    {label(f.shiftId)} → <strong>{nameOf(staff, f.staffId)}</strong>
                  </li>
                ))}
              </ul>
            </>
          )}
          {result.unfilled.length > 0 && (
            <>
              <h3>Not filled</h3>
              <ul>
                {result.unfilled.map((u) => (
                  <li key={u.shiftId}>
                    {label(u.shiftId)}: {u.reason}
                  </li>
                ))}
              </ul>
            </>
          )}
          <div className="dialog-actions">
            <Dialog.Close asChild>
              <button type="button" className="btn btn-primary">
                Done
              </button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
};
