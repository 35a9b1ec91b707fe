/**
 * A plan while the greedy fill still runs on its helper thread (greedy.ts). The part's model keeps the greedy
 * fill's choices among its candidates, so it waits for that fill; meanwhile this thread would be idle (at the
 * design load the helper's fill, started cold, takes 2–4 s longer than the model's trials). So a model of the
 * same part without those choices is built and searched from its quick start until the greedy fill is there:
 * the manager sees a plan seconds earlier, and the part's own search starts from the best found, carried over
 * by person and shift (a pair the capped model of the part lacks is left out, its shift open for the search
 * to fill). The carried plan is only a start: it is kept only where the part's model says it costs less, after
 * the engine's weekly-rest check, so every guarantee of the part's plan holds as before.
 */
import { searchPlan } from '../../../shared/domain/rota/autofill/bestResponse';
import { buildModel, evaluate, greedyStart, type AutofillModel, type AutofillOptions } from '../../../shared/domain/rota/autofill/model';
import type { RotaContext } from '../../../shared/domain/rota/types';

/** A plan as shift id → person, model-free. */
export type EarlyPlan = Map<string, string>;

/**
 * Builds the part's model without `keep` and searches it until `waitOver()` (the greedy fill is answered) or
 * `stop()`; `onPlan` hears of its quick start and of each better plan (objective by that model). Null when
 * the wait is over before the model is built, or the part is small.
 */
export const searchWhileWaiting = (
  ctx: RotaContext,
  opts: Omit<AutofillOptions, 'keep'>,
  waitOver: () => boolean,
  stop: () => boolean,
  onPlan: (objective: number) => void,
  /** Only parts with more candidate pairs than this are searched so (smaller ones go to HiGHS). */
  minPairs = 3000,
): EarlyPlan | null => {
  const model = buildModel(ctx, opts);
  if (model.pairs.size <= minPairs || waitOver() || stop()) return null;
  const start = greedyStart(model);
  onPlan(evaluate(model, start).objective);
  const found = searchPlan(model, start, { stop: () => waitOver() || stop() });
  const best = evaluate(model, found).objective < evaluate(model, start).objective ? found : start;
  if (best !== start) onPlan(evaluate(model, best).objective);
  return toPlan(model, best);
};

const toPlan = (model: AutofillModel, picked: ReadonlySet<number>): EarlyPlan =>
  new Map([...picked].map((c) => [model.pairs.get(c)!.shift.id, model.pairs.get(c)!.staffId]));

/** The plan's pairs that `model` has (a shift whose pair it lacks is left open). */
export const carryOver = (model: AutofillModel, plan: EarlyPlan): Set<number> => {
  const out = new Set<number>();
  for (const [c, p] of model.pairs) if (plan.get(p.shift.id) === p.staffId) out.add(c);
  return out;
};
