import { z } from 'zod';
import { idSchema, instantSchema, isoDateSchema, recordMetaSchema, serviceSchema, siteCodeSchema, timeSchema } from './common';

export const shiftInputSchema = z.object({
  site: siteCodeSchema,
  service: serviceSchema,
  /** The date the shift starts on, in Europe/London. */
  date: isoDateSchema,
  start: timeSchema,
  /** An end at or before the start means the shift ends the next day. */
  end: timeSchema,
  breakMinutes: z
    .number()
    .int('A break is a whole number of minutes')
    .min(0, 'A break cannot be negative')
    .max(180, 'A break is at most 3 hours'),
  staffId: idSchema.nullable(),
  notes: z.string().max(1000).default(''),
});
export type ShiftInput = z.infer<typeof shiftInputSchema>;

export const overrideSchema = z.object({
  reason: z.string().trim().min(5, 'Say why the rule is overridden (at least 5 characters)').max(500),
  by: idSchema,
  at: instantSchema,
  rules: z.array(z.string()),
});

export const shiftChangeSchema = z.object({
  at: instantSchema,
  by: idSchema,
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});

export const shiftSchema = shiftInputSchema
  .extend({
    status: z.enum(['draft', 'published']),
    override: overrideSchema.nullable().default(null),
    history: z.array(shiftChangeSchema).default([]),
    deleted: z.boolean().default(false),
  })
  .extend(recordMetaSchema.shape);
export type Shift = z.infer<typeof shiftSchema>;
