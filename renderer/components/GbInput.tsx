import { useState, type ChangeEvent, type InputHTMLAttributes } from 'react';
import { GB_PLACEHOLDER, parseGb, showGb, type GbKind } from './gbText';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'value' | 'onChange'> & {
  kind: GbKind;
  /** `2026-11-25`, `07:05` or `2026-11-25T07:05`, as a native input would hold it; '' for none. */
  value: string;
  onChange?: (e: ChangeEvent<HTMLInputElement>) => void;
};

const WHAT: Record<GbKind, string> = { date: 'a date', time: 'a 24-hour time', datetime: 'a date and time' };

/**
 * A date, time or date-and-time box that reads and writes the UK way whatever the browser's locale
 * (a native date input follows the browser: 12/07/2026 and AM/PM under en-US). It hands its form the
 * same value a native input would; text that is not yet a date is kept on screen, flagged, and not
 * handed on.
 */
export const GbInput = ({ kind, value, onChange, className, ...rest }: Props) => {
  const [text, setText] = useState(() => showGb(kind, value));
  const [seen, setSeen] = useState(value);
  // A new value from outside (a reset, a quick pick) replaces the text unless the text already says it.
  if (value !== seen) {
    setSeen(value);
    if ((parseGb(kind, text) ?? '') !== value) setText(showGb(kind, value));
  }
  const bad = text.trim() !== '' && parseGb(kind, text) === null;
  return (
    <>
      <input
        {...rest}
        type="text"
        inputMode={kind === 'time' ? 'numeric' : undefined}
        autoComplete="off"
        placeholder={rest.placeholder ?? GB_PLACEHOLDER[kind]}
        className={className}
        value={text}
        aria-invalid={bad || rest['aria-invalid'] === true}
        onChange={(e) => {
          setText(e.target.value);
          const parsed = e.target.value.trim() === '' ? '' : parseGb(kind, e.target.value);
          if (parsed === null || !onChange) return;
          setSeen(parsed);
          // Forms read only `target.value`; they get the native form of what was typed.
          onChange({ target: { value: parsed }, currentTarget: { value: parsed } } as unknown as ChangeEvent<HTMLInputElement>);
        }}
      />
      {bad && (
        <span className="field-error small" role="alert">
          Type {WHAT[kind]} as {GB_PLACEHOLDER[kind]}
        </span>
      )}
    </>
  );
};
