/** The rota rules over one week of the real data: a full check, and a recheck after one edit. */
import { openApp } from '../main/app';
import { addDays, londonToday, monthsBetween, weekStart } from '../shared/domain/dates';
import { bankHolidaysBetween, ruleSettings } from '../main/services/rota/context';
import { checkWeek, recheck, type RotaContext } from '../shared/domain/rota';
import { lookBackFrom } from '../shared/domain/rota/week';
import type { Shift } from '../shared/schemas/shift';
import { StoreClassConf } from './data';
import { summarise, timeEach, type Stat } from './stats';

export interface RotaBench {
  week: string;
  shiftsInWeek: number;
  shiftsInContext: number;
  staff: number;
  findings: number;
  loadMs: number;
  /** Each check on freshly loaded shift objects, as when the planner opens a week. */
  cold: Stat;
  /** The same objects checked again, as live checking does while planning (per-shift instants cached). */
  warm: Stat;
  /** recheck() alone, given the rota with the edited shift in it. */
  recheck: Stat;
  /** The same with building that rota (a new array of every shift in the context) inside the timing. */
  editRecheck: Stat;
}

/** Checks last week (fully planned) with its 26-week look-back, read from the repos as the planner would. */
export const rotaBench = async (dir: string, reps: number, now: number): Promise<RotaBench> => {
  const opened = openApp({ dataDir: dir, StoreClass: StoreClassConf, mode: 'browser', version: 'bench', backupEveryMinutes: 0 });
  try {
    const { repos } = opened.app;
    const monday = addDays(weekStart(londonToday(now)), -7);
    // The thresholds and bank holidays the app itself checks with (the demo keeps the UK defaults).
    const settings = ruleSettings(opened.app);
    const from = lookBackFrom(monday, settings);
    const to = addDays(monday, 6);
    const months = monthsBetween(from, to);
    const load = () => {
      opened.app.ds.forget();
      return repos.shifts.inMonths(months).filter((s) => s.date >= from && s.date <= addDays(to, 1));
    };
    const t = performance.now();
    const shifts = load();
    const loadMs = performance.now() - t;
    const bankHolidays = bankHolidaysBetween(opened.app, from, addDays(to, 1));
    const ctxOf = (list: readonly Shift[]): RotaContext => ({
      shifts: list,
      staff: repos.staff.all(),
      sites: repos.sites.all(),
      settings: { ...settings },
      bankHolidays,
    });

    // Fresh objects for every cold run, cloned outside the timing.
    const copies = Array.from({ length: reps }, () => structuredClone(shifts));
    const cold = await timeEach(reps, (i) => checkWeek(ctxOf(copies[i]), monday));
    copies.length = 0;
    const ctx = ctxOf(shifts);
    const findings = checkWeek(ctx, monday);
    const warm = await timeEach(reps, () => checkWeek(ctx, monday));

    const inWeek = shifts.filter((s) => s.date >= monday && s.date <= to && s.staffId !== null);
    const edit = (i: number) => {
      const before = inWeek[(i * 37) % inWeek.length];
      return { before, edited: { ...before, start: before.start === '07:00' ? '08:00' : '07:00' } as Shift };
    };
    // The rota after each edit is built before the timing: what is timed is the check.
    const edits = Array.from({ length: reps }, (_, i) => {
      const { before, edited } = edit(i);
      return { before, edited, next: ctx.shifts.map((s) => (s.id === before.id ? edited : s)) };
    });
    const rechecks = await timeEach(reps, (i) => {
      const { before, edited, next } = edits[i];
      return recheck(findings, { ...ctx, shifts: next }, monday, { shiftIds: [before.id], before: [before], after: [edited] });
    });
    edits.length = 0;
    const editRechecks = await timeEach(reps, (i) => {
      const { before, edited } = edit(i);
      const next = ctx.shifts.map((s) => (s.id === before.id ? edited : s));
      return recheck(findings, { ...ctx, shifts: next }, monday, { shiftIds: [before.id], before: [before], after: [edited] });
    });
    return {
      week: monday,
      shiftsInWeek: shifts.filter((s) => s.date >= monday && s.date <= to).length,
      shiftsInContext: shifts.length,
      staff: repos.staff.all().length,
      findings: findings.length,
      loadMs,
      cold: summarise(cold),
      warm: summarise(warm),
      recheck: summarise(rechecks),
      editRecheck: summarise(editRechecks),
    };
  } finally {
    opened.close();
  }
};
