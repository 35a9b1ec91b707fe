/**
 * Puts the keyboard on an element of the planner's grid that may not be in the page yet (the all-sites
 * grid renders only the site blocks near the view). `reveal` scrolls its site into the page: always for a
 * jump to a site, and only when the element is missing otherwise, in which case the element is scrolled
 * just into view. Gives up after about half a second.
 */
export const focusInGrid = (
  wrap: HTMLElement | null,
  selector: string,
  { reveal, jump = false, mark = false }: { reveal: () => void; jump?: boolean; mark?: boolean },
): void => {
  if (!wrap) return;
  const tryFocus = (left: number) => {
    const el = wrap.querySelector<HTMLElement>(selector);
    if (el) {
      if (!jump) el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      el.focus({ preventScroll: true });
      if (mark) {
        // A card reached from the findings list shows its reasons while the keyboard is on it.
        el.dataset.located = 'true';
        el.addEventListener('blur', () => delete el.dataset.located, { once: true });
      }
    } else if (left > 0) requestAnimationFrame(() => tryFocus(left - 1));
  };
  if (jump || !wrap.querySelector(selector)) reveal();
  requestAnimationFrame(() => tryFocus(30));
};
