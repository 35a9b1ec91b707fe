/** The rota rule thresholds and bank-holiday changes a manager keeps in Settings, validated field by field. */
import { z } from 'zod';
import { isStandardBankHoliday } from '../domain/bankHolidays';
import { RULE_LIMITS, timeWindowProblems, type NumericRule } from '../domain/rota/ruleLimits';
import { DEFAULT_RULE_SETTINGS, type RuleSettings } from '../domain/rota/types';
import { formatDateGB, weekdayOf } from '../domain/dates';
import { isoDateSchema } from './common';

const UNIT_WORD = { hours: 'hours', minutes: 'minutes', weeks: 'weeks', days: 'days' } as const;

const numberRule = (key: NumericRule) => {
  const { min, max, unit } = RULE_LIMITS[key];
  const range = `Enter ${min}–${max} ${UNIT_WORD[unit]}`;
  return z.number({ error: range }).int(`Enter whole ${UNIT_WORD[unit]}`).min(min, range).max(max, range);
};

/** A clock time inside a day; 24:00 would make a night window ambiguous. */
const clockTime = z.string({ error: 'Enter a time as HH:mm' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time as HH:mm, 00:00 to 23:59');

const numbers = Object.fromEntries((Object.keys(RULE_LIMITS) as NumericRule[]).map((k) => [k, numberRule(k)])) as Record<
  NumericRule,
  ReturnType<typeof numberRule>
>;

/** Thresholds added after rules were first stored read as their defaults until a manager saves. */
const NEWER: readonly NumericRule[] = [
  'compensatoryRestDays',
  'youngWeeklyRestHours',
  'youngBreakAfterMinutes',
  'youngBreakMinutes',
  'fatigueShiftHours',
  'fatigueDayHours',
  'fatigueNights',
  'fatigueShiftsInRow',
];
for (const k of NEWER) (numbers as Record<NumericRule, z.ZodType>)[k] = numbers[k].default(DEFAULT_RULE_SETTINGS[k]) as never;

const monday = isoDateSchema.refine((d) => weekdayOf(d) === 'mon', 'Choose a Monday');

export const ruleSettingsSchema: z.ZodType<RuleSettings> = z
  .object({
    ...numbers,
    nightStart: clockTime,
    nightEnd: clockTime,
    youngNoWorkStart: clockTime,
    youngNoWorkEnd: clockTime,
    fortnightlyWeeklyRest: z.boolean({ error: 'Choose yes or no' }).default(DEFAULT_RULE_SETTINGS.fortnightlyWeeklyRest),
    fortnightStarts: monday.default(DEFAULT_RULE_SETTINGS.fortnightStarts),
  })
  .strict()
  .superRefine((r, ctx) => {
    // A time already refused by its own field says all there is to say about its window.
    if (![r.nightStart, r.nightEnd, r.youngNoWorkStart, r.youngNoWorkEnd].every((t) => clockTime.safeParse(t).success)) return;
    for (const p of timeWindowProblems(r)) ctx.addIssue({ code: 'custom', path: [p.field], message: p.message });
  });

const holidayName = z.string({ error: 'Name the day' }).trim().min(1, 'Name the day').max(80, 'At most 80 characters');

export const bankHolidayChangesSchema = z
  .object({
    added: z.array(z.object({ date: isoDateSchema, name: holidayName }).strict()).max(100, 'At most 100 added days'),
    removed: z.array(isoDateSchema).max(100, 'At most 100 removed days'),
  })
  .strict()
  .superRefine((c, ctx) => {
    // Dates that do not parse already have their own message; the rest are named as the list shows them.
    const real = (d: string) => isoDateSchema.safeParse(d).success;
    const seen = new Set<string>();
    c.added.forEach((h, i) => {
      if (!real(h.date)) return;
      if (isStandardBankHoliday(h.date))
        ctx.addIssue({ code: 'custom', path: ['added', i, 'date'], message: `${formatDateGB(h.date)} is already a bank holiday` });
      else if (seen.has(h.date))
        ctx.addIssue({ code: 'custom', path: ['added', i, 'date'], message: `${formatDateGB(h.date)} is added twice` });
      seen.add(h.date);
    });
    const removed = new Set<string>();
    c.removed.forEach((d, i) => {
      if (!real(d)) return;
      if (!isStandardBankHoliday(d))
        ctx.addIssue({ code: 'custom', path: ['removed', i], message: `${formatDateGB(d)} is not a bank holiday in England and Wales` });
      else if (removed.has(d)) ctx.addIssue({ code: 'custom', path: ['removed', i], message: `${formatDateGB(d)} is removed twice` });
      removed.add(d);
    });
  });
