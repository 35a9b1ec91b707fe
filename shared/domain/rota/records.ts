/**
 * Builders for the records the rules engine reads, for callers that are not the storage layer (an
 * auto-scheduler trying options, tests, tools): each checks its input against the stored schema and
 * fills the defaults, so a record is shaped exactly as one read from disk. Bad input throws an Error
 * naming the field.
 */
import type { z } from 'zod';
import { shiftSchema, type Shift } from '../../schemas/shift';
import { siteSchema, type Site } from '../../schemas/site';
import { staffSchema, type Staff } from '../../schemas/staff';
import { DEFAULT_RULE_SETTINGS, type RotaContext, type RuleSettings } from './types';

/** Who made a record and when: becomes its id, created/updated stamps and rev 1. */
export interface RecordStamp {
  id: string;
  /** UTC ISO instant, e.g. `2026-11-02T09:00:00.000Z`. */
  at: string;
  by: string;
}

const parse = <T>(schema: z.ZodType<T>, what: string, value: unknown): T => {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  throw new Error(`Not a valid ${what}: ${issue.path.join('.') || '(record)'}: ${issue.message}`);
};

const meta = (s: RecordStamp) => ({ id: s.id, createdAt: s.at, createdBy: s.by, updatedAt: s.at, updatedBy: s.by, rev: 1 });

type Input<T, Required extends keyof T> = Partial<Omit<T, 'id' | 'createdAt' | 'createdBy' | 'updatedAt' | 'updatedBy' | 'rev'>> &
  Pick<T, Required>;

/** A shift; `staffId` null (the default) is an open shift, `status` defaults to draft. */
export const shiftRecord = (
  input: Input<Shift, 'site' | 'service' | 'date' | 'start' | 'end' | 'breakMinutes'>,
  stamp: RecordStamp,
): Shift => parse(shiftSchema, 'shift', { staffId: null, status: 'draft', ...input, ...meta(stamp) });

/** A member of staff. */
export const staffRecord = (
  input: Input<Staff, 'name' | 'employeeNumber' | 'services' | 'contractedHours' | 'payRate'>,
  stamp: RecordStamp,
): Staff => parse(staffSchema, 'staff record', { ...input, ...meta(stamp) });

/** A site; cover defaults to none for each service. */
export const siteRecord = (input: Input<Site, 'code' | 'name' | 'address' | 'services'>, stamp: RecordStamp): Site =>
  parse(siteSchema, 'site', { opening: {}, cover: { reception: {}, security: {}, cleaning: {} }, ...input, ...meta(stamp) });

/** A context for the checks, with the UK statutory settings unless some are given. */
export const rotaContext = (o: {
  shifts?: readonly Shift[];
  staff?: readonly Staff[];
  sites?: readonly Site[];
  settings?: Partial<RuleSettings>;
  bankHolidays?: readonly string[];
}): RotaContext => ({
  shifts: o.shifts ?? [],
  staff: o.staff ?? [],
  sites: o.sites ?? [],
  settings: { ...DEFAULT_RULE_SETTINGS, ...o.settings },
  bankHolidays: o.bankHolidays ?? [],
});
