/**
 * Holds back any form's submit while one of its boxes has said it is invalid (a date box holding text
 * that is not a date sets its own validity message), and takes the person to that box. Forms use
 * noValidate so that their own messages show, so the browser would otherwise submit them with the value
 * the box held before. Only those messages count: the forms check required fields and ranges themselves.
 * It listens on the window in the capture phase, before React's own submit handlers on the root.
 */
export const holdInvalidSubmit = (win: Window): void =>
  win.addEventListener(
    'submit',
    (e) => {
      const form = e.target;
      if (!(form instanceof HTMLFormElement)) return;
      const bad = [...form.elements].find((el): el is HTMLInputElement => el instanceof HTMLInputElement && el.validity.customError);
      if (!bad) return;
      e.preventDefault();
      e.stopPropagation();
      bad.focus();
    },
    true,
  );
