import { z } from 'zod';
import { idSchema, isoDateSchema, nonEmpty, recordMetaSchema, siteCodeSchema, timeSchema } from './common';

export const LOG_KINDS = ['patrol', 'alarm', 'keys', 'visitor', 'handover', 'other'] as const;

export const logEntryInputSchema = z.object({
  site: siteCodeSchema,
  date: isoDateSchema,
  time: timeSchema,
  kind: z.enum(LOG_KINDS),
  text: nonEmpty('Entry', 2000),
  /**
   * `GMT` when the time is in the second pass of the hour the clocks go back (01:00–01:59 on the last Sunday of October
   * comes twice: first BST, then GMT). Absent is the first, as every entry written before this field was. An install
   * that predates it drops it on reading, so there such an entry reads as the first pass, an hour early.
   */
  zone: z.literal('GMT', { error: 'Only the second 01:00–01:59 (GMT) is marked; the first is the time alone' }).optional(),
  /** A correction points at the entry it corrects; both stay visible. */
  corrects: idSchema.nullable().default(null),
});
export type LogEntryInput = z.infer<typeof logEntryInputSchema>;

export const logEntrySchema = logEntryInputSchema.extend(recordMetaSchema.shape).extend({
  /**
   * The entry's number in its day's log, in the order entries were written: stored when it is written
   * and never derived from its time, so a back-dated entry added later never renumbers the others.
   * Entries written before numbers were stored have none (see `logNumbers`).
   */
  seq: z.number().int().min(1).optional(),
});
export type LogEntry = z.infer<typeof logEntrySchema>;
