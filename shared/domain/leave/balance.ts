/**
 * A regular worker's annual leave balance for the leave year containing a day: entitlement (see
 * entitlement.ts) less approved annual leave taken and, where the contract says so, bank holidays.
 */
import { addDays, weekdayOf } from '../dates';
import type { LeavePolicy } from '../../schemas/settings';
import type { Staff } from '../../schemas/staff';

export type { LeavePolicy };
import { accruedHours, entitlement, leaveYearOf } from './entitlement';

export interface LeaveBalance {
  year: { start: string; end: string };
  /**
   * How the leave year was set: agreed with the person, set for the whole organisation, or the reg. 13(3)
   * default of the anniversary of the start date (a calendar year when no start date is on file).
   */
  yearBasis: 'agreed' | 'organisation' | 'anniversary' | 'calendar';
  entitledDays: number;
  takenDays: number;
  bankHolidayDays: number;
  remainingDays: number;
  /** The same in hours, at the person's average day (contracted hours over days a week). */
  entitledHours: number;
  takenHours: number;
  remainingHours: number;
  /** Reg. 15B: for an irregular-hours or part-year worker, the hours worked in the leave year so far and the leave they accrued. */
  accrual?: { workedHours: number; accruedHours: number };
}

/**
 * The day a person's leave years start from, and why: their own agreed start, else the organisation's,
 * else the anniversary of their start date (reg. 13(3)(b)), else the calendar year.
 */
export const leaveYearAnchor = (
  terms: Pick<NonNullable<Staff['leave']>, 'yearStart' | 'started'>,
  policy?: LeavePolicy,
): { basis: LeaveBalance['yearBasis']; anchor: string } => {
  if (terms.yearStart) return { basis: 'agreed', anchor: `2000-${terms.yearStart}` };
  if (policy?.yearStart) return { basis: 'organisation', anchor: `2000-${policy.yearStart}` };
  if (terms.started) return { basis: 'anniversary', anchor: terms.started };
  return { basis: 'calendar', anchor: '2000-01-01' };
};

const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));

/**
 * The balance on `today` (ISO date) for someone with leave terms; null without them. Days taken count the
 * approved annual leave on the person's working days: Monday to Friday for up to five days a week, every
 * day for more; a part day counts as its hours over the average day. Bank holidays in the year count when
 * the contract says so: whole for five days a week or more, pro rata (days ÷ 5) for fewer. Leave already
 * counted as a bank holiday is not counted twice.
 */
export const leaveBalance = (
  staff: Pick<Staff, 'leave' | 'absences' | 'contractedHours'>,
  today: string,
  bankHolidays: readonly string[],
  /** Hours worked in the leave year so far, from attendance; used for irregular-hours and part-year workers. */
  workedHours?: number,
  policy?: LeavePolicy,
): LeaveBalance | null => {
  const terms = staff.leave;
  if (!terms) return null;
  const { basis: yearBasis, anchor } = leaveYearAnchor(terms, policy);
  const year = leaveYearOf(today, anchor);
  const regular = entitlement({
    daysPerWeek: terms.daysPerWeek,
    hoursPerWeek: staff.contractedHours,
    year,
    started: terms.started,
    extraDays: terms.extraDays,
    carriedDays: terms.carriedDays,
  });
  const dayHours = staff.contractedHours / terms.daysPerWeek;
  // Reg. 15B: accrual replaces the pro-rata entitlement in leave years from 1 April 2024 (carry-over kept).
  const accrued = terms.irregular && workedHours !== undefined ? accruedHours(workedHours, year.start) : null;
  const entitledDays = accrued !== null && dayHours > 0 ? accrued / dayHours + (terms.carriedDays ?? 0) : regular.days;
  const holidays = new Set(bankHolidays);
  const worksOn = (d: string) => terms.daysPerWeek > 5 || !['sat', 'sun'].includes(weekdayOf(d));
  let taken = 0;
  for (const a of staff.absences) {
    if (a.kind !== 'annual-leave' || !a.approved) continue;
    const share =
      a.partDay && dayHours > 0 ? Math.min(1, ((minutes(a.partDay.end) - minutes(a.partDay.start) + 1440) % 1440) / 60 / dayHours) : 1;
    for (let d = a.from > year.start ? a.from : year.start; d <= a.to && d <= year.end; d = addDays(d, 1)) {
      if (worksOn(d) && !(terms.bankHolidaysCount && holidays.has(d))) taken += share;
    }
  }
  const inYear = bankHolidays.filter(
    (d) => d >= year.start && d <= year.end && worksOn(d) && (!terms.started || d >= terms.started),
  ).length;
  const bankHolidayDays = terms.bankHolidaysCount ? inYear * Math.min(1, terms.daysPerWeek / 5) : 0;
  const used = taken + bankHolidayDays;
  return {
    year,
    yearBasis,
    entitledDays: entitledDays,
    takenDays: taken,
    bankHolidayDays,
    remainingDays: entitledDays - used,
    entitledHours: entitledDays * dayHours,
    takenHours: used * dayHours,
    remainingHours: (entitledDays - used) * dayHours,
    ...(accrued !== null ? { accrual: { workedHours: workedHours!, accruedHours: accrued } } : {}),
  };
};
