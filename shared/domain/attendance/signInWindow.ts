/**
 * When the desk may sign someone in to a shift: from three hours before its start until it ends, in real
 * hours, so the clock-change nights count what they really last. Sooner is a slip (the wrong day's shift);
 * once the shift has ended, signing in would record them as arriving after they were due to leave (on now,
 * hours late), so the times they worked are put on the record with a correction instead. The Today screen
 * offers sign-in on the same window, and the service enforces it.
 */
import type { Shift } from '../../schemas/shift';
import { formatClockDayGB, type Span } from '../dates';
import { spanOf } from '../rota/instants';

/** How long before a shift's start the desk may sign someone in (with a confirmation while they are not yet due). */
export const SIGN_IN_OPENS_HOURS = 3;

type Times = Pick<Shift, 'date' | 'start' | 'end'>;

/** The instants between which someone may be signed in to `shift`: from its opening, up to (not at) its end. */
export const signInWindow = (shift: Times): Span => {
  const span = spanOf(shift.date, shift.start, shift.end);
  return { start: span.start - SIGN_IN_OPENS_HOURS * 3_600_000, end: span.end };
};

/** Why signing in to `shift` at `now` is refused, as the desk should read it, or null when it may go ahead. */
export const signInRefusal = (shift: Times, now: number): string | null => {
  const window = signInWindow(shift);
  if (now < window.start) return `Sign-in for this shift opens at ${formatClockDayGB(window.start)}.`;
  if (now >= window.end) return `Their shift ended at ${shift.end}. To record times they worked, use Correct.`;
  return null;
};
