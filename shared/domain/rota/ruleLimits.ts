/**
 * What each rule threshold means, the range a manager may set and what UK law says about it. One table
 * feeds the settings schema (ranges, refusals), the Settings screen (labels, units, legal basis) and the
 * warnings shown when a threshold gives staff less protection than the statutory one.
 *
 * Why some values below the statutory minimum are allowed with a warning and others refused: the Working
 * Time Regulations 1998 let a collective or workforce agreement modify the adult rest, break and night
 * rules and stretch the reference period to 52 weeks (reg. 23), and security officers are a special case
 * given compensatory rest (reg. 21(b), 24). A contractor with such an agreement must be able to check
 * against it, so those are allowed with a visible warning. The 48-hour weekly limit is varied only by
 * each person's own opt-out (kept on their staff record), and no agreement can lower the protection of
 * young workers (regs. 5A, 6A, 10(2)), so values beyond those are refused.
 */
import { dailyWindowCovers, dailyWindowMinutes } from './dailyWindow';
import type { RuleSettings } from './types';

export type RuleUnit = 'hours' | 'minutes' | 'weeks' | 'days';
export type NumericRule = { [K in keyof RuleSettings]: RuleSettings[K] extends number ? K : never }[keyof RuleSettings];
export type TimeRule = 'nightStart' | 'nightEnd' | 'youngNoWorkStart' | 'youngNoWorkEnd';
/** The settings that are a choice rather than a threshold. */
export type ChoiceRule = Exclude<keyof RuleSettings, NumericRule | TimeRule>;

export interface RuleLimit {
  label: string;
  unit: RuleUnit;
  min: number;
  max: number;
  /** The legal basis, for the hint beside the field. */
  basis: string;
  /** The statutory value and which way a setting gives staff less protection than it. */
  statutory?: { value: number; weaker: 'lower' | 'higher' };
}

const WTR = 'Working Time Regulations 1998';

