/**
 * An LP-free dive: a plan from the smoothed dual's own fractional solution (docs/autoschedule.md, "The LP-free
 * dive"), where `priceAndDive` (main/services/autofill/dive.ts) solves HiGHS's LP master after every fix.
 *
 * At the maximum of the smoothed model Φ_τ (smoothedDual.ts) the soft-min weights are the smoothed master's
 * primal solution: per person a convex combination of their pool choices, per shift a weight on being left
 * open, and at the maximum (gradient near zero) they nearly cover each shift once. The dive fixes every choice
 * a person takes with weight ≥ `threshold` (each clashing with none fixed before, by weight; the heaviest one
 * when none is that heavy), then leaves fixed people and covered shifts out of the model (as `priceAndDive`
 * leaves them out of the pricing: no choice that takes a covered shift counts), runs a few warm rounds of the
 * smoothed dual on what is left (the same pool, λ from the last maximum), and repeats until every person is
 * fixed (to a choice, or to none). Stopped early, the people left take their heaviest choice, by weight, each
 * clashing with none before.
 *
 * The weights are far from integral: at the design-load week's root, 14 of 224 people put ≥ 0.9 on one choice
 * (the soft minimum spreads each person over their tied choices, where an LP vertex picks one), so the dive
 * fixes at least `perStep` people a step, the heaviest choices first; fixing by the pair marginals instead
 * (people whose Σ min(y, 1 − y) is smallest) was measured worse (60 s week: 4,520–4,591 against 4,193–4,238).
 *
 * Nothing here is a bound: the restricted L after a fix is not a lower bound on the model, and none is
 * returned. The root's (before any fix) is an exact L(λ) of the model, as the smoothed dual's always is.
 */
import type { AutofillModel } from './model';
import { personCoster, shiftOfPair, type Pricer } from './pricing';
import { choicesByPerson, Pool, smoothedDualBound, stalled, type SmoothedDualResult } from './smoothedDual';

export interface SmoothedDiveStep {
  step: number;
  fixed: number;
  people: number;
  covered: number;
}

export interface SmoothedDiveOptions {
  pricer: Pricer;
  /** Plans known (the search's, the greedy fill's): the first pool. */
  plans: readonly ReadonlySet<number>[];
  /** The dive ends (the people left rounded) when this says so. */
  stop: () => boolean;
  /** The root's smoothed dual ends when this says so, or when it stalls (default: `stop`). */
  rootStop?: () => boolean;
  /** No dive (plan null) when the root was stopped before it stalled: the machine is too slow for one in the time. */
  onlyIfStalled?: boolean;
  /** At most this many root pricings (default: until it stalls). */
  rootPricings?: number;
  /** Choices weighted at least this are fixed together (default 0.9). */
  threshold?: number;
  /**
   * At least this many people fixed a step, the heaviest choices first, and with `secondsLeft` more when that
   * many would not let the people left be fixed in time at the pace of the steps so far. Unset: as `secondsLeft`
   * says (a tenth of them a step when that is unset too).
   */
  perStep?: number;
  secondsLeft?: () => number;
  /** Exact pricings after each fix (default 2). */
  rounds?: number;
  onStep?: (s: SmoothedDiveStep) => void;
  /** The root's best L(λ) so far, after each of its pricings (a true lower bound on the model). */
  onRootBound?: (bound: number) => void;
}

export interface SmoothedDiveResult {
  /** The pair columns of the plan (each fixed person's choice; not yet searched, nor checked by the engine); null when `onlyIfStalled` and the root did not stall. */
  plan: Set<number> | null;
  /** The root's best L(λ): a true lower bound on the model (before any fix). */
  rootBound: number;
  /** The root's smoothed dual stalled (4 pricings raised L by under 0.01% in all), rather than being stopped. */
  rootStalled: boolean;
  steps: number;
  pricings: number;
}

/** The dive's root: the smoothed dual on the whole model, to a stall (or stopped), and its weights there. */
export interface SmoothedRoot {
  /** Its best L(λ): a true lower bound on the model. */
  bound: number;
  /** It stalled (4 pricings raised L by under 0.01% in all), rather than being stopped. */
  stalled: boolean;
  pricings: number;
  /** Its pool (each dive adds to it), its maximum, and each pool entry's weight there. */
  pool: Pool;
  result: SmoothedDualResult;
  weights: Float64Array;
  /** Seconds a pricing took, on average (the first dive's pace is foretold from it). */
  secondsPerPricing: number;
}

export type SmoothedRootOptions = Pick<SmoothedDiveOptions, 'pricer' | 'plans' | 'rootPricings' | 'onRootBound'> & {
  /** Ends the root, as when it stalls. */
  stop: () => boolean;
};

