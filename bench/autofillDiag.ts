/**
 * Throwaway diagnosis: the design-load week's model, built as the bench and planFill build it; the iterated
 * local search's plan broken down by term; then how far other neighbourhoods take it given time.
 *   npx tsx bench/autofillDiag.ts [--ils 50] [--more 180] [--from-greedy]
 */
import { writeFileSync } from 'node:fs';
import { fillOpenShifts } from '../shared/domain/rota';
import { buildModel, evaluate, greedyStart, keepsHardRows, localSearch, type AutofillModel } from '../shared/domain/rota/autofill/model';
import { bestResponseSearch, searchPlan } from '../shared/domain/rota/autofill/bestResponse';
import { makePricer } from '../shared/domain/rota/autofill/pricing';
import { countWeeklyRest } from '../main/services/autofill/plan';
import { solveModel } from '../main/services/autofill/solve';
import { autofillWorld, MAX_CANDIDATES } from './autofill';

const arg = (name: string, d: number) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : d);
const t0 = performance.now();
const el = () => ((performance.now() - t0) / 1000).toFixed(1);
const log = (s: string) => console.error(`[${el()} s] ${s}`);

const month = autofillWorld(1);
const open = month.open.filter((s) => s.date >= '2026-12-07' && s.date <= '2026-12-13');
const ctx = { ...month.ctx, shifts: open };
const greedy = new Map(fillOpenShifts(open, ctx).assigned.map((a) => [a.shiftId, a.staffId] as const));
log(`greedy fill: ${greedy.size} of ${open.length}`);
const model: AutofillModel = buildModel(ctx, { open, maxCandidates: MAX_CANDIDATES, keep: greedy });
log(`model: ${model.pairs.size} pairs, ${model.rows.length} rows`);
let cuts = 0;
const counted = (p: Set<number>): boolean => {
  const r = countWeeklyRest(model, p);
  cuts += r.cuts;
  return r.ok;
};
const obj = (p: Set<number>) => evaluate(model, p).objective;
const greedyPairs = new Set([...model.pairs].filter(([, p]) => greedy.get(p.shift.id) === p.staffId).map(([c]) => c));
counted(greedyPairs);
let start = greedyStart(model);
if (obj(greedyPairs) < obj(start)) start = greedyPairs;
log(`start ${obj(start).toFixed(1)} (greedy ${obj(greedyPairs).toFixed(1)})`);

