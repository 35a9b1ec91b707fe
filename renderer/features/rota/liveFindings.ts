/** The rules engine run in the planner, on the shift being edited, before anything is saved. */
import { bankHolidayDates } from '../../../shared/domain/bankHolidays';
import { addDays, formatDayShort, weekStart } from '../../../shared/domain/dates';
import { checkWeek, coverGaps, type Finding, type Gap } from '../../../shared/domain/rota';
import { SERVICE_LABEL } from './labels';
import type { ContextShift, WeekView } from '../../../shared/contract/rota';
import type { Settings } from '../../../shared/schemas/settings';
import type { Shift } from '../../../shared/schemas/shift';

/**
 * A shift around the week, as the rules engine and the cover check take it. They read only the fields
 * the week's answer carries (ContextShift); the rest are a live shift's: no notes, history or override.
 * The record's bookkeeping is left empty: nothing here reads or saves it.
 */
const asShift = (c: ContextShift): Shift => ({
  ...c,
  notes: '',
  override: null,
  history: [],
  deleted: false,
  createdAt: '',
  createdBy: '',
  updatedAt: '',
  updatedBy: '',
  rev: 1,
});

/** The week's shifts and the shifts around it, other than `id`, as the checks take them. */
const shiftsBesides = (view: WeekView, id: string): Shift[] => [
  ...view.shifts.filter((s) => s.id !== id),
  ...view.context.filter((s) => s.id !== id).map(asShift),
];

/**
 * Findings on `draft` if it were saved as it stands, against the thresholds and bank holidays in
 * Settings. The planner holds two weeks either side of the week shown, enough for rest and overlap;
 * averages over the longer reference periods are checked in full when it is saved.
 */
export const liveFindings = (view: WeekView, draft: Shift, settings: Pick<Settings, 'rules' | 'bankHolidayChanges'>): Finding[] => {
  const monday = weekStart(draft.date);
  const others = shiftsBesides(view, draft.id);
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

const gapKey = (g: Gap) => `${g.site}|${g.service}|${g.date}|${g.start}|${g.endDate}|${g.end}|${g.present}`;

/**
 * Cover gaps that saving `draft` in place of `before` would open: an edit that moves, shortens or
 * unassigns a shift can leave its site short, and the manager is told so before saving.
 */
export const gapsOpenedBy = (view: WeekView, before: Shift, draft: Shift, settings: Pick<Settings, 'bankHolidayChanges'>): string[] => {
  const shifts = shiftsBesides(view, before.id).filter((s) => !s.deleted);
  const holidays = bankHolidayDates(addDays(before.date, -2), addDays(draft.date, 2), settings.bankHolidayChanges);
  const out: string[] = [];
  for (const spot of [before, draft]) {
    const site = view.sites.find((s) => s.code === spot.site);
    if (!site || out.length > 0) continue;
    const from = addDays(spot.date, -1);
    const to = addDays(spot.date, 1);
    const was = new Set(coverGaps(site, spot.service, [...shifts, before], from, to, holidays).map(gapKey));
    for (const g of coverGaps(site, spot.service, [...shifts, draft], from, to, holidays))
      if (!was.has(gapKey(g)))
        out.push(
          `Leaves ${g.site} ${SERVICE_LABEL[g.service]} short on ${formatDayShort(g.date)} ${g.start}–${g.end}: ${g.present} of ${g.required} ${g.required === 1 ? 'person' : 'people'}`,
        );
  }
  return out;
};
