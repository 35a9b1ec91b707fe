/**
 * What the store holds for the person signed in (records, lists, reports), as opposed to the session
 * and where the desk is. It is dropped when the desk locks and when another person takes over, so
 * nothing one person loaded stays in the page for the next.
 */
const KEPT = new Set(['phase', 'auth', 'startupError', 'view', 'viewParam']);

/** The data fields of a store state (no functions, nothing of the session), e.g. its initial values. */
export const dataFieldsOf = (state: object): Record<string, unknown> =>
  Object.fromEntries(Object.entries(state).filter(([key, value]) => typeof value !== 'function' && !KEPT.has(key)));

interface SessionView {
  user: { id: string } | null;
  locked: boolean;
}

/** Whether going from one session status to the next must drop the data: a lock, or another (or no) person. */
export const mustClear = (before: SessionView | null, after: SessionView): boolean => {
  const was = before?.user?.id ?? null;
  const now = after.user?.id ?? null;
  if (was !== now) return was !== null;
  return now !== null && after.locked && !before?.locked;
};
