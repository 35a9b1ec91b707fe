/**
 * One function per rule: the findings of that rule alone for a week, and the look-back each needs. For
 * callers that want a single rule (an auto-scheduler scoring options, a report) without running them all.
 */
import { addDays } from '../dates';
import { compensatoryBalance, type CompensatoryBalance } from './compensatory';
import { personWeek } from './personWeek';
import { buildIndex } from './rotaIndex';
import * as R from './rules';
import { REG21_RULES } from './rules/compensatoryRest';
import { staffRecordRule } from './rules/staffRecord';
import { sortFindings } from './sortFindings';
import type { Finding, RotaContext, RuleId, RuleSettings } from './types';
import { weekRange } from './week';

type PersonRule = (p: Parameters<typeof R.overlapRule>[0]) => Finding[];

/** The per-person rule behind each rule id (staff-record is checked on its own, see checkRule). */
const PERSON: Record<Exclude<RuleId, 'staff-record'>, readonly PersonRule[]> = {
  overlap: [R.overlapRule],
  service: [R.serviceRule],
  'sia-licence': [R.siaLicenceRule],
  'sia-sector': [R.siaSectorRule],
  absence: [R.absenceRule],
  'young-daily-hours': [R.youngDailyHoursRule],
  'young-weekly-hours': [R.youngWeeklyHoursRule],
  'young-daily-rest': [R.youngDailyRestRule],
  'young-night': [R.youngNightRule],
  'young-weekly-rest': [R.youngWeeklyRestRule],
  'young-break': [R.youngBreakRule],
  'daily-rest': [R.dailyRestRule],
  'weekly-rest': [R.weeklyRestRule],
  'average-hours': [R.averageHoursRule],
  break: [R.breakRule],
  'night-work': [R.nightWorkRule],
  'contracted-hours': [R.contractedHoursRule],
  availability: [R.availabilityRule],
  'sia-expiring': [R.siaExpiringRule],
  familiarity: [R.familiarityRule],
  'absence-pending': [R.absencePendingRule],
  // Rest owed turns up from the three rules reg. 21(b) sets aside, and rest overdue from the reg. 24 check.
  'compensatory-rest': [...REG21_RULES, R.compensatoryRestDueRule],
  'fatigue-shift-length': [R.fatigueShiftLengthRule],
  'fatigue-working-day': [R.fatigueWorkingDayRule],
  'fatigue-nights': [R.fatigueNightsRule],
  'fatigue-shifts-in-row': [R.fatigueShiftsInRowRule],
};

/**
 * How many days before the week's Monday a rule reads shifts from (shifts dated from then on must be in
 * the context). One day for the rules that look at the shift before the week (a night can run into
 * Monday); the reference periods for the averages; the run limits for fatigue; the manager's period for
 * compensatory rest.
 */
export const lookBackDays = (rule: RuleId, s: RuleSettings): number => {
  switch (rule) {
    case 'weekly-rest':
      return s.fortnightlyWeeklyRest ? 8 : 1;
    case 'average-hours':
      return 7 * (Math.max(s.referenceWeeks, s.securityReferenceWeeks) - 1) + 1;
    case 'night-work':
      return 7 * (s.nightReferenceWeeks - 1) + 1;
    case 'fatigue-nights':
      return s.fatigueNights + 1;
    case 'fatigue-shifts-in-row':
      return s.fatigueShiftsInRow + 1;
    case 'compensatory-rest':
      return s.compensatoryRestDays + 7 + 2;
    case 'overlap':
    case 'daily-rest':
    case 'young-daily-rest':
    case 'fatigue-working-day':
      return 2;
    default:
      return 0;
  }
};

/** The first shift date `rule` reads when checking the week containing `weekStartIso`. */
export const lookBackFor = (rule: RuleId, weekStartIso: string, s: RuleSettings): string =>
  addDays(weekRange(weekStartIso).start, -lookBackDays(rule, s));

/** The findings of one rule for every person with a shift in the week containing `weekStartIso`. */
export const checkRule = (rule: RuleId, ctx: RotaContext, weekStartIso: string): Finding[] => {
  const range = weekRange(weekStartIso);
  const ix = buildIndex(ctx, { from: lookBackFor(rule, range.start, ctx.settings), to: range.end });
  const out: Finding[] = [];
  for (const [staffId, entries] of ix.byStaff) {
    const staff = ix.staff.get(staffId);
    if (rule === 'staff-record') {
      out.push(
        ...staffRecordRule(
          staffId,
          staff,
          entries.filter((e) => e.span.start >= range.startMs && e.span.start < range.endMs),
        ),
      );
      continue;
    }
    const p = staff && personWeek(ix, staff, range);
    if (!p) continue;
    for (const r of PERSON[rule]) out.push(...r(p).filter((f) => f.rule === rule));
  }
  return sortFindings(out);
};

/**
 * A person's compensatory rest (WTR reg. 24) for what fell owed in the weeks from `fromIso` to `toIso`,
 * counting rest given up to `nowMs`: owed, given and outstanding minutes, and each spell owed.
 */
export const compensatoryRestBalance = (
  ctx: RotaContext,
  staffId: string,
  fromIso: string,
  toIso: string,
  nowMs: number,
): CompensatoryBalance => {
  const from = weekRange(fromIso).start;
  const to = weekRange(toIso).start;
  const ix = buildIndex(ctx, {
    from: addDays(from, -2),
    to: addDays(to, 7 + ctx.settings.compensatoryRestDays),
    staffIds: new Set([staffId]),
  });
  return compensatoryBalance(ix, staffId, from, to, nowMs, REG21_RULES);
};
