/**
 * Person-week best response: a neighbourhood for the local search that re-chooses one person's whole week at
 * once. Every soft column belongs to one person, so with everyone else held, what a person's choice costs the
 * plan is their own cost, less the gap of each open shift they take, less what each shift they take from
 * someone else saves that person. The person's best choice at those values is found by the exact person-week
 * path (`Pricer.priceOne`, a relaxation of their rows), then priced exactly by the model's rows for everyone
 * it touches, and taken only when the plan costs less. See docs/autoschedule.md.
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
  for (const [c, p] of model.pairs) {
    const list = candidates.get(p.staffId);
    if (list) list.push(c);
    else candidates.set(p.staffId, [c]);
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
  for (let improved = true; improved && !opts.stop();) {
    improved = false;
    for (let i = people.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [people[i], people[j]] = [people[j], people[i]];
    }
    for (const p of people) {
      if (opts.stop()) break;
      // What each of p's candidate shifts is worth to the plan if p takes it, everyone else held.
      for (const c of candidates.get(p)!) {
        const s = shiftOf(c);
        const h = holder.get(s);
        let worth = gap(s);
        if (h !== undefined && staffOf(h) !== p) worth = saving(staffOf(h), h);
        lambda[pricer.shiftIndex.get(s)!] = worth;
      }
      const r = pricer.priceOne(p, lambda);
      if (!r.choice) continue;
      const next = new Set(r.choice);
      const now = mine.get(p)!;
      if (next.size === now.size && [...next].every((c) => now.has(c))) continue;
      const mineNext = coster(p, [...next]);
      if (mineNext === Infinity) continue;
      // Exactly: p's new cost, each person a shift is taken from, and the gaps opened and closed.
      let delta = mineNext - cost.get(p)!;
      const taken = new Map<string, Set<number>>();
      for (const c of next) {
        const h = holder.get(shiftOf(c));
        if (h === undefined) delta -= gap(shiftOf(c));
        else if (staffOf(h) !== p) {
          const q = staffOf(h);
          if (!taken.has(q)) taken.set(q, new Set());
          taken.get(q)!.add(h);
        }
      }
      const nextShifts = new Set([...next].map(shiftOf));
      for (const c of now) if (!nextShifts.has(shiftOf(c))) delta += gap(shiftOf(c));
      const after = new Map<string, number>();
      for (const [q, drop] of taken) {
        const v = coster(q, without(q, drop));
        after.set(q, v);
        delta += v - cost.get(q)!;
      }
      if (delta >= -1e-7) continue;
      for (const [q, drop] of taken) {
        for (const h of drop) mine.get(q)!.delete(h);
        cost.set(q, after.get(q)!);
        savings.delete(q);
      }
      for (const c of now) if (!nextShifts.has(shiftOf(c))) holder.delete(shiftOf(c));
      for (const c of next) holder.set(shiftOf(c), c);
      mine.set(p, next);
      cost.set(p, mineNext);
      savings.delete(p);
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
