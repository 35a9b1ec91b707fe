import { useId, type ReactNode } from 'react';

export interface ControlProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}

interface FrameProps {
  label: string;
  error?: string;
  hint?: string;
  /** A value that is allowed but needs a second look (a rule below the statutory minimum). */
  warning?: string;
  control: (props: ControlProps) => ReactNode;
}

/** The label, hint, warning and error around one form control, tied to it for screen readers. */
export const FieldFrame = ({ label, error, hint, warning, control }: FrameProps) => {
  const id = useId();
  const describedBy =
    [hint ? `${id}-hint` : '', warning ? `${id}-warning` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {control({ id, 'aria-invalid': Boolean(error), 'aria-describedby': describedBy })}
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {warning && (
        <p id={`${id}-warning`} className="field-warning">
          {warning}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
};
