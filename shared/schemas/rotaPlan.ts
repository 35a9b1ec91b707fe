import { z } from 'zod';
import { idSchema, isoDateSchema, nonEmpty, recordMetaSchema, serviceSchema, siteCodeSchema, timeSchema } from './common';

/** Named shift times for a site and service, e.g. "Early clean 05:00–08:00". */
export const templateInputSchema = z.object({
  name: nonEmpty('Template name', 80),
  site: siteCodeSchema,
  service: serviceSchema,
  start: timeSchema,
  end: timeSchema,
  breakMinutes: z.number().int().min(0).max(180).default(0),
});
export type TemplateInput = z.infer<typeof templateInputSchema>;
export const templateSchema = templateInputSchema.extend(recordMetaSchema.shape);
export type ShiftTemplate = z.infer<typeof templateSchema>;

/** One line of a pattern: a shift time worked on some days of the cycle, by a person or left open. */
export const patternLineSchema = z.object({
  label: z.string().trim().max(40).default(''),
  start: timeSchema,
  end: timeSchema,
  breakMinutes: z.number().int().min(0).max(180).default(0),
  /** Days of the cycle (0-based) this line works. */
  days: z.array(z.number().int().min(0).max(55)).min(1, 'Choose at least one day of the cycle'),
  staffId: idSchema.nullable().default(null),
  /** How many of this shift each working day. */
  count: z.number().int().min(1).max(20).default(1),
});
export type PatternLine = z.infer<typeof patternLineSchema>;

/** A repeating pattern: lines over a cycle of days, counted from an anchor date. */
const patternBase = z.object({
  name: nonEmpty('Pattern name', 80),
  site: siteCodeSchema,
  service: serviceSchema,
  cycleDays: z.number().int().min(1, 'A cycle is at least one day').max(56, 'A cycle is at most 8 weeks'),
  /** Day 0 of the cycle. */
  anchor: isoDateSchema,
  lines: z.array(patternLineSchema).min(1, 'A pattern has at least one line').max(40),
});
const daysInCycle = (p: z.infer<typeof patternBase>) => p.lines.every((l) => l.days.every((d) => d < p.cycleDays));
const cycleIssue = { message: 'A line uses a day beyond the cycle', path: ['lines'] };
export const patternInputSchema = patternBase.refine(daysInCycle, cycleIssue);
export type PatternInput = z.infer<typeof patternInputSchema>;
export const patternSchema = patternBase.extend(recordMetaSchema.shape).refine(daysInCycle, cycleIssue);
export type ShiftPattern = z.infer<typeof patternSchema>;
