import { z } from 'zod';
import { SERVICES, WEEKDAYS } from './values';

export { SERVICES, SIA_SECTORS, WEEKDAYS, type Service, type SiaSector, type Weekday } from './values';
export const serviceSchema = z.enum(SERVICES, { error: 'Choose reception, security or cleaning' });
export const weekdaySchema = z.enum(WEEKDAYS);

export const idSchema = z
  .string({ error: 'An id is required' })
  .regex(/^[A-Za-z0-9_-]{6,64}$/, 'An id is 6–64 letters, digits, - or _')
  // Records are kept in plain objects keyed by id: a name every object already has ("constructor",
  // "__proto__", "toString"…) would find or change the object itself, not a record.
  .refine((id) => !(id in Object.prototype), 'That is not a record id');

const isRealDate = (s: string) => {
  const [y, m, d] = s.split('-').map(Number);
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
};

/** A calendar date as it crosses IPC and disk: `2026-11-25`. */
// An empty value (a cleared or mistyped box) says what is missing, not the machine format.
export const isoDateSchema = z
  .string({ error: 'A date is required' })
  .min(1, { error: 'Enter a date', abort: true })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Dates are written yyyy-mm-dd')
  .refine(isRealDate, 'That date does not exist');

/** A wall-clock time in Europe/London: `07:00`. `24:00` is allowed as the end of a day. */
export const timeSchema = z
  .string({ error: 'A time is required' })
  .min(1, { error: 'Enter a time', abort: true })
  .regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'Times are written hh:mm, 00:00 to 24:00');

/** An instant, always UTC ISO-8601 with milliseconds: `2026-11-25T09:30:00.000Z`. */
export const instantSchema = z
  .string({ error: 'A timestamp is required' })
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/, 'Timestamps are ISO-8601 in UTC');

export const siteCodeSchema = z
  .string({ error: 'A site code is required' })
  .regex(/^[A-Z]{2,4}$/, 'A site code is 2–4 capital letters, e.g. CH');

export const nonEmpty = (label: string, max = 200) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, `${label} is required`)
    .max(max, `${label} is at most ${max} characters`);

/** Who wrote a record and when; every stored record carries it. */
export const recordMetaSchema = z.object({
  id: idSchema,
  createdAt: instantSchema,
  createdBy: idSchema,
  updatedAt: instantSchema,
  updatedBy: idSchema,
  /** Bumped on every write; lets a client detect it is editing a stale copy. */
  rev: z.number().int().min(1),
  /**
   * Hybrid logical clock stamp of the last write (shared/domain/sync/hlc.ts); it orders edits made on
   * different installs. Optional so files written before it existed still parse: absent reads as zero.
   */
  hlc: z.string().max(100).optional(),
  /** The install that made the last write. */
  origin: z.string().max(64).optional(),
  /** The stamp of the version the last write was made from, so a merge can tell an update from a conflict. */
  base: z.string().max(100).optional(),
});
export type RecordMeta = z.infer<typeof recordMetaSchema>;
