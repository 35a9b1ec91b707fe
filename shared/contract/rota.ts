import { z } from 'zod';
import type { BankHoliday } from '../domain/bankHolidays';
import type { Candidate, Finding, Gap } from '../domain/rota/types';
import type { CompensatoryBalance } from '../domain/rota/compensatory';
import { formatMinutes, shiftMinutes } from '../domain/dates';
import { idSchema, isoDateSchema, siteCodeSchema, timeSchema } from '../schemas/common';
import { patternInputSchema, templateInputSchema, type ShiftPattern, type ShiftTemplate } from '../schemas/rotaPlan';
import { shiftInputSchema, type Shift, type ShiftInput } from '../schemas/shift';
import { refuseSkippedTimes, shiftTimes } from '../schemas/wallClock';
import type { Site } from '../schemas/site';
import type { Staff } from '../schemas/staff';
import { channel } from './define';
import type { StaffView } from './staff';

/**
 * A shift around the week shown, as the planner needs it: the rules (rest, overlaps, hours), cover and
 * a person's hours read when, where, what and who, never notes, history or the record's bookkeeping.
 * Three thousand of them come with each all-sites week, so that is all that is sent (0.5 MB less JSON
 * to write, send and parse on every week switch).
 */
export type ContextShift = Pick<Shift, 'id' | 'site' | 'service' | 'date' | 'start' | 'end' | 'breakMinutes' | 'staffId' | 'status'>;

/** The fields of `ContextShift`, copied from a stored shift. */
export const contextShift = (s: Shift): ContextShift => ({
  id: s.id,
  site: s.site,
  service: s.service,
  date: s.date,
  start: s.start,
  end: s.end,
  breakMinutes: s.breakMinutes,
  staffId: s.staffId,
  status: s.status,
});

/** A week of the rota as the planner shows it, with what the rules found and where cover is short. */
export interface WeekView {
  weekStart: string;
  dates: string[];
  site: string | null;
  sites: Site[];
  /** The week's live shifts at the sites shown. */
  shifts: Shift[];
  /** Other live shifts (every site, two weeks either side) the live checks in the planner need. */
  context: ContextShift[];
  /** Everyone the week can name; pay rates only for managers (null otherwise). */
  staff: StaffView[];
  findings: Finding[];
  gaps: Gap[];
  /** The week's bank holidays, with the changes a manager made in Settings. */
  bankHolidays: BankHoliday[];
}

/** What a change wrote: each shift as it was (absent when new) and as it is now. */
export interface ShiftChanges {
  before: Shift[];
  after: Shift[];
}

export interface CopyResult extends ShiftChanges {
  leftOpen: { shiftId: string; staffId: string; reason: string }[];
  /** Shifts of the source week the target week already had (same site, service, times and person), not copied again. */
  alreadyThere: number;
}

export interface FillWeekResult extends ShiftChanges {
  filled: { shiftId: string; staffId: string }[];
  unfilled: { shiftId: string; reason: string }[];
  /** Warning findings in the week (all people), before the fill and after it. */
  warnings: { before: number; after: number };
}

export interface PatternPreview {
  shifts: ShiftInput[];
  /** Findings the new shifts would add; blocks need an override to apply. */
  findings: Finding[];
}

export interface PersonView {
  staff: Staff;
  from: string;
  to: string;
  shifts: Shift[];
  weeks: { weekStart: string; minutes: number; contractMinutes: number }[];
  rests: { afterShiftId: string; beforeShiftId: string; minutes: number }[];
  findings: Finding[];
  /**
   * WTR reg. 24 compensatory rest for what fell owed in the period (security at a site needing permanent
   * presence), counted to now; absent when nothing was owed.
   */
  compensatoryRest?: CompensatoryBalance;
}

import type { TextFile } from './define';

const shiftSaveFields = shiftInputSchema.extend({
  id: idSchema.optional(),
  deleted: z.boolean().default(false),
  /** The revision the planner last saw; a mismatch means someone else changed it. */
  rev: z.number().int().min(1).optional(),
});
/** One shift to create (no id), change, delete or restore (`deleted`), as the planner sends it; never at a time the clocks skip. */
export const shiftSaveSchema = shiftSaveFields
  .superRefine(refuseSkippedTimes((s: z.output<typeof shiftSaveFields>) => (s.deleted ? [] : shiftTimes(s))))
  .superRefine((s, ctx) => {
    // A break as long as the shift leaves a shift on the rota that nobody is paid for: a slip of the keyboard.
    if (s.deleted || !isoDateSchema.safeParse(s.date).success || ![s.start, s.end].every((t) => timeSchema.safeParse(t).success)) return;
    const length = shiftMinutes(s.date, s.start, s.end);
    if (s.breakMinutes >= length)
      ctx.addIssue({
        code: 'custom',
        path: ['breakMinutes'],
        message: `A ${s.breakMinutes} min break leaves no paid time in a ${formatMinutes(length)} shift`,
      });
  });
