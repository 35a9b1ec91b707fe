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

/**
 * A few minutes' grace for a desk PC whose clock runs slightly behind the recorder's watch (or the gate's): what a
 * person records as having happened may be this far ahead of the clock.
 */
export const FUTURE_GRACE_MS = 5 * 60_000;

/** The instant `at` (ms) is still to come by the clock's `now`, beyond that grace. */
export const stillToCome = (at: number, now: number): boolean => at > now + FUTURE_GRACE_MS;
