/**
 * The clock services read. `SITEDESK_CLOCK=2026-11-25T07:05:00Z` starts it at that instant and lets it
 * run on from there, so tests and demos can stand at a chosen moment of a rota.
 */
export const testClock = (start: string | undefined): (() => number) => {
  if (!start) return Date.now;
  const at = Date.parse(start);
  if (Number.isNaN(at)) throw new Error(`SITEDESK_CLOCK must be an ISO date-time, got ${start}`);
  const offset = at - Date.now();
  return () => Date.now() + offset;
};
