import { Dialog } from 'radix-ui';
import type { ReactNode } from 'react';

/** The button that closes the dialog it stands in; Escape does the same. */
export const CloseButton = ({ label = 'Close', primary = false }: { label?: string; primary?: boolean }) => (
  <Dialog.Close asChild>
    <button type="button" className={primary ? 'btn btn-primary' : 'btn'}>
      {label}
    </button>
  </Dialog.Close>
);

/**
 * The one frame for a dialog that shows something rather than being a form: title, description, the
 * body, and a footer that is a Close button unless other actions are given. A form uses FormDialog.
 */
export const PanelDialog = ({
  open = true,
  onOpenChange,
  trigger,
  title,
  description,
  className = 'dialog',
  actions = <CloseButton />,
  children,
}: {
  open?: boolean;
  onOpenChange: (open: boolean) => void;
  /** A button that opens the dialog, placed where the dialog is written. */
  trigger?: ReactNode;
  title: ReactNode;
  description: ReactNode;
  className?: string;
  actions?: ReactNode;
  children: ReactNode;
}) => (
  <Dialog.Root open={open} onOpenChange={onOpenChange}>
    {trigger && <Dialog.Trigger asChild>{trigger}</Dialog.Trigger>}
    <Dialog.Portal>
      <Dialog.Overlay className="dialog-overlay" />
      <Dialog.Content className={className}>
        <Dialog.Title>{title}</Dialog.Title>
        <Dialog.Description className="muted">{description}</Dialog.Description>
        {children}
        <div className="dialog-actions">{actions}</div>
      </Dialog.Content>
    </Dialog.Portal>
  </Dialog.Root>
);
