import { AlertDialog } from 'radix-ui';
import type { ReactNode } from 'react';

/** Asks before something that replaces data; focus starts on Cancel so Enter never confirms by accident. */
export const ConfirmDialog = ({
  open,
  onOpenChange,
  title,
  children,
  confirm,
  onConfirm,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  children: ReactNode;
  confirm: string;
  onConfirm: () => void;
}) => (
  <AlertDialog.Root open={open} onOpenChange={onOpenChange}>
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
