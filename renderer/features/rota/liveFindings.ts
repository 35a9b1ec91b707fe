/** The rules engine run in the planner, on the shift being edited, before anything is saved. */
import { weekStart } from '../../../shared/domain/dates';
import { checkWeek, DEFAULT_RULE_SETTINGS, type Finding } from '../../../shared/domain/rota';
import type { WeekView } from '../../../shared/contract/rota';
import type { Shift } from '../../../shared/schemas/shift';

/**
 * Findings on `draft` if it were saved as it stands. The planner holds two weeks either side of the week
 * shown, enough for rest and overlap; averages over 17–26 weeks are checked in full when it is saved.
 */
export const liveFindings = (view: WeekView, draft: Shift): Finding[] => {
  const others = [...view.shifts, ...view.context].filter((s) => s.id !== draft.id);
  const ctx = { shifts: [...others, draft], staff: view.staff, sites: view.sites, settings: DEFAULT_RULE_SETTINGS, bankHolidays: [] };
  return checkWeek(ctx, weekStart(draft.date)).filter((f) => f.shiftIds.includes(draft.id));
};
