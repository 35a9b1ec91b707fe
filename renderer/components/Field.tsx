import type { InputHTMLAttributes } from 'react';
import { FieldFrame } from './FieldFrame';

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  error?: string;
  hint?: string;
  warning?: string;
}

/** A labelled input with its hint and error tied to it for screen readers. */
export const Field = ({ label, error, hint, warning, ...input }: FieldProps) => (
  <FieldFrame label={label} error={error} hint={hint} warning={warning} control={(aria) => <input {...aria} {...input} />} />
);
