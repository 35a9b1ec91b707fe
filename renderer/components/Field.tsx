import type { InputHTMLAttributes } from 'react';
import { FieldFrame } from './FieldFrame';
import { GbInput } from './GbInput';
import type { GbKind } from './gbText';

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  error?: string;
  hint?: string;
  warning?: string;
}

// Date and time boxes are typed and shown the UK way, never in the browser's locale.
const GB_KIND: Partial<Record<string, GbKind>> = { date: 'date', time: 'time', 'datetime-local': 'datetime' };

/** A labelled input with its hint and error tied to it for screen readers. */
export const Field = ({ label, error, hint, warning, ...input }: FieldProps) => {
  const kind = input.type ? GB_KIND[input.type] : undefined;
  return (
    <FieldFrame
      label={label}
      error={error}
      hint={hint}
      warning={warning}
      control={(aria) => {
        if (!kind) return <input {...aria} {...input} />;
        const { type: _type, value, ...rest } = input;
        return <GbInput {...aria} {...rest} kind={kind} value={String(value ?? '')} />;
      }}
    />
  );
};
