/**
 * A fill of open shifts as one optimisation per week, the weeks in time order (a rolling horizon: each
 * week is solved with the weeks before it as planned, so rest, weekly hours and averages carry over).
 * After each solve the rules engine checks the plan; a weekly-rest finding it reports that the model did
 * not count yet becomes a cut, and the week is solved again, so the model's warnings are the engine's.
 */
import { addDays } from '../../../shared/domain/dates';
import { fillOpenShifts } from '../../../shared/domain/rota/fillOpenShifts';
import { personFindings } from '../../../shared/domain/rota/checkWeek';
import { buildIndex } from '../../../shared/domain/rota/rotaIndex';
import { weeklyRestRule, youngWeeklyRestRule } from '../../../shared/domain/rota/rules';
import {
  addNoGoodCut,
  addWeeklyRestCut,
  buildModel,
  chosenPairs,
  dropBroken,
  evaluate,
  greedyStart,
  heldOutside,
  keepsHardRows,
  prepareTrials,
  simpleBound,
  type AutofillModel,
  type Evaluation,
  type Pair,
  type Term,
} from '../../../shared/domain/rota/autofill/model';
import type { AutofillWeights } from '../../../shared/domain/rota/autofill/weights';
import { searchPlan } from '../../../shared/domain/rota/autofill/bestResponse';
import { makePricer, type Pricer } from '../../../shared/domain/rota/autofill/pricing';
import { diveFromRoot, smoothedRoot, snapshotRoot } from '../../../shared/domain/rota/autofill/smoothedDive';
import { explainAssignment, explainMove, explainUnfilled } from '../../../shared/domain/rota/autofill/explain';
import type { RotaContext, RuleId } from '../../../shared/domain/rota/types';
import { lookBackFrom, weekRange } from '../../../shared/domain/rota/week';
import type { Shift } from '../../../shared/schemas/shift';
import type { FindingsDelta } from './findingsDelta';
import { columnGenerationBound } from './colgen';
import { diveForPlan } from './dive';
import { cutsSince, type DiveResult } from './diveHelper';
import { startGreedyHelper, type DiveJob, type GreedyHelper, type GreedyWorkerSpec } from './greedy';
import { solveModel, type SolveProgress } from './solve';

export interface PlanOptions {
  weights?: AutofillWeights;
  /** Wall-time budget for the whole fill, shared among the weeks. */
  timeLimitS?: number;
  relGap?: number;
  maxCandidates?: number;
  /** Solve all the open shifts as one model instead of week by week. */
  whole?: boolean;
  /**
   * Also run today's one-shift-at-a-time fill on each part and start the solver from whichever of it and the
   * model's own quick plan costs less, so the plan kept is never worse than it by the objective (default on).
   */
  compareGreedy?: boolean;
  /**
   * The share of a part's time the whole-part solve gets before the day-by-day repair takes the rest: 0.4 for
   * a part of over 3,000 candidate pairs, where HiGHS seldom finishes its root relaxation in time; else all.
   */
  wholeShare?: number;
  /** Parts with more candidate pairs than this are improved by local search, not HiGHS (default 3,000). */
  largePairs?: number;
  /**
   * A large part's search starts from a price-and-dive plan (dive.ts): only when asked, since 3 Dec. Until then it
   * was the default for parts of 400 s or more, so a week given 10 minutes took it and ended at 0.5% in 139 s, where
   * the LP-free dives end within the 2% the fill asks for in about 10 s (1.7%), as the panel's hint says a week does.
   * Measured before that at the design load: the dive alone took 3–4 minutes at load 5–8 and its plan, searched,
   * was 4,146 (0.5% above the bound) in a 10-minute fill; forced into a 60 s fill it is cut to a rounding of the root
   * LP and gained nothing (4,637 against 4,642; docs/autoschedule.md). It was 200 s a part until 3 Dec, when the week
   * of 21 Dec in a month had 226 s, took this dive, and ended 9.1% above its bound.
   */
  dive?: boolean;
  /** Else from the LP-free dive's plan (`smoothedDive`): default when the part has `LPFREE_FROM_S` or more. */
  lpFreeDive?: boolean;
  onProgress?: (p: PlanProgress) => void;
  shouldStop?: () => boolean;
  /**
   * Run the greedy fill on a second worker thread started from this module (the auto-scheduler's worker),
   * beside the model's trials; unset, or if that thread fails, it runs on this thread first as before.
   */
  greedyWorker?: GreedyWorkerSpec;
  /**
   * In the auto-scheduler's worker: start `greedyWorker` from the worker's own module. Off by default: on the
   * shared 2-core machine here (load 2-3.5) it did not pay (first plan 3.7-7.3 s with it, 3.8-5.9 s without,
   * through the built worker, 3 Dec; docs/autoschedule.md), as the helper starts cold and shares the cores.
   */
  greedyThread?: boolean;
  /**
   * A second LP-free dive of each large part on a helper thread started from this module (`runDive`, diveHelper.ts),
   * beside this thread's; its plan is taken as this thread's are. Unset, or if that thread fails, no second dive.
   */
  diveWorker?: GreedyWorkerSpec;
  /** In the auto-scheduler's worker: start `diveWorker` from the worker's own module (fillOptions asks for it). */
  diveThread?: boolean;
  /** A part is dived on the helper too only when it has this many seconds or more (default `HELPER_FROM_S`). */
  helperFromS?: number;
}

export interface PlanProgress extends SolveProgress {
  part: number;
  parts: number;
  assigned: number;
}

export interface PlannedAssignment {
  shiftId: string;
  staffId: string;
  reasons: string[];
  /** Who had the shift before the plan, for a shift the manager let move (null: it was open). */
  from: string | null;
}

export interface Plan {
  assignments: PlannedAssignment[];
  /** Shifts left open; `from` is who had it, for a shift the manager let move that the plan takes from them. */
  unfilled: { shiftId: string; reason: string; from: string | null }[];
  objective: number;
  /** Sum of each part's proven bound: no plan of any part, given the parts before it, costs less. */
  bound: number;
  gap: number;
  status: 'optimal' | 'within-gap' | 'stopped' | 'time-limit';
  seconds: number;
  firstPlanSeconds: number | null;
  byTerm: Partial<Record<Term, number>>;
  /** Warnings the plan adds by rule, as the model counts them. */
  warningsAdded: Partial<Record<RuleId, number>>;
  parts: number;
  cuts: number;
  /** How many of the helper thread's dives (`diveWorker`) gave a part a better plan than its own; unset when it dived none. */
  helperPlans?: number;
  /** The greedy fill's objective on the same parts (each given the plan before it), when it was run. */
  greedyObjective: number | null;
  /** Findings before → after as the planner counts them, when the worker was asked for them. */
  findings?: FindingsDelta;
  /**
   * Set when some shift had more candidates than `maxCandidates` and kept only that many of its cheapest: the bound,
   * and so the gap, is then that model's (the best plan from those people), not every plan's.
   */
  candidateCap?: number;
}

