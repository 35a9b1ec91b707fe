/** Reading the shifts, staff, sites and rule settings a rota check needs from the store. */
import { bankHolidayDates } from '../../../shared/domain/bankHolidays';
import { addDays, monthsBetween, weekStart } from '../../../shared/domain/dates';
import type { RotaContext, RuleSettings } from '../../../shared/domain/rota';
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
