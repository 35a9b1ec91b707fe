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

/** Someone whose shift has started and who has not signed in yet: `not in yet, 20 min late`. */
export const notInYetBy = (minutes: number): string => `not in yet, ${formatMinutes(minutes)} late`;

/**
 * A person's shifts under way that they have not signed in for, apart from their late arrivals:
 * `not in yet, 20 min late`, `2 shifts not in yet, 1 h in all`, or '' when none.
 */
export const notInYet = (count: number, minutes: number): string =>
  count === 0 ? '' : count === 1 ? notInYetBy(minutes) : `${count} shifts not in yet, ${formatMinutes(minutes)} late in all`;

/** A person's no-shows: `1 no-show`, `2 no-shows`, or `None`. */
export const noShows = (count: number): string => (count === 0 ? 'None' : count === 1 ? '1 no-show' : `${count} no-shows`);