/**
 * A large part's search starts from the LP-free dives (`smoothedRoot`, `diveFromRoot`) when the part has this
 * many seconds or more (the LP dive only when asked, `dive`): measured at the design-load week (docs/autoschedule.md, "The
 * LP-free dive" and "Dives from one root"), a fill given 20 s or 60 s ends within 2% (1.7%) in 11–13 s, where the
 * search alone stops at 4,603–4,687 (10–12%). A part's seconds are counted after its greedy fill and model (about
 * 1.5 s at the design load since 3 Dec). It was 30 s until the morning of 3 Dec, then 12 s, and 8 s since that
 * evening (measured then, load about 1): a week given 10 s (8.3 s after its model) came within 4.1% where the search
 * alone ended at 13.3%, and a month given 60 s (parts of 10.3–12.8 s) within 3.3% and 4.4% (two runs, the second the
 * bench's) where it had ended at 9.8%; a week given 8 s (6.4 s after its model) ended 12.5–13.3% above its bound
 * either way, as the root has not stalled in half of that, and a month given 30 s (parts of 4–6 s) was worse with
 * the dives forced (14.5% against 13.0%).
 */
export const LPFREE_FROM_S = 8;

/** How a large part with `share` seconds looks for its plan: the LP dive, the LP-free dives, or the bound first and then the search. */
export const searchPath = (share: number, opts: Pick<PlanOptions, 'dive' | 'lpFreeDive'>): 'lp-dive' | 'lp-free' | 'bound-first' =>
  opts.dive === true ? 'lp-dive' : (opts.lpFreeDive ?? share >= LPFREE_FROM_S) ? 'lp-free' : 'bound-first';
/** The LP-free dive's exact pricings after each fix (measured, as above). */
const LPFREE_ROUNDS = 3;
/** The share of a part's time left (after its greedy fill and model) the LP-free dive may take, root included. */
const LPFREE_SHARE = 0.75;
/**
 * The share of it the dive's root (the smoothed dual to a stall) may take before the dive is given up for the search
 * (35% until 3 Dec; half lets a week given 20 s stall its root, at 5.9 s, and end within 2% at 11.2 s).
 */
const LPFREE_ROOT_SHARE = 0.5;
/**
 * The quick LP-free dive fixes at least a `LPFREE_STEPS`th of the people a step (more when their weights are that
 * heavy), so it takes about that many steps whatever the machine's load. Until 3 Dec one dive was paced to fill the
 * whole share, so its plan depended on the load, and dives of 8 and of 4 people a step gave 3.4% and 3.9% over L
 * after their search.
 *
 * Until 4 Dec a second dive followed, twice as slow, before the repair by days (`repairByDays`): from one root, later
 * dives were often better (3.6, 5.9, 2.3, 2.7, 2.9, 1.7% over the root's L, each searched), and at Christmas given
 * 240 s four dives after the first two gained little where a pass of HiGHS over each day took 4,323 to 4,245. Once a
 * repair window's LP held only what it could change (`heldOutside`), the repair straight after the quick dive did
 * better: December given 10 minutes ended within 2% in 116.7 and 109.0 s at 1.42%, against 133.1 and 129.0 s at 1.58%
 * (alternating runs); twelve weeks given 60 s (4 seeds × 3 weeks) ended within 2% in 26.3 s on average against
 * 29.3 s, sooner in 6, later in 3 and alike in 3 (docs/autoschedule.md, "The repair straight after the quick dive").
 */
const LPFREE_STEPS = 28;
/**
 * With the helper thread (`diveWorker`), two dives from the one root: the helper's at `LPFREE_STEPS` (the dive this
 * thread makes alone), and this thread's at a different pace, at least a `BESIDE_STEPS`th of the people a step. Only
 * where a part has `HELPER_FROM_S` or more (a shorter part's root needs the core to itself). Measured 5 Dec
 * (docs/autoschedule.md, "A second dive on the second core"): twelve design-load weeks given 60 s ended within 2% in
 * under 10 s in 5 against 2 alone, median 11.4 s against 13.3 s, mean 13.1 s against 14.2 s; ten weeks' dives from
 * one root, searched, were within 2% at 28 or 40 steps in 6, at 28 alone in 2. It was 40 until the best response
 * placed the shifts it gives up (bestResponse.ts): then eleven weeks' dives, searched, were within 2% at 20 steps in
 * 11 (at 28 in 10, 40 in 11), and twelve weeks given 60 s beside the helper, one after the other, ended sooner at 20
 * in 9 (162.5 s in all against 185.0 s, under a load of 3-8 from other work; docs/autoschedule.md).
 */
const BESIDE_STEPS = 20;
const HELPER_FROM_S = 20;
/**
 * The share of the part's time left after its root that a paced dive has (`divePlan` says `paced`); the search after it
 * has the rest. Measured 4 Dec, December given 60 s, alternating runs against the dive's 75% of the part's time (about
 * 60% of what is left after the root): 1.30, 1.42, 6.05% against 3.42, 4.29, 6.10% (the third pair on a slow spell).
 */
const LPFREE_ONE_SHARE = 0.85;
/** A dive's step (its fix, `LPFREE_ROUNDS` pricings of the people left, and a maximum) takes about this many of the root's pricings (design load: 0.145 s against 0.105 s). */
const DIVE_STEP_PRICINGS = 1.4;

/**
 * How a large part's LP-free dive uses the `window` seconds it has after the root, given the root's seconds a pricing:
 * `quick` (`LPFREE_STEPS` steps, then the repair by days) where three times the quick dive's foretold time fits; else
 * `paced`, one dive paced to the whole window. Until 4 Dec every part took the quick dive and then a second one cut
 * to what was left: in a month given 60 s (parts of about 12 s, 5–6 s of dives) that second dive fixed everyone in
 * 2–10 steps and its plan, searched, never became the best (five parts of one logged run: 1.3–2 s each spent for
 * nothing). One dive over the whole window, December given 60 s in seven alternating pairs of runs: better in six,
 * mean 2.42% against 3.20% (docs/autoschedule.md, "One dive paced to the part").
 */
export const divePlan = (window: number, secondsPerPricing: number): 'quick' | 'paced' =>
  window >= 3 * LPFREE_STEPS * DIVE_STEP_PRICINGS * secondsPerPricing ? 'quick' : 'paced';
