/** The fill runs on a worker thread, reports progress, and a stop keeps the best plan so far. */
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/domain/dates';
import { checkWeek } from '../../../shared/domain/rota';
import type { Shift } from '../../../shared/schemas/shift';
import { endFillWorkers, startFill } from '../../../main/services/autofill/run';
import { planFill, type PlanProgress } from '../../../main/services/autofill/plan';
import { startGreedyHelper } from '../../../main/services/autofill/greedy';
import { fillOpenShifts } from '../../../shared/domain/rota/fillOpenShifts';
import { makeContext, makeShift, makeSite, makeStaff } from '../../shared/domain/rota/factories';
import { bundleEntry } from '../../support/bundleEntry';

/** The auto-scheduler's worker module, bundled once (see `bundleEntry`), as the built app bundles it. */
let WORKER: URL;
beforeAll(async () => {
  WORKER = pathToFileURL(await bundleEntry('main/services/autofill/worker.ts'));
});

const world = () => {
  const people = Array.from({ length: 30 }, (_, i) =>
    makeStaff({ name: `Officer ${i + 1}`, services: ['security'], contractedHours: [24, 37.5, 48][i % 3], homeSite: i % 2 ? 'CH' : 'LIB' }),
  );
  const open: Shift[] = [];
  for (let d = 0; d < 14; d += 1)
    for (const [start, end] of [
      ['07:00', '19:00'],
      ['07:00', '19:00'],
      ['19:00', '07:00'],
      ['19:00', '07:00'],
      ['09:00', '17:00'],
    ])
      open.push(
        makeShift({ date: addDays('2026-11-02', d), start, end, service: 'security', breakMinutes: 60, site: d % 2 ? 'CH' : 'LIB' }),
      );
  return {
    ctx: makeContext({ staff: people, shifts: open, sites: [makeSite(), makeSite({ code: 'LIB', name: 'Central Library' })] }),
    open,
  };
};

