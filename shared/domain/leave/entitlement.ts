/**
 * Statutory annual leave under the Working Time Regulations 1998: 5.6 weeks (regs. 13 and 13A), at most
 * 28 days, pro rata for part-time work and for the part of a leave year someone is employed, plus any
 * contractual extra; the leave year and its default (reg. 13(3)); and, for irregular-hours and part-year
 * workers in leave years from 1 April 2024, accrual at 12.07% of the hours worked in each pay period
 * (reg. 15B) and rolled-up holiday pay (reg. 16A). Pure: dates are ISO `yyyy-mm-dd` strings.
 */
import { addDays, daysBetween } from '../dates';

/** Reg. 13 + 13A: 5.6 weeks' leave a year. */
export const STATUTORY_WEEKS = 5.6;
/** Reg. 13A(3): the statutory entitlement is capped at 28 days. */
export const STATUTORY_CAP_DAYS = 28;
/** Reg. 15B: irregular-hours and part-year workers accrue 12.07% of the hours worked in each pay period. */
export const ACCRUAL_RATE = 0.1207;
/** Reg. 15B applies to leave years beginning on or after this date. */
export const ACCRUAL_FROM = '2024-04-01';

/** Statutory days a year for someone working `daysPerWeek` days a week: 5.6 weeks, at most 28 days. */
export const statutoryDays = (daysPerWeek: number): number => Math.min(STATUTORY_WEEKS * daysPerWeek, STATUTORY_CAP_DAYS);

/** Statutory hours a year for `hoursPerWeek` over `daysPerWeek` days: 5.6 weeks, capped at 28 days of that length. */
export const statutoryHours = (hoursPerWeek: number, daysPerWeek: number): number =>
  Math.min(STATUTORY_WEEKS * hoursPerWeek, STATUTORY_CAP_DAYS * (hoursPerWeek / daysPerWeek));

const monthDay = (iso: string) => iso.slice(5);
const yearOf = (iso: string) => Number(iso.slice(0, 4));

/**
 * The leave year containing `date`, for leave years starting on the month and day of `anchor`. With no
 * agreement the law's default is the anniversary of the start of employment (reg. 13(3)(b)(ii)), so pass
 * the start date as `anchor`. A 29 February anchor starts on 1 March in common years.
 */
export const leaveYearOf = (date: string, anchor: string): { start: string; end: string } => {
  const startIn = (y: number) => {
    const md = monthDay(anchor);
    const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    return md === '02-29' && !leap ? `${y}-03-01` : `${y}-${md}`;
  };
  let start = startIn(yearOf(date));
  if (start > date) start = startIn(yearOf(date) - 1);
  return { start, end: addDays(startIn(yearOf(start) + 1), -1) };
};

/** The share of the leave year `year` someone employed from `started` to `left` (either may be outside it) worked. */
export const fractionOfLeaveYear = (year: { start: string; end: string }, started?: string | null, left?: string | null): number => {
  const from = started && started > year.start ? started : year.start;
  const to = left && left < year.end ? left : year.end;
  if (to < from) return 0;
  return (daysBetween(from, to) + 1) / (daysBetween(year.start, year.end) + 1);
};

export interface EntitlementInput {
  daysPerWeek: number;
  hoursPerWeek: number;
  /** The leave year asked about. */
  year: { start: string; end: string };
  started?: string | null;
  left?: string | null;
  /** Contractual leave above the statutory minimum, in days a full year. */
  extraDays?: number;
  /** Days carried over into this year, as the manager set it. */
  carriedDays?: number;
}

export interface Entitlement {
  days: number;
  hours: number;
  statutoryDays: number;
  fraction: number;
}

/**
 * A regular worker's entitlement for the leave year: the statutory days (capped) and any contractual
 * extra, pro rata for the part of the year employed, plus days carried over. Hours are the days at the
 * person's average day (hours a week over days a week).
 */
export const entitlement = (i: EntitlementInput): Entitlement => {
  const fraction = fractionOfLeaveYear(i.year, i.started, i.left);
  const statutory = statutoryDays(i.daysPerWeek) * fraction;
  const days = statutory + (i.extraDays ?? 0) * fraction + (i.carriedDays ?? 0);
  return { days, hours: days * (i.hoursPerWeek / i.daysPerWeek), statutoryDays: statutory, fraction };
};

/**
 * Reg. 15B: hours of leave an irregular-hours or part-year worker accrues in a pay period, 12.07% of the
 * hours worked in it, for leave years from 1 April 2024; null for earlier leave years (the old rules apply).
 */
export const accruedHours = (hoursWorked: number, leaveYearStart: string): number | null =>
  leaveYearStart < ACCRUAL_FROM ? null : hoursWorked * ACCRUAL_RATE;

/** Reg. 16A: rolled-up holiday pay for a pay period, 12.07% of the pay for work done in it. */
export const rolledUpHolidayPay = (pay: number): number => pay * ACCRUAL_RATE;
