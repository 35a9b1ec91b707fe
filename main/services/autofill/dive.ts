/**
 * Price and dive: a plan from the column-generation master (docs/autoschedule.md, "Price and dive").
 *
 * The master is the same set-partitioning LP as the bound's (`colgen.ts`): one column per person and choice
 * of theirs at the pricing's cost, one "left open" column per shift, a cover row per shift and a convexity
 * row per person. After a few rounds of column generation, every column the LP takes at ≥ `threshold` is
 * fixed (its lower bound set to 1), or, when none is, the one it takes most; the columns that clash with a
 * fixed one (the same person, or a shift it covers) get an upper bound of 0, and the pricing no longer sees
 * fixed people or covered shifts (their multipliers set so that no choice takes them). That repeats until the
 * LP's solution is integral, which is then a plan of the model (each person's fixed choice).
 *
 * Nothing here is a bound: the master's values after a fix are not lower bounds on the model, and none is
 * reported. The plan is priced by the model's own rows (`evaluate`) by the caller, as any other.
 */
import type { Highs } from 'highs';
import type { AutofillModel } from '../../../shared/domain/rota/autofill/model';
import { personCoster, type Pricer, shiftOfPair } from '../../../shared/domain/rota/autofill/pricing';
import { choicesByPerson, smoothedDualBound, stalled } from '../../../shared/domain/rota/autofill/smoothedDual';
import { loadHighs } from './solve';

export interface DiveStep {
  fixes: number;
  fixed: number;
  lp: number;
  columns: number;
  rounds: number;
}

export interface DiveOptions {
  pricer: Pricer;
  /** Columns to start from (the bound's pricings' choices, the plans known), as each person's x columns. */
  columns: readonly { staffId: string; x: readonly number[] }[];
  /** Checked before each LP solve; the dive ends with no plan when it says so. */
  stop: () => boolean;
  /** Seconds left for one LP solve. */
  timeLeft?: () => number;
  /** Column-generation rounds before each fix (default 3), and before the first (default 30). */
  rounds?: number;
  firstRounds?: number;
  /** Columns the LP takes at least this much are fixed together (default 0.9), those that clash with none taken first. */
  threshold?: number;
  /** At least this many columns fixed per step (default 1), by value, each clashing with none before. */
  atLeast?: number;
  /**
   * Multipliers near the master's duals (the bound's best λ): a starting column is kept only if its cost less λ
   * is within `keepWithin` points of its person's cheapest (default: every column kept). A smaller LP.
   */
  lambda?: Float64Array;
  keepWithin?: number;
  /** No dive: the root LP's columns rounded at once, by value, each that clashes with none taken before. */
  roundOnly?: boolean;
  highs?: Highs;
  onStep?: (s: DiveStep) => void;
}

export interface DiveResult {
  /** The pair columns of the integral master's solution; null when stopped or the LP could not be solved. */
  plan: Set<number> | null;
  /** The master's LP value before the first fix (the Dantzig–Wolfe value of the columns priced, not a bound). */
  rootLp: number | null;
  fixes: number;
  columns: number;
}

