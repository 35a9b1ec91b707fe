/**
 * The auto-scheduler at the design load: 15 sites, 230 staff, an empty December with every shift the
 * sites' cover asks for (about 1,000 a week), filled week by week with HiGHS, and today's greedy fill on
 * the same month for comparison. In memory: the storage layer is not what is measured here.
 */
import { pathToFileURL } from 'node:url';
import { addDays, londonInstant, weekStart } from '../shared/domain/dates';
import { DEFAULT_RULE_SETTINGS, checkWeek, fillOpenShifts, type RotaContext } from '../shared/domain/rota';
import { minutesInDailyWindow } from '../shared/domain/rota/windows';
import { spanOf } from '../shared/domain/rota/instants';
import { bankHolidayDates } from '../shared/domain/bankHolidays';
import { WEEKDAYS } from '../shared/schemas/common';
import type { Shift } from '../shared/schemas/shift';
import { makeStaff } from '../main/seed/demoStaff';
import { demandOf, eveningShareOf, planWeek } from '../main/seed/demoSlots';
import { Rng } from '../main/seed/random';
import { seedSites } from '../main/seed/sites';
import { RecordClock } from '../main/services/records';
import { planFill, type Plan, type PlanOptions } from '../main/services/autofill/plan';
import { candidatesFor, fillOptions } from '../main/services/autofill/options';
import { DEFAULT_AUTOFILL_WEIGHTS } from '../shared/domain/rota/autofill/weights';
import { endFillWorkers, startFill } from '../main/services/autofill/run';
import type { Measurement } from './report';
import { openDraft } from '../test/support/shifts';
import { bundleEntry } from '../test/support/bundleEntry';

export interface AutofillWorld {
  ctx: RotaContext;
  open: Shift[];
  from: string;
  to: string;
}

/** 15 sites, `staffCount` people and every slot of the weeks from `from` to `to`, all open. */
export const autofillWorld = (seed = 1, from = '2026-12-01', to = '2026-12-31', staffCount = 230): AutofillWorld => {
  const rng = new Rng(seed);
  const now = londonInstant('2026-11-25', '12:00');
  const sites = seedSites(new RecordClock('bench'), 'manager', now).map((s) => ({ ...s, id: rng.id() }));
  const plan = planWeek(sites, Math.round(staffCount * 4.4));
  const staff = makeStaff(rng, {
    count: staffCount,
    today: '2026-11-25',
    from: '2026-01-05',
    sites,
    demand: demandOf(plan),
    eveningCleaningShare: eveningShareOf(plan),
    firstNumber: 10001,
    userId: 'manager',
    at: new Date(now).toISOString(),
  }).map((p) => p.staff);
  const open: Shift[] = [];
  let n = 0;
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const day = WEEKDAYS[(new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7];
    for (const [, days] of plan) {
      for (const slot of days[day]) {
        n += 1;
        open.push({
          id: `af-${String(n).padStart(6, '0')}`,
          site: slot.site,
          service: slot.service,
          date,
          start: slot.start,
          end: slot.end === '24:00' ? '00:00' : slot.end,
          breakMinutes: slot.breakMinutes,
          ...openDraft(),
          createdAt: '2026-11-25T12:00:00.000Z',
          createdBy: 'manager',
          updatedAt: '2026-11-25T12:00:00.000Z',
          updatedBy: 'manager',
          rev: 1,
        });
      }
    }
  }
  const ctx: RotaContext = {
    shifts: open,
    staff,
    sites,
    settings: { ...DEFAULT_RULE_SETTINGS },
    bankHolidays: bankHolidayDates('2026-01-01', '2027-12-31'),
  };
  return { ctx, open, from, to };
};

export interface FillQuality {
  gaps: number;
  warnings: number;
  /** Σ over people and weeks of |rostered − contracted| hours (pro rata for part weeks), for contracted staff. */
  hoursOffContract: number;
  /** Standard deviation across the people who could work them, of nights and of weekend shifts per person. */
  nightsSpread: number;
  weekendsSpread: number;
}

const sd = (xs: number[]) => {
  if (xs.length === 0) return 0;
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length);
};

