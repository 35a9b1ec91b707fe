/**
 * The shapes the rota rules engine speaks in: what a finding is, the thresholds it checks against and the
 * data it is given. Everything is plain data so the same engine runs in the renderer and in main.
 */
import type { Service } from '../../schemas/common';
import type { Shift } from '../../schemas/shift';
import type { Site } from '../../schemas/site';
import type { Staff } from '../../schemas/staff';

/** Every rule the engine can report; a manager's override records which of these it set aside. */
export const RULE_IDS = [
  'staff-record',
  'overlap',
  'service',
  'sia-licence',
  'absence',
  'young-daily-hours',
  'young-weekly-hours',
  'young-daily-rest',
  'young-night',
  'daily-rest',
  'weekly-rest',
  'average-hours',
  'break',
  'night-work',
  'contracted-hours',
  'availability',
  'sia-expiring',
  'familiarity',
  'absence-pending',
  'young-weekly-rest',
  'young-break',
  'compensatory-rest',
  'sia-sector',
  'fatigue-shift-length',
  'fatigue-working-day',
  'fatigue-nights',
  'fatigue-shifts-in-row',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export type Severity = 'block' | 'warn' | 'info';

/** What a measured quantity is counted in. */
export type MeasureUnit = 'minutes' | 'days' | 'shifts' | 'nights';

/**
 * The numbers behind a finding, so reports, the auto-fill and tests need not read the sentence:
 * what was found (`actual`) against the threshold it was checked with (`required`), in `unit`.
 * For a minimum (rest, breaks) the finding means actual < required; for a maximum (hours, nights in a
 * row) actual > required; for a licence close to expiry, actual is the days left and required the
 * warning period.
 */
export interface Measure {
  unit: MeasureUnit;
  actual: number;
  required: number;
  /** Whether `required` is a least ('min') or a most ('max'). */
  kind: 'min' | 'max';
  /** The period measured over, as London dates (inclusive), where the rule looks at one. */
  from?: string;
  to?: string;
  /** The length of that period in weeks, for averages over a reference period. */
  weeks?: number;
}

/** One thing wrong (or worth knowing) about a person's shifts, worded for a manager. */
export interface Finding {
  rule: RuleId;
  severity: Severity;
  staffId: string | null;
  shiftIds: string[];
  message: string;
  /** The figures the message states, where the rule measures something. */
  measure?: Measure;
  /**
   * Set when a finding of a rule that does not apply to the work (WTR reg. 21(b)) was turned into
   * compensatory rest owed: the rule it replaces.
   */
  compensates?: RuleId;
}

/** Every threshold the rules use; the defaults are the UK statutory ones. */
export interface RuleSettings {
  dailyRestHours: number;
  weeklyRestHours: number;
  fortnightlyRestHours: number;
  averageWeeklyHours: number;
  referenceWeeks: number;
  securityReferenceWeeks: number;
  breakAfterHours: number;
  breakMinutes: number;
  nightAvgHours: number;
  nightReferenceWeeks: number;
  nightStart: string;
  nightEnd: string;
  /** Night time a shift needs to make its worker a night worker for that shift. */
  nightWorkerMinHours: number;
  licenceExpiryWarnDays: number;
  youngDailyHours: number;
  youngWeeklyHours: number;
  youngDailyRestHours: number;
  youngNoWorkStart: string;
  youngNoWorkEnd: string;
  /**
   * WTR reg. 11(2): the employer has determined that weekly rest is two 24-hour spells (or one of 48
   * hours) in each 14 days instead of 24 hours in each 7. Off unless the employer so determines.
   */
  fortnightlyWeeklyRest: boolean;
  /** WTR reg. 11(6): a Monday that starts a fixed 14-day period; fortnights run every other week from it. */
  fortnightStarts: string;
  /** Days within which compensatory rest owed under reg. 24 must be given before it is flagged. */
  compensatoryRestDays: number;
  youngWeeklyRestHours: number;
  youngBreakAfterMinutes: number;
  youngBreakMinutes: number;
  fatigueShiftHours: number;
  fatigueDayHours: number;
  fatigueNights: number;
  fatigueShiftsInRow: number;
}

export const DEFAULT_RULE_SETTINGS: Readonly<RuleSettings> = Object.freeze({
  dailyRestHours: 11,
  weeklyRestHours: 24,
  fortnightlyRestHours: 48,
  averageWeeklyHours: 48,
  referenceWeeks: 17,
  securityReferenceWeeks: 26,
  breakAfterHours: 6,
  breakMinutes: 20,
  nightAvgHours: 8,
  nightReferenceWeeks: 17,
  nightStart: '23:00',
  nightEnd: '06:00',
  nightWorkerMinHours: 3,
  licenceExpiryWarnDays: 60,
  youngDailyHours: 8,
  youngWeeklyHours: 40,
  youngDailyRestHours: 12,
  youngNoWorkStart: '22:00',
  youngNoWorkEnd: '06:00',
  fortnightlyWeeklyRest: false,
  fortnightStarts: '2026-01-05',
  compensatoryRestDays: 14,
  youngWeeklyRestHours: 48,
  youngBreakAfterMinutes: 270,
  youngBreakMinutes: 30,
  fatigueShiftHours: 12,
  fatigueDayHours: 13,
  fatigueNights: 4,
  fatigueShiftsInRow: 7,
});

/** What a check is given: the week's shifts plus enough history for rest and averages. */
export interface RotaContext {
  shifts: readonly Shift[];
  staff: ReadonlyMap<string, Staff> | readonly Staff[];
  sites: readonly Site[];
  settings: RuleSettings;
  /** ISO dates of bank holidays in England and Wales. */
  bankHolidays: readonly string[];
}

/** A stretch of time a site has fewer people on a service than its cover requires. */
export interface Gap {
  site: string;
  service: Service;
  /** The London date the gap starts on. */
  date: string;
  start: string;
  end: string;
  /** The London date the gap ends on; gaps in 24/7 cover can run for days. */
  endDate: string;
  required: number;
  present: number;
  /** Minutes short × people missing, in real minutes (clock changes included). */
  shortMinutes: number;
}

/** A person who could take a shift without breaking a block rule, and why they rank where they do. */
export interface Candidate {
  staffId: string;
  name: string;
  reasons: string[];
  /** The warnings and notes assigning this person would add. */
  warnings: Finding[];
  weekMinutes: number;
  contractMinutes: number;
  /** Rest since the person's last work before the shift; null when they have none on record. */
  restBeforeMinutes: number | null;
  familiar: boolean;
}

/** Which part of the rota an edit touched, so a recheck can re-evaluate only the people it affects. */
export interface RotaChange {
  /** Ids of shifts added, edited or deleted; their current versions are looked up in the context. */
  shiftIds?: readonly string[];
  /** The changed shifts as they were before the edit, so a person taken off a shift is rechecked too. */
  before?: readonly Shift[];
  /**
   * The changed shifts as they are now (the versions in the context). Optional: it saves searching the
   * whole context for who holds each changed shift now.
   */
  after?: readonly Shift[];
  /** People whose own record changed (licence, absences, contract…). */
  staffIds?: readonly string[];
}