export const priceAndDive = async (model: AutofillModel, opts: DiveOptions): Promise<DiveResult> => {
  const h = opts.highs ?? (await loadHighs());
  const { pricer } = opts;
  const coster = personCoster(model);
  const n = pricer.openCost.length;
  const people = pricer.people;
  const personIndex = new Map(people.map((p, i) => [p, i]));
  const shiftOf = shiftOfPair(model, pricer);
  const m = h.createModel();
  m.options.set({ output_flag: false, simplex_strategy: 4 });
  const none = { indices: [] as number[], values: [] as number[] };
  for (let i = 0; i < n + people.length; i += 1) m.addRow(1, 1, none);
  for (let s = 0; s < n; s += 1) m.addCol(pricer.openCost[s], 0, h.infinity, { indices: [s], values: [1] });
  // Column n + j: person col[j].person's choice col[j].x.
  const col: { person: number; x: number[]; shifts: number[] }[] = [];
  const seen = new Set<string>();
  const fixedPerson = new Uint8Array(people.length);
  const covered = new Uint8Array(n);
  const fixedCols: number[] = [];
  const isFixed = new Set<number>();
  const add = (staffId: string, x: readonly number[]): boolean => {
    const person = personIndex.get(staffId);
    if (person === undefined || fixedPerson[person]) return false;
    const key = `${person}|${[...x].sort((a, b) => a - b).join(',')}`;
    if (seen.has(key)) return false;
    if (coster(staffId, x) === Infinity) return false;
    const shifts = x.map(shiftOf);
    if (shifts.some((s) => covered[s])) return false;
    seen.add(key);
    const rows = [...shifts, n + person].sort((a, b) => a - b);
    m.addCol(pricer.relaxedCost(staffId, x), 0, h.infinity, { indices: rows, values: rows.map(() => 1) });
    col.push({ person, x: [...x], shifts });
    return true;
  };
  for (const p of people) add(p, []);
  {
    const { lambda: at, keepWithin } = opts;
    let keep = (_c: { staffId: string; x: readonly number[] }) => true;
    if (at && keepWithin !== undefined) {
      const rc = (c: { staffId: string; x: readonly number[] }) => {
        let r = pricer.relaxedCost(c.staffId, c.x);
        for (const x of c.x) r -= at[shiftOf(x)];
        return r;
      };
      const low = new Map<string, number>(people.map((p) => [p, 0]));
      for (const c of opts.columns) low.set(c.staffId, Math.min(low.get(c.staffId) ?? Infinity, rc(c)));
      keep = (c) => rc(c) <= (low.get(c.staffId) ?? 0) + keepWithin;
    }
    for (const c of opts.columns) if (keep(c)) add(c.staffId, c.x);
  }
  const S = h.constants.modelStatus;
  const lambda = new Float64Array(n);
  let lp: number | null = null;
  /** The columns' values at the last LP solved to optimality. */
  let last: Float64Array | null = null;
  const solve = (): Float64Array | null => {
    if (opts.stop()) return null;
    m.zeroAllClocks();
    m.options.set({ time_limit: Math.max(0.05, opts.timeLeft?.() ?? 1e9) });
    // The manager's Stop (or the time) ends a solve under way at once, not at its time limit.
    m.run({
      [h.constants.callbackType.simplexInterrupt](e) {
        if (opts.stop()) e.interrupt();
        return undefined;
      },
    });
    if (m.getModelStatus() !== S.optimal) return null;
    lp = m.getObjectiveValue();
    last = Float64Array.from(m.getSolution().colValue);
    return Float64Array.from(m.getSolution().rowDual);
  };
  /** Up to `k` rounds of column generation over the people and shifts not fixed; false when stopped. */
  const generate = (k: number): boolean => {
    for (let r = 0; r < k; r += 1) {
      const dual = solve();
      if (!dual) return false;
      for (let s = 0; s < n; s += 1) lambda[s] = covered[s] ? -1e9 : dual[s];
      let added = 0;
      for (let p = 0; p < people.length; p += 1) {
        if (fixedPerson[p]) continue;
        const got = pricer.priceOne(people[p], lambda);
        if (!got.choice || got.value - dual[n + p] >= -1e-6) continue;
        if (add(people[p], got.choice)) added += 1;
      }
      if (added === 0) return true;
    }
    return solve() !== null;
  };
  const fix = (j: number) => {
    const c = col[j];
    fixedPerson[c.person] = 1;
    for (const s of c.shifts) covered[s] = 1;
    fixedCols.push(j);
    isFixed.add(j);
    m.changeColBounds(n + j, 1, h.infinity);
    for (let k = 0; k < col.length; k += 1) {
      if (isFixed.has(k)) continue;
      const o = col[k];
      if (o.person === c.person || o.shifts.some((s) => covered[s])) m.changeColBounds(n + k, 0, 0);
    }
    for (const s of c.shifts) m.changeColBounds(s, 0, 0);
  };
  /** The fixed columns, then the last LP's others by value, each that clashes with none taken before. */
  const round = (z: Float64Array): Set<number> => {
    const plan = new Set<number>();
    const person = new Set<number>();
    const shift = new Set<number>();
    const take = (j: number) => {
      person.add(col[j].person);
      for (const s of col[j].shifts) shift.add(s);
      for (const x of col[j].x) plan.add(x);
    };
    for (const j of fixedCols) take(j);
    const order = col.map((_, j) => j).filter((j) => (z[n + j] ?? 0) > 1e-6 && !isFixed.has(j));
    order.sort((a, b) => z[n + b] - z[n + a]);
    for (const j of order) if (!person.has(col[j].person) && !col[j].shifts.some((s) => shift.has(s))) take(j);
    return plan;
  };
  try {
    const ok = generate(opts.firstRounds ?? 30);
    const rootLp = lp;
    let fixes = 0;
    const result = () => ({ plan: last ? round(last) : null, rootLp, fixes, columns: col.length });
    if (!ok) return result();
    const threshold = opts.threshold ?? 0.9;
    for (;;) {
      const z = last!;
      const order: number[] = [];
      let integral = true;
      for (let j = 0; j < col.length; j += 1) {
        if (fixedPerson[col[j].person]) continue;
        const v = z[n + j] ?? 0;
        if (v > 1e-6 && v < 1 - 1e-6) integral = false;
        if (v > 1e-6) order.push(j);
      }
      for (let s = 0; s < n && integral; s += 1) if (z[s] > 1e-6 && z[s] < 1 - 1e-6) integral = false;
      if (integral || opts.roundOnly) return result();
      order.sort((a, b) => z[n + b] - z[n + a]);
      // The columns to fix: by value, down to the threshold (at least `atLeast`), each clashing with none before.
      const take: number[] = [];
      const person = new Set<number>();
      const shift = new Set<number>();
      for (const j of order) {
        if (take.length >= (opts.atLeast ?? 1) && z[n + j] < threshold) break;
        if (person.has(col[j].person) || col[j].shifts.some((s) => shift.has(s))) continue;
        person.add(col[j].person);
        for (const s of col[j].shifts) shift.add(s);
        take.push(j);
      }
      for (const j of take) fix(j);
      fixes += 1;
      const more = generate(opts.rounds ?? 3);
      opts.onStep?.({ fixes, fixed: fixedCols.length, lp: lp ?? NaN, columns: col.length, rounds: 0 });
      if (!more) return result();
    }
  } finally {
    m.dispose();
  }
};

