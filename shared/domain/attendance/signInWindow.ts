/**
 * When the desk may sign someone in to a shift: from three hours before its start until it ends, in real
 * hours, so the clock-change nights count what they really last. Sooner is a slip (the wrong day's shift);
 * once the shift has ended, signing in would record them as arriving after they were due to leave (on now,
 * hours late), so the times they worked are put on the record with a correction instead. The Today screen
 * offers sign-in on the same window, and the service enforces it. A correction is held to the same window
 * for its sign-in, and to a last sign-out, so that it records what could have happened on that shift.
 */
import type { Shift } from '../../schemas/shift';
import { formatClockDayGB, formatClockGB, formatDayShort, londonParts, type Span } from '../dates';
import { spanOf } from '../rota/instants';

const HOUR = 3_600_000;

/** How long before a shift's start the desk may sign someone in (with a confirmation while they are not yet due). */
export const SIGN_IN_OPENS_HOURS = 3;

/**
 * How long after a shift's end a corrected sign-out may be. The longest shifts on these rotas are 12 hours (the
 * 4-on-4-off days and nights of 24/7 security), so someone kept on until relieved has stayed at most through the
 * next shift, a double; a sign-out later than that is a slip of the day, not a record of what happened.
 */
export const SIGN_OUT_CLOSES_HOURS = 12;

type Times = Pick<Shift, 'date' | 'start' | 'end'>;

/** The instants between which someone may be signed in to `shift`: from its opening, up to (not at) its end. */
export const signInWindow = (shift: Times): Span => {
  const span = spanOf(shift.date, shift.start, shift.end);
  return { start: span.start - SIGN_IN_OPENS_HOURS * HOUR, end: span.end };
};

/** Why signing in to `shift` at `now` is refused, as the desk should read it, or null when it may go ahead. */
export const signInRefusal = (shift: Times, now: number): string | null => {
  const window = signInWindow(shift);
  if (now < window.start) return `Sign-in for this shift opens at ${formatClockDayGB(window.start)}.`;
  if (now >= window.end) return `Their shift ended at ${shift.end}. To record times they worked, use Correct.`;
  return null;
};

export interface CorrectionRefusal {
  /** The sentence for the form: the time given, the shift's times and the limit it passed. */
  message: string;
  /** A short line for each box that is wrong. */
  fields: Partial<Record<'signedInAt' | 'signedOutAt', string>>;
}

/**
 * Why corrected times cannot stand on `shift`, or null when they can: a sign-in outside the window the desk signs
 * people in on, or a sign-out more than SIGN_OUT_CLOSES_HOURS after the end. Only the times given are checked (a
 * cleared time is always allowed here); whether the sign-out follows the sign-in is the service's to check.
 */
export const correctionRefusal = (
  shift: Times,
  times: { signedInAt?: string | null; signedOutAt?: string | null },
): CorrectionRefusal | null => {
  const window = signInWindow(shift);
  const name = `the ${shift.start}–${shift.end} shift on ${formatDayShort(shift.date)}`;
  // A time on the shift's own day reads best alone; one on the day before or after says which day.
  const when = (ms: number) => (londonParts(ms).date === shift.date ? formatClockGB(ms) : formatClockDayGB(ms));
  const messages: string[] = [];
  const fields: CorrectionRefusal['fields'] = {};
  if (times.signedInAt) {
    const at = Date.parse(times.signedInAt);
    if (at < window.start) {
      messages.push(
        `A sign-in at ${when(at)} is too early for ${name}: sign-in opens at ${when(window.start)}, ${SIGN_IN_OPENS_HOURS} hours before it starts.`,
      );
      fields.signedInAt = `Sign-in opens at ${when(window.start)}`;
    } else if (at >= window.end) {
      messages.push(`A sign-in at ${when(at)} is too late for ${name}: sign-in closes when it ends, at ${when(window.end)}.`);
      fields.signedInAt = `Sign-in closes at ${when(window.end)}`;
    }
  }
  if (times.signedOutAt) {
    const at = Date.parse(times.signedOutAt);
    const latest = window.end + SIGN_OUT_CLOSES_HOURS * HOUR;
    if (at > latest) {
      messages.push(
        `A sign-out at ${when(at)} is too late for ${name}: the latest is ${when(latest)}, ${SIGN_OUT_CLOSES_HOURS} hours after it ends.`,
      );
      fields.signedOutAt = `The latest sign-out is ${when(latest)}`;
    }
  }
  return messages.length ? { message: messages.join(' '), fields } : null;
};