/** The same measures for any fill of the world, from the rules engine and plain arithmetic. */
export const fillQuality = (world: AutofillWorld, assigned: ReadonlyMap<string, string>): FillQuality => {
  const shifts = world.ctx.shifts.map((s) => (assigned.has(s.id) ? { ...s, staffId: assigned.get(s.id)! } : s));
  const ctx = { ...world.ctx, shifts };
  let warnings = 0;
  for (let m = weekStart(world.from); m <= world.to; m = addDays(m, 7))
    warnings += checkWeek(ctx, m).filter((f) => f.severity === 'warn').length;
  const staff = world.ctx.staff as readonly { id: string; contractType: string; contractedHours: number; services: string[] }[];
  let off = 0;
  for (const p of staff) {
    if (p.contractType === 'zero-hours') continue;
    for (let m = weekStart(world.from); m <= world.to; m = addDays(m, 7)) {
      let days = 0;
      for (let d = 0; d < 7; d += 1) if (addDays(m, d) >= world.from && addDays(m, d) <= world.to) days += 1;
      const mins = shifts
        .filter((s) => s.staffId === p.id && s.date >= m && s.date <= addDays(m, 6) && s.date >= world.from && s.date <= world.to)
        .reduce((t, s) => {
          const sp = spanOf(s.date, s.start, s.end);
          return t + Math.max(0, (sp.end - sp.start) / 60_000 - s.breakMinutes);
        }, 0);
      off += Math.abs(mins / 60 - (p.contractedHours * days) / 7);
    }
  }
  const nights = new Map<string, number>();
  const weekends = new Map<string, number>();
  for (const s of shifts) {
    if (s.staffId === null) continue;
    if (minutesInDailyWindow(spanOf(s.date, s.start, s.end), s.date, '23:00', '06:00') >= 180)
      nights.set(s.staffId, (nights.get(s.staffId) ?? 0) + 1);
    const wd = new Date(`${s.date}T12:00:00Z`).getUTCDay();
    if (wd === 0 || wd === 6) weekends.set(s.staffId, (weekends.get(s.staffId) ?? 0) + 1);
  }
  const nightWorkers = staff.filter((p) => p.services.includes('security')).map((p) => nights.get(p.id) ?? 0);
  const weekendWorkers = staff.map((p) => weekends.get(p.id) ?? 0);
  return {
    gaps: shifts.filter((s) => s.staffId === null).length,
    warnings,
    hoursOffContract: Math.round(off),
    nightsSpread: Math.round(sd(nightWorkers) * 100) / 100,
    weekendsSpread: Math.round(sd(weekendWorkers) * 100) / 100,
  };
};

export interface AutofillBench {
  shiftsPerWeek: number;
  week: Plan;
  month: Plan;
  /** The month given the 60 s the target names (the month row above is given 600 s, to time it to within 2%). */
  monthMinute: Plan;
  /** The bench's week and the `WEEK_SAMPLE` weeks, each given `WEEK_BUDGET_S`. */
  weeks: Plan[];
  greedySeconds: number;
  optimised: FillQuality;
  greedy: FillQuality;
}

/** The candidates a shift keeps in the product's fills at the design load (options.ts), which the bench measures. */
export const MAX_CANDIDATES = candidatesFor(1017 / 230);

/**
 * The greedy fill's helper thread from source, as the product starts it from its worker (plan.ts `greedyWorker`),
 * with `--greedy-thread`. Off by default: these runs share one process, so from the second run on the fill's
 * own thread is warm (compiled code, the engine's date caches) while a helper thread starts cold each time, and
 * from source it also compiles its modules first; the product starts both cold for every fill.
 */
export const GREEDY_WORKER = process.argv.includes('--greedy-thread')
  ? { url: new URL('../test/main/autofill/tsGreedyWorker.mjs', import.meta.url) }
  : undefined;

/**
 * The fill's helper thread for its second dive (plan.ts `diveWorker`), as the product starts it from its worker
 * (`diveThread`, which `fillOptions` asks for): the auto-scheduler's worker module bundled once, as the built app
 * bundles it, so the helper starts as it would there. On unless `--no-dive-thread`.
 */
const diveWorker = async (): Promise<PlanOptions['diveWorker']> =>
  process.argv.includes('--no-dive-thread') ? undefined : { url: pathToFileURL(await bundleEntry('main/services/autofill/worker.ts')) };

