import { z } from 'zod';
import type { HoursAgainstContract, IncidentCount, LabourCost, LicenceExpiry } from '../domain/attendance/reports';
import type { TimesheetRow } from '../domain/attendance/timesheet';
import type { WorkingTimeRecord } from '../domain/attendance/workingTime';
import type { Service } from '../schemas/common';
import { isoDateSchema, siteCodeSchema } from '../schemas/common';
import { channel, type TextFile } from './define';

/** A date range (inclusive) and optional site, as every manager's report is filtered. */
export const rangeSchema = z
  .object({ from: isoDateSchema, to: isoDateSchema, site: siteCodeSchema.nullable().default(null) })
  .strict()
  .refine((r) => r.from <= r.to, { message: 'The range ends on or after the day it starts', path: ['to'] })
  .refine((r) => r.from >= '2000-01-01' && r.to <= '2100-12-31', { message: 'Choose dates between 2000 and 2100', path: ['from'] });

export interface PersonWeekSummary {
  staffId: string;
  name: string;
  employeeNumber: string;
  scheduledMinutes: number;
  paidMinutes: number;
  shifts: number;
  /** Shifts they arrived late for, and how late in all. */
  late: number;
  lateMinutes: number;
  /** Shifts under way that they have not signed in for yet (not yet no-shows), and how late so far in all. */
  notIn: number;
  notInMinutes: number;
  noShows: number;
  corrections: number;
  cost: number;
  /**
   * Shifts still under way (signed in, not out, before their end) whose hours so far are in `paidMinutes`: the total is
   * still growing while this is above 0.
   */
  soFar: number;
}

export interface AttendanceReport {
  rows: TimesheetRow[];
  people: PersonWeekSummary[];
}

export interface CoverRow {
  site: string;
  service: Service;
  week: string;
  requiredMinutes: number;
  coveredMinutes: number;
  percent: number | null;
  plannedPercent: number | null;
}

export interface WorkingTimeReport {
  records: WorkingTimeRecord[];
  dailyRestHours: number;
  csv: TextFile;
}

export const attendanceChannels = {
  /** Scheduled against actual per person and shift, with lateness, no-shows, corrections and pay. */
  'attendance:report': channel(rangeSchema, 'manager')<AttendanceReport>(),
  'attendance:timesheet-csv': channel(rangeSchema, 'manager')<TextFile>(),
  /** What was worked, with the daily rest (hours, from the rule settings) the short rests are counted against. */
  'attendance:working-time': channel(rangeSchema, 'manager')<WorkingTimeReport>(),
  'reports:hours': channel(rangeSchema, 'manager')<{ people: HoursAgainstContract[]; csv: TextFile }>(),
  /** `firstWeek`: the Monday of the first week with a rota on record (the report starts there), or null. */
  'reports:cover': channel(rangeSchema, 'manager')<{ rows: CoverRow[]; firstWeek: string | null; csv: TextFile }>(),
  'reports:cost': channel(rangeSchema, 'manager')<{ rows: LabourCost[]; csv: TextFile }>(),
  'reports:incidents': channel(rangeSchema, 'manager')<{ rows: IncidentCount[]; csv: TextFile }>(),
  'reports:licences': channel(
    z.object({ within: z.number().int().min(0).max(730).default(90), site: siteCodeSchema.nullable().default(null) }).strict(),
    'manager',
  )<{ rows: LicenceExpiry[]; csv: TextFile }>(),
};
