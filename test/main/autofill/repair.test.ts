/**
 * Fix and optimise by days (`repairByDays`, main/services/autofill/plan.ts): HiGHS re-solves one day (or two) at
 * a time with every other choice held. Judged on random small weeks against the optimum HiGHS proves for the whole
 * model by its full MIP, and against the engine's own count of weekly rest.
 */
import { describe, expect, it } from 'vitest';
import { evaluate, keepsHardRows } from '../../../shared/domain/rota/autofill/model';
import { countWeeklyRest, repairByDays } from '../../../main/services/autofill/plan';
import { provenSmallWeeks } from './smallWeek';

type Model = Parameters<typeof repairByDays>[0];
type Options = Parameters<typeof repairByDays>[3];

/** The repair from every shift left open, with no bound, no gap and no time limit unless `over` says otherwise. */
const fromEmpty = (model: Model, open: Parameters<typeof repairByDays>[1], over: Partial<Options> = {}) => {
  const t0 = performance.now();
  return repairByDays(model, open, new Set(), {
    elapsed: () => (performance.now() - t0) / 1000,
    until: Infinity,
    bound: () => -Infinity,
    relGap: 0,
    windowS: 10,
    passes: 20,
    shouldStop: () => false,
    onCuts: () => {},
    onBetter: () => {},
    ...over,
  });
};

describe('repair by days', () => {
  it('from every shift left open, reaches a plan that keeps the hard rows, never costs less than the proven optimum, and reaches it on most weeks', async () => {
    let weeks = 0;
    let optimal = 0;
    let widerHelped = 0;
    let sitesHelped = 0;
    const missed: string[] = [];
    for await (const { seed, model, optimum, open } of provenSmallWeeks(12)) {
      weeks += 1;
      const empty = evaluate(model, new Set()).objective;
      const days = await fromEmpty(model, open, { widen: false });
      const wide = await fromEmpty(model, open, { widen: true });
      const sites = await fromEmpty(model, open, { bySite: true });
      for (const r of [days, wide, sites]) {
        expect(keepsHardRows(model, r.picked)).toBe(true);
        // The cost it reports is the model's count of its plan, with every weekly-rest finding the engine
        // reports for it counted (a cut added for each), so the engine and the model agree.
        expect(countWeeklyRest(model, r.picked).ok).toBe(true);
        expect(r.ev.objective).toBeCloseTo(evaluate(model, r.picked).objective, 9);
        // All open costs most: each day HiGHS re-solves can only lower it, and no plan is below the optimum.
        expect(r.ev.objective).toBeLessThan(empty);
        expect(r.ev.objective).toBeGreaterThanOrEqual(optimum - 0.01);
        expect(r.windows).toBeGreaterThan(0);
      }
      // Two days at a time starts where one day at a time stops, so it never ends worse.
      expect(wide.ev.objective).toBeLessThanOrEqual(days.ev.objective + 0.01);
      if (wide.ev.objective < days.ev.objective - 0.01) widerHelped += 1;
      // Each site's week starts where the single days stop too (these weeks have two sites, so each window frees
      // about half the pairs, across every day).
      expect(sites.ev.objective).toBeLessThanOrEqual(days.ev.objective + 0.01);
      if (sites.ev.objective < days.ev.objective - 0.01) sitesHelped += 1;
      if (wide.ev.objective <= optimum + 0.01) optimal += 1;
      else missed.push(`${seed}: ${wide.ev.objective.toFixed(2)} vs ${optimum.toFixed(2)}`);
    }
    console.log(
      `repair by days: ${weeks} weeks proven, optimum reached on ${optimal}; two days helped on ${widerHelped}, sites on ${sitesHelped}; missed ${missed.join('; ')}`,
    );
    expect(weeks).toBeGreaterThanOrEqual(10);
    // Measured (3 Dec): the optimum on 7 of 11 weeks, the others 0.7-4% above it; two days at a time helped on 5.
    expect(optimal).toBeGreaterThanOrEqual(Math.ceil(weeks / 2));
    // Measured (4 Dec): each site's week found a cheaper plan than single days alone on 6 of the 11. A window that
    // freed nothing, or everything held, would find none.
    expect(sitesHelped).toBeGreaterThan(0);
  }, 300_000);

  it('stops once the plan is within the gap asked for of the bound it is given, and begins no window after its time', async () => {
    for await (const { model, optimum, open } of provenSmallWeeks(3)) {
      const empty = evaluate(model, new Set()).objective;
      // Given the optimum as the bound and a gap the empty plan is already within: nothing to do.
      const none = await fromEmpty(model, open, { bound: () => optimum, relGap: (empty - optimum) / empty + 1e-9 });
      expect(none.windows).toBe(0);
      expect(none.picked.size).toBe(0);
      // Its time already up: no window either.
      const late = await fromEmpty(model, open, { elapsed: () => 100, until: 99 });
      expect(late.windows).toBe(0);
      // Each better plan is announced with its cost, the last one being the plan returned.
      const told: number[] = [];
      const r = await fromEmpty(model, open, { onBetter: (o) => told.push(o) });
      expect(told.length).toBeGreaterThan(0);
      for (let k = 1; k < told.length; k += 1) expect(told[k]).toBeLessThan(told[k - 1]);
      expect(told.at(-1)).toBeCloseTo(r.ev.objective, 9);
    }
  }, 120_000);
});
