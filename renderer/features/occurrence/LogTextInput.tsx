import type { InputHTMLAttributes, Ref } from 'react';

/** The box a log entry is typed into; Enter adds it. */
export const LogTextInput = ({
  inputRef,
  invalid,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & { id: string; inputRef: Ref<HTMLInputElement>; invalid: boolean }) => (
  <input ref={inputRef} autoComplete="off" placeholder="What happened — press Enter to add" aria-invalid={invalid} {...input} />
);
