/**
 * A second LP-free dive of a large part, on the fill's helper thread (greedy.ts), beside the fill's own
 * (docs/autoschedule.md, "A second dive on the second core"). The dives are chaotic: one root's plans, dived at
 * 20, 28 or 40 steps, land anywhere from 1% to 10% over the bound, none of the three best on most weeks. Two at once
 * make a plan within the gap at the dive more likely, and a bad one less costly.
 *
 * The helper builds the part's model from the same rota, the same greedy plan and the same options as the fill's
 * thread (so the same pairs and the same pricing), while that thread runs the root; then it dives from that root
 * (sent as a `RootSnapshot`) at its own pace and searches the plan. The plan goes back as (shift, person) pairs and
 * is taken as the fill's own are (`take`, plan.ts): counted on that thread's model with its cuts, kept only if
 * cheaper. Its cost is also written to shared memory as soon as it is known, so the fill's thread, busy in its own
 * dive, can stop once the helper's plan is within the gap. Nothing here is a bound.
 */
import { searchPlan } from '../../../shared/domain/rota/autofill/bestResponse';
import { buildModel, evaluate, prepareTrials, type AutofillModel } from '../../../shared/domain/rota/autofill/model';
import { makePricer, type Pricer } from '../../../shared/domain/rota/autofill/pricing';
import { diveFromRoot, rootFromSnapshot, type RootSnapshot } from '../../../shared/domain/rota/autofill/smoothedDive';
import type { AutofillWeights } from '../../../shared/domain/rota/autofill/weights';
import type { RotaContext } from '../../../shared/domain/rota/types';
import type { Shift } from '../../../shared/schemas/shift';

/** A part's model, built on the helper as the fill's thread builds it (plan.ts). */
export interface ModelRequest {
  kind: 'model';
  id: number;
  /** The rota's shifts as planned so far (the parts before this one applied). */
  shifts: Shift[];
  /** The part's shifts: open ones, and ones the manager let move. */
  part: Shift[];
  /** The greedy plan the fill's thread built its model with (shift → person), or null where it had none. */
  keep: [string, string][] | null;
  weights?: AutofillWeights;
  maxCandidates?: number;
}

/** What the fill's thread added to its model after building it (the greedy plan's weekly-rest cuts), in order. */
export interface ModelCuts {
  columns: AutofillModel['columns'];
  rows: AutofillModel['rows'];
  definitions: AutofillModel['definitions'];
  weeklyRest: [string, number][];
}

/** A dive of the model last built (`ModelRequest`) from the fill's root. */
export interface DiveRequest {
  kind: 'dive';
  id: number;
  root: RootSnapshot;
  /** The cuts on the fill's model when its root began: added here too, so both models (and pricers) are the same. */
  cuts: ModelCuts;
  /** The dive fixes at least a `steps`th of the people a step. */
  steps: number;
  /** Exact pricings after each fix. */
  rounds: number;
  /** `diveShared`: the stop flag and the plan's cost. */
  shared: SharedArrayBuffer;
}

export interface DiveResult {
  /** The searched plan, as (shift, person) pairs; null when there was none (stopped first, or no model built). */
  pairs: [string, string][] | null;
  /** Its cost on the helper's model (before the fill's thread counts its weekly-rest findings). */
  cost: number | null;
  seconds: number;
}

/**
 * The words a dive shares with the fill's thread: Int32 at 0, 1 to stop (the fill's thread has what it needs, or the
 * fill was stopped); Float64 at 8, the cost of the helper's plan once known (Infinity until then).
 */
export const diveShared = (): { buffer: SharedArrayBuffer; stop: Int32Array; cost: Float64Array } => {
  const words = sharedWords(new SharedArrayBuffer(16));
  words.cost[0] = Infinity;
  return words;
};

/** The words of `diveShared`'s buffer, as either thread reads them. */
const sharedWords = (buffer: SharedArrayBuffer) => ({ buffer, stop: new Int32Array(buffer, 0, 1), cost: new Float64Array(buffer, 8, 1) });

/** The model the helper built last, kept for the dive that follows it. */
let built: AutofillModel | null = null;

/** The helper's side of `ModelRequest`: builds the part's model, kept for the dive (which adds the fill's cuts and makes its pricer). */
export const buildForDive = (ctx: Omit<RotaContext, 'shifts'>, req: Omit<ModelRequest, 'kind' | 'id'>): void => {
  built = null;
  const partCtx = { ...ctx, shifts: req.shifts } as RotaContext;
  const model = buildModel(partCtx, {
    open: req.part,
    weights: req.weights,
    maxCandidates: req.maxCandidates,
    keep: req.keep ? new Map(req.keep) : undefined,
    trials: prepareTrials(partCtx, req.part),
  });
  built = model;
};

/** The cuts the fill's thread has added to `model` since it was built with `base` columns, rows and definitions. */
export const cutsSince = (model: AutofillModel, base: { columns: number; rows: number; definitions: number }): ModelCuts => ({
  columns: model.columns.slice(base.columns),
  rows: model.rows.slice(base.rows),
  definitions: model.definitions.slice(base.definitions),
  weeklyRest: [...model.weeklyRest],
});

/** The helper's side of `DiveRequest`: dives the model built last from the root, searches the plan; none when stopped. */
export const runDive = (req: Omit<DiveRequest, 'kind' | 'id'>): DiveResult => {
  const began = performance.now();
  const { stop, cost } = sharedWords(req.shared);
  const stopped = () => Atomics.load(stop, 0) === 1;
  const none = (): DiveResult => ({ pairs: null, cost: null, seconds: (performance.now() - began) / 1000 });
  if (!built || stopped()) return none();
  const model = built;
  // The same cuts, in the same order, so the same columns (they only append).
  model.columns.push(...req.cuts.columns);
  model.rows.push(...req.cuts.rows);
  model.definitions.push(...req.cuts.definitions);
  for (const [k, v] of req.cuts.weeklyRest) model.weeklyRest.set(k, v);
  built = null;
  const pricer: Pricer = makePricer(model);
  const d = diveFromRoot(model, rootFromSnapshot(req.root), {
    pricer,
    rounds: req.rounds,
    perStep: Math.ceil(pricer.people.length / req.steps),
    stop: stopped,
  });
  if (stopped()) return none();
  const found = searchPlan(model, d.plan, { stop: stopped, seed: 1, pricer });
  // Stopped while searching: the fill's thread has moved on, and a cost written now would be read as news.
  if (stopped()) return none();
  const objective = evaluate(model, found).objective;
  cost[0] = objective;
  const pairs = [...found].map((c) => [model.pairs.get(c)!.shift.id, model.pairs.get(c)!.staffId] as [string, string]);
  return { pairs, cost: objective, seconds: (performance.now() - began) / 1000 };
};
