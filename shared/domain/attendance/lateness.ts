/** How late someone is or was, in the words every screen uses. */
import { formatMinutes } from '../dates';

/** `late 35 min`, `late 1 h 35 min`, `late 2 h`: minutes alone stop being readable past the hour ("late 595 min"). */
export const lateBy = (minutes: number): string => `late ${formatMinutes(minutes)}`;
