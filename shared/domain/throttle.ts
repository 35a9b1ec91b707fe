/**
 * How long a user must wait before the next sign-in attempt after `failures` wrong passwords in a row.
 * Three free tries, then 2 s, 4 s, 8 s … capped at 5 minutes: enough to stop guessing at a public desk,
 * never a permanent lock-out that would leave a site without access.
 */
export const signInDelaySeconds = (failures: number): number => (failures < 3 ? 0 : Math.min(300, 2 ** (failures - 2)));

/** Seconds still to wait at `nowMs`, given the last failure time. */
export const secondsToWait = (failures: number, lastFailedAtMs: number | null, nowMs: number): number => {
  if (lastFailedAtMs === null) return 0;
  const until = lastFailedAtMs + signInDelaySeconds(failures) * 1000;
  return Math.max(0, Math.ceil((until - nowMs) / 1000));
};
