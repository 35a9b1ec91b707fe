/** How late someone is or was, in the words every screen uses. */
import { formatMinutes } from '../dates';

/** `late 35 min`, `late 1 h 35 min`, `late 2 h`: minutes alone stop being readable past the hour ("late 595 min"). */
export const lateBy = (minutes: number): string => `late ${formatMinutes(minutes)}`;

/**
 * A person's late arrivals over a period, as the manager's People table says them: `1 late arrival, 1 h 35 min`,
 * `3 late arrivals, 2 h 10 min in all`, or `None`.
 */
export const lateArrivals = (count: number, minutes: number): string =>
  count === 0
    ? 'None'
    : count === 1
      ? `1 late arrival, ${formatMinutes(minutes)}`
      : `${count} late arrivals, ${formatMinutes(minutes)} in all`;
