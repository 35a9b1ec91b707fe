import { act } from 'react';

/** Types `value` into a React-controlled input as a person would (the value set natively, then an input event), inside act. */
export const typeInto = (input: HTMLInputElement, value: string) =>
  act(async () => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