/** Each numeric threshold: its label, unit, allowed range, legal basis and statutory value. */
export const RULE_LIMITS: Record<NumericRule, RuleLimit> = {
  dailyRestHours: {
    label: 'Daily rest between shifts',
    unit: 'hours',
    min: 1,
    max: 24,
    basis: `${WTR} reg. 10(1): 11 consecutive hours in each 24`,
    statutory: { value: 11, weaker: 'lower' },
  },
  weeklyRestHours: {
    label: 'Weekly rest in any 7 days',
    unit: 'hours',
    min: 1,
    max: 72,
    basis: `${WTR} reg. 11(1): 24 hours in each 7 days`,
    statutory: { value: 24, weaker: 'lower' },
  },
  fortnightlyRestHours: {
    label: 'Or rest in any 14 days',
    unit: 'hours',
    min: 1,
    max: 144,
    basis: `${WTR} reg. 11(2): or 48 hours in each 14 days`,
    statutory: { value: 48, weaker: 'lower' },
  },
  averageWeeklyHours: {
    label: 'Average weekly hours',
    unit: 'hours',
    min: 1,
    max: 48,
    basis: `${WTR} reg. 4(1): 48 hours on average, unless the person has opted out`,
  },
  referenceWeeks: {
    label: 'Reference period for the average',
    unit: 'weeks',
    min: 1,
    max: 52,
    basis: `${WTR} reg. 4(3): 17 weeks; up to 52 by agreement (reg. 23(b))`,
    statutory: { value: 17, weaker: 'higher' },
  },
  securityReferenceWeeks: {
    label: 'Reference period for security staff',
    unit: 'weeks',
    min: 1,
    max: 52,
    basis: `${WTR} reg. 4(5) and 21(b): 26 weeks for security and surveillance`,
    statutory: { value: 26, weaker: 'higher' },
  },
  breakAfterHours: {
    label: 'Break needed on shifts over',
    unit: 'hours',
    min: 1,
    max: 24,
    basis: `${WTR} reg. 12(1): a break when the day is over 6 hours`,
    statutory: { value: 6, weaker: 'higher' },
  },
  breakMinutes: {
    label: 'Shortest break',
    unit: 'minutes',
    min: 0,
    max: 180,
    basis: `${WTR} reg. 12(3): at least 20 minutes`,
    statutory: { value: 20, weaker: 'lower' },
  },
  nightAvgHours: {
    label: 'Night workers’ average daily hours',
    unit: 'hours',
    min: 1,
    max: 24,
    basis: `${WTR} reg. 6(1): 8 hours in 24 on average`,
    statutory: { value: 8, weaker: 'higher' },
  },
  nightReferenceWeeks: {
    label: 'Reference period for night work',
    unit: 'weeks',
    min: 1,
    max: 52,
    basis: `${WTR} reg. 6(3): 17 weeks`,
    statutory: { value: 17, weaker: 'higher' },
  },
  nightWorkerMinHours: {
    label: 'Night hours that make a night shift',
    unit: 'hours',
    min: 1,
    max: 12,
    basis: `${WTR} reg. 2: at least 3 hours of the shift in night time`,
    statutory: { value: 3, weaker: 'higher' },
  },
  licenceExpiryWarnDays: {
    label: 'Warn before an SIA licence expires',
    unit: 'days',
    min: 1,
    max: 365,
    basis: 'Company practice: renewals take weeks (Private Security Industry Act 2001)',
  },
  youngDailyHours: {
    label: 'Under-18s: most hours a day',
    unit: 'hours',
    min: 1,
    max: 8,
    basis: `${WTR} reg. 5A: at most 8 hours a day; cannot be raised`,
  },
  youngWeeklyHours: {
    label: 'Under-18s: most hours a week',
    unit: 'hours',
    min: 1,
    max: 40,
    basis: `${WTR} reg. 5A: at most 40 hours a week; cannot be raised`,
  },
  youngDailyRestHours: {
    label: 'Under-18s: daily rest',
    unit: 'hours',
    min: 12,
    max: 24,
    basis: `${WTR} reg. 10(2): 12 consecutive hours; cannot be lowered`,
  },
  youngWeeklyRestHours: {
    label: 'Under-18s: weekly rest',
    unit: 'hours',
    min: 36,
    max: 96,
    basis: `${WTR} reg. 11(3): 48 hours in each 7 days; 36 only for technical or organisational reasons (reg. 11(8))`,
    statutory: { value: 48, weaker: 'lower' },
  },
  youngBreakAfterMinutes: {
    label: 'Under-18s: break needed on shifts over',
    unit: 'minutes',
    min: 60,
    max: 270,
    basis: `${WTR} reg. 12(4): a break when daily working time is over 4½ hours; cannot be raised`,
  },
  youngBreakMinutes: {
    label: 'Under-18s: shortest break',
    unit: 'minutes',
    min: 30,
    max: 180,
    basis: `${WTR} reg. 12(4): at least 30 minutes; cannot be lowered`,
  },
  compensatoryRestDays: {
    label: 'Give compensatory rest within',
    unit: 'days',
    min: 1,
    max: 90,
    basis: `${WTR} reg. 24: equivalent compensatory rest where reg. 21 sets the rest rules aside`,
  },
  fatigueShiftHours: {
    label: 'Warn on shifts over',
    unit: 'hours',
    min: 1,
    max: 24,
    basis: 'HSE HSG256 Managing shift work: shifts over 12 hours raise fatigue risk',
  },
  fatigueDayHours: {
    label: 'Warn on working days over',
    unit: 'hours',
    min: 1,
    max: 24,
    basis: 'HSE HSG256: a working day, back-to-back cover included, over 13 hours',
  },
  fatigueNights: {
    label: 'Warn on more nights in a row than',
    unit: 'days',
    min: 1,
    max: 14,
    basis: 'HSE HSG256: limit consecutive night shifts to 4',
  },
  fatigueShiftsInRow: {
    label: 'Warn on more shifts in a row than',
    unit: 'days',
    min: 1,
    max: 21,
    basis: 'HSE HSG256: limit consecutive shifts to 7',
  },
};

