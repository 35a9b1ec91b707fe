/** Loading what attendance, timesheets and reports need from the partitioned collections. */
import { assignmentsOf, type Assignment, type StatusRules } from '../../shared/domain/attendance';
import { DEFAULT_STATUS_RULES } from '../../shared/domain/attendance/status';
import { addDays, monthsBetween } from '../../shared/domain/dates';
import type { Attendance } from '../../shared/schemas/attendance';
import type { Shift } from '../../shared/schemas/shift';
import type { AppCore } from './types';

/** Live shifts dated `from`..`to` (inclusive), at the given sites or all. */
export const shiftsBetween = (app: AppCore, from: string, to: string, sites?: string[]): Shift[] =>
  app.repos.shifts.inMonths(monthsBetween(from, to), sites).filter((s) => !s.deleted && s.date >= from && s.date <= to);

/** Attendance records for shifts dated `from`..`to`. */
export const attendanceBetween = (app: AppCore, from: string, to: string, sites?: string[]): Attendance[] =>
  app.repos.attendance.inMonths(monthsBetween(from, to), sites).filter((a) => a.date >= from && a.date <= to);

/** Everyone's part in the shifts dated `from`..`to`. */
export const assignmentsBetween = (app: AppCore, from: string, to: string, sites?: string[]): Assignment[] =>
  assignmentsOf(shiftsBetween(app, from, to, sites), attendanceBetween(app, from, to, sites));

/** The late and no-show rules with this install's grace. */
export const statusRules = (app: AppCore): StatusRules => ({
  ...DEFAULT_STATUS_RULES,
  graceMinutes: app.repos.settings.get().lateGraceMinutes,
});

/** Night shifts started the day before can still be running; the day's view reads one day back. */
export const dayBefore = (date: string): string => addDays(date, -1);
