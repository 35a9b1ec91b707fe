/**
 * The Lagrangian dual max_λ L(λ) by pricings alone, with no LP solver: a disaggregate cutting-plane model of L
 * (each person's choices priced so far), smoothed and maximised by accelerated gradient, then an exact pricing
 * at the multipliers it gives.
 *
 * Each exact pricing of person p at λ returns their cheapest relaxed choice x, so for every λ'
 *
 *   L_p(λ') ≤ relaxedCost(p, x) − λ'(x).
 *
 * With a pool of such choices per person, Φ(λ) = Σs min(λs, open[s]) + Σp min_{x in pool(p)} (relaxedCost(p, x) − λ(x))
 * is ≥ L(λ) everywhere and equals L at every λ priced: it is the dual of the column-generation master over the
 * same pool, and its maximum is that master's LP value. Column generation solves that LP exactly each round
 * (HiGHS, 2–10 s a round at the design load); here the min over each pool is replaced by a soft minimum at
 * temperature τ (Nesterov's smoothing: −τ log Σ exp(−·/τ), within τ·log |pool| of the min), which is smooth,
 * so a few hundred accelerated-gradient steps (FISTA with backtracking and restarts, each one pass over the
 * pool) approach its maximum in a fraction of a second. The exact pricing at that point adds each person's
 * choice to the pool and gives L there; τ falls round by round as the pool fills. The smoothing also keeps the
 * multipliers away from the extreme points the exact LP jumps between, which is what stabilises column
 * generation (the soft minimum weighs every near-cheapest choice, as a proximal term would).
 *
 * The model only chooses where to price: every bound reported is an exact L(λ), a true lower bound on every
 * plan whatever the pool holds, so no step of this can make the bound wrong.
 */
import type { AutofillModel } from './model';
import type { Pricer, Pricing } from './pricing';

export interface SmoothedDualOptions {
  pricer: Pricer;
  /** The pairs of each person's choice in a plan known (the search's, the greedy fill's): the first pool. */
  plans?: readonly { staffId: string; x: readonly number[] }[][];
  /** Where to start (the pricer's `start()` when unset). */
  lambda?: Float64Array;
  /** Checked before each exact pricing. */
  stop: () => boolean;
  /** At most this many exact pricings (default: until `stop`). */
  maxPricings?: number;
  /** Each exact pricing and the λ it was at (its choices are columns for an LP master). */
  onPrice?: (p: Pricing, lambda: Float64Array) => void;
  /** The pair column → its shift's index in λ. */
  shiftOf: (x: number) => number;
  /** Starting temperature and its floor, in points (defaults 0.1 and 0.01); each round multiplies it by `cool` (0.6). */
  tau?: number;
  minTau?: number;
  cool?: number;
  /** At most this many accelerated-gradient steps per round (default 1,000; fewer once ten gain under a millionth). */
  innerSteps?: number;
  /** Proximal weight: the model less (ρ/2)·‖λ − best λ‖² (default 1; 0: none); adapted each round (below). */
  rho?: number;
  /** Price at α·(best λ) + (1 − α)·(model's maximum) (Wentges; default 0). */
  alpha?: number;
  /** The pool to start from and add to (a dive's, kept between calls); a new one when unset. */
  pool?: Pool;
  /**
   * A restricted problem (the LP-free dive's): people marked here are left out (their choice is fixed), and
   * shifts marked covered are left out too (no choice that takes one counts, none is priced). The exact
   * pricing then prices only the people left, and its value is L of the restricted problem: not a bound on
   * the model, never reported as one.
   */
  fixedPerson?: Uint8Array;
  covered?: Uint8Array;
  /** After the last pricing, maximise the model once more (with the pricing's choices in the pool), so `weights` are at its maximum. */
  finish?: boolean;
}

