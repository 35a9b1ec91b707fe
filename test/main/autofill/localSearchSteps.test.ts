/**
 * The local search prices each move from the rows of the people it touches, kept from move to move. Whatever
 * it keeps, each move it takes must lower the plan's cost as `evaluate` counts it from the whole model, and
 * never break a hard row the plan kept: stopped after each look at a shift, its plans cost less and less.
 * On random small weeks, with weekly-rest and no-good cuts added on some people's shifts (as the fill adds
 * them), from the greedy start and from one with some of its shifts left open.
 */
import { describe, expect, it } from 'vitest';
import {
  addNoGoodCut,
  addWeeklyRestCut,
  buildModel,
  evaluate,
  greedyStart,
  keepsHardRows,
  localSearch,
} from '../../../shared/domain/rota/autofill/model';
import { smallWeek } from './smallWeek';

describe('the local search, move by move', () => {
  it('takes only moves that lower the cost evaluate counts, and keeps the hard rows a plan kept', () => {
    let steps = 0;
    for (let i = 1; i <= 12; i += 1) {
      const { ctx, open } = smallWeek(i * 104_729);
      const model = buildModel(ctx, { open });
      const byPerson = new Map<string, number[]>();
      for (const [c, p] of model.pairs) byPerson.set(p.staffId, [...(byPerson.get(p.staffId) ?? []), c]);
      let k = 0;
      for (const [staffId, cols] of byPerson) {
        k += 1;
        if (k % 2 === 0 && cols.length >= 2) addWeeklyRestCut(model, staffId, '2026-12-07', cols.slice(0, 3));
        if (k % 5 === 0 && cols.length >= 3) addNoGoodCut(model, cols.slice(1, 3));
      }
      const greedy = greedyStart(model);
      const shaken = new Set([...greedy].filter((_, j) => j % 3 !== 0));
      for (const start of [greedy, shaken]) {
        let last = evaluate(model, start).objective;
        let kept = keepsHardRows(model, start);
        for (let n = 1; ; n += 1) {
          let looks = 0;
          const plan = localSearch(model, start, { stop: () => (looks += 1) > n, seed: i });
          const cost = evaluate(model, plan).objective;
          expect(cost).toBeLessThanOrEqual(last + 1e-9);
          if (kept) expect(keepsHardRows(model, plan)).toBe(true);
          kept ||= keepsHardRows(model, plan);
          steps += 1;
          if (looks <= n) break; // it stopped on its own: a local optimum
          last = cost;
        }
      }
    }
    expect(steps).toBeGreaterThan(100);
  }, 120_000);
});
