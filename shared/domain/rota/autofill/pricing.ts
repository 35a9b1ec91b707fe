/**
 * The model split by person, for the Dantzig–Wolfe bound (main/services/autofill/colgen.ts).
 *
 * Every soft column of the model belongs to one person (or is a shift's "left open"), and so does every
 * hard row, so the cost of a plan is Σ shifts left open + Σ people (what their own choice costs). Only the
 * cover rows `u[s] + Σp x[p,s] = 1` tie people together. `personCoster` prices one person's choice exactly,
 * by the model's own rows; `makePricer` prices every person's cheapest choice against multipliers on the
 * cover rows, over a relaxation of their rows (so the Lagrangian bound it gives is a true lower bound).
 */
import { spanOf } from '../instants';
import { weekRange } from '../week';
import {
  personSoftCost,
  personWeekTable,
  rowsByPerson,
  type AutofillModel,
  type Deviation,
  type PathItem,
  type PathWeek,
  type PersonRows,
} from './model';

/** At most this many count states a person-week's path carries for its fair shares (each share its cap + 1). */
const FAIR_STATES = 8;

const paidOf = (s: { date: string; start: string; end: string; breakMinutes: number }): number => {
  const span = spanOf(s.date, s.start, s.end);
  return Math.max(0, Math.round((span.end - span.start) / 60_000) - s.breakMinutes);
};

/**
 * The exact cost of one person's choice of shifts (x columns): their shifts' own costs and every soft column
 * of theirs at the least value the model's rows allow, as `evaluate` counts them; Infinity when the choice
 * breaks one of their hard rows (overlaps, young workers, no-good cuts). Reads the model's rows as they are
 * when called, so cuts added since count.
 */
export const personCoster = (model: AutofillModel) => {
  const { columns } = model;
  let values = new Float64Array(columns.length);
  let indexed = -1;
  let indexedRows = -1;
  let own = new Map<string, PersonRows>();
  return (staffId: string, chosen: readonly number[]): number => {
    if (indexed !== model.definitions.length || indexedRows !== model.rows.length) {
      own = rowsByPerson(model);
      // Cuts add soft columns (weekly rest) after the model is built.
      if (values.length < columns.length) values = new Float64Array(columns.length);
      indexed = model.definitions.length;
      indexedRows = model.rows.length;
    }
    for (const c of chosen) values[c] = 1;
    try {
      let cost = personSoftCost(model, own.get(staffId), values);
      for (const c of chosen) cost += columns[c].cost;
      return cost;
    } finally {
      for (const c of chosen) values[c] = 0;
    }
  };
};

/** Each person's cheapest choice at some multipliers, and the Lagrangian bound they give. */
export interface Pricing {
  /** L(λ): no plan of the model costs less. */
  bound: number;
  /** Per person: the relaxed minimum of Σ (cost − λ)·x + their soft columns. */
  value: Map<string, number>;
  /** Per person: the x columns of that minimum, or null where a week of theirs fell back to the fractional knapsack. */
  choice: Map<string, number[] | null>;
  /** A subgradient of L at λ: 1 − (open at the minimum) − Σ people taking it, per shift. */
  g: Float64Array;
}

export interface Pricer {
  /** Open shift id → its index in λ (the order of `model.openColumn`). */
  shiftIndex: Map<string, number>;
  /** What leaving each shift open costs. */
  openCost: Float64Array;
  /** Everyone with at least one candidate pair. */
  people: string[];
  /** λ at which the bound is the simple one (each shift at its cheapest candidate alone, or open). */
  start: () => Float64Array;
  /** `knapsack`: every person-week by the fractional knapsack alone (cheaper, weaker; no choices). */
  price: (lambda: Float64Array, opts?: { knapsack?: boolean }) => Pricing;
  /**
   * What the pricing counts for a person's choice (at λ = 0): never more than its exact cost, and exactly what
   * `price` minimises, so a master with these costs converges to the best bound `price` can give.
   */
  relaxedCost: (staffId: string, chosen: readonly number[]) => number;
  /**
   * One person's cheapest choice at λ, as `price` finds it: its relaxed value less λ, and its x columns (null
   * where a week of theirs is too long for the path table). Reads only λ of that person's shifts.
   */
  priceOne: (staffId: string, lambda: Float64Array) => { value: number; choice: number[] | null };
}

