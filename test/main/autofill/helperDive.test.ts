/**
 * The second dive on the fill's helper thread (diveHelper.ts; plan.ts `diveWorker`). The helper builds the part's
 * model as the fill's thread does, dives from the fill's root sent as plain data, and its plan comes back as
 * (shift, person) pairs that the fill takes as it takes its own.
 *
 * The expectations are the model's own (a plan is a set of its candidate pairs, one person a shift, priced by
 * `evaluate`), the engine's (no block finding), and HiGHS's proven optimum of the same fill solved whole.
 */
import { pathToFileURL } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildForDive, cutsSince, diveShared, runDive } from '../../../main/services/autofill/diveHelper';
import { startGreedyHelper } from '../../../main/services/autofill/greedy';
import { planFill } from '../../../main/services/autofill/plan';
import { endFillWorkers, startFill } from '../../../main/services/autofill/run';
import { checkWeek } from '../../../shared/domain/rota';
import { buildModel, evaluate, greedyStart, keepsHardRows, prepareTrials } from '../../../shared/domain/rota/autofill/model';
import { makePricer } from '../../../shared/domain/rota/autofill/pricing';
import { diveFromRoot, rootFromSnapshot, smoothedRoot, snapshotRoot } from '../../../shared/domain/rota/autofill/smoothedDive';
import type { RotaContext } from '../../../shared/domain/rota/types';
import { WEEK } from '../../shared/domain/rota/world';
import { bundleEntry } from '../../support/bundleEntry';
import { smallWeek } from './smallWeek';

let WORKER: URL;
beforeAll(async () => {
  WORKER = pathToFileURL(await bundleEntry('main/services/autofill/worker.ts'));
});

const FAKE = new URL('./fakeDiveWorker.mjs', import.meta.url);

/**
 * A small week whose fill's own quick dive and search stop above the optimum (2,528.21 against 2,517.21; of the first 30
 * small weeks, seeds 5, 21 and 27 do). The dive and the search are deterministic.
 */
const SEED = 5;

/** The model's size as built: the cuts since are none here (the fill's thread sends the ones it adds). */
const built = (model: ReturnType<typeof buildModel>) => ({
  columns: model.columns.length,
  rows: model.rows.length,
  definitions: model.definitions.length,
});

const withoutShifts = (ctx: RotaContext): Omit<RotaContext, 'shifts'> => {
  const { shifts: _shifts, ...rest } = ctx;
  return rest;
};

/** The fill's thread's side, as plan.ts does it: the model, its pricer and the root from the model's quick plan. */
const fillSide = (seed: number) => {
  const { ctx, open } = smallWeek(seed * 7919);
  const model = buildModel(ctx, { open, trials: prepareTrials(ctx, open) });
  const pricer = makePricer(model);
  const root = smoothedRoot(model, { pricer, plans: [greedyStart(model)], stop: () => false });
  return { ctx, open, model, pricer, root };
};

/** A plan's pairs as the model's columns, each looked up by its shift and person (a pair the model lacks is missing). */
const columns = (model: ReturnType<typeof buildModel>, pairs: readonly [string, string][]): Set<number> =>
  new Set(
    pairs.flatMap(([shiftId, staffId]) =>
      [...model.pairs].filter(([, p]) => p.shift.id === shiftId && p.staffId === staffId).map(([c]) => c),
    ),
  );

afterEach(() => {
  delete process.env.SITEDESK_TEST_DIVE_PLAN;
});