/** Each clock-time threshold's label, as the Settings screen shows it and a refusal names it. */
export const TIME_RULE_LABEL: Record<TimeRule, string> = {
  nightStart: 'Night time starts',
  nightEnd: 'Night time ends',
  youngNoWorkStart: 'Under-18s: no work from',
  youngNoWorkEnd: 'Under-18s: no work until',
};

/** The legal basis of each clock-time threshold, for the hint beside its field. */
export const TIME_RULE_BASIS: Record<TimeRule, string> = {
  nightStart: `${WTR} reg. 2: night time is at least 7 hours and includes midnight to 05:00`,
  nightEnd: `${WTR} reg. 2: night time is at least 7 hours and includes midnight to 05:00`,
  youngNoWorkStart: `${WTR} reg. 6A: no work 22:00–06:00 (or 23:00–07:00 where the contract has work after 22:00)`,
  youngNoWorkEnd: `${WTR} reg. 6A: no work 22:00–06:00 (or 23:00–07:00 where the contract has work after 22:00)`,
};

/** The settings that are a choice: each one's label and the legal basis for its hint. */
export const CHOICE_RULES: Record<ChoiceRule, { label: string; hint: string }> = {
  fortnightlyWeeklyRest: {
    label: 'Weekly rest over 14 days (the employer has so determined)',
    hint: `${WTR} reg. 11(2): two 24 h spells or one of 48 h in each 14 days instead of 24 h in each 7`,
  },
  fortnightStarts: {
    label: 'Fortnights start on',
    hint: 'Reg. 11(6): a Monday that begins a 14-day period; the periods are fixed, every other week from it',
  },
};

const UNIT_SHORT: Record<RuleUnit, string> = { hours: 'h', minutes: 'min', weeks: 'weeks', days: 'days' };

/** Refusals of time windows the law does not allow, as a field and its message; empty when all is well. */
export const timeWindowProblems = (r: Pick<RuleSettings, TimeRule>): { field: TimeRule; message: string }[] => {
  const problems: { field: TimeRule; message: string }[] = [];
  if (dailyWindowMinutes(r.nightStart, r.nightEnd) < 7 * 60 || !dailyWindowCovers(r.nightStart, r.nightEnd, '00:00', '05:00')) {
    problems.push({
      field: 'nightEnd',
      message: `Night time must last at least 7 hours and include midnight to 05:00 (${r.nightStart}–${r.nightEnd} does not)`,
    });
  }
  if (
    !dailyWindowCovers(r.youngNoWorkStart, r.youngNoWorkEnd, '22:00', '06:00') &&
    !dailyWindowCovers(r.youngNoWorkStart, r.youngNoWorkEnd, '23:00', '07:00')
  ) {
    problems.push({
      field: 'youngNoWorkEnd',
      message: `Under-18s’ no-work hours must include 22:00–06:00 or 23:00–07:00 (${r.youngNoWorkStart}–${r.youngNoWorkEnd} does not)`,
    });
  }
  return problems;
};

/**
 * The thresholds that give staff less protection than UK law's, each with the warning to show beside
 * it. They are allowed (see the note at the top) but must never pass unnoticed.
 */
export const belowStatutory = (r: RuleSettings): Partial<Record<NumericRule, string>> => {
  const out: Partial<Record<NumericRule, string>> = {};
  for (const [key, limit] of Object.entries(RULE_LIMITS) as [NumericRule, RuleLimit][]) {
    const s = limit.statutory;
    if (!s) continue;
    const weaker = s.weaker === 'lower' ? r[key] < s.value : r[key] > s.value;
    if (weaker) {
      out[key] =
        `Below the UK statutory minimum: the law sets ${s.weaker === 'lower' ? 'at least' : 'at most'} ${s.value} ${UNIT_SHORT[limit.unit]}. Use this only under a collective or workforce agreement.`;
    }
  }
  return out;
};