/**
 * The most a week and the month are given: the manager's "1 minute" and "10 minutes". A fill ends as soon as its
 * plan is within 2% of the bound (each part's search stops there, plan.ts), so the time it takes is the time to
 * within 2%, as the rows ask; these are only ceilings, reached when it never gets there (then the row says so,
 * with the gap it ended at). Measured 3 Dec (docs/autoschedule.md): a week given 60 s ended in 52 s at 1.6% (the
 * LP-free dive; given 600 s it takes the LP dive, 213 s to 0.5%); the month given 600 s ended at 2.5%, given 900 s at 3.8% (one run each).
 */
export const WEEK_BUDGET_S = 60;
export const MONTH_BUDGET_S = 600;

/**
 * More design-load weeks (staff seed, Monday), filled besides the bench's own (seed 1, 7 Dec) for `autofill_weeks_s`.
 * A week's time depends on where its dives happen to land (chaotic in every setting measured, docs/autoschedule.md):
 * of twelve weeks measured on 5 Dec, nine ended within 2% in 7.4–10.4 s by their dives alone and three needed the
 * repair's HiGHS windows, 15–20 s, the bench's own week among them. One week is one draw; these show the typical week
 * and the slow ones.
 */
export const WEEK_SAMPLE: readonly (readonly [number, string])[] = [
  [1, '2026-11-30'],
  [1, '2026-12-14'],
  [1, '2026-12-21'],
  [2, '2026-12-07'],
  [2, '2026-12-14'],
  [3, '2026-12-07'],
  [3, '2026-12-14'],
  [4, '2026-12-07'],
];

/** December filled as the planner fills a month given `limitS` seconds (the bench's rows and `--month` alike). */
const fillDecember = async (month: AutofillWorld, limitS: number, onProgress?: PlanOptions['onProgress']) =>
  planFill(month.ctx, month.open, {
    ...fillOptions(month.open.length, 31, month.ctx.staff, limitS),
    greedyWorker: GREEDY_WORKER,
    diveWorker: await diveWorker(),
    onProgress,
  });

/** One week, then the month, then greedy on the month. */
export const runAutofillBench = async (log: (s: string) => void = () => {}): Promise<AutofillBench> => {
  const month = autofillWorld(1);
  const firstWeek = month.open.filter((s) => s.date >= '2026-12-07' && s.date <= '2026-12-13');
  const weekWorld = { ...month, ctx: { ...month.ctx, shifts: firstWeek }, open: firstWeek, from: '2026-12-07', to: '2026-12-13' };
  log(`autofill: ${month.open.length} open shifts in December, ${firstWeek.length} in the week of 7 Dec`);
  const week = await planFill(weekWorld.ctx, weekWorld.open, {
    ...fillOptions(weekWorld.open.length, 7, weekWorld.ctx.staff, WEEK_BUDGET_S),
    greedyWorker: GREEDY_WORKER,
    diveWorker: await diveWorker(),
  });
  log(
    `autofill week: ${week.seconds.toFixed(1)} s, first plan ${week.firstPlanSeconds?.toFixed(1)} s, gap ${(week.gap * 100).toFixed(2)}%, ${week.unfilled.length} open`,
  );
  const weeks = [week];
  for (const [seed, monday] of WEEK_SAMPLE) {
    const w = autofillWorld(seed, monday, addDays(monday, 6));
    const p = await planFill(w.ctx, w.open, {
      ...fillOptions(w.open.length, 7, w.ctx.staff, WEEK_BUDGET_S),
      greedyWorker: GREEDY_WORKER,
      diveWorker: await diveWorker(),
    });
    log(`autofill week of ${monday}, staff seed ${seed}: ${p.seconds.toFixed(1)} s, gap ${(p.gap * 100).toFixed(2)}%`);
    weeks.push(p);
  }
  const planned = await fillDecember(month, MONTH_BUDGET_S);
  log(
    `autofill month: ${planned.seconds.toFixed(1)} s, first plan ${planned.firstPlanSeconds?.toFixed(1)} s, gap ${(planned.gap * 100).toFixed(2)}%, ${planned.unfilled.length} open`,
  );
  const monthMinute = await fillDecember(month, 60);
  log(
    `autofill month given 60 s: ${monthMinute.seconds.toFixed(1)} s, gap ${(monthMinute.gap * 100).toFixed(2)}%, ${monthMinute.unfilled.length} open`,
  );
  const t0 = performance.now();
  const greedy = fillOpenShifts(month.open, month.ctx);
  const greedySeconds = (performance.now() - t0) / 1000;
  log(`greedy month: ${greedySeconds.toFixed(1)} s, ${greedy.unfilled.length} open`);
  const optimised = fillQuality(month, new Map(planned.assignments.map((a) => [a.shiftId, a.staffId])));
  const greedyQ = fillQuality(month, new Map(greedy.assigned.map((a) => [a.shiftId, a.staffId])));
  return { shiftsPerWeek: firstWeek.length, week, weeks, month: planned, monthMinute, greedySeconds, optimised, greedy: greedyQ };
};