export interface SmoothedDualResult {
  bound: number;
  lambda: Float64Array;
  pricings: number;
  /** Φ at the last model maximum: an estimate of how far L could still rise with this pool (not a bound). */
  model: number;
  /** The last model maximum and the temperature it was found at (for a warm start). */
  x: Float64Array;
  tau: number;
  pool: Pool;
  /**
   * The soft-min weights at `x` and `tau`, per pool entry (0 for entries left out): each person's weights are a
   * convex combination of their pool choices, the smoothed master's primal solution; with `open`, each shift's
   * weight on being left open.
   */
  weights: () => { choice: Float64Array; open: Float64Array };
}

/** The pool: every person's choices so far, flat (shift indices, and the pair columns they came from). */
export class Pool {
  cost: number[] = [];
  person: number[] = [];
  start: number[] = [0];
  shifts: number[] = [];
  /** Entry j's pair columns are `xs[start[j]] … xs[start[j + 1] − 1]`, in the order of its shifts. */
  xs: number[] = [];
  private seen = new Set<string>();
  add(person: number, cost: number, shifts: readonly number[], x: readonly number[] = shifts): boolean {
    const key = `${person}|${[...shifts].sort((a, b) => a - b).join(',')}`;
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    this.cost.push(cost);
    this.person.push(person);
    for (const s of shifts) this.shifts.push(s);
    for (const c of x) this.xs.push(c);
    this.start.push(this.shifts.length);
    return true;
  }
  get size() {
    return this.cost.length;
  }
}

/** How far (in τ) above its person's least a column's reduced cost may be before its exponential is not taken (e^-40 ≈ 4e-18). */
const FAR = 40;