export type ShiftSave = z.input<typeof shiftSaveSchema>;

/** The shifts one publish changed, each as that publish left it, so main can tell if any changed since. */
const publishedShifts = z
  .object({
    shifts: z
      .array(shiftSaveFields.omit({ rev: true }).extend({ id: idSchema }))
      .min(1)
      .max(5000),
  })
  .strict()
  .refine((r) => new Set(r.shifts.map((s) => s.id)).size === r.shifts.length, {
    message: 'Each shift can be listed once',
    path: ['shifts'],
  });
const overrideReason = z.string().trim().min(5, 'Say why the rule is overridden (at least 5 characters)').max(500).nullable().default(null);
const weekQuery = z.object({ week: isoDateSchema, site: siteCodeSchema.nullable().default(null) }).strict();
const range = { from: isoDateSchema, to: isoDateSchema };
const inOrder = (r: { from: string; to: string }) => r.from <= r.to;
const order = { message: 'The range ends on or after it starts', path: ['to'] };

export const rotaChannels = {
  /** The week containing `week` for one site, or every site the user may see. */
  'rota:week': channel(weekQuery, 'user')<WeekView>(),
  /** Creates, edits, moves, reassigns, deletes or restores shifts in one change; a new block needs `override`. */
  'rota:save': channel(
    z.object({ items: z.array(shiftSaveSchema).min(1).max(5000), override: overrideReason }).strict(),
    'manager',
  )<ShiftChanges>(),
  'rota:publish': channel(weekQuery, 'manager')<ShiftChanges>(),
  /** Undoes one publish: its shifts, as it left them, go back to draft, only if none has changed since. */
  'rota:unpublish': channel(publishedShifts, 'manager')<ShiftChanges>(),
  /** Redoes an undone publish: the same shifts, as its undo left them, are published again. */
  'rota:republish': channel(publishedShifts, 'manager')<ShiftChanges>(),
  /** Copies a week's shifts as drafts; people absent or gone by then leave their shifts open. */
  'rota:copy-week': channel(
    z.object({ from: isoDateSchema, to: isoDateSchema, site: siteCodeSchema.nullable().default(null), override: overrideReason }).strict(),
    'manager',
  )<CopyResult>(),
  'rota:plans': channel(z.object({}).strict(), 'user')<{ templates: ShiftTemplate[]; patterns: ShiftPattern[] }>(),
  'rota:save-template': channel(templateInputSchema.extend({ id: idSchema.optional() }).strict(), 'manager')<ShiftTemplate>(),
  'rota:save-pattern': channel(patternInputSchema.and(z.object({ id: idSchema.optional() })), 'manager')<ShiftPattern>(),
  'rota:delete-plan': channel(z.object({ kind: z.enum(['template', 'pattern']), id: idSchema }).strict(), 'manager')<null>(),
  'rota:pattern-preview': channel(
    z
      .object({ patternId: idSchema, ...range })
      .strict()
      .refine(inOrder, order),
    'manager',
  )<PatternPreview>(),
  'rota:apply-pattern': channel(
    z
      .object({ patternId: idSchema, ...range, override: overrideReason })
      .strict()
      .refine(inOrder, order),
    'manager',
  )<ShiftChanges>(),
  /** People who could take a shift without breaking a block rule, best first, with why. */
  'rota:candidates': channel(z.object({ shiftId: idSchema, date: isoDateSchema }).strict(), 'user')<Candidate[]>(),
  'rota:fill-week': channel(weekQuery, 'manager')<FillWeekResult>(),
  'rota:person': channel(
    z
      .object({ staffId: idSchema, ...range })
      .strict()
      .refine(inOrder, order),
    'manager',
  )<PersonView>(),
  'rota:export-csv': channel(weekQuery, 'user')<TextFile>(),
  'rota:export-ics': channel(
    z
      .object({ staffId: idSchema, ...range })
      .strict()
      .refine(inOrder, order),
    'manager',
  )<TextFile>(),
};
