/** Attendance records for domain tests, parsed through the real schema. */
import { attendanceSchema, type Attendance } from '../../../../shared/schemas/attendance';
import type { Shift } from '../../../../shared/schemas/shift';

let seq = 0;

/** An attendance record for `shift` (its person unless given), times as UTC instants. */
export const makeAttendance = (shift: Shift, o: Partial<Attendance> = {}): Attendance =>
  attendanceSchema.parse({
    id: `att-${String(++seq).padStart(5, '0')}`,
    shiftId: shift.id,
    staffId: shift.staffId ?? 'staff-none',
    site: shift.site,
    date: shift.date,
    signedInAt: null,
    signedOutAt: null,
    createdAt: '2026-01-01T09:00:00.000Z',
    createdBy: 'manager-1',
    updatedAt: '2026-01-01T09:00:00.000Z',
    updatedBy: 'manager-1',
    rev: 1,
    ...o,
  });

/** ms for a UTC instant written without the zone. */
export const at = (utc: string): number => Date.parse(`${utc}Z`);