/**
 * HiGHS's time for one window of the repair, the passes over its windows, and the margin left before the part's end.
 * At Christmas, once single days gave nothing more (4,245), two passes of two days at a time gave 4,228 (3.2%) in
 * 130 s: most two-day windows reach the 10 s without a better plan. Since 4 Dec each site's week is a window too,
 * between the single days and the two days (`bySite`), with two passes more (4 until then): Christmas given 240 s
 * ended at 4,225.5 (3.13%) where it had ended at 4,239.4 (3.45%), and December given 600 s at 1.84% where 1.90%
 * (the same run side by side; docs/autoschedule.md). Each group of people by home site as a window too was tried
 * after the sites and ended Christmas at 4,235.2: not kept.
 */
const REPAIR_WINDOW_S = 10;
/**
 * HiGHS's options for a repair window. Its root reduced-cost heuristic (a sub-MIP on the columns the root LP prices
 * near zero) is left out: on 12 windows of 4 weeks (the first three of each repair, 4 Dec, each window solved with and
 * without it one after the other), HiGHS found its first better plan after 43.0 s in all without it against 57.3 s with
 * it (the slowest 7.1, 8.5, 8.6 s → 4.1, 4.8, 5.1 s), and ended them in 63.1 s against 72.0 s, with the same plans.
 */
const REPAIR_HIGHS = { mip_heuristic_run_root_reduced_cost: false };
const REPAIR_PASSES = 6;
const REPAIR_MARGIN_S = 2;

/**
 * The gap asked for is the whole fill's (a month's plan within 2% of the month's bound), and the parts are filled one
 * after another: what the parts so far (their objectives and bounds summed) came in under it, the next part may use.
 * Its plan is good enough once (objective − bound) ≤ relGap × objective + slack; then the parts together are within
 * relGap. So a month's ordinary weeks, which often end near 1%, leave the bank-holiday weeks after them more room.
 * Measured 4 Dec, December given 10 minutes: 68.9 and 66.5 s at 1.79% with it, 77.0 and 78.1 s at 1.44% without it
 * (both with the repair windows' `enough`), against 84.8 s at 1.42% before either (docs/autoschedule.md).
 */
export const gapSlack = (objective: number, bound: number, relGap: number): number => Math.max(0, relGap * objective - (objective - bound));

/**
 * A plan of cost `objective` is good enough against `floor` (a bound, plus any slack `gapSlack` leaves): within `relGap`
 * of it. The one test behind every stop of a part (its search, its repair's windows) and its status.
 */
const withinGap = (objective: number, floor: number, relGap: number): boolean =>
  Number.isFinite(objective) && objective - floor <= relGap * Math.max(objective, 1e-9);

/** What `p` settles to, or null when it has not within `seconds` (or once `cancel`, polled every 50 ms, says so). */
const settledWithin = async <T>(p: Promise<T>, seconds: number, cancel: () => boolean = () => false): Promise<T | null> => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let poll: ReturnType<typeof setInterval> | undefined;
  try {
    return await Promise.race([
      p,
      new Promise<null>((r) => {
        timer = setTimeout(() => r(null), seconds * 1000);
        poll = setInterval(() => cancel() && r(null), 50);
      }),
    ]);
  } finally {
    clearTimeout(timer);
    clearInterval(poll);
  }
};

/** The pair columns of a plan given as (shift, person) pairs (the helper's, on its own model); a pair this model lacks is left out. */
const columnsOf = (model: AutofillModel, pairs: readonly [string, string][]): Set<number> => {
  const byKey = new Map<string, number>();
  for (const [c, p] of model.pairs) byKey.set(`${p.shift.id}\u0000${p.staffId}`, c);
  const out = new Set<number>();
  for (const [shiftId, staffId] of pairs) {
    const c = byKey.get(`${shiftId}\u0000${staffId}`);
    if (c !== undefined) out.add(c);
  }
  return out;
};

const byWeek = (open: readonly Shift[]): Shift[][] => {
  const weeks = new Map<string, Shift[]>();
  for (const s of open) {
    const k = weekRange(s.date).start;
    weeks.set(k, [...(weeks.get(k) ?? []), s]);
  }
  return [...weeks.keys()].sort().map((k) => weeks.get(k)!);
};

/**
 * Services no one works together (security officers who do not clean, say) are separate problems: no
 * person can be on both sides, so solving them apart loses nothing but the pooling of fairness shares.
 */
const byServiceGroup = (ctx: RotaContext, shifts: Shift[]): Shift[][] => {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    const p = parent.get(x) ?? x;
    if (p === x) return x;
    const r = find(p);
    parent.set(x, r);
    return r;
  };
  const staff = ctx.staff instanceof Map ? [...ctx.staff.values()] : (ctx.staff as readonly { services: string[] }[]);
  for (const p of staff) for (const s of p.services.slice(1)) parent.set(find(s), find(p.services[0]));
  const groups = new Map<string, Shift[]>();
  for (const s of shifts) groups.set(find(s.service), [...(groups.get(find(s.service)) ?? []), s]);
  return [...groups.keys()].sort().map((k) => groups.get(k)!);
};

const applyAssignments = (shifts: readonly Shift[], chosen: Map<string, string>, part?: ReadonlySet<string>): Shift[] =>
  shifts.map((s) =>
    chosen.has(s.id) ? { ...s, staffId: chosen.get(s.id)! } : part?.has(s.id) && s.staffId !== null ? { ...s, staffId: null } : s,
  );

/** The findings of a weekly rule (weekly rest, or an under-18's 48 h) the engine reports for the plan that the model has not counted. */
export const weeklyRestMisses = (
  model: AutofillModel,
  picked: Set<number>,
  values: number[],
  rule = weeklyRestRule,
): { staffId: string; week: string; cols: number[] }[] => {
  const byStaff = new Map<string, number[]>();
  for (const c of picked) {
    const p = model.pairs.get(c)!;
    byStaff.set(p.staffId, [...(byStaff.get(p.staffId) ?? []), c]);
  }
  if (byStaff.size === 0) return [];
  const chosen = new Map([...picked].map((c) => [model.pairs.get(c)!.shift.id, model.pairs.get(c)!.staffId]));
  const openIds = new Set(model.open.map((s) => s.id));
  const staffIds = new Set(byStaff.keys());
  const first = model.scope[0];
  const last = model.scope[model.scope.length - 1];
  const options = { from: lookBackFrom(first.start, model.ctx.settings), to: last.end, staffIds };
  const before = buildIndex({ ...model.ctx, shifts: model.ctx.shifts.filter((s) => !openIds.has(s.id)) }, options);
  const after = buildIndex(
    {
      ...model.ctx,
      shifts: applyAssignments(
        model.ctx.shifts.filter((s) => !openIds.has(s.id) || chosen.has(s.id)),
        chosen,
      ),
    },
    options,
  );
  const out: { staffId: string; week: string; cols: number[] }[] = [];
  for (const staffId of staffIds) {
    for (const week of model.scope) {
      const now = personFindings(after, staffId, week, [rule]).length > 0;
      if (!now) continue;
      if (personFindings(before, staffId, week, [rule]).length > 0) continue;
      const counted = rule === weeklyRestRule ? model.weeklyRest.get(`${staffId}|${week.start}`) : undefined;
      if (counted !== undefined && values[counted] > 0.5) continue;
      const fortnightStart = weekRange(addDays(week.start, -7)).startMs;
      const cols = byStaff.get(staffId)!.filter((c) => {
        const p = model.pairs.get(c)!;
        const e = after.byStaff.get(staffId)?.find((x) => x.shift.id === p.shift.id);
        return e !== undefined && e.span.end > fortnightStart && e.span.start < week.endMs;
      });
      if (cols.length > 0) out.push({ staffId, week: week.start, cols });
    }
  }
  return out;
};

