/**
 * Price and dive (main/services/autofill/dive.ts): a plan from the column-generation master, fixed column by
 * column until its LP is integral, then repaired by `searchPlan`; and the LP-free dive
 * (shared/domain/rota/autofill/smoothedDive.ts), the same from the smoothed dual's soft-min weights with no LP.
 * Judged against the optimum HiGHS proves for the same model by its full MIP, on random small weeks.
 */
import { describe, expect, it } from 'vitest';
import { evaluate, greedyStart, keepsHardRows } from '../../../shared/domain/rota/autofill/model';
import { searchPlan } from '../../../shared/domain/rota/autofill/bestResponse';
import { makePricer } from '../../../shared/domain/rota/autofill/pricing';
import { diveFromRoot, smoothedDive, smoothedRoot } from '../../../shared/domain/rota/autofill/smoothedDive';
import { diveForPlan } from '../../../main/services/autofill/dive';
import { planFill } from '../../../main/services/autofill/plan';
import { provenSmallWeeks, smallWeek } from './smallWeek';

const never = () => false;

describe('price and dive', () => {
  it('on random small weeks gives a plan that keeps the hard rows, never below the proven optimum, and reaches it on most, within 1.5% on all but one of the rest', async () => {
    let proven = 0;
    let optimal = 0;
    let searchOptimal = 0;
    let lpFreeOptimal = 0;
    let threeOptimal = 0;
    let farOff = 0;
    const missed: string[] = [];
    const lpFreeMissed: string[] = [];
    for await (const { seed, model, optimum } of provenSmallWeeks(30)) {
      proven += 1;
      const pricer = makePricer(model);
      const start = greedyStart(model);
      const dived = await diveForPlan(model, { pricer, plans: [start], stop: never, timeLeft: () => 60 });
      expect(dived).not.toBeNull();
      expect(keepsHardRows(model, dived!)).toBe(true);
      const found = searchPlan(model, dived!, { stop: never, seed: 3, pricer });
      const cost = evaluate(model, found).objective;
      expect(keepsHardRows(model, found)).toBe(true);
      // HiGHS reads costs written to 6 decimals: a hundredth of a point is far above that rounding.
      expect(cost).toBeGreaterThanOrEqual(optimum - 0.01);
      // Within 1.5% on every week but one, and 8% on that one (below).
      expect(cost).toBeLessThanOrEqual(optimum * 1.08 + 0.01);
      if (cost > optimum * 1.015 + 0.01) farOff += 1;
      if (cost <= optimum + 0.01) optimal += 1;
      else missed.push(`${seed}: ${cost.toFixed(2)} vs ${optimum.toFixed(2)}`);
      if (evaluate(model, searchPlan(model, start, { stop: never, seed: 3, pricer })).objective <= optimum + 0.01) searchOptimal += 1;
      // The LP-free dive, one person a step, then the same search.
      const free = smoothedDive(model, { pricer: makePricer(model), plans: [start], stop: never, perStep: 1, rounds: 3 });
      expect(free.plan).not.toBeNull();
      // Its root is the smoothed dual's L, a true lower bound: never above the proven optimum.
      expect(free.rootBound).toBeLessThanOrEqual(optimum + 0.01);
      const freeFound = searchPlan(model, free.plan!, { stop: never, seed: 3, pricer });
      const freeCost = evaluate(model, freeFound).objective;
      expect(keepsHardRows(model, freeFound)).toBe(true);
      expect(freeCost).toBeGreaterThanOrEqual(optimum - 0.01);
      if (freeCost <= optimum + 0.01) lpFreeOptimal += 1;
      else lpFreeMissed.push(`${seed}: ${freeCost.toFixed(2)} vs ${optimum.toFixed(2)}`);
      // Three dives from one root, as the fill runs them (each twice as slow as the one before), each searched:
      // every plan keeps the hard rows and none is below the optimum; the best of them is what the fill keeps.
      const rootPricer = makePricer(model);
      const root = smoothedRoot(model, { pricer: rootPricer, plans: [start], stop: never });
      expect(root.bound).toBeLessThanOrEqual(optimum + 0.01);
      let bestOfThree = Infinity;
      for (const perStep of [4, 2, 1]) {
        const d = diveFromRoot(model, root, { pricer: rootPricer, stop: never, perStep, rounds: 3 });
        const found = searchPlan(model, d.plan, { stop: never, seed: 3, pricer: rootPricer });
        expect(keepsHardRows(model, found)).toBe(true);
        const c = evaluate(model, found).objective;
        expect(c).toBeGreaterThanOrEqual(optimum - 0.01);
        bestOfThree = Math.min(bestOfThree, c);
      }
      if (bestOfThree <= optimum + 0.01) threeOptimal += 1;
    }
    console.log(
      `dive: ${proven} weeks proven by HiGHS, optimal on ${optimal} (searchPlan alone ${searchOptimal}); missed ${missed.join('; ')}`,
    );
    console.log(
      `LP-free dive: optimal on ${lpFreeOptimal}; missed ${lpFreeMissed.join('; ')}; best of three dives from one root: ${threeOptimal}`,
    );
    expect(proven).toBeGreaterThanOrEqual(25);
    // Measured: optimal on 24 of 29 (searchPlan alone from the same start: 10), the others within 0.94% of it. Since
    // the pricing counts the even share (4 Dec), optimal on 25, and within 0.8% on three of the other four; on seed 28
    // it ends one rest finding (40 points, 7%) above, a three-way exchange between two people and a third on one day
    // that neither a move, a swap nor a person's best week makes. (The LP-free dive, the fill's, reaches it there.)
    expect(optimal).toBeGreaterThanOrEqual(22);
    expect(farOff).toBeLessThanOrEqual(1);
    // Measured: the LP-free dive then the search reach it on 25 of 29 (the LP dive 24); on no fewer than the LP dive.
    expect(lpFreeOptimal).toBeGreaterThanOrEqual(optimal);
    // The fill's dives from one root: their best reaches the optimum on no fewer weeks than one dive alone.
    expect(threeOptimal).toBeGreaterThanOrEqual(lpFreeOptimal);
  }, 300_000);

  it('in the fill of a large part, starts the search from a dive: the proven optimum where the search alone stops above it', async () => {
    // Two weeks where the fill's search of a large part (forced here: largePairs 0) stopped 21.5 and 28 points
    // above the optimum in 1.5 s (measured on the code before the dive); with the dive first it reaches it.
    for (const seed of [2, 19]) {
      const { ctx, open } = smallWeek(seed * 7919);
      // The expectation: the same fill solved by HiGHS as a small part, to proven optimality (cuts included).
      const exact = await planFill(ctx, open, { relGap: 0, timeLimitS: 30 });
      expect(exact.status).toBe('optimal');
      const dived = await planFill(ctx, open, { relGap: 0, timeLimitS: 3, largePairs: 0, dive: true });
      expect(dived.unfilled.length + dived.assignments.length).toBe(open.length);
      expect(Math.abs(dived.objective - exact.objective)).toBeLessThan(0.01);
      // The LP-free dive in its place (forced: the part has under LPFREE_FROM_S): the optimum too, and its root's
      // bound is a true one. (In 1.5 s it reached it at load 7 and missed by 12 points at load 6-12; main's search
      // alone missed by 21.5 in 1.5 s and reaches it in 3 s, so this checks the path, not a gain.)
      const shown: { objective: number | null; bound: number | null; gap: number | null }[] = [];
      const free = await planFill(ctx, open, {
        relGap: 0,
        timeLimitS: 3,
        largePairs: 0,
        lpFreeDive: true,
        onProgress: (p) => shown.push(p),
      });
      expect(free.unfilled.length + free.assignments.length).toBe(open.length);
      // The progress the panel shows: once there is a bound (the root's, from its first pricing), the gap to it
      // too, as the issue words it (the gap between the objective and the bound), and the bound is a true one.
      // (Until 3 Dec the root's progress came with its gap left empty.)
      const withBound = shown.filter((p) => p.bound !== null);
      expect(withBound.length).toBeGreaterThan(0);
      for (const p of withBound) {
        expect(p.bound!).toBeLessThanOrEqual(exact.objective + 0.01);
        expect(p.gap).not.toBeNull();
        expect(p.gap!).toBeCloseTo((p.objective! - p.bound!) / p.objective!, 9);
      }
      expect(free.bound).toBeLessThanOrEqual(exact.objective + 0.01);
      expect(Math.abs(free.objective - exact.objective)).toBeLessThan(0.01);
    }
  }, 120_000);

  it('a large part given minutes ends as soon as its plan is within the gap asked for, not when its time is up', async () => {
    // Until 3 Dec the bound came after the search, so a fill could not know it was good enough and always used
    // its whole time (10 minutes here). Now the bound comes first and the search stops within the gap.
    for (const seed of [2, 19]) {
      const { ctx, open } = smallWeek(seed * 7919);
      const exact = await planFill(ctx, open, { relGap: 0, timeLimitS: 30 });
      expect(exact.status).toBe('optimal');
      const plan = await planFill(ctx, open, { relGap: 0.05, timeLimitS: 600, largePairs: 0 });
      expect(plan.seconds).toBeLessThan(300);
      expect(plan.status).toBe('within-gap');
      expect(plan.unfilled.length + plan.assignments.length).toBe(open.length);
      // Its claims checked against HiGHS's proven optimum: the bound is below it, the plan within 5% of it.
      expect(plan.bound).toBeLessThanOrEqual(exact.objective + 1e-6);
      expect(plan.objective).toBeGreaterThanOrEqual(exact.objective - 1e-6);
      expect(plan.objective).toBeLessThanOrEqual(exact.objective / (1 - 0.05) + 1e-6);
    }
  }, 240_000);
});
