/**
 * Where a person stands against one shift at a given moment: not due yet, due, late, on, done or a
 * no-show. All instants come from the shift's London wall-clock times, so a night shift that crosses
 * midnight or a clock change is measured in real minutes.
 */
import type { Attendance } from '../../schemas/attendance';
import type { Shift } from '../../schemas/shift';
import { spanOf } from '../rota/instants';

const MINUTE = 60_000;

export type AttendanceState = 'upcoming' | 'due' | 'late' | 'on' | 'done' | 'no-show';

export interface StatusRules {
  /** Minutes after the start before someone not yet signed in counts as late (settings.lateGraceMinutes). */
  graceMinutes: number;
  /** Minutes after the start before someone still not signed in counts as a no-show. */
  noShowAfterMinutes: number;
}

export const DEFAULT_STATUS_RULES: Readonly<StatusRules> = Object.freeze({ graceMinutes: 10, noShowAfterMinutes: 60 });

export interface AttendanceStatus {
  state: AttendanceState;
  /** Minutes late: at sign-in, or so far for someone not yet in; 0 when within the grace. */
  lateMinutes: number;
  /** Whether the late mark applies (late beyond the grace, whether now in or still missing). */
  late: boolean;
  /** Whether the no-show was marked by a person rather than inferred from the clock. */
  markedNoShow: boolean;
}

type Times = Pick<Shift, 'date' | 'start' | 'end'>;
type Actual = Pick<Attendance, 'signedInAt' | 'signedOutAt' | 'noShow'>;

/** Whole minutes from `from` to `to`, rounded down, never negative. */
const minutesAfter = (from: number, to: number): number => Math.max(0, Math.floor((to - from) / MINUTE));

/**
 * The state of `shift` at `now` given its attendance record (if any). Someone signed in more than the
 * grace after the start is late by the whole delay (a 10-minute grace does not make 25 minutes late
 * into 15). Nobody signed in `noShowAfterMinutes` after the start, or by the end of a short shift, is
 * a no-show; a person may also mark one earlier.
 */
export const attendanceStatus = (
  shift: Times,
  actual: Actual | undefined,
  now: number,
  rules: StatusRules = DEFAULT_STATUS_RULES,
): AttendanceStatus => {
  const span = spanOf(shift.date, shift.start, shift.end);
  const graceEnds = span.start + rules.graceMinutes * MINUTE;
  if (actual?.noShow) return { state: 'no-show', lateMinutes: 0, late: false, markedNoShow: true };
  if (actual?.signedInAt) {
    const inAt = Date.parse(actual.signedInAt);
    const late = inAt > graceEnds;
    return { state: actual.signedOutAt ? 'done' : 'on', lateMinutes: late ? minutesAfter(span.start, inAt) : 0, late, markedNoShow: false };
  }
  if (now < span.start) return { state: 'upcoming', lateMinutes: 0, late: false, markedNoShow: false };
  if (now <= graceEnds) return { state: 'due', lateMinutes: 0, late: false, markedNoShow: false };
  if (now >= Math.min(span.start + rules.noShowAfterMinutes * MINUTE, span.end))
    return { state: 'no-show', lateMinutes: 0, late: false, markedNoShow: false };
  return { state: 'late', lateMinutes: minutesAfter(span.start, now), late: true, markedNoShow: false };
};