const round1 = (x: number) => Math.round(x * 10) / 10;

/** The nearest-rank percentile `q` (0–1) of `xs`. */
const percentile = (xs: readonly number[], q: number) => [...xs].sort((a, b) => a - b)[Math.max(0, Math.ceil(q * xs.length) - 1)];

/**
 * `autofill_weeks_s`: the times of the sampled weeks to within 2%, median and p95 (a week that never got within 2%
 * counts as its whole budget). Shown beside `autofill_week_s`, whose target it does not replace.
 */
export const weeksRow = (weeks: readonly Plan[]): Measurement => {
  const times = weeks.map((w) => (w.gap <= 0.02 ? w.seconds : WEEK_BUDGET_S));
  const under = times.filter((t) => t < 10).length;
  return {
    name: 'autofill_weeks_s',
    scale: 'decade',
    unit: 's',
    median: round1(median(times)),
    p95: round1(percentile(times, 0.95)),
    target: null,
    status: 'info',
    note: `${weeks.length} design-load weeks (the bench's and WEEK_SAMPLE), each given up to ${WEEK_BUDGET_S} s: ${under} of ${weeks.length} within 2% in under 10 s; each ${times.map(round1).join(', ')} s`,
  };
};

/** The bench rows: times to a plan within 2% of the bound, the gap, and the comparison with greedy. */
export const autofillMeasurements = (r: AutofillBench): Measurement[] => {
  const within = (p: Plan) => p.gap <= 0.02;
  const base = { scale: 'decade' as const, p95: null };
  // Where the fill is not better on one count, why not (the issue asks the report to say): what it gained instead, by
  // the objective's own weights (by default an hour off contract is 1 point, a rest or hours warning 40, a night or
  // weekend above the share 4).
  const traded = (name: keyof FillQuality) => {
    if (r.optimised[name] <= r.greedy[name]) return '';
    const w = DEFAULT_AUTOFILL_WEIGHTS;
    const better = (Object.keys(r.greedy) as (keyof FillQuality)[])
      .filter((k) => r.optimised[k] < r.greedy[k])
      .map((k) => `${k} ${r.optimised[k]} against ${r.greedy[k]}`);
    return `; not better here: the fill's objective weighs an hour off contract at ${w.hoursOffContractPerHour} point, a rest or hours warning at ${w.warning['daily-rest']} and a shift above an even share at ${w.unfairShift}, and it is better on ${better.join(', ') || 'nothing else'}`;
  };
  const vs = (name: keyof FillQuality, label: string): Measurement => ({
    ...base,
    name: `autofill_vs_greedy_${name}`,
    unit: label,
    median: r.optimised[name],
    target: `better than greedy (${r.greedy[name]})`,
    // None left open by either is as good as it can be.
    status: r.optimised[name] < r.greedy[name] || r.optimised[name] + r.greedy[name] === 0 ? 'met' : 'missed',
    note: `auto-scheduler ${r.optimised[name]}, greedy ${r.greedy[name]} on the same month${traded(name)}`,
  });
  return [
    {
      ...base,
      name: 'autofill_week_s',
      unit: 's',
      median: round1(r.week.seconds),
      target: '< 10 s to within 2%',
      status: within(r.week) && r.week.seconds < 10 ? 'met' : 'missed',
      note: `${r.shiftsPerWeek} shifts, 230 staff, 15 sites; ${r.week.parts} parts; given up to ${WEEK_BUDGET_S} s, ended ${r.week.status} at gap ${(r.week.gap * 100).toFixed(1)}%; ${r.week.unfilled.length} left open`,
    },
    weeksRow(r.weeks),
    {
      ...base,
      name: 'autofill_month_s',
      unit: 's',
      median: round1(r.month.seconds),
      target: '< 60 s to within 2%',
      status: within(r.month) && r.month.seconds < 60 ? 'met' : 'missed',
      note: `December, ${r.month.assignments.length + r.month.unfilled.length} shifts; ${r.month.parts} parts; given up to ${MONTH_BUDGET_S} s, ended ${r.month.status} at gap ${(r.month.gap * 100).toFixed(1)}%; ${r.month.unfilled.length} left open; greedy took ${round1(r.greedySeconds)} s`,
    },
    {
      ...base,
      name: 'autofill_first_plan_s',
      unit: 's',
      median: round1(r.month.firstPlanSeconds ?? r.month.seconds),
      target: null,
      status: 'info',
      note: `week: ${round1(r.week.firstPlanSeconds ?? r.week.seconds)} s`,
    },
    {
      ...base,
      name: 'autofill_gap_pct',
      unit: '%',
      median: round1(r.month.gap * 100),
      target: '≤ 2% for a month',
      status: within(r.month) ? 'met' : 'missed',
      note: `objective ${Math.round(r.month.objective)}, bound ${Math.round(r.month.bound)} (sum over the parts of the rolling horizon)`,
    },
    {
      ...base,
      name: 'autofill_month_60s_gap_pct',
      unit: '%',
      median: round1(r.monthMinute.gap * 100),
      target: null,
      status: 'info',
      note: `the month given 60 s: ended ${r.monthMinute.status} in ${round1(r.monthMinute.seconds)} s, objective ${Math.round(r.monthMinute.objective)}, bound ${Math.round(r.monthMinute.bound)}; ${r.monthMinute.unfilled.length} left open`,
    },
    vs('gaps', 'shifts'),
    vs('warnings', 'findings'),
    vs('hoursOffContract', 'h'),
    vs('nightsSpread', 'sd'),
    vs('weekendsSpread', 'sd'),
  ];
};

