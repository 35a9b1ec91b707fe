/**
 * Price and dive at the design load: the week of 7 Dec as one model (shortlist 12, greedy fill kept, as the
 * bench and planFill build it); a plan by `searchPlan`; the smoothed dual's bound and columns; then the
 * master LP dived to an integral plan (main/services/autofill/dive.ts), priced by the model's rows, and
 * repaired by `searchPlan`.
 *   npx tsx bench/autofillDive.ts [--search 10] [--first 30] [--rounds 3] [--threshold 0.9] [--repair 20]
 */
import { fillOpenShifts } from '../shared/domain/rota';
import { buildModel, evaluate, greedyStart, keepsHardRows } from '../shared/domain/rota/autofill/model';
import { searchPlan } from '../shared/domain/rota/autofill/bestResponse';
import { makePricer } from '../shared/domain/rota/autofill/pricing';
import { choicesByPerson, smoothedDualBound } from '../shared/domain/rota/autofill/smoothedDual';
import { countWeeklyRest } from '../main/services/autofill/plan';
import { priceAndDive } from '../main/services/autofill/dive';
import { autofillWorld, MAX_CANDIDATES } from './autofill';

const arg = (name: string, d: number) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : d);
const t0 = performance.now();
const el = () => ((performance.now() - t0) / 1000).toFixed(1);
const log = (s: string) => console.error(`[${el()} s] ${s}`);

const main = async () => {
  const month = autofillWorld(1);
  const open = month.open.filter((s) => s.date >= '2026-12-07' && s.date <= '2026-12-13');
  const ctx = { ...month.ctx, shifts: open };
  const greedy = new Map(fillOpenShifts(open, ctx).assigned.map((a) => [a.shiftId, a.staffId] as const));
  const model = buildModel(ctx, { open, maxCandidates: MAX_CANDIDATES, keep: greedy });
  const obj = (p: ReadonlySet<number>) => evaluate(model, p).objective;
  const counted = (p: Set<number>) => countWeeklyRest(model, p).ok;
  const greedyPairs = new Set([...model.pairs].filter(([, p]) => greedy.get(p.shift.id) === p.staffId).map(([c]) => c));
  counted(greedyPairs);
  let start = greedyStart(model);
  if (obj(greedyPairs) < obj(start)) start = greedyPairs;
  log(`model ${model.pairs.size} pairs; start ${obj(start).toFixed(1)}`);
  const pricer = makePricer(model);
  const searchS = arg('--search', 10);
  let t = performance.now();
  let best = searchPlan(model, start, { stop: () => performance.now() - t > searchS * 1000, pricer, seed: 1 });
  counted(best);
  log(`searchPlan ${searchS} s: ${obj(best).toFixed(1)}`);
  const columns: { staffId: string; x: number[] }[] = [...choicesByPerson(model, best), ...choicesByPerson(model, greedyPairs)];
  const shiftOf = (x: number) => pricer.shiftIndex.get(model.pairs.get(x)!.shift.id)!;
  const history: number[] = [];
  t = performance.now();
  const sd = smoothedDualBound({
    pricer,
    shiftOf,
    plans: [choicesByPerson(model, best), choicesByPerson(model, greedyPairs)],
    stop: () => {
      const k = history.length;
      return (
        performance.now() - t > arg('--bound', 8) * 1000 || (k > 4 && history[k - 1] - history[k - 5] <= 1e-4 * Math.abs(history[k - 1]))
      );
    },
    onPrice: (p) => {
      history.push(Math.max(p.bound, history.at(-1) ?? -Infinity));
      for (const [staffId, x] of p.choice) if (x) columns.push({ staffId, x });
    },
  });
  log(`smoothed dual: bound ${sd.bound.toFixed(1)} after ${sd.pricings} pricings; ${columns.length} columns`);
  const variants = (process.argv.includes('--variants') ? process.argv[process.argv.indexOf('--variants') + 1] : '0.9:3:1:-1').split(',');
  for (const v of variants) {
    const [threshold, rounds, atLeast, keepWithin] = v.split(':').map(Number);
    const cuts = model.rows.length;
    t = performance.now();
    const dive = await priceAndDive(model, {
      pricer,
      columns,
      stop: () => performance.now() - t > arg('--dive', 600) * 1000,
      firstRounds: arg('--first', 30),
      rounds,
      threshold,
      atLeast,
      lambda: sd.lambda,
      keepWithin: keepWithin >= 0 ? keepWithin : undefined,
      roundOnly: process.argv.includes('--round'),
      onStep: (s) => {
        if (s.fixes % 10 === 0) log(`dive fix ${s.fixes}: ${s.fixed} people fixed, LP ${s.lp.toFixed(1)}, ${s.columns} columns`);
      },
    });
    log(
      `variant ${v}: root LP ${dive.rootLp?.toFixed(1)}, ${dive.fixes} fixes, ${dive.columns} columns, ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
    if (!dive.plan) continue;
    const p = dive.plan;
    counted(p);
    log(`dive plan: ${obj(p).toFixed(1)}, hard rows ${keepsHardRows(model, p)}, filled ${p.size}/${open.length}`);
    const t2 = performance.now();
    const rep = searchPlan(model, p, { stop: () => performance.now() - t2 > arg('--repair', 20) * 1000, pricer, seed: 1 });
    counted(rep);
    log(
      `variant ${v} dive + searchPlan: ${obj(rep).toFixed(1)} in ${((performance.now() - t2) / 1000).toFixed(1)} s; bound ${sd.bound.toFixed(1)}, gap ${((1 - sd.bound / obj(rep)) * 100).toFixed(1)}% (rows ${cuts} -> ${model.rows.length})`,
    );
  }
  t = performance.now();
  best = searchPlan(model, best, { stop: () => performance.now() - t > arg('--repair', 20) * 1000, pricer, seed: 2 });
  log(`(search plan given the same time more: ${obj(best).toFixed(1)})`);
};
void main();
