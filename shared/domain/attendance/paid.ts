/**
 * Paid time on a shift from what actually happened. Policy, as the contract's payroll runs it: time is
 * paid from the later of the scheduled start and the sign-in to the earlier of the scheduled end and the
 * sign-out, less the unpaid break; arriving early or staying late is paid only when a manager corrects
 * the times. A shift not yet worked is shown at its scheduled paid time.
 */
import type { Attendance } from '../../schemas/attendance';
import type { Shift } from '../../schemas/shift';
import { spanOf } from '../rota/instants';
import { paidMinutes } from '../rota/hours';

export type PaidBasis = 'actual' | 'no-sign-out' | 'scheduled' | 'no-show' | 'missing';

export interface Paid {
  minutes: number;
  basis: PaidBasis;
}

/**
 * Paid minutes for one person on one shift at `now`. `no-sign-out`: signed in but never out after the
 * shift ended, paid to the scheduled end. `missing`: the shift has ended with no record at all, so
 * nothing is paid until someone records what happened.
 */
export const paidFor = (
  shift: Pick<Shift, 'date' | 'start' | 'end' | 'breakMinutes'>,
  actual: Pick<Attendance, 'signedInAt' | 'signedOutAt' | 'noShow'> | undefined,
  now: number,
): Paid => {
  const span = spanOf(shift.date, shift.start, shift.end);
  if (actual?.noShow) return { minutes: 0, basis: 'no-show' };
  if (!actual?.signedInAt) return now < span.end ? { minutes: paidMinutes(shift), basis: 'scheduled' } : { minutes: 0, basis: 'missing' };
  const from = Math.max(span.start, Date.parse(actual.signedInAt));
  const out = actual.signedOutAt ? Date.parse(actual.signedOutAt) : null;
  if (out === null && now < span.end) return { minutes: paidMinutes(shift), basis: 'scheduled' };
  const to = Math.min(span.end, out ?? span.end);
  const worked = Math.max(0, Math.round((to - from) / 60_000));
  return { minutes: Math.max(0, worked - shift.breakMinutes), basis: out === null ? 'no-sign-out' : 'actual' };
};
