/** The rota rules over one week of the real data: a full check, and a recheck after one edit. */
import { openApp } from '../main/app';
import { addDays, londonToday, monthsBetween, weekStart } from '../shared/domain/dates';
import { checkWeek, DEFAULT_RULE_SETTINGS, recheck, type RotaContext } from '../shared/domain/rota';
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
  recheck: Stat;
}

/** Checks last week (fully planned) with its 26-week look-back, read from the repos as the planner would. */
export const rotaBench = async (dir: string, reps: number, now: number): Promise<RotaBench> => {
  const opened = openApp({ dataDir: dir, StoreClass: StoreClassConf, mode: 'browser', version: 'bench', backupEveryMinutes: 0 });
  try {
    const { repos } = opened.app;
    const monday = addDays(weekStart(londonToday(now)), -7);
    const from = lookBackFrom(monday, DEFAULT_RULE_SETTINGS);
    const to = addDays(monday, 6);
    const months = monthsBetween(from, to);
    const load = () => {
      opened.app.ds.forget();
      return repos.shifts.inMonths(months).filter((s) => s.date >= from && s.date <= addDays(to, 1));
    };
    const t = performance.now();
    const shifts = load();
    const loadMs = performance.now() - t;
    const ctxOf = (list: readonly Shift[]): RotaContext => ({ shifts: list, staff: repos.staff.all(), sites: repos.sites.all(), settings: { ...DEFAULT_RULE_SETTINGS }, bankHolidays: [] });

    // Fresh objects for every cold run, cloned outside the timing.
    const copies = Array.from({ length: reps }, () => structuredClone(shifts));
    const cold = await timeEach(reps, (i) => checkWeek(ctxOf(copies[i]), monday));
    copies.length = 0;
    const ctx = ctxOf(shifts);
    const findings = checkWeek(ctx, monday);
    const warm = await timeEach(reps, () => checkWeek(ctx, monday));

    const inWeek = shifts.filter((s) => s.date >= monday && s.date <= to && s.staffId !== null);
    const rechecks = await timeEach(reps, (i) => {
      const before = inWeek[(i * 37) % inWeek.length];
      const edited: Shift = { ...before, start: before.start === '07:00' ? '08:00' : '07:00' };
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
    };
  } finally {
    opened.close();
  }
};
