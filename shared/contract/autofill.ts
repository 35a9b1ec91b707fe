/**
 * The auto-scheduler's channels: build open shifts from the sites' cover, and fill open shifts as one
 * optimisation that runs in the background, reports progress and the best plan so far, can be stopped, and
 * ends in a preview the manager applies (or not) in one step.
 */
import { z } from 'zod';
import { daysBetween } from '../domain/dates';
import { idSchema, isoDateSchema, siteCodeSchema } from '../schemas/common';
import { channel } from './define';
import type { ShiftChanges } from './rota';

/** The longest range one build or fill takes: a month and a bit. */
export const AUTOFILL_MAX_DAYS = 42;

const scopeFields = {
  from: isoDateSchema,
  to: isoDateSchema,
  /** Site codes, or null for every site the manager may see. */
  sites: z.array(siteCodeSchema).min(1, 'Choose at least one site').max(100).nullable().default(null),
};
const inRange = (r: { from: string; to: string }) => r.from <= r.to && daysBetween(r.from, r.to) < AUTOFILL_MAX_DAYS;
const rangeIssue = { message: `The range ends on or after it starts, and is at most ${AUTOFILL_MAX_DAYS} days`, path: ['to'] };

export interface BuildResult extends ShiftChanges {
  /** New shifts by where their times came from. */
  bySource: { pattern: number; template: number; cover: number };
}

/** Findings of one severity, before the plan and after it. */
export interface FindingCount {
  block: number;
  warn: number;
}

export interface AutofillPreview {
  /** Each assignment, with the shift and person in words, and why. */
  assignments: { shiftId: string; staffId: string; shift: string; person: string; reasons: string[] }[];
  /** Each shift left open, with why (who was ruled out by what). */
  unfilled: { shiftId: string; shift: string; reason: string }[];
  /**
   * Shifts that had a person and get another (or none), when the manager let existing assignments move:
   * from whom, to whom (null: left open), and why the move pays.
   */
  moves: { shiftId: string; shift: string; fromId: string; from: string; toId: string | null; to: string | null; reasons: string[] }[];
  /** Findings at the sites in the plan's weeks, as the planner counts them, before and after. */
  findings: { before: FindingCount; after: FindingCount };
  /** The same, week by week (Monday dates), so the planner's week can be compared. */
  weeks: { weekStart: string; before: FindingCount; after: FindingCount }[];
  /** Warnings added by rule, in words, before → after. */
  byRule: { rule: string; label: string; before: number; after: number }[];
  objective: number;
  /** No plan costs less than this: the best of HiGHS's proven bound, the column-generation (Lagrangian) bound and a simple one (docs/autoschedule.md). */
  bound: number;
  /** (objective − bound) / objective. */
  gap: number;
  /** The quality in words: "within 1.8% of the best possible plan". */
  quality: string;
  status: 'optimal' | 'within-gap' | 'stopped' | 'time-limit';
  seconds: number;
  /** How the plan compares with the one-shift-at-a-time greedy fill, by the same objective. */
  greedyObjective: number | null;
}

export interface AutofillStatus {
  jobId: string;
  state: 'running' | 'done' | 'failed' | 'applied';
  from: string;
  to: string;
  sites: string[];
  openShifts: number;
  /** Shifts in range that have a person and that the fill may move to someone else (0 unless the manager allowed it). */
  movable: number;
  /** While running: the part being solved and the best plan so far, in points. */
  progress: {
    part: number;
    parts: number;
    seconds: number;
    objective: number | null;
    bound: number | null;
    assigned: number;
  } | null;
  preview: AutofillPreview | null;
  message: string | null;
}

const job = z.object({ jobId: idSchema }).strict();

export const autofillChannels = {
  /** Creates the open shifts the chosen sites' cover needs over the range (patterns, templates, then sensible lengths). */
  'rota:build-from-cover': channel(z.object(scopeFields).strict().refine(inRange, rangeIssue), 'manager')<BuildResult>(),
  /**
   * Starts the auto-scheduler's thread ahead of a fill (the planner's fill panel opening), so that the first fill
   * does not spend its time loading the solver. Writes nothing; the thread ends after 10 minutes idle.
   */
  'rota:autofill-warm': channel(z.object({}).strict(), 'manager')<{ ready: boolean }>(),
  /** Starts filling the range's open shifts in the background; one fill runs at a time. */
  'rota:autofill-start': channel(
    z
      .object({
        ...scopeFields,
        timeLimitS: z.number().int().min(2, 'At least 2 seconds').max(3600, 'At most an hour (3,600 seconds)').default(60),
        /** Let the fill give shifts that already have a person to someone else (off: they are kept as they are). */
        moveExisting: z.boolean().default(false),
      })
      .strict()
      .refine(inRange, rangeIssue),
    'manager',
  )<AutofillStatus>(),
  /** Where a fill has got to: progress while running, the preview when done. */
  'rota:autofill-status': channel(job, 'manager')<AutofillStatus>(),
  /** Stops a fill; it ends with the best plan found so far. */
  'rota:autofill-stop': channel(job, 'manager')<AutofillStatus>(),
  /** Writes a finished fill's plan as one change, only if none of its shifts has changed since. */
  'rota:autofill-apply': channel(job, 'manager')<ShiftChanges>(),
};
