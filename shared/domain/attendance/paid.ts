/**
 * Paid time on a shift from what actually happened. Policy, as the contract's payroll runs it: time is
 * paid from the later of the scheduled start and the sign-in to the earlier of the scheduled end and the
 * sign-out, less the unpaid break; arriving early or staying late is paid only when a manager corrects
 * the times. A shift not yet worked is shown at its scheduled paid time, but only while its person may
 * still come: someone who never signed in is paid nothing from the moment the desk counts them a no-show.
 * Someone signed in to a shift still running has the hours so far: what they would be paid if they signed
 * out now, so a late arrival is never shown (or exported to payroll) at the shift's full scheduled hours.
 */
import type { Attendance } from '../../schemas/attendance';
import type { Shift } from '../../schemas/shift';
import { spanOf } from '../rota/instants';
import { paidMinutes } from '../rota/hours';
import type { AttendanceStatus } from './status';

export type PaidBasis = 'actual' | 'so-far' | 'no-sign-out' | 'scheduled' | 'no-show' | 'missing';

export interface Paid {
  minutes: number;
  basis: PaidBasis;
}

/**
 * Paid minutes for one person on one shift at `now`. `so-far`: signed in, not out, and the shift still
 * running, paid up to `now`. `no-sign-out`: signed in but never out after the shift ended, paid to the
 * scheduled end. `missing`: nobody signed in and the clock has made them a no-show (as the desk
 * counts it: some time after the start, or the end of a short shift), so nothing is paid until someone
 * records what happened; payroll must never pay a shift nobody came to. `status` is the shift's
 * `attendanceStatus` at `now` under the site's rules, passed in because a timesheet row has it already.
 */
export const paidFor = (
  shift: Pick<Shift, 'date' | 'start' | 'end' | 'breakMinutes'>,
  actual: Pick<Attendance, 'signedInAt' | 'signedOutAt' | 'noShow'> | undefined,
  now: number,
  status: Pick<AttendanceStatus, 'state'>,
): Paid => {
  if (actual?.noShow) return { minutes: 0, basis: 'no-show' };
  if (!actual?.signedInAt)
    return status.state === 'no-show' ? { minutes: 0, basis: 'missing' } : { minutes: paidMinutes(shift), basis: 'scheduled' };
  const span = spanOf(shift.date, shift.start, shift.end);
  const from = Math.max(span.start, Date.parse(actual.signedInAt));
  const out = actual.signedOutAt ? Date.parse(actual.signedOutAt) : null;
  const to = Math.min(span.end, out ?? now);
  const worked = Math.max(0, Math.round((to - from) / 60_000));
  const basis = out !== null ? 'actual' : now < span.end ? 'so-far' : 'no-sign-out';
  return { minutes: Math.max(0, worked - shift.breakMinutes), basis };
};
