/** Reading the shifts, staff, sites and rule settings a rota check needs from the store. */
import { bankHolidayDates } from '../../../shared/domain/bankHolidays';
import { addDays, monthsBetween, weekStart } from '../../../shared/domain/dates';
import type { RotaContext, RuleSettings } from '../../../shared/domain/rota';
import { paidByDay, sumPaidBefore, type PaidByDay } from '../../../shared/domain/rota/rotaIndex';
import { lookBackFrom } from '../../../shared/domain/rota/week';
import type { Shift } from '../../../shared/schemas/shift';
import type { AppCore } from '../types';

/** Every stored shift (deleted ones too) dated from `from` to `to`, at every site or the ones named. */
export const shiftsBetween = (app: AppCore, from: string, to: string, sites?: string[]): Shift[] =>
  app.repos.shifts.inMonths(monthsBetween(from, to), sites).filter((s) => s.date >= from && s.date <= to);

/** The rule thresholds a manager set in Settings (the UK statutory ones until they change them). */
export const ruleSettings = (app: AppCore): RuleSettings => app.repos.settings.get().rules;

/** The bank holidays from `from` to `to`, with the days a manager added or removed in Settings. */
export const bankHolidaysBetween = (app: AppCore, from: string, to: string): string[] =>
  bankHolidayDates(from, to, app.repos.settings.get().bankHolidayChanges);

/** The dates a check of the weeks from `firstDate` to `lastDate` reads: the configured look-back to two weeks after. */
export const checkWindow = (app: AppCore, firstDate: string, lastDate: string): { from: string; to: string } => ({
  from: lookBackFrom(weekStart(firstDate), ruleSettings(app)),
  to: addDays(weekStart(lastDate), 13),
});

/** A rules context over the given shifts with the current staff, sites, settings and the window's bank holidays. */
export const ruleContext = (app: AppCore, shifts: readonly Shift[], window: { from: string; to: string }): RotaContext => ({
  shifts,
  staff: app.repos.staff.all(),
  sites: app.repos.sites.all(),
  settings: ruleSettings(app),
  bankHolidays: bankHolidaysBetween(app, window.from, window.to),
});

/** A rules context holding every shift a check of those dates needs. */
export const contextFor = (app: AppCore, firstDate: string, lastDate: string): RotaContext => {
  const window = checkWindow(app, firstDate, lastDate);
  return ruleContext(app, shiftsBetween(app, window.from, window.to), window);
};

/**
 * Each shift file's `PaidByDay`, by the file's list of records: a save makes a new list, so a file that
 * changed (here, by sync or by a restore) is worked out again, and one that did not is never re-read.
 */
const paidByFile = new WeakMap<readonly Shift[], PaidByDay>();

/**
 * The paid minutes a week check sums for the shifts dated from `from` to before `before`, per person
 * and week, with the shifts it cannot sum (`sumPaidBefore`); null when it would sum none. Neighbouring
 * weeks share most of their look-back, so each month's files are reduced once, not once per week.
 */
export const lookBackSums = (app: AppCore, from: string, before: string): ReturnType<typeof sumPaidBefore> => {
  if (before <= from) return null;
  const months = new Set(monthsBetween(from, addDays(before, -1)));
  const shifts = app.repos.shifts;
  const parts: PaidByDay[] = [];
  for (const key of shifts.keys()) {
    if (!months.has(key.slice(0, 7))) continue;
    const list = shifts.list(key);
    let part = paidByFile.get(list);
    if (!part) paidByFile.set(list, (part = paidByDay(list)));
    parts.push(part);
  }
  return sumPaidBefore(parts, from, before);
};
