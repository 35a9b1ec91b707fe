/**
 * Dantzig–Wolfe column generation on an auto-scheduler model, with HiGHS solving the restricted master LP.
 *
 * Master: one column per person and choice of theirs (a set of their candidate shifts, possibly none), at
 * the cost the pricing counts for it (`Pricer.relaxedCost`, never above its exact cost); one "left open"
 * column per shift.
 *
 *   min Σ open[s]·u[s] + Σ cost[j]·z[j]   s.t.   u[s] + Σ_{j ∋ s} z[j] = 1 (each shift),   Σ_{j of p} z[j] = 1 (each person)
 *
 * Pricing (`makePricer`): at multipliers λ on the cover rows, each person's cheapest choice over a relaxation
 * of their rows; its value gives the Lagrangian bound L(λ), a true lower bound at any λ whatever the master
 * holds. A choice whose cost less the master's duals is below the person's dual becomes a column. Because
 * the master prices choices as the pricing does, it converges to the best bound the pricing can give
 * (max over λ of L(λ), the Dantzig–Wolfe bound of the relaxed model), and L at its duals reaches its LP
 * value. Duals are smoothed towards the multipliers of the best bound so far (Wentges), falling back to the
 * master's own when the smoothed ones find nothing. The best L seen is the bound; the LP value is not one
 * until it has converged.
 */
import type { Highs } from 'highs';
import type { AutofillModel } from '../../../shared/domain/rota/autofill/model';
import {
  makePricer,
  personCoster,
  subgradientBound,
  type Pricer,
  type Pricing,
  shiftOfPair,
} from '../../../shared/domain/rota/autofill/pricing';
import { choicesByPerson, smoothedDualBound, stalled } from '../../../shared/domain/rota/autofill/smoothedDual';
import { loadHighs } from './solve';

export interface ColgenStep {
  iteration: number;
  bound: number;
  lp: number;
  columns: number;
  added: number;
}

export interface Master {
  /** Best Lagrangian bound seen: no plan of the model costs less. */
  readonly bound: number;
  /** The restricted master's LP value at the last solve (not a bound until converged). */
  readonly lp: number | null;
  readonly iterations: number;
  readonly columns: number;
  /** No person's relaxed pricing found a column that lowers the master any more. */
  readonly converged: boolean;
  /** Adds each person's choice in a plan (x columns) as a column. */
  addPlan: (plan: ReadonlySet<number>) => void;
  /** A pricing made elsewhere (the subgradient warm start's): keeps its bound and λ as the centre, adds its choices as columns. */
  absorb: (p: Pricing, lambda: Float64Array) => void;
  /**
   * One round: solve the master LP (within `timeLimitS`), price, add columns. False when it converged or
   * could not finish in the time.
   */
  iterate: (timeLimitS?: number) => boolean;
  dispose: () => void;
}

export interface MasterOptions {
  /** Weight of the best-bound multipliers in the smoothed duals (0: the master's own; default 0.5). */
  smoothing?: number;
  /** The pricer to share (with a subgradient warm start, say). */
  pricer?: Pricer;
  onStep?: (s: ColgenStep) => void;
}

