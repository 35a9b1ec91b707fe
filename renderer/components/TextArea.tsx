import type { TextareaHTMLAttributes } from 'react';
import { FieldFrame } from './FieldFrame';

interface TextAreaProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  label: string;
  error?: string;
  hint?: string;
}

/** A labelled multi-line input with its hint and error tied to it, like Field. */
export const TextArea = ({ label, error, hint, ...input }: TextAreaProps) => (
  <FieldFrame label={label} error={error} hint={hint} control={(aria) => <textarea rows={3} {...aria} {...input} />} />
);