/**
 * Fill `open` on the rota `ctx`: which person on which shift, the cost, the bound and the reasons. A shift in
 * `open` that already has a person is one the manager let move: the model may give it to anyone (or leave
 * it open), at the `moveExisting` cost when it leaves its holder; one the manager did not let move is simply
 * not in `open`, and is held as part of the rota.
 */
/**
 * Counts the engine's weekly-rest findings of a plan as cuts on the model (valid for every plan, so the plan's
 * cost becomes the engine's count); `ok` is false when the plan breaks a hard row, a young worker's weekly
 * rest included. `cuts` is how many were added.
 */
export const countWeeklyRest = (model: AutofillModel, p: Set<number>): { ok: boolean; cuts: number } => {
  let cuts = 0;
  for (let round = 0; round < 6; round += 1) {
    const values = evaluate(model, p).values;
    const misses = weeklyRestMisses(model, p, values);
    const young = weeklyRestMisses(model, p, values, youngWeeklyRestRule);
    for (const m of misses) addWeeklyRestCut(model, m.staffId, m.week, m.cols);
    for (const m of young) addNoGoodCut(model, m.cols);
    cuts += misses.length + young.length;
    if (young.length > 0 || !keepsHardRows(model, p)) return { ok: false, cuts };
    if (misses.length === 0) return { ok: true, cuts };
  }
  return { ok: true, cuts };
};

export const planFill = async (ctx: RotaContext, open: readonly Shift[], opts: PlanOptions = {}): Promise<Plan> => {
  const spec = (opts.compareGreedy !== false ? opts.greedyWorker : undefined) ?? opts.diveWorker;
  const helper = spec ? startGreedyHelper(spec, ctx) : null;
  try {
    return await planParts(ctx, open, opts, helper);
  } finally {
    helper?.close();
  }
};