/**
 * A plan for a large part by price and dive: the smoothed dual's pricings (from the plans known) give the
 * master its columns, then `priceAndDive` fixes the master's columns until its LP is integral, or, when
 * `stop` says so first, rounds the last LP (fixed columns, then the others by value). The plan is the
 * master's, not yet searched: the caller repairs it (`searchPlan`) and keeps it only if it costs less.
 * Measured at the design load (docs/autoschedule.md): 3–4 minutes of dive at load 5–8, then 10 s of
 * `searchPlan`, reach 4,145–4,198 against the bound's 4,123 and the best search plan's 4,545.
 */
export const diveForPlan = async (
  model: AutofillModel,
  opts: { pricer: Pricer; plans: readonly ReadonlySet<number>[]; stop: () => boolean; timeLeft: () => number; highs?: Highs },
): Promise<Set<number> | null> => {
  const { pricer } = opts;
  const shiftOf = shiftOfPair(model, pricer);
  const columns: { staffId: string; x: number[] }[] = opts.plans.flatMap((p) => choicesByPerson(model, p));
  const history: number[] = [];
  const sd = smoothedDualBound({
    pricer,
    shiftOf,
    plans: opts.plans.map((p) => choicesByPerson(model, p)),
    // Until it stalls, as the bound's first phase (colgen.ts).
    stop: () => opts.stop() || stalled(history),
    onPrice: (p) => {
      history.push(Math.max(p.bound, history.at(-1) ?? -Infinity));
      for (const [staffId, x] of p.choice) if (x) columns.push({ staffId, x });
    },
  });
  if (opts.stop()) return null;
  const r = await priceAndDive(model, { pricer, columns, lambda: sd.lambda, stop: opts.stop, timeLeft: opts.timeLeft, highs: opts.highs });
  return r.plan;
};