export const createMaster = async (model: AutofillModel, opts: MasterOptions = {}, highs?: Highs): Promise<Master> => {
  const h = highs ?? (await loadHighs());
  const pricer: Pricer = opts.pricer ?? makePricer(model);
  const coster = personCoster(model);
  const n = pricer.openCost.length;
  const personIndex = new Map(pricer.people.map((p, i) => [p, i]));
  const m = h.createModel();
  // Primal simplex: after columns are added the last basis is still primal feasible (measured at the design
  // load: 11 rounds in 60 s; IPM without crossover 8, dual simplex 3–5 times slower a round).
  m.options.set({ output_flag: false, simplex_strategy: 4 });
  const none = { indices: [] as number[], values: [] as number[] };
  for (let i = 0; i < n + pricer.people.length; i += 1) m.addRow(1, 1, none);
  for (let s = 0; s < n; s += 1) m.addCol(pricer.openCost[s], 0, h.infinity, { indices: [s], values: [1] });
  let columns = 0;
  const seen = new Set<string>();
  const shiftOf = shiftOfPair(model, pricer);
  const keyOf = (staff: string, x: readonly number[]) => `${staff}|${[...x].sort((a, b) => a - b).join(',')}`;
  /**
   * A choice as a column, at the pricing's cost (so the two agree); none for a choice that breaks one of the
   * person's hard rows (the pricing does not see young workers' hours or no-good cuts). No upper bound: the
   * rows imply z ≤ 1, and a bound would give the duals a share of the reduced costs.
   */
  const add = (staff: string, x: readonly number[]): boolean => {
    const key = keyOf(staff, x);
    if (seen.has(key) || !personIndex.has(staff)) return false;
    if (coster(staff, x) === Infinity) return false;
    seen.add(key);
    const rows = [...x.map(shiftOf), n + personIndex.get(staff)!].sort((a, b) => a - b);
    m.addCol(pricer.relaxedCost(staff, x), 0, h.infinity, { indices: rows, values: rows.map(() => 1) });
    columns += 1;
    return true;
  };
  // Everyone may take nothing: the master is feasible from the start (every shift open).
  for (const p of pricer.people) add(p, []);
  const byPerson = (plan: ReadonlySet<number>) => {
    const out = new Map<string, number[]>(pricer.people.map((p) => [p, []]));
    for (const x of plan) out.get(model.pairs.get(x)!.staffId)?.push(x);
    return out;
  };
  let bound = -Infinity;
  let lp: number | null = null;
  let iterations = 0;
  let converged = false;
  let center: Float64Array | null = null;
  const alpha = opts.smoothing ?? 0.5;
  const S = h.constants.modelStatus;

  const master: Master = {
    get bound() {
      return bound;
    },
    get lp() {
      return lp;
    },
    get iterations() {
      return iterations;
    },
    get columns() {
      return columns;
    },
    get converged() {
      return converged;
    },
    addPlan: (plan) => {
      for (const [p, x] of byPerson(plan)) add(p, x);
    },
    absorb: (pr, lambda) => {
      if (pr.bound > bound) {
        bound = pr.bound;
        center = Float64Array.from(lambda);
      }
      for (const [p, x] of pr.choice) if (x) add(p, x);
    },
    iterate: (timeLimitS = 1e9) => {
      if (converged) return false;
      // HiGHS's run clock adds up over the runs of a persistent model: the limit is per run here.
      m.zeroAllClocks();
      m.options.set({ time_limit: Math.max(0.05, timeLimitS) });
      m.run();
      if (m.getModelStatus() !== S.optimal) return false;
      iterations += 1;
      lp = m.getObjectiveValue();
      const dual = m.getSolution().rowDual;
      const pi = Float64Array.from(dual.subarray(0, n));
      const mu = (p: string) => dual[n + personIndex.get(p)!];
      /** Prices at λ, keeps the bound, adds each choice that lowers the master at its duals; how many. */
      const round = (lambda: Float64Array): number => {
        const pr = pricer.price(lambda);
        if (pr.bound > bound) {
          bound = pr.bound;
          center = Float64Array.from(lambda);
        }
        let added = 0;
        for (const [p, x] of pr.choice) {
          if (!x) continue;
          let reduced = pricer.relaxedCost(p, x) - mu(p);
          for (const c of x) reduced -= pi[shiftOf(c)];
          if (reduced < -1e-6 && add(p, x)) added += 1;
        }
        return added;
      };
      let added = 0;
      if (center && alpha > 0) {
        const lambda = new Float64Array(n);
        for (let s = 0; s < n; s += 1) lambda[s] = alpha * center[s] + (1 - alpha) * pi[s];
        added = round(lambda);
      }
      // Mispriced (the smoothed duals found nothing): the master's own duals decide whether it has converged.
      if (added === 0) added = round(pi);
      opts.onStep?.({ iteration: iterations, bound, lp, columns, added });
      if (added === 0 || bound >= lp - 1e-6 * Math.max(1, Math.abs(lp))) converged = true;
      return !converged;
    },
    dispose: () => m.dispose(),
  };
  return master;
};

export interface PartBound {
  bound: number;
  iterations: number;
  columns: number;
  converged: boolean;
}

/**
 * The bound of one part. First the smoothed dual (`smoothedDualBound`: pricings only, each round a fraction of
 * a second of model work beside its exact pricing), from the cheapest-candidate multipliers, with the plans
 * known (the search's, the greedy fill's) as its first pool; it runs while `stop` allows and L still rises.
 * Every pricing's choices also become columns of the HiGHS master, which then takes over from the best λ as
 * its centre while time is left: it proves convergence (no column lowers its LP) and finishes the last
 * fraction. Measured at the design load (docs/autoschedule.md): the smoothed phase reaches within 0.1% of the
 * converged bound in about 25 pricings, where the LP master needed over a minute for the same.
 */