const breakdown = (label: string, p: Set<number>) => {
  const ev = evaluate(model, p);
  const terms = Object.entries(ev.byTerm)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v.toFixed(1)}`)
    .join(', ');
  const warn = Object.entries(ev.warningsAdded)
    .filter(([, v]) => v !== 0)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  let xCost = 0;
  for (const c of p) xCost += model.columns[c].cost;
  const perShift = ['availability', 'familiarity', 'break', 'long-day'].reduce((t, k) => t + (ev.byTerm[k as 'gap'] ?? 0), 0);
  console.error(
    `${label}: ${ev.objective.toFixed(1)} = pay(+moves) ${(xCost - perShift).toFixed(1)}, ${terms}\n   warnings added: ${warn}; filled ${p.size}/${open.length}`,
  );
};

/** planFill's iterated local search, as it is on main. */
const ils = (from: Set<number>, seconds: number) => {
  const until = performance.now() + seconds * 1000;
  const halt = () => performance.now() > until;
  let best = from;
  let bestCost = obj(best);
  let seed = 1;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  for (let round = 0; round < 5000 && !halt(); round += 1) {
    let f = best;
    if (round > 0) {
      f = new Set(best);
      for (const c of [...best].filter(() => random() < 0.03)) f.delete(c);
    }
    const found = localSearch(model, f, { stop: halt, seed: round + 1 });
    if (obj(found) >= bestCost - 1e-9) continue;
    const fine = counted(found);
    bestCost = obj(best);
    if (!fine || obj(found) >= bestCost - 1e-9) continue;
    best = found;
    bestCost = obj(best);
  }
  return best;
};

const pricer = makePricer(model);
/** Best response and local search in turn, each plan through the engine's weekly-rest check. */
const withBestResponse = (from: Set<number>, seconds: number, label: string) => {
  const until = performance.now() + seconds * 1000;
  const halt = () => performance.now() > until;
  let best = from;
  let round = 0;
  while (!halt()) {
    round += 1;
    const a = bestResponseSearch(model, best, { stop: halt, seed: round, pricer });
    const b = localSearch(model, a, { stop: halt, seed: round });
    const before = obj(best);
    if (!counted(b) || obj(b) >= obj(best) - 1e-9) {
      log(`${label} round ${round}: no gain (${obj(b).toFixed(1)} vs ${obj(best).toFixed(1)}, was ${before.toFixed(1)})`);
      // Shake: let 3% go, as the ILS does.
      let s = round * 7919;
      const f = new Set(best);
      for (const c of [...best]) if ((s = (s * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648 < 0.03) f.delete(c);
      const c2 = localSearch(model, bestResponseSearch(model, f, { stop: halt, seed: round + 100, pricer }), { stop: halt, seed: round });
      if (counted(c2) && obj(c2) < obj(best) - 1e-9) best = c2;
      continue;
    }
    best = b;
    log(`${label} round ${round}: ${obj(best).toFixed(1)}`);
  }
  return best;
};

/** LNS with HiGHS: a few people who share candidate shifts, all their shifts and the open ones freed, the rest held. */
const lns = async (from: Set<number>, seconds: number, k: number) => {
  const until = performance.now() + seconds * 1000;
  let best = from;
  const byPerson = new Map<string, number[]>();
  const byShift = new Map<string, number[]>();
  for (const [c, p] of model.pairs) {
    byPerson.set(p.staffId, [...(byPerson.get(p.staffId) ?? []), c]);
    byShift.set(p.shift.id, [...(byShift.get(p.shift.id) ?? []), c]);
  }
  const people = [...byPerson.keys()];
  let seed = 12345;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  let tries = 0;
  while (performance.now() < until) {
    tries += 1;
    // A seed person, then people sharing their candidate shifts, until k.
    const group = new Set([people[Math.floor(random() * people.length)]]);
    while (group.size < k) {
      const cands = [...group]
        .flatMap((q) => byPerson.get(q)!)
        .flatMap((c) => byShift.get(model.pairs.get(c)!.shift.id)!)
        .map((c) => model.pairs.get(c)!.staffId)
        .filter((q) => !group.has(q));
      if (cands.length === 0) break;
      group.add(cands[Math.floor(random() * cands.length)]);
    }
    const holderOf = new Map([...best].map((c) => [model.pairs.get(c)!.shift.id, model.pairs.get(c)!.staffId]));
    const fixed = new Map<number, number>();
    let free = 0;
    for (const [c, p] of model.pairs) {
      const h = holderOf.get(p.shift.id);
      if (group.has(p.staffId) && (h === undefined || group.has(h))) free += 1;
      else fixed.set(c, best.has(c) ? 1 : 0);
    }
    const r = await solveModel(model, { fixed, start: best, timeLimitS: 20, relGap: 0 });
    if (!r.colValue) continue;
    const next = new Set([...model.pairs.keys()].filter((c) => r.colValue![c] > 0.5));
    const before = obj(best);
    if (!keepsHardRows(model, next) || obj(next) >= before - 1e-6) {
      if (tries % 10 === 0) log(`LNS try ${tries}: ${free} free pairs, ${r.status}, best ${before.toFixed(1)}`);
      continue;
    }
    if (!counted(next) || obj(next) >= obj(best) - 1e-6) continue;
    best = next;
    log(`LNS try ${tries} (${free} free pairs, ${r.status}): ${obj(best).toFixed(1)}`);
  }
  return best;
};

const ilsSeconds = arg('--ils', 50);
const more = arg('--more', 180);
if (process.argv.includes('--search')) {
  for (const chains of [false, true]) {
    const t = performance.now();
    const p = searchPlan(model, start, { stop: () => performance.now() - t > 120_000, pricer, seed: chains ? 2 : 1 });
    log(`searchPlan seed ${chains ? 2 : 1}: ${obj(p).toFixed(1)} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  process.exit(0);
}
if (process.argv.includes('--br-lns')) {
  const p = withBestResponse(start, more, 'BR from start');
  breakdown('best response + LS from start', p);
  const q = await lns(p, arg('--lns', 300), arg('--k', 8));
  breakdown('then LNS', q);
  process.exit(0);
}
if (process.argv.includes('--from-greedy')) {
  const p = withBestResponse(start, more, 'BR from start');
  breakdown('best response + LS from start', p);
}
const ilsPlan = ils(start, ilsSeconds);
log(`ILS ${ilsSeconds} s: ${obj(ilsPlan).toFixed(1)}, cuts ${cuts}`);
breakdown('ILS plan', ilsPlan);
const br = withBestResponse(ilsPlan, more, 'BR from ILS');
breakdown('best response + LS from the ILS plan', br);
const ils2 = ils(ilsPlan, more);
breakdown(`ILS alone ${more} s more from the ILS plan`, ils2);
writeFileSync(
  '/tmp/diag-plans.json',
  JSON.stringify({
    ils: [...ilsPlan].map((c) => [model.pairs.get(c)!.shift.id, model.pairs.get(c)!.staffId]),
    br: [...br].map((c) => [model.pairs.get(c)!.shift.id, model.pairs.get(c)!.staffId]),
  }),
);
