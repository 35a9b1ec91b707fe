/**
 * A regular worker's annual leave balance for the leave year containing a day: entitlement (see
 * entitlement.ts) less approved annual leave taken and, where the contract says so, bank holidays.
 */
import { addDays, addMonths, weekdayOf } from '../dates';
import type { LeavePolicy } from '../../schemas/settings';
import type { Staff } from '../../schemas/staff';
import { accruedHours, entitlement, leaveYearOf } from './entitlement';

export type { LeavePolicy };

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
  /** Days carried in from the year before, when they lapse (null: never) and how many lapsed untaken so far. */
  carried: { days: number; lapses: string | null; lapsedDays: number };
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

type Person = Pick<Staff, 'leave' | 'absences' | 'contractedHours'> & { createdAt?: string };
type Terms = NonNullable<Staff['leave']>;
type Year = { start: string; end: string };

/** One leave year's own entitlement (no carry-over) and the leave used in it, by date. */
interface YearUse {
  ownDays: number;
  takenDays: number;
  bankHolidayDays: number;
  /** Days used (leave taken and bank holidays counted) on dates before `date`. */
  usedBefore: (date: string) => number;
  accrued: number | null;
}

const yearUse = (staff: Person, terms: Terms, year: Year, bankHolidays: readonly string[], workedHours?: number): YearUse => {
  const dayHours = staff.contractedHours / terms.daysPerWeek;
  const regular = entitlement({
    daysPerWeek: terms.daysPerWeek,
    hoursPerWeek: staff.contractedHours,
    year,
    started: terms.started,
    extraDays: terms.extraDays,
  });
  // Reg. 15B: accrual replaces the pro-rata entitlement in leave years from 1 April 2024.
  const accrued = terms.irregular && workedHours !== undefined ? accruedHours(workedHours, year.start) : null;
  const ownDays = accrued !== null && dayHours > 0 ? accrued / dayHours : regular.days;
  const holidays = new Set(bankHolidays);
  const worksOn = (d: string) => terms.daysPerWeek > 5 || !['sat', 'sun'].includes(weekdayOf(d));
  const uses: { date: string; days: number }[] = [];
  let taken = 0;
  for (const a of staff.absences) {
    if (a.kind !== 'annual-leave' || !a.approved) continue;
    const share =
      a.partDay && dayHours > 0 ? Math.min(1, ((minutes(a.partDay.end) - minutes(a.partDay.start) + 1440) % 1440) / 60 / dayHours) : 1;
    for (let d = a.from > year.start ? a.from : year.start; d <= a.to && d <= year.end; d = addDays(d, 1)) {
      if (!worksOn(d) || (terms.bankHolidaysCount && holidays.has(d))) continue;
      taken += share;
      uses.push({ date: d, days: share });
    }
  }
  const each = Math.min(1, terms.daysPerWeek / 5);
  const counted = terms.bankHolidaysCount
    ? bankHolidays.filter((d) => d >= year.start && d <= year.end && worksOn(d) && (!terms.started || d >= terms.started))
    : [];
  for (const d of counted) uses.push({ date: d, days: each });
  return {
    ownDays,
    takenDays: taken,
    bankHolidayDays: counted.length * each,
    usedBefore: (date) => uses.reduce((t, u) => (u.date < date ? t + u.days : t), 0),
    accrued,
  };
};

/** When days carried into `year` lapse under the rule, or null if they never do. */
const lapseOf = (year: Year, policy?: LeavePolicy): string | null =>
  policy?.carryOver?.expiresAfterMonths ? addMonths(year.start, policy.carryOver.expiresAfterMonths) : null;

/** Carried days still counting on `asAt`: all of them until they lapse, then only those already taken (carried days are used first). */
const usableCarry = (carried: number, use: YearUse, lapse: string | null, asAt: string): number =>
  lapse === null || asAt < lapse ? carried : Math.min(carried, use.usedBefore(lapse));

/** Leave years checked back at most, for a carry-over chain. */
const MAX_YEARS_BACK = 10;

/** The dates whose bank holidays a balance on `today` may read: the carry-over chain's years and the year ahead. */
export const leaveHolidayRange = (today: string): { from: string; to: string } => ({
  from: addMonths(today, -12 * (MAX_YEARS_BACK + 2)),
  to: addDays(today, 400),
});

/**
 * Days carried into `year`. With no carry-over rule, the person's own figure as the manager set it. With
 * one, each leave year passes on its own unused days (never days it had carried in), at most the rule's
 * maximum, starting from the first leave year SiteDesk holds the person for (the later of their start
 * date and their record's creation), which takes the manager's figure.
 */
const carriedInto = (
  staff: Person,
  terms: Terms,
  year: Year,
  anchor: string,
  bankHolidays: readonly string[],
  policy?: LeavePolicy,
): number => {
  const rule = policy?.carryOver;
  if (!rule || terms.irregular) return terms.carriedDays ?? 0;
  const known = [terms.started, staff.createdAt?.slice(0, 10)].filter((d): d is string => Boolean(d)).sort();
  const floor = addMonths(year.start, -12 * MAX_YEARS_BACK);
  const first = [known.length ? known[known.length - 1] : addDays(year.start, -1), floor].sort()[1];
  let y = leaveYearOf(first < year.start ? first : year.start, anchor);
  let carry = terms.carriedDays ?? 0;
  while (y.start < year.start) {
    const use = yearUse(staff, terms, y, bankHolidays);
    const usable = usableCarry(carry, use, lapseOf(y, policy), y.end);
    const usedOwn = Math.max(0, use.takenDays + use.bankHolidayDays - usable);
    carry = Math.min(rule.maxDays, Math.max(0, use.ownDays - usedOwn));
    y = leaveYearOf(addDays(y.end, 1), anchor);
  }
  return carry;
};

/**
 * The balance on `today` (ISO date) for someone with leave terms; null without them. Days taken count the
 * approved annual leave on the person's working days: Monday to Friday for up to five days a week, every
 * day for more; a part day counts as its hours over the average day. Bank holidays in the year count when
 * the contract says so: whole for five days a week or more, pro rata (days ÷ 5) for fewer. Leave already
 * counted as a bank holiday is not counted twice. Days carried in come from the organisation's carry-over
 * rule when it has one (see `carriedInto`); carried days are used first, and lapse untaken after the
 * rule's months. `bankHolidays` must cover the leave years before this one that a carry-over rule reads.
 */
export const leaveBalance = (
  staff: Person,
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
  const dayHours = staff.contractedHours / terms.daysPerWeek;
  const use = yearUse(staff, terms, year, bankHolidays, workedHours);
  const carried = carriedInto(staff, terms, year, anchor, bankHolidays, policy);
  const lapses = carried > 0 ? lapseOf(year, policy) : null;
  const usable = usableCarry(carried, use, lapses, today);
  const entitledDays = use.ownDays + usable;
  const used = use.takenDays + use.bankHolidayDays;
  return {
    year,
    yearBasis,
    entitledDays,
    takenDays: use.takenDays,
    bankHolidayDays: use.bankHolidayDays,
    remainingDays: entitledDays - used,
    entitledHours: entitledDays * dayHours,
    takenHours: used * dayHours,
    remainingHours: (entitledDays - used) * dayHours,
    carried: { days: carried, lapses, lapsedDays: carried - usable },
    ...(use.accrued !== null ? { accrual: { workedHours: workedHours!, accruedHours: use.accrued } } : {}),
  };
};
