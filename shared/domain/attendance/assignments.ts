/** One person's part in one shift, the unit every attendance view, timesheet and report is built from. */
import type { Attendance } from '../../schemas/attendance';
import type { Shift } from '../../schemas/shift';

export interface Assignment {
  /** The shift as it was scheduled for this person (a covered no-show keeps the times they were given). */
  shift: Shift;
  staffId: string;
  attendance: Attendance | undefined;
  /** Who is on the shift now, when it is no longer this person (their no-show went to cover). */
  coveredBy?: string | null;
}

/** `shiftId|staffId`, the key attendance records are matched by. */
export const attendanceKey = (shiftId: string, staffId: string): string => `${shiftId}|${staffId}`;

/** Attendance records by shift and person. */
export const attendanceIndex = (records: readonly Attendance[]): Map<string, Attendance> =>
  new Map(records.map((a) => [attendanceKey(a.shiftId, a.staffId), a]));

/**
 * Everyone's part in the given shifts: the person now on each live shift, plus anyone recorded against a
 * shift they are no longer on (a no-show whose shift went to cover), at the times they had been given.
 */
export const assignmentsOf = (shifts: readonly Shift[], records: readonly Attendance[]): Assignment[] => {
  const byKey = attendanceIndex(records);
  const out: Assignment[] = [];
  const seen = new Set<string>();
  const live = new Map<string, Shift>();
  for (const shift of shifts) {
    if (shift.deleted) continue;
    live.set(shift.id, shift);
    if (!shift.staffId) continue;
    const key = attendanceKey(shift.id, shift.staffId);
    seen.add(key);
    out.push({ shift, staffId: shift.staffId, attendance: byKey.get(key) });
  }
  for (const a of records) {
    const shift = live.get(a.shiftId);
    if (!shift || seen.has(attendanceKey(a.shiftId, a.staffId))) continue;
    out.push({ shift: scheduledFor(shift, a.staffId), staffId: a.staffId, attendance: a, coveredBy: shift.staffId });
  }
  return out;
};

/** The shift's times as they stood when `staffId` was last on it, from its change history. */
export const scheduledFor = (shift: Shift, staffId: string): Shift => {
  for (let i = shift.history.length - 1; i >= 0; i -= 1) {
    const before = shift.history[i].before;
    if (before && before.staffId === staffId) {
      const pick = (k: 'date' | 'start' | 'end') => (typeof before[k] === 'string' ? (before[k] as string) : shift[k]);
      return { ...shift, staffId, date: pick('date'), start: pick('start'), end: pick('end') };
    }
  }
  return { ...shift, staffId };
};
