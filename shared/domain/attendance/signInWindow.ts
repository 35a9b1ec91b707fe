/**
 * When the desk may sign someone in to a shift. Once the shift has ended, signing in would record them as
 * arriving after they were due to leave (on now, hours late): the times they worked are put on the record
 * with a correction instead.
 */
import type { Shift } from '../../schemas/shift';
import { spanOf } from '../rota/instants';

type Times = Pick<Shift, 'date' | 'start' | 'end'>;

/** Why signing in to `shift` at `now` is refused, as the desk should read it, or null when it may go ahead. */
export const signInRefusal = (shift: Times, now: number): string | null => {
  const span = spanOf(shift.date, shift.start, shift.end);
  if (now >= span.end) return `Their shift ended at ${shift.end}. To record times they worked, use Correct.`;
  return null;
};
