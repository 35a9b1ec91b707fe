/** One person's rota over a week or month: shifts, hours against contract, rest between shifts. */
import { addDays, weekStart } from '../../../shared/domain/dates';
import { compensatoryRestBalance, paidMinutes } from '../../../shared/domain/rota';
import { indexForWeek, personFindings } from '../../../shared/domain/rota/checkWeek';
import { spanOf } from '../../../shared/domain/rota/instants';
import { sortFindings } from '../../../shared/domain/rota/sortFindings';
import { weekRange } from '../../../shared/domain/rota/week';
import type { PersonView } from '../../../shared/contract/rota';
import { AppError } from '../../../shared/result';
import type { Shift } from '../../../shared/schemas/shift';
import type { Staff } from '../../../shared/schemas/staff';
import type { AppCore } from '../types';
import { contextFor } from './context';

/** The staff record, or a not-found error. */
export const staffById = (app: AppCore, id: string): Staff => {
  const s = app.repos.staff.get(id);
  if (!s) throw new AppError('not_found', 'That person is not on the staff list.');
  return s;
};

const byStart = (a: Shift, b: Shift) => spanOf(a.date, a.start, a.end).start - spanOf(b.date, b.start, b.end).start;

/** A person's live shifts from `from` to `to`, in time order. */
export const personShifts = (shifts: readonly Shift[], staffId: string, from: string, to: string): Shift[] =>
  shifts.filter((s) => s.staffId === staffId && !s.deleted && s.date >= from && s.date <= to).sort(byStart);

/**
 * Shifts that were the person's and are not any more: deleted (the rota keeps them as tombstones) or,
 * as a published shift's change history shows, given to someone else. A calendar export sends these
 * as cancelled, so a copy imported earlier goes away.
 */
export const noLongerTheirs = (shifts: readonly Shift[], staffId: string): Shift[] =>
  shifts
    .filter(
      (s) =>
        (s.deleted && s.staffId === staffId) ||
        (s.staffId !== staffId && s.history.some((h) => h.before?.staffId === staffId || h.after?.staffId === staffId)),
    )
    .sort(byStart);

/** Everything the person view shows for `staffId` from `from` to `to`. */
export const personView = (app: AppCore, staffId: string, from: string, to: string, now: number = app.now()): PersonView => {
  const staff = staffById(app, staffId);
  const ctx = contextFor(app, from, to);
  const shifts = personShifts(ctx.shifts, staffId, from, to);
  const contractMinutes = staff.contractType === 'zero-hours' ? 0 : Math.round(staff.contractedHours * 60);
  const weeks: PersonView['weeks'] = [];
  const findings = [];
  const only = new Set([staffId]);
  for (let w = weekStart(from); w <= to; w = addDays(w, 7)) {
    const inWeek = personShifts(ctx.shifts, staffId, w, addDays(w, 6));
    weeks.push({ weekStart: w, minutes: inWeek.reduce((n, s) => n + paidMinutes(s), 0), contractMinutes });
    const range = weekRange(w);
    findings.push(...personFindings(indexForWeek(ctx, range, only), staffId, range));
  }
  const rests = shifts.slice(1).map((s, i) => {
    const prev = shifts[i];
    const minutes = Math.round((spanOf(s.date, s.start, s.end).start - spanOf(prev.date, prev.start, prev.end).end) / 60_000);
    return { afterShiftId: prev.id, beforeShiftId: s.id, minutes };
  });
  const view: PersonView = { staff, from, to, shifts, weeks, rests, findings: sortFindings(findings) };
  const balance = compensatoryRestBalance(contextFor(app, from, addDays(to, ctx.settings.compensatoryRestDays)), staffId, from, to, now);
  return balance.items.length > 0 ? { ...view, compensatoryRest: balance } : view;
};