export const smoothedDualBound = (opts: SmoothedDualOptions): SmoothedDualResult => {
  const { pricer } = opts;
  const n = pricer.openCost.length;
  const open = pricer.openCost;
  const people = pricer.people;
  const P = people.length;
  const personIndex = new Map(people.map((p, i) => [p, i]));
  const pool = opts.pool ?? new Pool();
  const fixedPerson = opts.fixedPerson ?? new Uint8Array(P);
  const covered = opts.covered ?? new Uint8Array(n);
  const restricted = opts.fixedPerson !== undefined || opts.covered !== undefined;
  const addChoice = (staffId: string, x: readonly number[]) => {
    const p = personIndex.get(staffId);
    if (p === undefined || fixedPerson[p]) return;
    const shifts = x.map(opts.shiftOf);
    if (shifts.some((s) => covered[s])) return;
    pool.add(p, pricer.relaxedCost(staffId, x), shifts, x);
  };
  /** Pool entries of people left out, or that take a covered shift: out of the model. */
  const dead: number[] = [];
  const isDead = (j: number): boolean => {
    while (dead.length <= j) {
      const k = dead.length;
      let d = fixedPerson[pool.person[k]] === 1 ? 1 : 0;
      for (let i = pool.start[k]; i < pool.start[k + 1] && !d; i += 1) if (covered[pool.shifts[i]]) d = 1;
      dead.push(d);
    }
    return dead[j] === 1;
  };
  for (const p of people) addChoice(p, []);
  for (const plan of opts.plans ?? []) for (const c of plan) addChoice(c.staffId, c.x);

  const lambda = Float64Array.from(opts.lambda ?? pricer.start());
  let best = -Infinity;
  const bestLambda = Float64Array.from(lambda);
  let pricings = 0;
  const priceAt = new Float64Array(n);
  /** The restricted problem's L at λ, pricing only the people left (covered shifts priced out). */
  const exactRestricted = (at: Float64Array) => {
    let bound = 0;
    for (let s = 0; s < n; s += 1) {
      priceAt[s] = covered[s] ? -1e9 : at[s];
      if (!covered[s]) bound += Math.min(at[s], open[s]);
    }
    for (let p = 0; p < P; p += 1) {
      if (fixedPerson[p]) continue;
      const got = pricer.priceOne(people[p], priceAt);
      bound += got.value;
      if (got.choice) addChoice(people[p], got.choice);
    }
    pricings += 1;
    if (bound > best) {
      best = bound;
      bestLambda.set(at);
    }
    return { bound };
  };
  const exact = (at: Float64Array) => {
    if (restricted) return exactRestricted(at);
    const pr = pricer.price(at);
    pricings += 1;
    opts.onPrice?.(pr, at);
    if (pr.bound > best) {
      best = pr.bound;
      bestLambda.set(at);
    }
    for (const [p, x] of pr.choice) if (x) addChoice(p, x);
    return pr;
  };
  const noWeights = () => ({ choice: new Float64Array(pool.size), open: new Float64Array(n) });
  if (n === 0) return { bound: exact(lambda).bound, lambda, pricings, model: 0, x: lambda, tau: opts.tau ?? 0.1, pool, weights: noWeights };

  // Φ_τ and its gradient at λ. Per person, the soft minimum over their pool of c − λ(x); per shift, of λs and open[s].
  // The pool's live entries (those not left out) are kept flat here, in pool order, as the pool grows (it grows
  // only in `exact`; who is left out is fixed for the call): this is the hot loop of the bound and of both dives
  // (70% of the smoothed dual's time at the design load), and typed arrays read in one pass cost less than the
  // pool's arrays and a dead-entry test per entry.
  let live = 0;
  let synced = 0;
  let liveEntry = new Int32Array(1024);
  let livePerson = new Int32Array(1024);
  let liveCost = new Float64Array(1024);
  let liveStart = new Int32Array(1025);
  let liveShifts = new Int32Array(4096);
  /** Per live entry: its reduced cost, then its weight's numerator exp(−(rc − low)/τ) (0: none). */
  let liveE = new Float64Array(1024);
  const grow = <T extends Int32Array | Float64Array>(a: T, need: number): T => {
    if (need <= a.length) return a;
    const b = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2));
    b.set(a);
    return b;
  };
  const sync = () => {
    for (; synced < pool.size; synced += 1) {
      const j = synced;
      if (isDead(j)) continue;
      const from = pool.start[j];
      const to = pool.start[j + 1];
      liveEntry = grow(liveEntry, live + 1);
      livePerson = grow(livePerson, live + 1);
      liveCost = grow(liveCost, live + 1);
      liveE = grow(liveE, live + 1);
      liveStart = grow(liveStart, live + 2);
      liveShifts = grow(liveShifts, liveStart[live] + to - from);
      liveEntry[live] = j;
      livePerson[live] = pool.person[j];
      liveCost[live] = pool.cost[j];
      let at = liveStart[live];
      for (let k = from; k < to; k += 1) liveShifts[at++] = pool.shifts[k];
      liveStart[live + 1] = at;
      live += 1;
    }
  };
  const low = new Float64Array(P);
  const sum = new Float64Array(P);
  // The soft minimum and its gradient: the hot loop of the root and of the dive (at the design-load week 4.2 s of a
  // 14.3 s fill, 19,435 calls over about 3,800 columns each, until 5 Dec). One exponential for each open shift, not
  // two; 1/τ once a call; no exponential for a column 40 τ or more above its person's least; the arrays read through
  // locals. The same root (4,123.289 in 33 pricings) and the same dive's plan, 12% sooner (root 2.45 → 2.14 s, dive
  // 4.02 → 3.52 s; means of three runs each, one after the other).
  const smooth = (at: Float64Array, tau: number, grad: Float64Array | null): number => {
    let value = 0;
    const inv = 1 / tau;
    for (let s = 0; s < n; s += 1) {
      if (covered[s]) {
        if (grad) grad[s] = 0;
        continue;
      }
      const a = at[s];
      const b = open[s];
      // One of the two is e⁰ = 1 exactly (the lesser is m), so one exponential gives both.
      const e = Math.exp(-Math.abs(a - b) * inv);
      value += Math.min(a, b) - tau * Math.log(1 + e);
      if (grad) grad[s] = a <= b ? 1 / (1 + e) : e / (1 + e);
    }
    sync();
    // The hot loops read the arrays through locals: `sync` may have grown (replaced) them since the last call.
    const count = live;
    const cost = liveCost;
    const starts = liveStart;
    const shifts = liveShifts;
    const persons = livePerson;
    const es = liveE;
    low.fill(Infinity);
    sum.fill(0);
    for (let i = 0; i < count; i += 1) {
      let r = cost[i];
      for (let k = starts[i], end = starts[i + 1]; k < end; k += 1) r -= at[shifts[k]];
      es[i] = r;
      const p = persons[i];
      if (r < low[p]) low[p] = r;
    }
    for (let i = 0; i < count; i += 1) {
      const r = es[i];
      const p = persons[i];
      // e^-d is under 2^-57 past d = 40: beside the person's least (e⁰ = 1) it adds nothing to the sum, and it is
      // no weight in the gradient, so its exponential is not taken.
      const d = (r - low[p]) * inv;
      if (!(d < FAR)) {
        es[i] = 0;
        continue;
      }
      const e = Math.exp(-d);
      es[i] = e;
      sum[p] += e;
    }
    for (let p = 0; p < P; p += 1) if (sum[p] > 0) value += low[p] - tau * Math.log(sum[p]);
    if (grad)
      for (let i = 0; i < count; i += 1) {
        const e = es[i];
        if (e === 0) continue;
        const w = e / sum[persons[i]];
        if (w < 1e-12) continue;
        for (let k = starts[i], end = starts[i + 1]; k < end; k += 1) grad[shifts[k]] -= w;
      }
    return value;
  };
  /** Φ itself (τ → 0), for reporting. */
  const phi = (at: Float64Array): number => smooth(at, 1e-9, null);

  // FISTA on −Φ_τ, warm-started at the last point, backtracking on the step, restarted when Φ_τ falls.
  const x = Float64Array.from(lambda);
  const y = new Float64Array(n);
  const xn = new Float64Array(n);
  const gy = new Float64Array(n);
  let lip = 1;
  let rho = opts.rho ?? 1;
  const center = bestLambda;
  const prox = (at: Float64Array, grad: Float64Array | null) => {
    if (rho === 0) return 0;
    let d2 = 0;
    for (let s = 0; s < n; s += 1) {
      if (covered[s]) continue;
      const d = at[s] - center[s];
      d2 += d * d;
      if (grad) grad[s] -= rho * d;
    }
    return (rho / 2) * d2;
  };
  const f = (at: Float64Array, tau: number, grad: Float64Array | null) => {
    const v = smooth(at, tau, grad);
    return v - prox(at, grad);
  };
  const maximise = (tau: number, steps: number) => {
    y.set(x);
    let fx = f(x, tau, null);
    let t = 1;
    lip = Math.max(lip, 1 / tau) * 0.5;
    let checkpoint = fx;
    for (let it = 0; it < steps; it += 1) {
      // Done when ten steps gain under a millionth.
      if (it % 10 === 9) {
        if (fx - checkpoint <= 1e-6 * (Math.abs(fx) + 1)) break;
        checkpoint = fx;
      }
      const fy = f(y, tau, gy);
      let g2 = 0;
      for (let s = 0; s < n; s += 1) g2 += gy[s] * gy[s];
      if (g2 < 1e-14) break;
      let fn = -Infinity;
      for (let tries = 0; tries < 40; tries += 1) {
        for (let s = 0; s < n; s += 1) xn[s] = y[s] + gy[s] / lip;
        fn = f(xn, tau, null);
        if (fn >= fy + g2 / (2 * lip) - 1e-9 * Math.abs(fy)) break;
        lip *= 2;
      }
      const tn = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
      if (fn < fx) {
        // Restart: momentum took it downhill.
        y.set(x);
        t = 1;
        continue;
      }
      for (let s = 0; s < n; s += 1) y[s] = xn[s] + ((t - 1) / tn) * (xn[s] - x[s]);
      x.set(xn);
      fx = fn;
      t = tn;
      lip *= 0.95;
    }
  };

  let tau = opts.tau ?? 0.1;
  const minTau = opts.minTau ?? 0.01;
  const cool = opts.cool ?? 0.6;
  const steps = opts.innerSteps ?? 1000;
  const maxPricings = opts.maxPricings ?? Infinity;
  let model = Infinity;
  let lastTau = tau;
  const alpha = opts.alpha ?? 0;
  const at = new Float64Array(n);
  exact(lambda);
  while (pricings < maxPricings && !opts.stop()) {
    center.set(bestLambda);
    maximise(tau, steps);
    model = phi(x);
    for (let s = 0; s < n; s += 1) at[s] = alpha * center[s] + (1 - alpha) * x[s];
    const before = best;
    const got = exact(at).bound;
    // The proximal weight as a trust region: a rise close to what the model foretold widens it fast (where
    // multipliers must climb far, to a shift's cost of being left open, say), a small rise a little, none
    // narrows it.
    if (rho > 0) {
      const foretold = model - before;
      if (got <= before + 1e-6) rho *= 2;
      else rho /= foretold > 0 && got - before >= 0.5 * foretold ? 4 : 1.5;
    }
    lastTau = tau;
    tau = Math.max(minTau, tau * cool);
  }
  if (opts.finish) {
    center.set(bestLambda);
    maximise(lastTau, steps);
  }
  const weights = () => {
    const g = new Float64Array(n);
    smooth(x, lastTau, g);
    const choice = new Float64Array(pool.size);
    for (let i = 0; i < live; i += 1) if (liveE[i] > 0) choice[liveEntry[i]] = liveE[i] / sum[livePerson[i]];
    const openW = new Float64Array(n);
    for (let s = 0; s < n; s += 1) if (!covered[s]) openW[s] = 1 / (1 + Math.exp((open[s] - x[s]) / lastTau));
    return { choice, open: openW };
  };
  return { bound: best, lambda: Float64Array.from(bestLambda), pricings, model, x: Float64Array.from(x), tau: lastTau, pool, weights };
};

