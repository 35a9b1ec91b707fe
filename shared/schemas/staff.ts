import { z } from 'zod';
import { dayKeySchema } from './site';
import {
  idSchema,
  instantSchema,
  isoDateSchema,
  nonEmpty,
  recordMetaSchema,
  serviceSchema,
  SIA_SECTORS,
  siteCodeSchema,
  timeSchema,
} from './common';

export { SIA_SECTORS };

export const siaLicenceSchema = z.object({
  number: z.string().regex(/^\d{16}$/, 'An SIA licence number is 16 digits'),
  sector: z.enum(SIA_SECTORS, { error: 'Choose the licence sector' }),
  expires: isoDateSchema,
});
export type SiaLicence = z.infer<typeof siaLicenceSchema>;

/** When in a week a person says they can work; an empty day means not available. */
export const availabilitySchema = z.partialRecord(
  dayKeySchema.exclude(['bankHoliday']),
  z.array(z.object({ start: timeSchema, end: timeSchema })),
);
export type Availability = z.infer<typeof availabilitySchema>;

export const ABSENCE_KINDS = ['annual-leave', 'sickness', 'training', 'other'] as const;
export const absenceSchema = z
  .object({
    id: idSchema,
    kind: z.enum(ABSENCE_KINDS),
    from: isoDateSchema,
    to: isoDateSchema,
    /** Part days: when set, the absence covers only these hours on each day. */
    partDay: z.object({ start: timeSchema, end: timeSchema }).nullable().default(null),
    approved: z.boolean().default(true),
    note: z.string().max(500).default(''),
  })
  .refine((a) => a.from <= a.to, { message: 'An absence ends on or after the day it starts', path: ['to'] });
export type Absence = z.infer<typeof absenceSchema>;

export const LEAVE_STATUSES = ['requested', 'approved', 'refused'] as const;
export type LeaveStatus = (typeof LEAVE_STATUSES)[number];

/**
 * A request for annual leave and the manager's decision. While it is requested or approved the person's
 * absences hold an annual-leave absence with the same id (unapproved, then approved), so the rota rules
 * warn on it and then block shifts as they do for any absence; a refused request keeps only this record.
 */
export const leaveRequestSchema = z
  .object({
    id: idSchema,
    from: isoDateSchema,
    to: isoDateSchema,
    partDay: z.object({ start: timeSchema, end: timeSchema }).nullable().default(null),
    note: z.string().max(500).default(''),
    status: z.enum(LEAVE_STATUSES),
    requestedBy: idSchema,
    requestedAt: instantSchema,
    decidedBy: idSchema.nullable().default(null),
    decidedAt: instantSchema.nullable().default(null),
    /** Why it was refused. */
    refusal: z.string().max(500).nullable().default(null),
    /** Why it was approved although the balance goes below zero. */
    override: z.string().max(500).nullable().default(null),
    /** Shifts approving it took the person off. */
    openedShiftIds: z.array(idSchema).default([]),
  })
  .refine((r) => r.from <= r.to, { message: 'Leave ends on or after the day it starts', path: ['to'] });
export type LeaveRequest = z.infer<typeof leaveRequestSchema>;

export const CONTRACT_TYPES = ['full-time', 'part-time', 'zero-hours', 'relief'] as const;

export const staffInputSchema = z.object({
  name: nonEmpty('Name', 120),
  employeeNumber: z
    .string()
    .trim()
    .regex(/^[A-Z0-9-]{3,20}$/i, 'An employee number is 3–20 letters, digits or dashes'),
  services: z.array(serviceSchema).min(1, 'Choose at least one service'),
  familiarSites: z.array(siteCodeSchema).default([]),
  homeSite: siteCodeSchema.nullable().default(null),
  contractType: z.enum(CONTRACT_TYPES).default('full-time'),
  contractedHours: z.number().min(0, 'Hours cannot be negative').max(60, 'At most 60 contracted hours'),
  payRate: z.number().min(0, 'Pay cannot be negative').max(200, 'Pay rate looks too high'),
  optOut: z.object({ signed: isoDateSchema }).nullable().default(null),
  youngWorker: z.boolean().default(false),
  dateOfBirth: isoDateSchema.nullable().default(null),
  /**
   * Under-18s whose contract has them work after 22:00: their restricted period is 23:00–07:00 instead
   * of 22:00–06:00 (Working Time Regulations 1998 reg. 6A).
   */
  youngLateContract: z.boolean().optional(),
  sia: siaLicenceSchema.nullable().default(null),
  /** Annual leave terms (Working Time Regulations 1998 regs. 13–16A); absent until a manager sets them. */
  leave: z
    .object({
      daysPerWeek: z
        .number({ error: 'Enter the days worked a week' })
        .min(0.5, 'At least half a day a week')
        .max(7, 'At most 7 days a week'),
      /** Contractual days above the statutory 5.6 weeks, a full year. */
      extraDays: z.number().min(0, 'Cannot be negative').max(60, 'At most 60 days').default(0),
      /** Days carried over into the current leave year, as the manager set them. */
      carriedDays: z.number().min(0, 'Cannot be negative').max(60, 'At most 60 days').default(0),
      /**
       * An irregular-hours or part-year worker (reg. 15B): leave accrues at 12.07% of the hours worked,
       * from attendance, in leave years from 1 April 2024.
       */
      irregular: z.boolean().optional(),
      /** Whether bank holidays off count against the entitlement (as the contract says). */
      bankHolidaysCount: z.boolean().default(true),
      /** Start of employment: the leave year's default start (reg. 13(3)). */
      started: isoDateSchema.nullable().default(null),
      /** The leave year agreed, as the month and day it starts (`04-01`); null for the law's default. */
      yearStart: z
        .string()
        .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'Enter the month and day, e.g. 04-01')
        .nullable()
        .default(null),
    })
    .optional(),
  availability: availabilitySchema.default({}),
  absences: z.array(absenceSchema).default([]),
  phone: z.string().max(40).default(''),
  notes: z.string().max(4000).default(''),
});
export type StaffInput = z.infer<typeof staffInputSchema>;

export const staffSchema = staffInputSchema
  .extend({
    archived: z.boolean().default(false),
    archivedOn: isoDateSchema.nullable().default(null),
    /** Leave requests, newest last; absent on records made before requests existed. */
    leaveRequests: z.array(leaveRequestSchema).optional(),
  })
  .extend(recordMetaSchema.shape);
export type Staff = z.infer<typeof staffSchema>;