const planParts = async (ctx: RotaContext, open: readonly Shift[], opts: PlanOptions, helper: GreedyHelper | null): Promise<Plan> => {
  const t0 = performance.now();
  const elapsed = () => (performance.now() - t0) / 1000;
  const live = open.filter((s) => !s.deleted);
  const parts = (opts.whole ? [live] : byWeek(live)).flatMap((p) => byServiceGroup(ctx, p));
  const budget = opts.timeLimitS ?? 60;
  let shifts = [...ctx.shifts];
  const plan: Plan = {
    assignments: [],
    unfilled: [],
    objective: 0,
    bound: 0,
    gap: 0,
    status: 'optimal',
    seconds: 0,
    firstPlanSeconds: null,
    byTerm: {},
    warningsAdded: {},
    parts: parts.length,
    cuts: 0,
    greedyObjective: null,
  };
  let stopped = false;
  for (let i = 0; i < parts.length; i += 1) {
    const part = parts[i];
    const partCtx = { ...ctx, shifts };
    // Every stop below tests the part against its bound raised by what the parts before it left of the gap
    // (`gapSlack`; never reported: the bound shown is the part's own).
    const slack = gapSlack(plan.objective, plan.bound, opts.relGap ?? 1e-4);
    // Today's greedy fill of the same part, kept among the candidates so the two can be compared.
    // Shifts the manager let move keep their holders in it (the rota as it is): it fills only the open ones.
    // On the helper thread when there is one, while this one makes the model's trials (they need no greedy plan).
    const held = part.filter((s) => s.staffId !== null);
    const toFill = part.filter((s) => s.staffId === null);
    const away =
      opts.compareGreedy === false || stopped || !helper || !opts.greedyWorker ? null : helper.fill(shifts, toFill).catch(() => null);
    const trials = prepareTrials(partCtx, part);
    const filled = opts.compareGreedy === false || stopped ? null : ((await away) ?? fillOpenShifts(toFill, partCtx));
    const greedy = filled
      ? new Map([...filled.assigned.map((a) => [a.shiftId, a.staffId] as const), ...held.map((s) => [s.id, s.staffId!] as const)])
      : null;
    // The second core: the helper builds the same model (the same greedy plan kept) while this thread builds its own
    // and runs the root, then dives from that root its own way (diveHelper.ts), if this part takes the LP-free dive.
    // (Only a part likely to be large: a small one is solved by HiGHS whole, and a model built for nothing would hold up
    // the helper's next request.)
    const helperDives =
      helper !== null &&
      opts.diveWorker !== undefined &&
      !stopped &&
      part.length * (opts.maxCandidates ?? 20) > (opts.largePairs ?? 3000) &&
      (budget - elapsed()) / (parts.length - i) >= (opts.helperFromS ?? HELPER_FROM_S);
    if (helperDives)
      helper.build({
        shifts: [...shifts],
        part: [...part],
        keep: greedy ? [...greedy] : null,
        weights: opts.weights,
        maxCandidates: opts.maxCandidates,
      });
    /** The manager stopped the fill (or an earlier part ended stopped). */
    const stopAsked = () => stopped || (opts.shouldStop?.() ?? false);
    let job: DiveJob | null = null;
    /** The helper's answer once it has come (null: no plan), and whether it has been taken (so no longer waited for). */
    let helperResult: DiveResult | null | undefined;
    let helperTaken = false;
    const model = buildModel(partCtx, {
      open: part,
      weights: opts.weights,
      maxCandidates: opts.maxCandidates,
      keep: greedy ?? undefined,
      trials,
    });
    if (model.capped.size > 0 && opts.maxCandidates !== undefined) plan.candidateCap = opts.maxCandidates;
    const built = { columns: model.columns.length, rows: model.rows.length, definitions: model.definitions.length };
    const counted = (p: Set<number>): boolean => {
      const r = countWeeklyRest(model, p);
      plan.cuts += r.cuts;
      return r.ok;
    };
    // A large part's bound when known before its search ends (found first, or the LP-free dive's root stalled):
    // the progress shows it, and the search stops once its plan is within the gap asked for. Null until then.
    let earlyBound: number | null = null;
    /** The best plan so far, with the part's bound once it has one. */
    const progress = (objective: number) => {
      const total = plan.objective + objective;
      const below = earlyBound === null ? null : plan.bound + Math.min(objective, earlyBound);
      opts.onProgress?.({
        objective: total,
        bound: below,
        gap: below === null ? null : total > 0 ? Math.max(0, (total - below) / total) : 0,
        part: i + 1,
        parts: parts.length,
        assigned: plan.assignments.length,
        seconds: elapsed(),
      });
    };
    let result = null;
    let picked = new Set<number>();
    let ev = evaluate(model, picked);
    let start = greedyStart(model);
    // The greedy plan's weekly-rest findings are counted first (cuts, valid for every plan), so its cost is
    // the engine's count and the comparison with it is fair.
    let greedyPairs: Set<number> | null = null;
    if (greedy) {
      greedyPairs = new Set([...model.pairs].filter(([, p]) => greedy.get(p.shift.id) === p.staffId).map(([c]) => c));
      if (!counted(greedyPairs)) greedyPairs = null;
      if (greedyPairs && evaluate(model, greedyPairs).objective < evaluate(model, start).objective) start = greedyPairs;
    }
    // This part's share of the time left. A large model gets part of it for the whole-part solve and the
    // rest for the repair below; a small one is usually solved outright.
    const share = Math.max(1, (budget - elapsed()) / (parts.length - i));
    const partDeadline = elapsed() + share;
    const wholeShare = opts.wholeShare ?? (model.pairs.size > 3000 ? 0.4 : 1);
    const large = model.pairs.size > (opts.largePairs ?? 3000);
    let lsStatus: 'gap-reached' | 'time-limit' | 'stopped' | null = null;
    // The search's pricer, for the bound too (made before any cut the search adds: the pricing leaves cuts out,
    // and a cut only raises a plan's cost, so a bound found before one still holds after it).
    let searchPricer: Pricer | undefined;
    /** The LP-free dive's root L (a true lower bound, kept when the bound follows the search). */
    let rootBound = -Infinity;
    if (large) {
      // Too large for HiGHS to improve on here in the time (its root relaxation alone outlasts the budget):
      // local search on the model's own objective, then the column-generation bound. Weekly-rest findings the
      // engine reports become cuts as below, and the search goes on from the plan with them counted.
      // The bound gets 30% of a part's time, at most 6 s, or 20 s when the part has 2 minutes or more: first
      // (below), or, when the LP-free dive's root has not given it, last, ending with the part (one pricing past
      // it at most, colgen.ts). Until 3 Dec it came last with 20%, at most 2 s,
      // and went on for 30 pricings or 3 s past the part's end, so a 10 s week took 12–14 s. Measured at the
      // design load: the smoothed dual reaches 4,070 in 2.0 s and 4,114 of the converged 4,124 in 2.8 s and
      // the LP master confirms it by 12.8 s (load 1–4; 36–48 s at load 17–19), while the search still gains
      // with every second (4,750 after one round, 4,576 after 4 minutes). It was 40% of a 2-minute part when
      // the bound needed minutes.
      const boundShare = share >= 120 ? Math.min(20, share * 0.4) : Math.min(6, share * 0.3);
      let searchUntil = partDeadline - boundShare;
      // The start is a plan already: shown (and kept if stopped) from this moment.
      plan.firstPlanSeconds ??= elapsed();
      progress(evaluate(model, start).objective);
      let best = start;
      let bestCost = evaluate(model, best).objective;
      // The plans known before the search (the start, and the greedy fill's when it is not the start): the bound's
      // and either dive's first columns.
      const known = greedyPairs && greedyPairs !== start ? [start, greedyPairs] : [start];
      const relGap = opts.relGap ?? 1e-4;
      // The search (and either dive) stops once the plan is within the gap asked for of a bound already known, so a
      // fill given minutes returns as soon as its plan is good enough, and a month's later weeks get the time left.
      // The helper's dive (below) has a plan within the gap, not yet taken: this thread's dive, search and repair stop,
      // and take it.
      const helperAhead = () => job !== null && !helperTaken && earlyBound !== null && withinGap(job.cost(), earlyBound + slack, relGap);
      const halt = () =>
        stopAsked() || elapsed() > searchUntil || (earlyBound !== null && withinGap(bestCost, earlyBound + slack, relGap)) || helperAhead();
      let pricer: Pricer | undefined;
      const path = searchPath(share, opts);
      const lpFree = path === 'lp-free';
      if (!lpFree) {
        // Without the LP-free dive (whose root is the bound), the bound comes first, in the share it would have at
        // the end (it came last until 3 Dec, so a fill could not know it was good enough and used all its time).
        const boundUntil = elapsed() + boundShare;
        pricer = makePricer(model);
        const found = await columnGenerationBound(model, {
          upper: bestCost,
          stop: () => elapsed() > boundUntil,
          cancel: stopAsked,
          timeLeft: () => boundUntil - elapsed(),
          plans: known,
          pricer,
          onBound: (b) => {
            earlyBound = b;
            progress(bestCost);
          },
        });
        earlyBound = Math.max(simpleBound(model), found.bound);
        searchUntil = partDeadline;
      }
      let seed = 1;
      const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
      // Iterated local search: search to a local optimum, then shake the best plan (a few of its shifts
      // let go, for the search to fill again) and search again, while the time lasts. The search re-chooses
      // whole person-weeks as well as single shifts (`searchPlan`): at the design load that took the plan
      // from the greedy fill's 5,507 to 4,750 in one round, where moves and swaps alone stop near 4,800.
      /**
       * Keeps `found` as the best plan if it costs less, once the weekly-rest findings it has are counted. A plan that
       * breaks a hard row once they are (a young worker's weekly rest, found by the engine, is a no-good cut) lets go
       * of the pairs that break it and is searched again from there, up to twice; until 4 Dec it was dropped, and with
       * it a dive's plan (the week of 14 Dec alone given 20 s: both dives' plans, 4,188.9 and 4,233.2, were dropped for
       * the greedy fill’s 5,270.6, and the part ended at 2.60%; with them kept, 2.44%).
       */
      const take = (found: Set<number>) => {
        for (let attempt = 0; attempt < 3; attempt += 1) {
          if (evaluate(model, found).objective >= bestCost - 1e-9) return;
          // Weekly-rest findings the model had not counted yet become cuts; they may cost either plan more.
          const fine = counted(found);
          bestCost = evaluate(model, best).objective;
          if (fine) {
            if (evaluate(model, found).objective >= bestCost - 1e-9) return;
            best = found;
            bestCost = evaluate(model, best).objective;
            progress(bestCost);
            return;
          }
          if (attempt === 2 || halt()) return;
          found = searchPlan(model, dropBroken(model, found), { stop: halt, seed: attempt + 1, pricer });
        }
      };
      /**
       * Takes the helper's plan once it has come, and only once, as this thread's plans are taken (counted on this model,
       * whose cuts may cost it more than the helper counted); true when it became the best.
       */
      const takeHelper = (): boolean => {
        if (helperTaken || helperResult === undefined) return false;
        helperTaken = true;
        if (!helperResult?.pairs) return false;
        const before = best;
        take(columnsOf(model, helperResult.pairs));
        // (By identity: `take` may recount the best plan's cost with new cuts on the way.)
        if (best === before) return false;
        plan.helperPlans = (plan.helperPlans ?? 0) + 1;
        return true;
      };
      /**
       * Waits for the helper's plan (`seconds` at most; up to 5 s when it is known to be within the gap, as it is then
       * posted) and takes it, unless the manager stopped the fill or it was taken already.
       */
      const helperWait = async (seconds: number) => {
        if (!job || helperTaken || stopAsked()) return;
        // A plan already in hand is taken whatever the wait would be.
        if (helperResult === undefined) {
          const ahead = helperAhead();
          if (!ahead && halt()) return;
          // (At least 0.1 s, so a plan already posted while this thread was busy is read before the wait ends.)
          await settledWithin(job.done, ahead ? 5 : Math.max(0.1, seconds), stopAsked);
        }
        if (!stopAsked()) takeHelper();
      };
      // Price and dive first when the part has minutes (dive.ts; at the design load it takes 3–4 minutes here
      // and its plan, searched, is within 1–2% of the bound where the search alone stops 9% above): the dive
      // gets 60% of the search's time, the search the rest from whichever plan is cheaper.
      if (path === 'lp-dive') {
        pricer ??= makePricer(model);
        const diveUntil = elapsed() + 0.6 * (searchUntil - elapsed());
        const stopDive = () => halt() || elapsed() > diveUntil;
        const dived = await diveForPlan(model, {
          pricer,
          plans: known,
          stop: stopDive,
          timeLeft: () => diveUntil - elapsed(),
        });
        if (dived) take(searchPlan(model, dived, { stop: halt, seed: 1, pricer }));
      } else if (lpFree) {
        // The LP-free dive (smoothedDive.ts): its root is the bound's smoothed dual, run first to a stall, so
        // when it stalls in time the part's bound is known now and its share of the time goes to the search;
        // then one dive from it (`divePlan`: quick, of about `LPFREE_STEPS` steps, or paced to the time) repaired by the
        // search, within 75% of the part's time (85% paced; or until the plan is within the gap); the best is repaired by days
        // (`repairByDays`, HiGHS on one day at a time) while the part's time lasts, and the iterated search goes on
        // from it with whatever time is left.
        pricer = makePricer(model);
        let diveUntil = elapsed() + LPFREE_SHARE * (partDeadline - elapsed());
        const rootUntil = elapsed() + LPFREE_ROOT_SHARE * (partDeadline - elapsed());
        const root = smoothedRoot(model, {
          pricer,
          plans: known,
          // The root gets at most LPFREE_ROOT_SHARE of the part's time left; if it has not stalled by then, the
          // machine is too slow for a dive in this part (measured at load 12-17: the month's plans were worse
          // with one cut short), and the search has the time instead.
          stop: () => halt() || elapsed() > rootUntil,
          onRootBound: (b) => {
            // A true lower bound at every pricing (an exact L(λ) of the model): the progress shows the gap to it.
            const total = plan.objective + bestCost;
            const below = plan.bound + Math.min(bestCost, b);
            opts.onProgress?.({
              objective: total,
              bound: below,
              gap: total > 0 ? Math.max(0, (total - below) / total) : 0,
              part: i + 1,
              parts: parts.length,
              assigned: plan.assignments.length,
              seconds: elapsed(),
            });
          },
        });
        rootBound = root.bound;
        if (root.stalled) {
          earlyBound = Math.max(simpleBound(model), rootBound);
          searchUntil = partDeadline;
        }
        // Forced (`lpFreeDive: true`): the dive runs even when the root did not stall.
        // Quick, then the repair, where both fit; else one dive paced to the time (`divePlan`).
        const pace = divePlan(diveUntil - elapsed(), root.secondsPerPricing);
        // A paced dive has most of what is left of the part: the repair and the search after it gain little there.
        if (pace === 'paced') diveUntil = elapsed() + LPFREE_ONE_SHARE * (partDeadline - elapsed());
        if ((root.stalled || opts.lpFreeDive === true) && !halt() && elapsed() < diveUntil) {
          // The helper dives from this root too, at the quick pace, while this thread dives more slowly.
          if (helperDives && root.stalled) {
            job = helper.dive({ root: snapshotRoot(root), cuts: cutsSince(model, built), steps: LPFREE_STEPS, rounds: LPFREE_ROUNDS });
            void job.done.then((r) => (helperResult = r));
            plan.helperPlans ??= 0;
          }
          const diveBegan = elapsed();
          const d = diveFromRoot(model, root, {
            pricer,
            rounds: LPFREE_ROUNDS,
            // Quick: a `LPFREE_STEPS`th of the people a step; paced: as slow as its time allows (at least one person a
            // step: `secondsLeft` paces it).
            perStep: pace === 'paced' ? 1 : Math.ceil(pricer.people.length / (job ? BESIDE_STEPS : LPFREE_STEPS)),
            secondsLeft: () => diveUntil - elapsed(),
            stop: () => halt() || elapsed() > diveUntil,
          });
          take(searchPlan(model, d.plan, { stop: halt, seed: 1, pricer }));
          // The helper's dive, when it is done within as long again as this thread's took (else the repair starts
          // without it, and takes it when it comes), or at once when it is already within the gap.
          await helperWait(Math.min(elapsed() - diveBegan, diveUntil - elapsed()));
        }
        // Then fix and optimise by days (`repairByDays`) from the best plan, while the part's time lasts.
        if (root.stalled && !halt()) {
          const repaired = await repairByDays(model, part, best, {
            elapsed,
            until: partDeadline - REPAIR_MARGIN_S,
            bound: () => (earlyBound ?? -Infinity) + slack,
            relGap,
            windowS: REPAIR_WINDOW_S,
            passes: REPAIR_PASSES,
            widen: true,
            bySite: true,
            // A helper's plan within the gap ends the window HiGHS is in; one that has come is offered before each window.
            shouldStop: () => stopAsked() || helperAhead(),
            offer: () => (takeHelper() ? best : null),
            onCuts: (n) => (plan.cuts += n),
            onBetter: (objective) => progress(objective),
          });
          // Its plan has every weekly-rest finding counted; the cuts it added may cost the best plan more too.
          bestCost = evaluate(model, best).objective;
          if (repaired.ev.objective < bestCost - 1e-9) {
            best = repaired.picked;
            bestCost = repaired.ev.objective;
          }
        }
        // A helper's plan that came within the gap while HiGHS solved a window ended the repair: taken now.
        await helperWait(0);
        // No longer waited for: a cost it writes after this is not news.
        job?.stop();
        helperTaken = true;
      }
      for (let round = 0; round < 500 && !halt(); round += 1) {
        let from = best;
        if (round > 0) {
          from = new Set(best);
          const letGo = [...best].filter(() => random() < 0.03);
          for (const c of letGo) from.delete(c);
        }
        pricer ??= makePricer(model);
        take(searchPlan(model, from, { stop: halt, seed: round + 1, pricer }));
      }
      searchPricer = pricer;
      // The start too may have findings not counted yet (the greedy fill's were, the quick start's not).
      if (!counted(best)) best = keepsHardRows(model, start) ? start : new Set();
      picked = best;
      ev = evaluate(model, picked);
      lsStatus = opts.shouldStop?.() || stopped ? 'stopped' : 'time-limit';
    }
    for (let round = 0; round < 6 && !large; round += 1) {
      const remaining = Math.max(1, partDeadline - elapsed()) * (round === 0 ? wholeShare : 1);
      result = await solveModel(model, {
        timeLimitS: stopped ? 0.5 : remaining,
        relGap: opts.relGap,
        start: round > 0 ? picked : start,
        shouldStop: stopAsked,
        onProgress: (p) => {
          plan.firstPlanSeconds ??= elapsed();
          opts.onProgress?.({
            ...p,
            objective: p.objective === null ? null : plan.objective + p.objective,
            bound: p.bound === null ? null : plan.bound + p.bound,
            part: i + 1,
            parts: parts.length,
            assigned: plan.assignments.length,
            seconds: elapsed(),
          });
        },
      });
      if (!result.colValue) break;
      picked = chosenPairs(model, result.colValue);
      ev = evaluate(model, picked);
      const misses = weeklyRestMisses(model, picked, ev.values);
      const youngMisses = weeklyRestMisses(model, picked, ev.values, youngWeeklyRestRule);
      if (misses.length === 0 && youngMisses.length === 0) break;
      for (const m of misses) addWeeklyRestCut(model, m.staffId, m.week, m.cols);
      for (const m of youngMisses) addNoGoodCut(model, m.cols);
      plan.cuts += misses.length + youngMisses.length;
      ev = evaluate(model, picked);
      if (result.status === 'stopped') break;
    }
    // Repair (fix and optimise, `repairByDays`) of a small part HiGHS did not prove within the gap.
    if (result?.colValue && (result.status === 'time-limit' || result.status === 'gap-reached') && !stopped) {
      const bound = result.bound ?? -Infinity;
      ({ picked, ev } = await repairByDays(model, part, picked, {
        elapsed,
        until: partDeadline - 0.5,
        bound: () => bound,
        relGap: opts.relGap ?? 1e-4,
        windowS: 5,
        passes: 2,
        shouldStop: stopAsked,
        onCuts: (n) => (plan.cuts += n),
        onBetter: (objective) => progress(objective),
      }));
    }
    // A block the cuts had not yet ruled out when the solving stopped is never handed back: the latest
    // shift of each such set is left open instead.
    for (
      let left = weeklyRestMisses(model, picked, ev.values, youngWeeklyRestRule);
      left.length;
      left = weeklyRestMisses(model, picked, ev.values, youngWeeklyRestRule)
    ) {
      for (const m of left)
        picked.delete(
          [...m.cols].sort(
            (a, b) =>
              model.pairs.get(b)!.shift.date.localeCompare(model.pairs.get(a)!.shift.date) ||
              model.pairs.get(b)!.shift.start.localeCompare(model.pairs.get(a)!.shift.start),
          )[0],
        );
      ev = evaluate(model, picked);
    }
    // Keep the better of the plan and the greedy fill, each by its full count (cuts added since apply to both).
    if (greedyPairs) {
      const greedyEv = evaluate(model, greedyPairs);
      plan.greedyObjective = (plan.greedyObjective ?? 0) + greedyEv.objective;
      if (greedyEv.objective < ev.objective - 1e-9 && keepsHardRows(model, greedyPairs)) {
        picked = greedyPairs;
        ev = greedyEv;
      }
    }
    if (opts.shouldStop?.()) stopped = true;
    plan.firstPlanSeconds ??= elapsed();
    const chosen = new Map<string, string>();
    for (const c of picked) chosen.set(model.pairs.get(c)!.shift.id, model.pairs.get(c)!.staffId);
    shifts = applyAssignments(shifts, chosen, new Set(part.map((s) => s.id)));
    let explained = 0;
    for (const c of picked) {
      const p = model.pairs.get(c)!;
      const from = p.shift.staffId;
      const reasons = explainAssignment(model, c, ev);
      // A move says what keeping it with its holder would have cost (priced for the first few hundred).
      if (from !== null && from !== p.staffId)
        reasons.push(explained++ < 300 ? explainMove(model, picked, c, ev) : 'Cheaper overall by the plan’s objective');
      plan.assignments.push({ shiftId: p.shift.id, staffId: p.staffId, reasons, from });
    }
    const afterCtx = { ...ctx, shifts };
    for (const s of part)
      if (!chosen.has(s.id))
        plan.unfilled.push({ shiftId: s.id, reason: explainUnfilled(model, { ...s, staffId: null }, afterCtx), from: s.staffId });
    const objective = ev.objective;
    // The solver's proven bound where it has one, never below the bound that needs no solver. Where HiGHS
    // proved less (as at the design load), the Dantzig–Wolfe bound by column generation (see colgen.ts).
    const solverBound = result?.bound ?? -Infinity;
    const simple = simpleBound(model);
    const dw =
      result?.status === 'optimal'
        ? -Infinity
        : earlyBound !== null
          ? earlyBound
          : Math.max(
              rootBound,
              (
                await columnGenerationBound(model, {
                  upper: objective,
                  stop: () => elapsed() > partDeadline,
                  cancel: stopAsked,
                  timeLeft: () => partDeadline - elapsed(),
                  plans: greedyPairs ? [picked, greedyPairs] : [picked],
                  pricer: searchPricer,
                  onBound: (b) => {
                    const total = plan.objective + objective;
                    const below = plan.bound + Math.min(objective, Math.max(b, simple));
                    opts.onProgress?.({
                      objective: total,
                      bound: below,
                      gap: total > 0 ? Math.max(0, (total - below) / total) : 0,
                      part: i + 1,
                      parts: parts.length,
                      assigned: plan.assignments.length,
                      seconds: elapsed(),
                    });
                  },
                })
              ).bound,
            );
    const bound = Math.min(objective, Math.max(simple, dw, solverBound));
    plan.objective += objective;
    plan.bound += bound;
    for (const [k, v] of Object.entries(ev.byTerm)) plan.byTerm[k as Term] = (plan.byTerm[k as Term] ?? 0) + v;
    for (const [k, v] of Object.entries(ev.warningsAdded)) plan.warningsAdded[k as RuleId] = (plan.warningsAdded[k as RuleId] ?? 0) + v;
    const st =
      lsStatus === 'time-limit' && withinGap(objective, bound + slack, opts.relGap ?? 1e-4) ? 'gap-reached' : (lsStatus ?? result?.status);
    if (st === 'stopped' || stopped) plan.status = 'stopped';
    else if (st === 'time-limit' && plan.status !== 'stopped') plan.status = 'time-limit';
    else if (st === 'gap-reached' && plan.status === 'optimal') plan.status = 'within-gap';
  }
  plan.gap = plan.objective > 0 ? Math.max(0, (plan.objective - plan.bound) / plan.objective) : 0;
  if (plan.gap > 1e-9 && plan.status === 'optimal') plan.status = 'within-gap';
  plan.seconds = elapsed();
  return plan;
};

