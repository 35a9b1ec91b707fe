import { z } from 'zod';
import type { AbsenceCalendar, LicenceStatus, StaffCsvResult } from '../domain/directory';
import { idSchema, isoDateSchema, siteCodeSchema } from '../schemas/common';
import { absenceSchema, staffInputSchema, type Staff } from '../schemas/staff';
import { channel, type TextFile } from './define';

/** A staff record as the caller may see it: supervisors get `payRate: null`, stripped in main. */
export type StaffView = Omit<Staff, 'payRate'> & { payRate: number | null };

/** One person on the licence watch, with the security shifts their licence leaves uncovered. */
export interface LicenceWatchItem {
  staffId: string;
  name: string;
  employeeNumber: string;
  homeSite: string | null;
  status: LicenceStatus;
  expires: string | null;
  daysLeft: number | null;
  shifts: { id: string; date: string; site: string }[];
}

export interface LicenceWatchView {
  today: string;
  expired: LicenceWatchItem[];
  within30: LicenceWatchItem[];
  within60: LicenceWatchItem[];
  none: LicenceWatchItem[];
}

/** The editable part of a person; absences have their own channels so a form save never drops them. */
const staffFormSchema = staffInputSchema.omit({ absences: true });
// The order of dates is checked by the service, which parses the whole absence again with its id.
const absenceFields = z.object({ ...absenceSchema.shape, id: idSchema.optional() });
const csvText = z.string().max(2_000_000, 'That file is too large for a staff list (2 MB at most)');

export const staffChannels = {
  /** Managers see everyone; supervisors the people whose home or familiar site they supervise, without pay. */
  'staff:list': channel(z.object({ includeArchived: z.boolean().default(true) }).strict(), 'user')<StaffView[]>(),
  'staff:get': channel(z.object({ id: idSchema }).strict(), 'user')<StaffView>(),
  'staff:create': channel(staffFormSchema.strict(), 'manager')<StaffView>(),
  /** `rev` is the revision the form was loaded at; a newer one on disk is a conflict, not an overwrite. */
  'staff:update': channel(staffFormSchema.extend({ id: idSchema, rev: z.number().int().min(1) }).strict(), 'manager')<StaffView>(),
  /** A leaver is archived from a date, never deleted: shifts, attendance and incidents still name them. */
  'staff:archive': channel(z.object({ id: idSchema, on: isoDateSchema.optional() }).strict(), 'manager')<StaffView>(),
  'staff:restore': channel(z.object({ id: idSchema }).strict(), 'manager')<StaffView>(),
  /** Adds an absence, or replaces the one with the same id. */
  'staff:save-absence': channel(z.object({ staffId: idSchema, absence: absenceFields }).strict(), 'manager')<StaffView>(),
  'staff:remove-absence': channel(z.object({ staffId: idSchema, absenceId: idSchema }).strict(), 'manager')<StaffView>(),
  'staff:absence-calendar': channel(
    z.object({ site: siteCodeSchema, month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Months are written yyyy-mm') }).strict(),
    'user',
  )<AbsenceCalendar>(),
  'staff:licence-watch': channel(z.object({}).strict(), 'user')<LicenceWatchView>(),
  /** Reads an HR file and says what importing it would do; writes nothing. */
  'staff:import-preview': channel(z.object({ csv: csvText }).strict(), 'manager')<StaffCsvResult>(),
  /** Imports every row of the file in one write, or none of them if any row has an error. */
  'staff:import': channel(z.object({ csv: csvText }).strict(), 'manager')<{ imported: number }>(),
  /** The staff list as CSV in the import's columns; pay only for managers who ask for it. */
  /** Every leave balance for payroll (people with leave terms), in days and hours, for the leave year containing today. */
  'staff:leave-csv': channel(z.object({}).strict(), 'manager')<TextFile>(),
  'staff:export': channel(
    z.object({ includeArchived: z.boolean().default(false), includePay: z.boolean().default(false) }).strict(),
    'user',
  )<TextFile>(),
};