/** The smoothed dual on the whole model, run to a stall (or `stop`), finished at its maximum so its weights can be dived on. */
export const smoothedRoot = (model: AutofillModel, opts: SmoothedRootOptions): SmoothedRoot => {
  const { pricer } = opts;
  const began = performance.now();
  const pool = new Pool();
  const history: number[] = [];
  let rootStalled = false;
  const result = smoothedDualBound({
    pricer,
    shiftOf: shiftOfPair(model, pricer),
    pool,
    plans: opts.plans.map((p) => choicesByPerson(model, p)),
    maxPricings: opts.rootPricings,
    finish: true,
    stop: () => {
      rootStalled = stalled(history);
      return opts.stop() || rootStalled;
    },
    onPrice: (p) => {
      history.push(Math.max(p.bound, history.at(-1) ?? -Infinity));
      opts.onRootBound?.(history.at(-1)!);
    },
  });
  return {
    bound: result.bound,
    stalled: rootStalled,
    pricings: result.pricings,
    pool,
    result,
    weights: result.weights().choice,
    secondsPerPricing: (performance.now() - began) / 1000 / Math.max(1, result.pricings),
  };
};

/**
 * A root as plain data, to dive from on another thread (the fill's helper, main/services/autofill/diveHelper.ts): its
 * pool's entries, the last maximum and temperature the first step warms from, and the weights there. Taken before
 * any dive from it (a dive adds to the pool).
 */
export interface RootSnapshot {
  bound: number;
  stalled: boolean;
  pricings: number;
  secondsPerPricing: number;
  pool: { cost: number[]; person: number[]; start: number[]; shifts: number[]; xs: number[] };
  lambda: Float64Array;
  x: Float64Array;
  tau: number;
  weights: Float64Array;
}

export const snapshotRoot = (root: SmoothedRoot): RootSnapshot => ({
  bound: root.bound,
  stalled: root.stalled,
  pricings: root.pricings,
  secondsPerPricing: root.secondsPerPricing,
  pool: {
    cost: [...root.pool.cost],
    person: [...root.pool.person],
    start: [...root.pool.start],
    shifts: [...root.pool.shifts],
    xs: [...root.pool.xs],
  },
  lambda: Float64Array.from(root.result.lambda),
  x: Float64Array.from(root.result.x),
  tau: root.result.tau,
  weights: Float64Array.from(root.weights),
});

/** The root a snapshot was taken of, for `diveFromRoot` (which reads its pool, weights, last maximum and pace). */
export const rootFromSnapshot = (s: RootSnapshot): SmoothedRoot => {
  const pool = new Pool();
  for (let j = 0; j < s.pool.cost.length; j += 1) {
    const from = s.pool.start[j];
    const to = s.pool.start[j + 1];
    pool.add(s.pool.person[j], s.pool.cost[j], s.pool.shifts.slice(from, to), s.pool.xs.slice(from, to));
  }
  const result: SmoothedDualResult = {
    bound: s.bound,
    lambda: s.lambda,
    pricings: s.pricings,
    model: s.bound,
    x: s.x,
    tau: s.tau,
    pool,
    weights: () => ({ choice: s.weights, open: new Float64Array(0) }),
  };
  return {
    bound: s.bound,
    stalled: s.stalled,
    pricings: s.pricings,
    pool,
    result,
    weights: s.weights,
    secondsPerPricing: s.secondsPerPricing,
  };
};

/**
 * The accelerated-gradient steps a dive's step may take for each of its maximisations (the root: up to 1,000, to its
 * stall). Measured 5 Dec: ten design-load weeks (seeds 1 and 2, 30 Nov to 28 Dec), the quick dive and its search from
 * one root, searched plans over the root's bound at 1,000 / 100 / 60 / 40 steps: mean 4.64 / 2.61 / 2.23 / 2.47%,
 * within 2% in 1 / 4 / 4 / 4 of 10, the dives' time 3.1 / 2.9 / 2.6 / 2.3 s. A dive's weights need not be converged:
 * each step fixes only the people whose choice is clear. December given 10 minutes, one after the other, with the
 * cheaper soft minimum (smoothedDual.ts): seed 1 44.1–51.4 s (4 runs) against 68.7–75.2 s, seeds 2–4 47.6, 58.6 and
 * 48.2 s against 48.0, 96.4 and 52.4 s (docs/autoschedule.md).
 */
export const DIVE_INNER_STEPS = 60;

export type DiveOptions = Pick<SmoothedDiveOptions, 'pricer' | 'stop' | 'threshold' | 'perStep' | 'secondsLeft' | 'rounds' | 'onStep'>;

/**
 * One dive from `root`, adding the columns it prices to the root's pool (a later dive starts from them): a plan, each person fixed to a
 * choice or to none. Two dives from one root at different paces give different plans.
 */