/**
 * Fix and optimise: free the shifts of one day at a time (then, if asked, each site's shifts over the whole part,
 * `bySite`, and two days together, `widen`), hold every other choice, and let HiGHS solve that neighbourhood. A
 * better plan by the model's own count is kept after the engine's weekly-rest check, so the count stays the
 * engine's. Passes over each kind of window until one improves nothing (then the next kind), until `passes` are
 * done, the time is up, or the plan is within `relGap` of the bound.
 */
export const repairByDays = async (
  model: AutofillModel,
  part: readonly Shift[],
  from: Set<number>,
  opts: {
    /** The fill's clock, in seconds, and the time on it after which no window is begun. */
    elapsed: () => number;
    until: number;
    /** What the plan is judged against: within `relGap` of it is good enough (the part's bound, plus any slack the fill's gap leaves it). */
    bound: () => number;
    relGap: number;
    /** HiGHS's time for one window. */
    windowS: number;
    passes: number;
    /** Once a pass of single days (and, with `bySite`, of sites) improves nothing, pass over two days at a time (else stop there). */
    widen?: boolean;
    /** Once a pass of single days improves nothing, pass over each site's shifts of the whole part (before two days). */
    bySite?: boolean;
    shouldStop: () => boolean;
    /** A plan from elsewhere (the helper's dive), asked for before each window: taken when it costs less (counted already). */
    offer?: () => Set<number> | null;
    onCuts: (n: number) => void;
    onBetter: (objective: number) => void;
  },
): Promise<{ picked: Set<number>; ev: Evaluation; windows: number }> => {
  const { elapsed } = opts;
  const dates = [...new Set(part.map((s) => s.date))].sort();
  // The neighbourhoods, in the order they are tried: single days; then, if asked, each site's shifts over the
  // whole part; then two days together. A family is passed over until a pass of it improves nothing.
  type Window = (p: Pair) => boolean;
  const byDate = (span: number): Window[] =>
    dates.map((_, d) => {
      const window = new Set(dates.slice(d, d + span));
      return (p) => window.has(p.shift.date);
    });
  const families: Window[][] = [byDate(1)];
  if (opts.bySite) {
    const sites = [...new Set(part.map((s) => s.site))].sort();
    families.push(sites.map((x) => (p) => p.shift.site === x));
  }
  if (opts.widen) families.push(byDate(2));
  let picked = from;
  let ev = evaluate(model, picked);
  let windows = 0;
  let family = 0;
  // (The cheapest candidate of each shift: the cuts add rows and soft columns, never a pair, so it holds throughout.)
  const simple = simpleBound(model);
  for (let pass = 0; pass < opts.passes; pass += 1) {
    let improved = false;
    for (const free of families[family]) {
      const offered = opts.offer?.();
      if (offered) {
        const offeredEv = evaluate(model, offered);
        // (The cuts since may cost the repair's plan more too.)
        ev = evaluate(model, picked);
        if (offeredEv.objective < ev.objective - 1e-6 && keepsHardRows(model, offered)) {
          picked = offered;
          ev = offeredEv;
          improved = true;
          opts.onBetter(ev.objective);
        }
      }
      if (elapsed() > opts.until || opts.shouldStop()) break;
      const floor = Math.max(simple, opts.bound());
      if (ev.objective <= 0 || withinGap(ev.objective, floor, opts.relGap)) break;
      // Every pair outside the window held as the plan has it, and every soft column none of the window's pairs reaches.
      // (`ev` is the plan's evaluation, kept current through every cut below.)
      const fixed = heldOutside(model, ev.values, (c) => free(model.pairs.get(c)!));
      if (fixed.size === model.columns.length) continue;
      windows += 1;
      const r = await solveModel(model, {
        timeLimitS: Math.max(0.5, Math.min(opts.windowS, opts.until + 0.5 - elapsed())),
        relGap: 1e-4,
        start: picked,
        fixed,
        // A plan within the gap asked for (the dearest `withinGap` takes) ends the window, and with it the repair: the
        // window's optimum is not needed.
        enough: Number.isFinite(floor) ? floor / (1 - opts.relGap) : undefined,
        highsOptions: REPAIR_HIGHS,
        shouldStop: opts.shouldStop,
      });
      if (!r.colValue) continue;
      const next = chosenPairs(model, r.colValue);
      if (!keepsHardRows(model, next)) continue;
      let nextEv = evaluate(model, next);
      if (nextEv.objective >= ev.objective - 1e-6) continue;
      const young = weeklyRestMisses(model, next, nextEv.values, youngWeeklyRestRule);
      if (young.length > 0) {
        for (const m of young) addNoGoodCut(model, m.cols);
        opts.onCuts(young.length);
        continue;
      }
      const misses = weeklyRestMisses(model, next, nextEv.values);
      for (const m of misses) addWeeklyRestCut(model, m.staffId, m.week, m.cols);
      opts.onCuts(misses.length);
      nextEv = evaluate(model, next);
      ev = evaluate(model, picked);
      if (nextEv.objective >= ev.objective - 1e-6) continue;
      picked = next;
      ev = nextEv;
      improved = true;
      opts.onBetter(ev.objective);
    }
    if (!improved) {
      // Every window of this kind is as good as HiGHS can make it: the next kind, if any, else done.
      if (family + 1 >= families.length) break;
      family += 1;
    }
  }
  return { picked, ev, windows };
};
