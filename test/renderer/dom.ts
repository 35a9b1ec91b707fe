import { act, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach } from 'vitest';

/** Types `value` into a React-controlled input as a person would (the value set natively, then an input event), inside act. */
export const typeInto = (input: HTMLInputElement, value: string) =>
  act(async () => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });

/**
 * Renders `element()` into a fresh document before each test and takes it down after. Call it after any `beforeEach`
 * that sets the store up, so the component mounts with that state.
 */
export const mountEach = (element: () => ReactElement) => {
  let root: Root;
  let host: HTMLElement;
  beforeEach(async () => {
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
    await act(async () => root.render(element()));
  });
  afterEach(async () => {
    await act(async () => root.unmount());
    host.remove();
    document.body.innerHTML = '';
  });
};
