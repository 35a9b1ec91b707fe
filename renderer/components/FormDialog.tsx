import { Dialog } from 'radix-ui';
import type { FormEvent, ReactNode } from 'react';
import { Banner } from './Banner';
import { CloseButton } from './PanelDialog';

/**
 * The one frame for a dialog that is a form: title, description, an error banner, the fields, and a
 * footer of Cancel and the submit button. Enter in a field submits; Escape and Cancel close.
 */
export const FormDialog = ({
  open = true,
  onOpenChange,
  title,
  description,
  onSubmit,
  submitLabel,
  busy = false,
  canSubmit = true,
  error,
  wide = false,
  startActions,
  endActions,
  children,
}: {
  open?: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  description: ReactNode;
  onSubmit: () => void | Promise<void>;
  /** No label, no submit button (a reader may look but not save). */
  submitLabel: ReactNode | null;
  busy?: boolean;
  canSubmit?: boolean;
  error?: string | null;
  wide?: boolean;
  /** Buttons before Cancel, such as Delete. */
  startActions?: ReactNode;
  /** Buttons between Cancel and the submit button, such as Preview. */
  endActions?: ReactNode;
  children: ReactNode;
}) => {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void onSubmit();
  };
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className={wide ? 'dialog dialog-wide' : 'dialog'}>
          <Dialog.Title>{title}</Dialog.Title>
          <Dialog.Description className="muted">{description}</Dialog.Description>
          <form onSubmit={submit} noValidate>
            {error && <Banner tone="error">{error}</Banner>}
            {children}
            <div className="dialog-actions">
              {startActions}
              <CloseButton label="Cancel" />
              {endActions}
              {submitLabel !== null && (
                <button type="submit" className="btn btn-primary" disabled={busy || !canSubmit}>
                  {submitLabel}
                </button>
              )}
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
};