export const diveFromRoot = (
  model: AutofillModel,
  root: SmoothedRoot,
  opts: DiveOptions,
): { plan: Set<number>; steps: number; pricings: number } => {
  const { pricer } = opts;
  const { pool } = root;
  const coster = personCoster(model);
  const n = pricer.openCost.length;
  const people = pricer.people;
  const P = people.length;
  const shiftOf = shiftOfPair(model, pricer);
  let pricings = 0;
  const fixedPerson = new Uint8Array(P);
  const covered = new Uint8Array(n);
  const plan = new Set<number>();
  const threshold = opts.threshold ?? 0.9;
  const entryShifts = (j: number) => pool.shifts.slice(pool.start[j], pool.start[j + 1]);
  /** An entry the model can still take: its person not fixed, none of its shifts covered, and it keeps the person's hard rows. */
  const feasible = new Map<number, boolean>();
  const usable = (j: number): boolean => {
    if (fixedPerson[pool.person[j]]) return false;
    for (let k = pool.start[j]; k < pool.start[j + 1]; k += 1) if (covered[pool.shifts[k]]) return false;
    let ok = feasible.get(j);
    if (ok === undefined) {
      ok = coster(people[pool.person[j]], pool.xs.slice(pool.start[j], pool.start[j + 1])) !== Infinity;
      feasible.set(j, ok);
    }
    return ok;
  };
  const fix = (j: number) => {
    fixedPerson[pool.person[j]] = 1;
    for (const s of entryShifts(j)) covered[s] = 1;
    for (let k = pool.start[j]; k < pool.start[j + 1]; k += 1) plan.add(pool.xs[k]);
  };
  /** The entries to fix at these weights: by weight, down to `min` (at least one), each clashing with none before. */
  const choose = (w: Float64Array, min: number, count: number): number[] => {
    const order: number[] = [];
    for (let j = 0; j < w.length; j += 1) if (w[j] > 1e-9) order.push(j);
    order.sort((a, b) => w[b] - w[a]);
    const take: number[] = [];
    const person = new Set<number>();
    const shift = new Set<number>();
    for (const j of order) {
      if (take.length >= count && w[j] < min) break;
      if (person.has(pool.person[j]) || !usable(j)) continue;
      const sh = entryShifts(j);
      if (sh.some((s) => shift.has(s))) continue;
      person.add(pool.person[j]);
      for (const s of sh) shift.add(s);
      take.push(j);
    }
    return take;
  };
  let step = 0;
  let last: SmoothedDualResult = root.result;
  let w = root.weights;
  // A step's time: first foretold by the root's time a pricing, then the average of the steps so far. A step
  // prices `rounds` times and maximises once more, but only the people and shifts left: at the design-load week
  // a dive's steps took 0.16 s on average where the root took 0.12 s a pricing. (Foretold as `rounds` + 1 root
  // pricings until 3 Dec, three times too long: a week given 20 s then dived at 13 people a step, not 9, and
  // ended 2.6-4% above its bound where the same dive at 9 a step gives 1.7%.)
  let stepTime = root.secondsPerPricing;
  let stepsTimed = 0;
  let stepsSeconds = 0;
  let left = P;
  while (left > 0) {
    const secondsLeft = opts.secondsLeft?.();
    // As many as lets the people left be fixed in the time left at the pace so far, and at least `perStep`.
    const byTime = secondsLeft === undefined ? 0 : Math.max(1, Math.ceil((left * stepTime) / Math.max(0.1, 0.9 * secondsLeft)));
    const count = opts.perStep !== undefined ? Math.max(opts.perStep, byTime) : secondsLeft === undefined ? Math.ceil(P / 10) : byTime;
    const stepFrom = performance.now();
    const stopping = opts.stop();
    // Stopped: every person left takes their best usable choice, each clashing with none before.
    const take = choose(w, stopping ? 0 : threshold, count);
    if (take.length === 0) break;
    for (const j of take) fix(j);
    left -= take.length;
    step += 1;
    opts.onStep?.({ step, fixed: P - left, people: P, covered: covered.reduce((a, b) => a + b, 0) });
    if (stopping || left === 0) break;
    last = smoothedDualBound({
      pricer,
      shiftOf,
      pool,
      fixedPerson,
      covered,
      lambda: last.x,
      tau: last.tau,
      maxPricings: opts.rounds ?? 2,
      innerSteps: DIVE_INNER_STEPS,
      finish: true,
      stop: opts.stop,
    });
    w = last.weights().choice;
    pricings += last.pricings;
    stepsSeconds += (performance.now() - stepFrom) / 1000;
    stepsTimed += 1;
    stepTime = stepsSeconds / stepsTimed;
  }
  return { plan, steps: step, pricings };
};

/** The root, then one dive from it (none when `onlyIfStalled` and the root was stopped first). */
export const smoothedDive = (model: AutofillModel, opts: SmoothedDiveOptions): SmoothedDiveResult => {
  const root = smoothedRoot(model, { ...opts, stop: opts.rootStop ?? opts.stop });
  if (opts.onlyIfStalled && !root.stalled)
    return { plan: null, rootBound: root.bound, rootStalled: false, steps: 0, pricings: root.pricings };
  const d = diveFromRoot(model, root, opts);
  return { plan: d.plan, rootBound: root.bound, rootStalled: root.stalled, steps: d.steps, pricings: root.pricings + d.pricings };
};