/**
 * Prices every person at multipliers λ on the cover rows:
 *
 *   L(λ) = Σs (λs + min(0, open[s] − λs)) + Σ people min over their x of Σ (cost[p,s] − λs)·x + (their soft columns)
 *
 * is ≤ the cost of every plan of the model, as long as each person's minimum is over a relaxation of their
 * rows. Each person-week is priced exactly by `bestPersonWeek` (whole shifts, no overlaps, the rest and
 * long-stretch findings, hours off contract and the over-contract finding, and the shares of nights, weekends and bank
 * holidays above the even share, as the model counts them); what it leaves out (the 48 h and night averages, weekly
 * rest, licence reminders with several shifts, young workers' rows, rest across two weeks, a share over a person's
 * several weeks) only adds cost or forbids plans, so dropping it keeps a relaxation. A person-week whose
 * table would be too long is priced by a fractional knapsack on the hours-off-contract term alone (weaker, still a bound).
 */
export const makePricer = (model: AutofillModel): Pricer => {
  const shiftIndex = new Map<string, number>();
  const open: number[] = [];
  for (const [shiftId, u] of model.openColumn) {
    shiftIndex.set(shiftId, open.length);
    open.push(model.columns[u].cost);
  }
  const openCost = Float64Array.from(open);
  const n = openCost.length;
  interface Item {
    w: number;
    c: number;
    s: number;
    start: number;
    end: number;
  }
  const itemOf = (c: number): Item => {
    const p = model.pairs.get(c)!;
    const span = spanOf(p.shift.date, p.shift.start, p.shift.end);
    return { w: paidOf(p.shift), c, s: shiftIndex.get(p.shift.id)!, start: span.start, end: span.end };
  };
  // Each person's shifts already on the rota (not in the fill): a rest finding before a shift they run into or touch is not the model's.
  const openIds = new Set(model.open.map((s) => s.id));
  const fixedSpans = new Map<string, { start: number; end: number }[]>();
  for (const sh of model.ctx.shifts) {
    if (sh.deleted || sh.staffId === null || openIds.has(sh.id)) continue;
    const list = fixedSpans.get(sh.staffId) ?? [];
    list.push(spanOf(sh.date, sh.start, sh.end));
    fixedSpans.set(sh.staffId, list);
  }
  const restCountsFor = (staffId: string, at: number) => !(fixedSpans.get(staffId) ?? []).some((f) => f.start < at && f.end >= at);
  // One group per person-week: its contract term when it has one (k > 0), else none (k = 0).
  interface Group {
    k: number;
    fixed: number;
    target: number;
    items: Item[];
    staffId: string;
    overContract: Deviation['overContract'];
    path: PathItem[];
    /** Fair shares still below the person's even share, paid by the path (`PathWeek.fair`). */
    fair: { cap: number; cost: number }[];
  }
  const restMs = model.ctx.settings.dailyRestHours * 3_600_000;
  const restCost = model.weights.warning['daily-rest'] ?? 0;
  const grouped = new Set<number>();
  const make = (
    staffId: string,
    items: Item[],
    k: number,
    fixed: number,
    target: number,
    overContract: Deviation['overContract'],
  ): Group => ({
    k,
    fixed,
    target,
    items,
    staffId,
    overContract,
    path: items.map((it) => ({ w: it.w, a: 0, start: it.start, end: it.end, restCounts: restCountsFor(staffId, it.start) })),
    fair: [],
  });
  const groups: Group[] = model.deviations.map((d) => {
    const items = d.terms.filter(([, c]) => model.pairs.has(c)).map(([, c]) => itemOf(c));
    for (const it of items) grouped.add(it.c);
    return make(d.staffId, items, d.cost, d.fixed, d.target, d.overContract);
  });
  const rest = new Map<string, Item[]>();
  for (const [c, p] of model.pairs) {
    if (grouped.has(c)) continue;
    const k = `${p.staffId}|${weekRange(p.shift.date).start}`;
    rest.set(k, [...(rest.get(k) ?? []), itemOf(c)]);
  }
  for (const items of rest.values()) groups.push(make(model.pairs.get(items[0].c)!.staffId, items, 0, 0, 0, null));
  const people = [...new Set(groups.map((g) => g.staffId))];
  // Soft columns that are a plain sum of a person's x columns (one row, every coefficient ≥ 0, nothing
  // below 0 to cut off): their cost is added to those shifts, exactly. That is a rest or long-stretch finding
  // against a shift already on the rota (r ≥ x), a licence reminder with one shift in the week, a share of
  // nights already over the even share (f ≥ had − share + Σ x with had ≥ share). The rest finding before a
  // shift is then paid by the shift, not by the path's pairs (one finding, counted once).
  const extra = new Map<number, number>();
  const constant = new Map<string, number>();
  const noPairRest = new Set<number>();
  const defsOf = new Map<number, AutofillModel['definitions']>();
  for (const d of model.definitions) defsOf.set(d.aux, [...(defsOf.get(d.aux) ?? []), d]);
  for (const [aux, defs] of defsOf) {
    const col = model.columns[aux];
    if (defs.length !== 1 || col.cost <= 0 || col.staffId === undefined) continue;
    const d = defs[0];
    if (d.scale !== 1 || d.constant < 0 || d.terms.some(([k, v]) => k <= 0 || !model.pairs.has(v))) continue;
    if (col.term === 'hours-off-contract' || col.term === 'contracted-hours') continue;
    if (col.kind === 'binary') {
      if (d.constant !== 0 || d.terms.length !== 1 || d.terms[0][0] !== 1) continue;
      const x = d.terms[0][1];
      extra.set(x, (extra.get(x) ?? 0) + col.cost);
      if (col.term === 'daily-rest' && col.shiftId === model.pairs.get(x)!.shift.id) noPairRest.add(x);
    } else {
      constant.set(col.staffId, (constant.get(col.staffId) ?? 0) + col.cost * d.constant);
      for (const [k, x] of d.terms) extra.set(x, (extra.get(x) ?? 0) + col.cost * k);
    }
  }
  for (const grp of groups) grp.items.forEach((it, i) => noPairRest.has(it.c) && (grp.path[i].restCounts = false));
  // A fair share (nights, weekends, bank holidays) the person is still below: f ≥ Σ x − cap with cap = share − had > 0,
  // so the first `cap` of those shifts cost nothing and each after costs the weight. Paid exactly by the path, which
  // counts them up to the cap (`PathWeek.fair`), when all of the person's shifts of that kind are in one person-week
  // (a week's fill; else left out, a relaxation still) and they could take more than `cap`. Left out until 4 Dec:
  // in the bank-holiday weeks it was most of what the bound missed (21–27 Dec: 100 of the plan's 4,244 points).
  const itemAt = new Map<number, { g: number; i: number }>();
  groups.forEach((grp, g) => grp.items.forEach((it, i) => itemAt.set(it.c, { g, i })));
  for (const [aux, defs] of defsOf) {
    const col = model.columns[aux];
    if (defs.length !== 1 || col.term !== 'fairness' || col.cost <= 0) continue;
    const d = defs[0];
    if (d.scale !== 1 || d.constant >= 0 || d.terms.some(([k, v]) => k !== 1 || !itemAt.has(v))) continue;
    const cap = -d.constant;
    const at = d.terms.map(([, v]) => itemAt.get(v)!);
    const grp = groups[at[0].g];
    if (at.some((x) => x.g !== at[0].g) || at.length <= cap) continue;
    if (grp.fair.reduce((states, f) => states * (f.cap + 1), cap + 1) > FAIR_STATES) continue;
    const bit = 1 << grp.fair.length;
    grp.fair.push({ cap, cost: col.cost });
    for (const x of at) grp.path[x.i].cats = (grp.path[x.i].cats ?? 0) | bit;
  }
  /** How many of the group's shifts `chosen` (indices) count towards its share k. */
  const shareCount = (grp: Group, chosen: readonly number[], k: number) => {
    let count = 0;
    for (const i of chosen) count += ((grp.path[i].cats ?? 0) >> k) & 1;
    return count;
  };
  const own = (c: number) => model.columns[c].cost + (extra.get(c) ?? 0);
  const weekOf = (grp: Group): PathWeek => ({
    k: grp.k,
    fixed: grp.fixed,
    target: grp.target,
    overContract: grp.overContract,
    restMs,
    restCost,
    longMs: 24 * 3_600_000 - restMs,
    longCost: model.weights.longDay,
    fair: grp.fair,
  });
  /** The person-week minimum with x fractional and no row but the contract term (a fractional knapsack, V-shaped penalty). */
  const knapsack = (grp: Group, lambda: Float64Array, g: Float64Array): number => {
    const k = grp.k;
    const items = grp.items
      .map((it) => ({ it, r: (own(it.c) - lambda[it.s]) / Math.max(it.w, 1e-9) }))
      .filter((x) => x.r < k)
      .sort((a, b) => a.r - b.r);
    let level = grp.fixed;
    let v = k * Math.abs(grp.fixed - grp.target);
    for (const { it, r } of items) {
      let taken = 0;
      if (level < grp.target) {
        const m = Math.min(it.w, grp.target - level);
        v += (r - k) * m;
        level += m;
        taken += m;
      }
      if (taken < it.w && r + k < 0) {
        const m = it.w - taken;
        v += (r + k) * m;
        level += m;
        taken += m;
      }
      if (taken === 0) break;
      g[it.s] -= it.w > 0 ? taken / it.w : 1;
    }
    return v;
  };
  // Each group's path table, made once (its shifts and week do not change with λ), or null where it would be
  // too long and the group is priced by the knapsack: fixed, whatever λ. And its shifts' own costs.
  // With fair shares, the path without them first, then with only the shares its choice passes, and so on until a
  // choice passes none it does not count: that choice costs the same with every share, and no choice costs less
  // with fewer shares counted, so it is the minimum with them all. Exact, and each table only as wide as the shares
  // that bind: at the root of 7–13 Dec about one person-week in nine needs a wider one. (Measured there, a pricing
  // takes 25–29 ms either way, where it took 16–18 ms before the shares were priced.)
  const tables = groups.map((grp) => {
    const { fair } = grp;
    // The table counting the shares in `mask`; a share left out is one of no cap and no cost (one count state).
    const tableFor = (mask: number) =>
      personWeekTable(grp.path, { ...weekOf(grp), fair: fair.map((f, k) => ((mask >> k) & 1 ? f : { cap: 0, cost: 0 })) });
    const plain = tableFor(0);
    if (plain === null || fair.length === 0) return plain;
    const byMask = new Map([[0, plain]]);
    return (a: ArrayLike<number>) => {
      let mask = 0;
      for (;;) {
        let table = byMask.get(mask);
        if (table === undefined) byMask.set(mask, (table = tableFor(mask)!));
        const r = table(a);
        let passed = 0;
        fair.forEach((f, k) => {
          if (((mask >> k) & 1) === 0 && shareCount(grp, r.chosen, k) > f.cap) passed |= 1 << k;
        });
        if (passed === 0) return r;
        mask |= passed;
      }
    };
  });
  const byPath = tables.map((t) => t !== null);
  const owns = groups.map((grp) => Float64Array.from(grp.items, (it) => own(it.c)));
  /** The group's shifts' costs less their shifts' λ, as the path table reads them. */
  const scratch = new Float64Array(Math.max(0, ...groups.map((grp) => grp.items.length)));
  const reduced = (g: number, lambda: Float64Array): Float64Array => {
    const { items } = groups[g];
    const own = owns[g];
    for (let i = 0; i < items.length; i += 1) scratch[i] = own[i] - lambda[items[i].s];
    return scratch;
  };
  const where = new Map<number, { g: number; i: number }>();
  groups.forEach((grp, g) => grp.items.forEach((it, i) => where.set(it.c, { g, i })));
  const groupsOf = new Map<string, number[]>();
  groups.forEach((grp, g) => groupsOf.set(grp.staffId, [...(groupsOf.get(grp.staffId) ?? []), g]));
  const relaxedCost = (staffId: string, chosen: readonly number[]): number => {
    let total = constant.get(staffId) ?? 0;
    const picked = new Map<number, number[]>();
    for (const c of chosen) {
      const at = where.get(c)!;
      picked.set(at.g, [...(picked.get(at.g) ?? []), at.i]);
    }
    for (const g of groupsOf.get(staffId) ?? []) {
      const grp = groups[g];
      const week = weekOf(grp);
      const mine = (picked.get(g) ?? []).sort((x, y) => grp.items[x].start - grp.items[y].start || grp.items[x].end - grp.items[y].end);
      let minutes = 0;
      for (const i of mine) {
        total += own(grp.items[i].c);
        minutes += grp.items[i].w;
      }
      const level = grp.fixed + minutes;
      total += grp.k * Math.abs(level - grp.target);
      if (!byPath[g]) continue;
      if (grp.overContract && level > grp.overContract.minutes) total += grp.overContract.cost;
      grp.fair.forEach((f, k) => (total += f.cost * Math.max(0, shareCount(grp, mine, k) - f.cap)));
      // Consecutive shifts: the rest finding or the long stretch, as the path pays them.
      for (let j = 1; j < mine.length; j += 1) {
        const A = grp.items[mine[j - 1]];
        const B = grp.items[mine[j]];
        if (A.end > B.start - week.restMs && A.end <= B.start && A.end > A.start) {
          if (A.end < B.start) total += grp.path[mine[j]].restCounts ? week.restCost : 0;
          else if (B.end - A.start > week.longMs) total += week.longCost;
        }
      }
    }
    return total;
  };
  const start = () => {
    const lambda = Float64Array.from(openCost);
    for (const [c, p] of model.pairs) {
      const s = shiftIndex.get(p.shift.id)!;
      lambda[s] = Math.min(lambda[s], model.columns[c].cost);
    }
    return lambda;
  };
  const price = (lambda: Float64Array, opts: { knapsack?: boolean } = {}): Pricing => {
    let bound = 0;
    const g = new Float64Array(n);
    for (let s = 0; s < n; s += 1) {
      const openNow = openCost[s] < lambda[s];
      bound += lambda[s] + (openNow ? openCost[s] - lambda[s] : 0);
      g[s] = openNow ? 0 : 1;
    }
    const value = new Map<string, number>();
    const choice = new Map<string, number[] | null>();
    for (const [p, v] of constant) {
      if (!groupsOf.has(p)) continue;
      bound += v;
      value.set(p, v);
    }
    for (let gi = 0; gi < groups.length; gi += 1) {
      const grp = groups[gi];
      const table = tables[gi];
      const r = opts.knapsack || table === null ? null : table(reduced(gi, lambda));
      const v = r ? r.value : knapsack(grp, lambda, g);
      if (r) for (const i of r.chosen) g[grp.items[i].s] -= 1;
      bound += v;
      value.set(grp.staffId, (value.get(grp.staffId) ?? 0) + v);
      const had = choice.get(grp.staffId);
      if (!r || had === null) choice.set(grp.staffId, null);
      else choice.set(grp.staffId, [...(had ?? []), ...r.chosen.map((i) => grp.items[i].c)]);
    }
    // Rounding in the sums above is far below a point; a hair off keeps the bound a bound.
    return { bound: bound - 1e-6 * Math.abs(bound), value, choice, g };
  };
  const priceOne = (staffId: string, lambda: Float64Array) => {
    let value = constant.get(staffId) ?? 0;
    let choice: number[] | null = [];
    for (const gi of groupsOf.get(staffId) ?? []) {
      const grp = groups[gi];
      const table = tables[gi];
      const r = table === null ? null : table(reduced(gi, lambda));
      value += r ? r.value : knapsack(grp, lambda, new Float64Array(n));
      if (!r) choice = null;
      else if (choice) for (const i of r.chosen) choice.push(grp.items[i].c);
    }
    return { value, choice };
  };
  return { shiftIndex, openCost, people, start, price, relaxedCost, priceOne };
};