describe('the second dive, on the helper thread', () => {
  it('dives from a root sent as plain data exactly as from the root itself', () => {
    for (const seed of [2, 5, 19]) {
      // Two roots of the same model (a dive adds to its root's pool, so each dive needs its own).
      const a = fillSide(seed);
      const b = fillSide(seed);
      const direct = diveFromRoot(a.model, a.root, { pricer: a.pricer, rounds: 3, perStep: 2, stop: () => false });
      const sent = rootFromSnapshot(structuredClone(snapshotRoot(b.root)));
      const fromData = diveFromRoot(b.model, sent, { pricer: b.pricer, rounds: 3, perStep: 2, stop: () => false });
      expect(direct.plan.size).toBeGreaterThan(0);
      expect([...fromData.plan].sort((x, y) => x - y)).toEqual([...direct.plan].sort((x, y) => x - y));
    }
  });

  it("builds the fill's model and gives a plan of it: its pairs, one person a shift, no hard row broken, priced as the model prices it", () => {
    for (const seed of [2, 5, 19]) {
      const { ctx, open, model, root } = fillSide(seed);
      buildForDive(withoutShifts(ctx), { shifts: [...ctx.shifts], part: open, keep: null });
      const shared = diveShared();
      const r = runDive({ root: snapshotRoot(root), cuts: cutsSince(model, built(model)), steps: 4, rounds: 3, shared: shared.buffer });
      expect(r.pairs).not.toBeNull();
      const cols = columns(model, r.pairs!);
      expect(cols.size).toBe(r.pairs!.length);
      expect(new Set(r.pairs!.map(([shiftId]) => shiftId)).size).toBe(r.pairs!.length);
      expect(keepsHardRows(model, cols)).toBe(true);
      expect(r.cost).toBeCloseTo(evaluate(model, cols).objective, 6);
      // The fill's thread reads the cost in shared memory before the reply can be read.
      expect(shared.cost[0]).toBeCloseTo(r.cost!, 9);
    }
  });

  it('gives no plan when told to stop before it dives, and its cost stays unknown', () => {
    const { ctx, open, model, root } = fillSide(2);
    buildForDive(withoutShifts(ctx), { shifts: [...ctx.shifts], part: open, keep: null });
    const shared = diveShared();
    Atomics.store(shared.stop, 0, 1);
    expect(
      runDive({ root: snapshotRoot(root), cuts: cutsSince(model, built(model)), steps: 4, rounds: 3, shared: shared.buffer }).pairs,
    ).toBeNull();
    expect(shared.cost[0]).toBe(Infinity);
  });

  it("on the auto-scheduler's own worker module, gives the plan it gives on this thread", async () => {
    const { ctx, open, model, root } = fillSide(19);
    buildForDive(withoutShifts(ctx), { shifts: [...ctx.shifts], part: open, keep: null });
    const here = runDive({
      root: snapshotRoot(root),
      cuts: cutsSince(model, built(model)),
      steps: 4,
      rounds: 3,
      shared: diveShared().buffer,
    });
    const helper = startGreedyHelper({ url: WORKER }, ctx)!;
    try {
      helper.build({ shifts: [...ctx.shifts], part: open, keep: null });
      const job = helper.dive({ root: snapshotRoot(root), cuts: cutsSince(model, built(model)), steps: 4, rounds: 3 });
      const away = await job.done;
      expect(away?.pairs).toEqual(here.pairs);
      expect(job.cost()).toBeCloseTo(here.cost!, 9);
    } finally {
      helper.close();
    }
  }, 60_000);

  it("is asked for by the planner's fills: the auto-scheduler's worker starts the helper from its own module and it dives", async () => {
    const { ctx, open } = smallWeek(SEED * 7919);
    const opts = { relGap: 0, timeLimitS: 1.5, largePairs: 0, lpFreeDive: true, helperFromS: 0 };
    // Not asked for: no helper, no second dive.
    expect((await startFill(WORKER, ctx, open, opts).done).helperPlans).toBeUndefined();
    const plan = await startFill(WORKER, ctx, open, { ...opts, diveThread: true }).done;
    expect(plan.helperPlans).toBeGreaterThanOrEqual(0);
    expect(plan.unfilled.length + plan.assignments.length).toBe(open.length);
    await endFillWorkers();
  }, 60_000);

  it("takes the helper's plan where it is cheaper than the fill's own dive's: the proven optimum where the dive alone stops above it", async () => {
    // The helper (a test double) answers with HiGHS's proven optimum of the same fill.
    const { ctx, open } = smallWeek(SEED * 7919);
    const exact = await planFill(ctx, open, { relGap: 0, timeLimitS: 30 });
    expect(exact.status).toBe('optimal');
    const opts = { relGap: 0, timeLimitS: 1.5, largePairs: 0, lpFreeDive: true, compareGreedy: false, helperFromS: 0 } as const;
    process.env.SITEDESK_TEST_DIVE_PLAN = JSON.stringify(exact.assignments.map((a) => [a.shiftId, a.staffId]));
    const helped = await planFill(ctx, open, { ...opts, diveWorker: { url: FAKE } });
    expect(helped.helperPlans).toBe(1);
    expect(helped.objective).toBeCloseTo(exact.objective, 6);
  }, 120_000);

  it('a helper that has no plan (stopped, or its thread failed) leaves the fill as it is alone: within the gap asked for', async () => {
    // Until the first measurement of this change, a helper's cost not yet known (Infinity) counted as within the gap,
    // so the fill's own dive, search and repair stopped at once and it handed back a rounding of its root (at the
    // design load the greedy plan, 25–30% over the bound).
    // (Of these five small weeks, the fourth's rounding is over 1% above its bound: on the code with the fault, its fill
    // ended there, 'time-limit', in 0.2 s.)
    for (const seed of [1, 2, 3, 4, 5]) {
      const { ctx, open } = smallWeek(seed * 7919);
      process.env.SITEDESK_TEST_DIVE_PLAN = 'null';
      const plan = await planFill(ctx, open, {
        relGap: 0.01,
        timeLimitS: 20,
        largePairs: 0,
        lpFreeDive: true,
        compareGreedy: false,
        helperFromS: 0,
        diveWorker: { url: FAKE },
      });
      expect(plan.helperPlans ?? 0).toBe(0);
      expect(plan.status).toBe('within-gap');
      expect(plan.gap).toBeLessThanOrEqual(0.01);
    }
  }, 120_000);

  it("never hands back a helper's plan that breaks a block rule: it is counted and repaired as the fill's own are", async () => {
    const { ctx, open } = smallWeek(SEED * 7919);
    // Everyone's shifts given to one person: overlaps and rest far under 11 h.
    const one = ctx.staff instanceof Map ? [...ctx.staff.keys()][0] : (ctx.staff as readonly { id: string }[])[0].id;
    process.env.SITEDESK_TEST_DIVE_PLAN = JSON.stringify(open.map((s) => [s.id, one]));
    const plan = await planFill(ctx, open, {
      relGap: 0,
      timeLimitS: 1.5,
      largePairs: 0,
      lpFreeDive: true,
      compareGreedy: false,
      helperFromS: 0,
      diveWorker: { url: FAKE },
    });
    const m = new Map(plan.assignments.map((a) => [a.shiftId, a.staffId]));
    const after = { ...ctx, shifts: ctx.shifts.map((s) => (m.has(s.id) ? { ...s, staffId: m.get(s.id)! } : s)) };
    // (The random rota has block findings of its own, on shifts already held: only the plan's are counted.)
    const blocks = (c: RotaContext) =>
      new Set(
        checkWeek(c, WEEK)
          .filter((f) => f.severity === 'block')
          .map((f) => f.message),
      );
    const before = blocks(ctx);
    expect(plan.assignments.length).toBeGreaterThan(0);
    expect([...blocks(after)].filter((f) => !before.has(f))).toEqual([]);
  }, 120_000);
});