export const columnGenerationBound = async (
  model: AutofillModel,
  opts: {
    upper: number;
    /** The part's time is up: the smoothed dual still finishes its `atLeast`. */
    stop: () => boolean;
    /** The manager stopped the fill: the bound ends at once (after the pricing under way), `atLeast` or not. */
    cancel?: () => boolean;
    timeLeft: () => number;
    plans?: readonly ReadonlySet<number>[];
    /** The best bound so far, whenever it rises. */
    onBound?: (bound: number) => void;
    highs?: Highs;
    /** The pricer to use (one made for the model when unset). */
    pricer?: Pricer;
    /** `subgradient`: the warm start used before the smoothed dual (knapsack steps, then 10 exact ones), for comparison. */
    warmStart?: 'smoothed' | 'subgradient';
    /**
     * The smoothed dual goes on past `stop` until it has priced this many times or for this long (default one
     * pricing, so the bound is a Lagrangian one even when the part's time was spent before it began). It was
     * 30 pricings or 3 s, which ran 2–4 s past the manager's budget on a 10 s week; the fill now gives the
     * bound its share inside the part's time instead (plan.ts).
     */
    atLeast?: { pricings: number; seconds: number };
  },
): Promise<PartBound> => {
  const pricer = opts.pricer ?? makePricer(model);
  let told = -Infinity;
  const tell = (b: number) => {
    if (b > told + 1e-6) opts.onBound?.((told = b));
  };
  // The pricings' choices are the LP master's columns, but the master is made (and given them, in the order
  // they came) only when there is time left for it after the smoothed dual, which a part of a few seconds
  // never has: adding each pricing's columns to HiGHS as they came cost 0.3-0.7 s of a 10 s week's bound.
  let bound = -Infinity;
  const priced: [Pricing, Float64Array][] = [];
  const absorb = (p: Pricing, lambda: Float64Array) => {
    priced.push([p, Float64Array.from(lambda)]);
    if (p.bound > bound) bound = p.bound;
    tell(bound);
  };
  let late = () => opts.stop();
  if (opts.warmStart === 'subgradient') {
    subgradientBound(model, { upper: opts.upper, pricer, stop: opts.stop, pathIterations: 10, onPrice: absorb });
  } else {
    const shiftOf = shiftOfPair(model, pricer);
    // Stalled (`stalled`: 4 pricings raised the bound by under 0.01% in all): the LP master takes over.
    const atLeast = opts.atLeast ?? { pricings: 1, seconds: 0 };
    const began = performance.now();
    const history: number[] = [];
    // A round (model steps and an exact pricing) that would end after the part's time is not begun: the
    // last round's length foretells the next, with half as much again (they grow as the pool fills, and a
    // 10 s week still ended 0.1 s late when foretold by the last round alone).
    let roundFrom = began;
    let lastRound = 0;
    late = () => opts.stop() || opts.timeLeft() < 1.5 * lastRound;
    smoothedDualBound({
      pricer,
      shiftOf,
      plans: (opts.plans ?? []).map((p) => choicesByPerson(model, p)),
      stop: () => {
        if (opts.cancel?.()) return true;
        if (late() && (history.length >= atLeast.pricings || performance.now() - began > atLeast.seconds * 1000)) return true;
        return stalled(history);
      },
      onPrice: (p, lambda) => {
        absorb(p, lambda);
        history.push(bound);
        const now = performance.now();
        lastRound = (now - roundFrom) / 1000;
        roundFrom = now;
      },
    });
  }
  if (late() || opts.cancel?.()) return { bound, iterations: 0, columns: 0, converged: false };
  const master = await createMaster(model, { pricer, onStep: (s) => tell(s.bound) }, opts.highs);
  try {
    for (const p of opts.plans ?? []) master.addPlan(p);
    for (const [p, lambda] of priced) master.absorb(p, lambda);
    while (!opts.stop() && !opts.cancel?.() && master.iterate(opts.timeLeft()));
    return { bound: Math.max(bound, master.bound), iterations: master.iterations, columns: master.columns, converged: master.converged };
  } finally {
    master.dispose();
  }
};
