/**
 * Person-week best response: a neighbourhood for the local search that re-chooses one person's whole week at
 * once. Every soft column belongs to one person, so with everyone else held, what a person's choice costs the
 * plan is their own cost, less the gap of each open shift they take, less what each shift they take from
 * someone else saves that person, plus what each shift they give up costs to cover otherwise: its cheapest other
 * taker (that person's cost with it less their cost now), or its gap if no one is cheaper. The person's best
 * choice at those values is found by the exact person-week path (`Pricer.priceOne`, a relaxation of their
 * rows); each shift given up then goes to its cheapest other taker given the move so far, and the whole move is
 * priced exactly by the model's rows for everyone it touches, and taken only when the plan costs less.
 *
 * Until 5 Dec a shift given up was valued at its gap, as if left open: a person could not leave a shift to someone
 * dearer on it to take one only they could cover, since each step alone costs more. From the dive's plans of eleven
 * design-load weeks the search then stopped 1.6-4.6% above the bound; placing the shifts given up, 0.6-2.1% (10 of
 * 11 within 2%) in about a second. See docs/autoschedule.md.
 */
import { evaluate, localSearch, type AutofillModel } from './model';
import { makePricer, personCoster, type Pricer } from './pricing';

export const bestResponseSearch = (
  model: AutofillModel,
  start: ReadonlySet<number>,
  opts: { stop: () => boolean; seed?: number; pricer?: Pricer; onImprove?: (saved: number) => void },
): Set<number> => {
  const pricer = opts.pricer ?? makePricer(model);
  const coster = personCoster(model);
  const staffOf = (c: number) => model.pairs.get(c)!.staffId;
  const shiftOf = (c: number) => model.pairs.get(c)!.shift.id;
  const gap = (shiftId: string) => model.columns[model.openColumn.get(shiftId)!].cost;
  const holder = new Map<string, number>();
  const mine = new Map<string, Set<number>>();
  const candidates = new Map<string, number[]>();
  /** Each shift's pairs: who else could take it. */
  const takers = new Map<string, number[]>();
  for (const [c, p] of model.pairs) {
    const list = candidates.get(p.staffId);
    if (list) list.push(c);
    else candidates.set(p.staffId, [c]);
    const others = takers.get(p.shift.id);
    if (others) others.push(c);
    else takers.set(p.shift.id, [c]);
    if (!mine.has(p.staffId)) mine.set(p.staffId, new Set());
  }
  for (const c of start) {
    holder.set(shiftOf(c), c);
    mine.get(staffOf(c))!.add(c);
  }
  const cost = new Map<string, number>();
  for (const [p, set] of mine) cost.set(p, coster(p, [...set]));
  const lambda = new Float64Array(pricer.openCost.length);
  const people = [...candidates.keys()].sort();
  let seed = opts.seed ?? 1;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  const without = (q: string, drop: ReadonlySet<number>) => [...mine.get(q)!].filter((c) => !drop.has(c));
  /** What a person saves by giving up one of their shifts, kept until their choice changes. */
  const savings = new Map<string, Map<number, number>>();
  const saving = (q: string, h: number) => {
    let m = savings.get(q);
    if (!m) savings.set(q, (m = new Map()));
    let v = m.get(h);
    if (v === undefined) m.set(h, (v = cost.get(q)! - coster(q, without(q, new Set([h])))));
    return v;
  };
  /**
   * The cheapest way to cover shift `s` without `p`: the person who would add it to their week for least (their cost
   * with it less their cost now, `weekOf` and `costOf` giving each person's week and cost as they stand), or leaving it
   * open. The pair, or −1 for open, and what it costs.
   */
  const cheapestTaker = (
    s: string,
    p: string,
    weekOf: (q: string) => ReadonlySet<number>,
    costOf: (q: string) => number,
  ): { pair: number; cost: number } => {
    let pair = -1;
    let least = gap(s);
    for (const c of takers.get(s)!) {
      const q = staffOf(c);
      if (q === p) continue;
      const added = coster(q, [...weekOf(q), c]) - costOf(q);
      if (added < least - 1e-9) {
        pair = c;
        least = added;
      }
    }
    return { pair, cost: least };
  };
  const weekNow = (q: string) => mine.get(q)!;
  const costNow = (q: string) => cost.get(q)!;
  for (let improved = true; improved && !opts.stop();) {
    improved = false;
    for (let i = people.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [people[i], people[j]] = [people[j], people[i]];
    }
    for (const p of people) {
      if (opts.stop()) break;
      // What each of p's candidate shifts is worth to the plan if p takes it, everyone else held: an open shift its gap,
      // someone else's what they save by giving it up, p's own what covering it otherwise would cost (its cheapest
      // other taker, or its gap).
      for (const c of candidates.get(p)!) {
        const s = shiftOf(c);
        const h = holder.get(s);
        let worth = gap(s);
        if (h !== undefined) worth = staffOf(h) !== p ? saving(staffOf(h), h) : cheapestTaker(s, p, weekNow, costNow).cost;
        lambda[pricer.shiftIndex.get(s)!] = worth;
      }
      const r = pricer.priceOne(p, lambda);
      if (!r.choice) continue;
      const next = new Set(r.choice);
      const now = mine.get(p)!;
      if (next.size === now.size && [...next].every((c) => now.has(c))) continue;
      const mineNext = coster(p, [...next]);
      if (mineNext === Infinity) continue;
      // Exactly: p's new week, each person a shift is taken from, the open shifts p takes, and each shift p gives up
      // placed with its cheapest other taker given the changes so far (or left open).
      const changed = new Map<string, Set<number>>([[p, next]]);
      const newCost = new Map<string, number>([[p, mineNext]]);
      let delta = mineNext - cost.get(p)!;
      for (const c of next) {
        const h = holder.get(shiftOf(c));
        if (h === undefined) delta -= gap(shiftOf(c));
        else if (staffOf(h) !== p) {
          const q = staffOf(h);
          const week = new Set(changed.get(q) ?? mine.get(q)!);
          week.delete(h);
          changed.set(q, week);
        }
      }
      for (const [q, week] of changed) {
        if (q === p) continue;
        const v = coster(q, [...week]);
        newCost.set(q, v);
        delta += v - cost.get(q)!;
      }
      const nextShifts = new Set([...next].map(shiftOf));
      const weekOf = (q: string) => changed.get(q) ?? mine.get(q)!;
      const costOf = (q: string) => newCost.get(q) ?? cost.get(q)!;
      for (const c of now) {
        const s = shiftOf(c);
        if (nextShifts.has(s)) continue;
        const t = cheapestTaker(s, p, weekOf, costOf);
        delta += t.cost;
        if (t.pair >= 0) {
          const q = staffOf(t.pair);
          changed.set(q, new Set([...weekOf(q), t.pair]));
          newCost.set(q, costOf(q) + t.cost);
        }
      }
      if (delta >= -1e-7) continue;
      for (const c of now) if (!nextShifts.has(shiftOf(c))) holder.delete(shiftOf(c));
      for (const [q, week] of changed) {
        mine.set(q, week);
        cost.set(q, newCost.get(q)!);
        savings.delete(q);
      }
      for (const week of changed.values()) for (const c of week) holder.set(shiftOf(c), c);
      improved = true;
      opts.onImprove?.(-delta);
    }
  }
  return new Set(holder.values());
};

/**
 * The local search with both neighbourhoods: best responses (a person's whole week at once), then single moves
 * and swaps (`localSearch`), in turn until a round of both saves nothing or `stop()` says so. Never returns a
 * plan that costs more than `start` by the model's rows. Best responses go first: at the design load, moves and
 * swaps first end at a plan (4,798) that no best response improves, while best responses first reach 4,750.
 */
export const searchPlan = (
  model: AutofillModel,
  start: ReadonlySet<number>,
  opts: { stop: () => boolean; seed?: number; pricer?: Pricer },
): Set<number> => {
  const pricer = opts.pricer ?? makePricer(model);
  let best = new Set(start);
  let bestCost = evaluate(model, best).objective;
  for (let round = 0; !opts.stop(); round += 1) {
    const seed = (opts.seed ?? 1) * 1000 + round;
    const found = localSearch(model, bestResponseSearch(model, best, { stop: opts.stop, seed, pricer }), { stop: opts.stop, seed });
    const cost = evaluate(model, found).objective;
    if (cost >= bestCost - 1e-7) break;
    best = found;
    bestCost = cost;
  }
  return best;
};
