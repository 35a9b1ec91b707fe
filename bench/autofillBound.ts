/**
 * The bound alone at the design load: the week of 7 Dec (15 sites, 230 staff, about 1,000 open shifts,
 * shortlist 12) as one model, a plan from the greedy fill and a few seconds of local search as the upper
 * target, then one bound method, logging the bound against wall time and the number of exact pricings.
 *
 *   npx tsx bench/autofillBound.ts [--method cg|new|smooth] [--budget 60] [--search 5]
 */
import { fillOpenShifts } from '../shared/domain/rota';
import { buildModel, evaluate, localSearch } from '../shared/domain/rota/autofill/model';
import { makePricer } from '../shared/domain/rota/autofill/pricing';
import { choicesByPerson, smoothedDualBound } from '../shared/domain/rota/autofill/smoothedDual';
import { columnGenerationBound } from '../main/services/autofill/colgen';
import { autofillWorld, MAX_CANDIDATES } from './autofill';

const arg = (name: string, dflt: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : dflt);

const main = async () => {
  const method = arg('--method', 'cg');
  const budget = Number(arg('--budget', '60'));
  const searchS = Number(arg('--search', '5'));
  const month = autofillWorld(1);
  const open = month.open.filter((s) => s.date >= '2026-12-07' && s.date <= '2026-12-13');
  const ctx = { ...month.ctx, shifts: open };
  const t0 = performance.now();
  const greedy = new Map(fillOpenShifts(open, ctx).assigned.map((a) => [a.shiftId, a.staffId] as const));
  const model = buildModel(ctx, { open, maxCandidates: MAX_CANDIDATES, keep: greedy });
  const greedyPairs = new Set([...model.pairs].filter(([, p]) => greedy.get(p.shift.id) === p.staffId).map(([c]) => c));
  const t1 = performance.now();
  const until = performance.now() + searchS * 1000;
  const best = localSearch(model, greedyPairs, { stop: () => performance.now() > until, seed: 1 });
  const upper = evaluate(model, best).objective;
  console.error(
    `model ${((t1 - t0) / 1000).toFixed(1)} s: ${model.open.length} shifts, ${model.pairs.size} pairs; greedy ${evaluate(model, greedyPairs).objective.toFixed(0)}, search ${upper.toFixed(0)}`,
  );
  const pricer = makePricer(model);
  const times: number[] = [];
  let p0 = pricer.price(pricer.start());
  for (let i = 0; i < 7; i += 1) {
    const tp = performance.now();
    p0 = pricer.price(pricer.start());
    times.push((performance.now() - tp) / 1000);
  }
  times.sort((a, b) => a - b);
  console.error(`an exact pricing: median ${times[3].toFixed(3)} s, min ${times[0].toFixed(3)} s of 7 (L at start ${p0.bound.toFixed(0)})`);
  if (process.argv.includes('--pricing-only')) return;
  const start = performance.now();
  const el = () => (performance.now() - start) / 1000;
  let pricings = 0;
  const orig = pricer.price;
  pricer.price = (l, o) => {
    if (!o?.knapsack) pricings += 1;
    return orig(l, o);
  };
  const log = (b: number) => console.log(`${method}\t${el().toFixed(1)}\t${pricings}\t${b.toFixed(1)}`);
  if (method.startsWith('smooth')) {
    let told = -Infinity;
    const r = smoothedDualBound({
      pricer,
      plans: [choicesByPerson(model, best), choicesByPerson(model, greedyPairs)],
      stop: () => el() > budget,
      shiftOf: (c) => pricer.shiftIndex.get(model.pairs.get(c)!.shift.id)!,
      onPrice: (p) => {
        if (p.bound > told) log((told = p.bound));
      },
      tau: Number(arg('--tau', '0.1')),
      minTau: Number(arg('--mintau', '0.01')),
      cool: Number(arg('--cool', '0.6')),
      innerSteps: Number(arg('--steps', '300')),
      rho: Number(arg('--rho', '1')),
      alpha: Number(arg('--alpha', '0')),
    });
    console.error(`final ${r.bound.toFixed(1)} in ${el().toFixed(1)} s, ${pricings} pricings, model ${r.model.toFixed(1)}`);
    return;
  }
  const r = await columnGenerationBound(model, {
    upper,
    stop: () => el() > budget,
    timeLeft: () => budget - el(),
    plans: [best, greedyPairs],
    onBound: log,
    pricer,
    method,
    warmStart: method === 'cg' ? 'subgradient' : 'smoothed',
  } as Parameters<typeof columnGenerationBound>[1]);
  console.error(`final ${r.bound.toFixed(1)} in ${el().toFixed(1)} s, ${pricings} pricings: ${JSON.stringify(r)}`);
};

void main();
