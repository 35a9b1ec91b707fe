/** Reading the shifts, staff and sites a rota check needs from the store. */
import { addDays, monthsBetween, weekStart } from '../../../shared/domain/dates';
import { DEFAULT_RULE_SETTINGS, type RotaContext } from '../../../shared/domain/rota';
import { lookBackFrom } from '../../../shared/domain/rota/week';
import type { Shift } from '../../../shared/schemas/shift';
import type { AppCore } from '../types';

/** Every stored shift (deleted ones too) dated from `from` to `to`, at every site or the ones named. */
export const shiftsBetween = (app: AppCore, from: string, to: string, sites?: string[]): Shift[] =>
  app.repos.shifts.inMonths(monthsBetween(from, to), sites).filter((s) => s.date >= from && s.date <= to);

/** The dates a check of the weeks from `firstDate` to `lastDate` reads: the look-back to two weeks after. */
export const checkWindow = (firstDate: string, lastDate: string): { from: string; to: string } => ({
  from: lookBackFrom(weekStart(firstDate), DEFAULT_RULE_SETTINGS),
  to: addDays(weekStart(lastDate), 13),
});

/** A rules context over the given shifts with the current staff and sites. */
export const ruleContext = (app: AppCore, shifts: readonly Shift[]): RotaContext => ({
  shifts,
  staff: app.repos.staff.all(),
  sites: app.repos.sites.all(),
  settings: DEFAULT_RULE_SETTINGS,
  bankHolidays: [],
});

/** A rules context holding every shift a check of those dates needs. */
export const contextFor = (app: AppCore, firstDate: string, lastDate: string): RotaContext => {
  const { from, to } = checkWindow(firstDate, lastDate);
  return ruleContext(app, shiftsBetween(app, from, to));
};