/**
 * The Lagrangian bound by subgradient steps, needing no solver: the warm start of the column generation
 * (main/services/autofill/colgen.ts), which converges much better from its multipliers. Up to `iterations`
 * (300) steps of the cheap knapsack pricing (150 once `stop` says so) from each shift's cheapest cost (so
 * L ≥ `simpleBound`), then up to `pathIterations` (40) of the exact person-week pricing while `stop` allows,
 * each step deflected by half the last direction (the exact pricing's choices jump between whole shifts, and
 * plain steps zig-zag). Polyak steps towards `upper`. Returns the best L seen and its λ; `onPrice` sees each
 * exact pricing (its choices are columns for the master).
 */
export const subgradientBound = (
  model: AutofillModel,
  opts: {
    upper: number;
    stop?: () => boolean;
    iterations?: number;
    pathIterations?: number;
    pricer?: Pricer;
    onPrice?: (p: Pricing, lambda: Float64Array) => void;
  },
): { bound: number; lambda: Float64Array } => {
  const pricer = opts.pricer ?? makePricer(model);
  const n = pricer.openCost.length;
  const lambda = pricer.start();
  if (n === 0) return { bound: 0, lambda };
  let best = -Infinity;
  let bestLambda = Float64Array.from(lambda);
  let theta = 1;
  let stale = 0;
  const dir = new Float64Array(n);
  const step = (l: number, g: Float64Array, alpha = 0) => {
    let norm = 0;
    for (let s = 0; s < n; s += 1) {
      dir[s] = g[s] + alpha * dir[s];
      norm += dir[s] * dir[s];
    }
    if (norm < 1e-12) return false;
    const t = (theta * Math.max(opts.upper - l, 1e-3 * Math.abs(opts.upper))) / norm;
    for (let s = 0; s < n; s += 1) lambda[s] += t * dir[s];
    return true;
  };
  const iterations = opts.iterations ?? 300;
  for (let i = 0; i < iterations; i += 1) {
    const p = pricer.price(lambda, { knapsack: true });
    if (p.bound > best + 1e-6) {
      best = p.bound;
      bestLambda = Float64Array.from(lambda);
      stale = 0;
    } else if ((stale += 1) >= 12) {
      theta /= 2;
      stale = 0;
    }
    if (theta < 1e-4 || (i >= 150 && opts.stop?.())) break;
    if (!step(p.bound, p.g)) break;
  }
  lambda.set(bestLambda);
  theta = 0.5;
  stale = 0;
  dir.fill(0);
  const pathIterations = opts.pathIterations ?? 40;
  for (let i = 0; i < pathIterations; i += 1) {
    const p = pricer.price(lambda);
    opts.onPrice?.(p, lambda);
    if (p.bound > best + 1e-6) {
      best = p.bound;
      bestLambda = Float64Array.from(lambda);
      stale = 0;
    } else if ((stale += 1) >= 3) {
      theta /= 2;
      stale = 0;
    }
    if (theta < 1e-3 || opts.stop?.()) break;
    if (!step(p.bound, p.g, 0.5)) break;
  }
  return { bound: best, lambda: bestLambda };
};

/** A pair column → its shift's index in the pricer's λ (the smoothed dual's and the LP master's `shiftOf`). */
export const shiftOfPair =
  (model: AutofillModel, pricer: Pricer) =>
  (x: number): number =>
    pricer.shiftIndex.get(model.pairs.get(x)!.shift.id)!;
