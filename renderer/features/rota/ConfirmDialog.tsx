import { AlertDialog } from 'radix-ui';
import type { ReactNode } from 'react';

/** Asks before an action that cannot simply be undone (publishing a week). */
export const ConfirmDialog = ({ title, children, confirm, onConfirm, onClose }: { title: string; children: ReactNode; confirm: string; onConfirm: () => void; onClose: () => void }) => (
  <AlertDialog.Root open onOpenChange={(o) => !o && onClose()}>
    <AlertDialog.Portal>
      <AlertDialog.Overlay className="dialog-overlay" />
      <AlertDialog.Content className="dialog">
        <AlertDialog.Title>{title}</AlertDialog.Title>
        <AlertDialog.Description asChild>
          <div className="muted">{children}</div>
        </AlertDialog.Description>
        <div className="dialog-actions">
          <AlertDialog.Cancel asChild>
            <button type="button" className="btn">
              Cancel
            </button>
          </AlertDialog.Cancel>
          <AlertDialog.Action asChild>
            <button type="button" className="btn btn-primary" onClick={onConfirm}>
              {confirm}
            </button>
          </AlertDialog.Action>
        </div>
      </AlertDialog.Content>
    </AlertDialog.Portal>
  </AlertDialog.Root>
);