export interface QuickRun {
  seconds: number;
  wallSeconds: number;
  firstPlanSeconds: number;
  gapPct: number;
  objective: number;
  greedyObjective: number | null;
  greedySeconds: number;
  optimised: FillQuality;
  greedy: FillQuality;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * The quick, bounded mode for a shared machine: the design-load week of 7 Dec only (15 sites, 230 staff,
 * about 1,000 shifts), `runs` times, a 10 s budget, against the greedy fill of the same week.
 */
export const runQuickAutofill = async (
  runs = 3,
  timeLimitS = 10,
  log: (s: string) => void = () => {},
  through: { worker: URL; cold: boolean } | null = null,
) => {
  const month = autofillWorld(1);
  const open = month.open.filter((s) => s.date >= '2026-12-07' && s.date <= '2026-12-13');
  const world = { ...month, ctx: { ...month.ctx, shifts: open }, open, from: '2026-12-07', to: '2026-12-13' };
  const out: QuickRun[] = [];
  for (let i = 0; i < runs; i += 1) {
    const options = fillOptions(open.length, 7, world.ctx.staff, timeLimitS);
    const started = performance.now();
    const plan = through
      ? await startFill(through.worker, world.ctx, open, options).done
      : await planFill(world.ctx, open, { ...options, greedyWorker: GREEDY_WORKER, diveWorker: await diveWorker() });
    // From the call to the plan: with a worker, its start and the plan's return too (the manager's wait).
    const wallSeconds = (performance.now() - started) / 1000;
    if (through?.cold) await endFillWorkers();
    const t0 = performance.now();
    const greedy = fillOpenShifts(open, world.ctx);
    const greedySeconds = (performance.now() - t0) / 1000;
    const run: QuickRun = {
      seconds: round1(plan.seconds),
      wallSeconds: round1(wallSeconds),
      firstPlanSeconds: round1(plan.firstPlanSeconds ?? plan.seconds),
      gapPct: round1(plan.gap * 100),
      objective: Math.round(plan.objective),
      greedyObjective: plan.greedyObjective === null ? null : Math.round(plan.greedyObjective),
      greedySeconds: round1(greedySeconds),
      optimised: fillQuality(world, new Map(plan.assignments.map((a) => [a.shiftId, a.staffId]))),
      greedy: fillQuality(world, new Map(greedy.assigned.map((a) => [a.shiftId, a.staffId]))),
    };
    log(`run ${i + 1}: ${JSON.stringify(run)}`);
    out.push(run);
  }
  const m = (f: (r: QuickRun) => number) => median(out.map(f));
  return {
    shifts: open.length,
    runs,
    timeLimitS,
    median: {
      seconds: m((r) => r.seconds),
      wallSeconds: m((r) => r.wallSeconds),
      firstPlanSeconds: m((r) => r.firstPlanSeconds),
      gapPct: m((r) => r.gapPct),
      objective: m((r) => r.objective),
      greedyObjective: m((r) => r.greedyObjective ?? NaN),
      greedySeconds: m((r) => r.greedySeconds),
      optimised: Object.fromEntries(Object.keys(out[0].optimised).map((k) => [k, m((r) => r.optimised[k as keyof FillQuality])])),
      greedy: Object.fromEntries(Object.keys(out[0].greedy).map((k) => [k, m((r) => r.greedy[k as keyof FillQuality])])),
    },
  };
};

if (process.argv[1]?.endsWith('autofill.ts') && process.argv.includes('--quick')) {
  const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 3;
  const limit = process.argv.includes('--limit') ? Number(process.argv[process.argv.indexOf('--limit') + 1]) : 10;
  // --worker: through the built app's worker thread (out/main/autofillWorker.js; `npm run build` first), as the
  // planner runs it; --cold: a new thread for each fill (as before the thread was kept between fills).
  const through = process.argv.includes('--worker')
    ? { worker: new URL('../out/main/autofillWorker.js', import.meta.url), cold: process.argv.includes('--cold') }
    : null;
  runQuickAutofill(runs, limit, (s) => console.error(`[autofill ${new Date().toISOString().slice(11, 19)}] ${s}`), through).then(
    async (r) => {
      console.log(JSON.stringify(r, null, 1));
      await endFillWorkers();
    },
  );
} else if (process.argv[1]?.endsWith('autofill.ts') && process.argv.includes('--month')) {
  // `--month <seconds>`: December alone, given that long, with each part's own objective, bound and gap at its last
  // progress, then the plan's own (how docs/autoschedule.md's month-by-budget figures were taken).
  const limit = Number(process.argv[process.argv.indexOf('--month') + 1]) || 60;
  const month = autofillWorld(1);
  const last = new Map<number, { objective: number; bound: number; seconds: number }>();
  fillDecember(month, limit, (p) => {
    if (p.objective !== null && p.bound !== null) last.set(p.part, { objective: p.objective, bound: p.bound, seconds: p.seconds });
  }).then((plan) => {
    // The progress is cumulative over the parts: each part's own figures are its difference from the part before.
    let before = { objective: 0, bound: 0 };
    for (const [part, p] of [...last].sort((a, b) => a[0] - b[0])) {
      const objective = p.objective - before.objective;
      const bound = p.bound - before.bound;
      const gap = objective > 0 ? (100 * (objective - bound)) / objective : 0;
      console.log(
        `part ${part}: last better plan or bound at ${p.seconds.toFixed(1)} s, ${objective.toFixed(1)} / ${bound.toFixed(1)} (${gap.toFixed(2)}%)`,
      );
      before = p;
    }
    console.log(
      `December given ${limit} s: ${plan.seconds.toFixed(1)} s, ${plan.objective.toFixed(1)} / ${plan.bound.toFixed(1)} (${(plan.gap * 100).toFixed(2)}%), first plan ${plan.firstPlanSeconds?.toFixed(1)} s, ${plan.unfilled.length} left open`,
    );
  });
} else if (process.argv[1]?.endsWith('autofill.ts') && process.argv.includes('--only')) {
  runAutofillBench((s) => console.error(`[autofill ${new Date().toISOString().slice(11, 19)}] ${s}`)).then((r) => {
    console.log(
      JSON.stringify(
        {
          ...r,
          week: { ...r.week, assignments: r.week.assignments.length, unfilled: r.week.unfilled.slice(0, 5) },
          month: { ...r.month, assignments: r.month.assignments.length, unfilled: r.month.unfilled.slice(0, 5) },
          monthMinute: { ...r.monthMinute, assignments: r.monthMinute.assignments.length, unfilled: r.monthMinute.unfilled.slice(0, 5) },
        },
        null,
        1,
      ),
    );
  });
}