/**
 * The pricings before a stall may be judged: the temperature (0.1 points, times 0.6 a pricing) reaches its floor of
 * 0.01 at the 6th, and the 4 pricings compared must all be at it. Before that each pricing smooths less than the one
 * before, and a best L that has not risen is no sign of the end. Until 5 Dec a stall could be judged from the 5th. In 3
 * of about 30 runs of December given 10 minutes (with a dive paced by the clock, tried and not kept, so each week's
 * rota differed) the month ran to 324–329 s at 2.0–2.3%, its bound about 220 points low. With each root logged: the
 * week of 21 Dec stalled on its 5th pricing at 3,972.3, where it stalls after 29–35 at about 4,190 in every other run.
 */
export const STALL_FROM = 10;

/**
 * The smoothed dual has stalled: its last 4 pricings raised the best L (`history`, one entry a pricing, never
 * falling) by under 0.01% in all, once it has priced `STALL_FROM` times. The bound's first phase hands over to the LP
 * master there (colgen.ts), and the LP-free dive's root ends there (smoothedDive.ts).
 */
export const stalled = (history: readonly number[]): boolean => {
  const n = history.length;
  return n >= STALL_FROM && history[n - 1] - history[n - 5] <= 1e-4 * Math.abs(history[n - 1]);
};

/** A plan (a set of pair columns) as each person's choice, the form `smoothedDualBound` takes its known plans in. */
export const choicesByPerson = (model: AutofillModel, plan: ReadonlySet<number>): { staffId: string; x: number[] }[] => {
  const by = new Map<string, number[]>();
  for (const c of plan) {
    const staffId = model.pairs.get(c)!.staffId;
    by.set(staffId, [...(by.get(staffId) ?? []), c]);
  }
  return [...by].map(([staffId, x]) => ({ staffId, x }));
};
