/** The rules engine run in the planner, on the shift being edited, before anything is saved. */
import { bankHolidayDates } from '../../../shared/domain/bankHolidays';
import { addDays, weekStart } from '../../../shared/domain/dates';
import { checkWeek, type Finding } from '../../../shared/domain/rota';
import type { WeekView } from '../../../shared/contract/rota';
import type { Settings } from '../../../shared/schemas/settings';
import type { Shift } from '../../../shared/schemas/shift';

/**
 * Findings on `draft` if it were saved as it stands, against the thresholds and bank holidays in
 * Settings. The planner holds two weeks either side of the week shown, enough for rest and overlap;
 * averages over the longer reference periods are checked in full when it is saved.
 */
export const liveFindings = (view: WeekView, draft: Shift, settings: Pick<Settings, 'rules' | 'bankHolidayChanges'>): Finding[] => {
  const monday = weekStart(draft.date);
  const others = [...view.shifts, ...view.context].filter((s) => s.id !== draft.id);
  const ctx = {
    shifts: [...others, draft],
    // A supervisor's week has no pay rates (null); the rules never read pay, so any number will do.
    staff: view.staff.map((p) => ({ ...p, payRate: p.payRate ?? 0 })),
    sites: view.sites,
    settings: settings.rules,
    bankHolidays: bankHolidayDates(addDays(monday, -14), addDays(monday, 20), settings.bankHolidayChanges),
  };
  return checkWeek(ctx, monday).filter((f) => f.shiftIds.includes(draft.id));
};
