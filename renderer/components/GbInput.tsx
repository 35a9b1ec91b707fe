import { useState, type ChangeEvent, type InputHTMLAttributes } from 'react';
import { GB_PLACEHOLDER, parseGb, showGb, type GbKind } from './gbText';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'value' | 'onChange'> & {
  kind: GbKind;
  /** `2026-11-25`, `07:05` or `2026-11-25T07:05`, as a native input would hold it; '' for none. */
  value: string;
  onChange?: (e: ChangeEvent<HTMLInputElement>) => void;
};

const WHAT: Record<GbKind, string> = { date: 'a date', time: 'a 24-hour time', datetime: 'a date and time' };
const DATE_SHAPE = /^(\d{1,2}[/.\- ]\d{1,2}[/.\- ](\d{2}|\d{4})|\d{4}-\d{1,2}-\d{1,2})$/;

/**
 * A date, time or date-and-time box that reads and writes the UK way whatever the browser's locale
 * (a native date input follows the browser: 12/07/2026 and AM/PM under en-US). It hands its form the
 * same value a native input would; text that is not yet a date is kept on screen, flagged, and handed
 * on as no value ('').
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
  // 29/02/2027 is written the right way and is still no day: say that, not how to write one.
  const problem = !bad
    ? ''
    : kind === 'date' && DATE_SHAPE.test(text.trim())
      ? 'That date does not exist'
      : `Type ${WHAT[kind]} as ${GB_PLACEHOLDER[kind]}`;
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
        // The form's submit is held back while a box holds text that is not a date (see holdInvalidSubmit).
        ref={(el) => el?.setCustomValidity(problem)}
        aria-invalid={bad || rest['aria-invalid'] === true}
        onChange={(e) => {
          setText(e.target.value);
          const parsed = e.target.value.trim() === '' ? '' : parseGb(kind, e.target.value);
          if (!onChange) return;
          // Text that is not a date hands on none, so a form never saves the value the box held before;
          // it stays on screen even where the form keeps its last value (a day picker that needs a day).
          if (parsed !== null) setSeen(parsed);
          // Forms read only `target.value`; they get the native form of what was typed.
          const handed = parsed ?? '';
          onChange({ target: { value: handed }, currentTarget: { value: handed } } as unknown as ChangeEvent<HTMLInputElement>);
        }}
      />
      {bad && (
        <span className="field-error small" role="alert">
          {problem}
        </span>
      )}
    </>
  );
};