describe('auto-scheduler worker', () => {
  it('solves off the main thread and reports progress with objective and bound', async () => {
    const { ctx, open } = world();
    const seen: PlanProgress[] = [];
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 10);
    const run = startFill(WORKER, ctx, open, { relGap: 0.02, timeLimitS: 60 }, (p) => seen.push(p));
    const plan = await run.done;
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0); // this thread kept running while the solver worked
    expect(seen.length).toBeGreaterThan(0);
    expect(seen[0].objective).not.toBeNull();
    expect(plan.unfilled).toEqual([]);
    expect(plan.gap).toBeLessThanOrEqual(0.02);
    expect(plan.assignments).toHaveLength(open.length);
  }, 120_000);

  it('a stop at once still returns a plan (the first one) that adds no block', async () => {
    const { ctx, open } = world();
    const run = startFill(WORKER, ctx, open, { relGap: 0, timeLimitS: 60 }, () => {});
    run.stop();
    const plan = await run.done;
    expect(plan.status).toBe('stopped');
    expect(plan.assignments.length).toBeGreaterThan(0);
    const m = new Map(plan.assignments.map((a) => [a.shiftId, a.staffId]));
    const after = { ...ctx, shifts: ctx.shifts.map((s) => (m.has(s.id) ? { ...s, staffId: m.get(s.id)! } : s)) };
    const blocks = ['2026-11-02', '2026-11-09', '2026-11-16'].flatMap((w) => checkWeek(after, w)).filter((f) => f.severity === 'block');
    expect(blocks).toEqual([]);
  }, 120_000);

  it('serves fills one after another: one that fails or is shut down leaves the next working, each stop stops only its own', async () => {
    const { ctx, open } = world();
    const opts = { relGap: 0.02, timeLimitS: 30, maxCandidates: 6 };
    // A fill given a rota it cannot read fails with an error, and the next fill is unaffected.
    const bad = startFill(WORKER, { ...ctx, shifts: null as unknown as Shift[] }, open, opts);
    await expect(bad.done).rejects.toThrow();
    const stopped = startFill(WORKER, ctx, open, { ...opts, relGap: 0 });
    stopped.stop();
    expect((await stopped.done).status).toBe('stopped');
    // The stop above was that fill's alone: this one runs to its own end.
    const next = await startFill(WORKER, ctx, open, opts).done;
    expect(next.status).not.toBe('stopped');
    expect(next.unfilled).toEqual([]);
    expect(next.assignments).toHaveLength(open.length);
    // Two at once (the app runs one at a time; a second caller gets its own thread): both finish, the same plan.
    const [a, b] = await Promise.all([startFill(WORKER, ctx, open, opts).done, startFill(WORKER, ctx, open, opts).done]);
    expect(a.assignments).toHaveLength(open.length);
    expect(b.assignments).toHaveLength(open.length);
    // Shut down mid-fill: that fill fails with a clear message; a fill afterwards starts a new thread and succeeds.
    const cut = startFill(WORKER, ctx, open, { ...opts, relGap: 0 });
    const fails = expect(cut.done).rejects.toThrow('The auto-scheduler was shut down');
    await endFillWorkers();
    await fails;
    expect((await startFill(WORKER, ctx, open, opts).done).assignments).toHaveLength(open.length);
  }, 120_000);

  it('the greedy fill on its helper thread is the fill on this thread, and the plan compares with it the same', async () => {
    const { ctx, open } = world();
    // Half the shifts already filled by hand: the helper is given the rota as it stands, not just the open ones.
    const ids = ctx.staff instanceof Map ? [...ctx.staff.keys()] : (ctx.staff as readonly { id: string }[]).map((p) => p.id);
    const byHand = new Map(open.slice(0, 30).map((s, i) => [s.id, ids[i]]));
    const shifts = ctx.shifts.map((s) => (byHand.has(s.id) ? { ...s, staffId: byHand.get(s.id)! } : s));
    const rest = shifts.filter((s) => s.staffId === null);
    const here = fillOpenShifts(rest, { ...ctx, shifts });
    expect(here.assigned.length).toBeGreaterThan(0);
    // The product's path: the auto-scheduler's own worker module serves the helper.
    const helper = startGreedyHelper({ url: WORKER }, ctx)!;
    try {
      expect(await helper.fill(shifts, rest)).toEqual(here);
      expect(await helper.fill(ctx.shifts, open)).toEqual(fillOpenShifts(open, ctx));
    } finally {
      helper.close();
    }
    const opts = { relGap: 0.02, timeLimitS: 5, maxCandidates: 6, largePairs: 0 };
    const alone = await planFill(ctx, open, opts);
    const beside = await planFill(ctx, open, { ...opts, greedyWorker: { url: WORKER } });
    expect(beside.greedyObjective).not.toBeNull();
    expect(beside.greedyObjective).toBeCloseTo(alone.greedyObjective!, 6);
    expect(beside.objective).toBeLessThanOrEqual(beside.greedyObjective! + 1e-6);
    // Asked for, the fill's worker starts the helper from its own module.
    const viaWorker = await startFill(WORKER, ctx, open, { ...opts, greedyThread: true }).done;
    expect(viaWorker.greedyObjective).toBeCloseTo(alone.greedyObjective!, 6);
  }, 120_000);

  it("a helper that cannot start leaves the greedy fill to the fill's own thread", async () => {
    const { ctx, open } = world();
    const opts = { relGap: 0.02, timeLimitS: 3, maxCandidates: 6, largePairs: 0 };
    const broken = new URL('./no-such-worker.mjs', import.meta.url);
    const plan = await planFill(ctx, open, { ...opts, greedyWorker: { url: broken } });
    const alone = await planFill(ctx, open, opts);
    expect(plan.greedyObjective).toBeCloseTo(alone.greedyObjective!, 6);
  }, 120_000);
});
