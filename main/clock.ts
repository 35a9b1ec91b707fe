/**
 * The clock services read: the real time, unless `SITEDESK_CLOCK=2026-11-25T07:05:00Z` is set, which
 * starts it at that instant and lets it run on from there, so tests and demos can stand at a chosen
 * moment of a rota.
 */
export const clockFromEnv = (env: NodeJS.ProcessEnv): (() => number) => {
  const start = env.SITEDESK_CLOCK;
  if (!start) return Date.now;
  const at = Date.parse(start);
  if (Number.isNaN(at)) throw new Error(`SITEDESK_CLOCK must be an ISO date-time, got ${start}`);
  const offset = at - Date.now();
  return () => Date.now() + offset;
};
