/**
 * The search that improves large parts' plans (`searchPlan`): single moves and swaps, and best responses that
 * re-choose a person's whole week at once. Judged against the optimum HiGHS proves for the same model by its
 * full MIP, on random small weeks.
 */
import { describe, expect, it } from 'vitest';
import { buildModel, evaluate, greedyStart, keepsHardRows, localSearch } from '../../../shared/domain/rota/autofill/model';
import { searchPlan } from '../../../shared/domain/rota/autofill/bestResponse';
import { solveModel } from '../../../main/services/autofill/solve';
import { provenSmallWeeks, smallWeek } from './smallWeek';
import { makeContext, makeShift, makeStaff } from '../../shared/domain/rota/factories';

const never = () => false;

describe('the search of large parts', () => {
  it('finds the proven optimum of a week where single moves and swaps stop far above it', async () => {
    const { ctx, open } = smallWeek(22 * 7919);
    const model = buildModel(ctx, { open });
    const exact = await solveModel(model, { relGap: 0, timeLimitS: 60 });
    expect(exact.status).toBe('optimal');
    const start = greedyStart(model);
    // Moves and swaps alone stop over 300 points above HiGHS's optimum here (shifts left open that only a
    // person giving up their week for another could take).
    const moves = evaluate(model, localSearch(model, start, { stop: never })).objective;
    expect(moves).toBeGreaterThan(exact.objective! + 300);
    const found = searchPlan(model, start, { stop: never });
    expect(keepsHardRows(model, found)).toBe(true);
    // HiGHS reads costs written to 6 decimals (a minute off contract is 0.016667 points): a hundredth of a point.
    expect(Math.abs(evaluate(model, found).objective - exact.objective!)).toBeLessThan(0.01);
  }, 120_000);

  it('lets a person give up a shift to someone who can take it, to cover one only they can: no step alone is cheaper', () => {
    // Ann (CH her home site, every service) is on reception 09:00-17:00; security 10:00-18:00 the same day is open,
    // and only Ann can take it (Ben works reception only). Ann cannot do both (they overlap). Ben could take
    // reception, but he is new to CH (30 points), so moving it to him alone costs more, and Ann cannot take the
    // open shift while she holds reception: moves, swaps and one person's re-chosen week each cost more or break a
    // rule. Together (Ben on reception, Ann on security) nothing is left open, 800 points cheaper.
    const ann = makeStaff({ name: 'Ann Cole', contractedHours: 37.5 });
    const ben = makeStaff({ name: 'Ben Ode', services: ['reception'], homeSite: 'HAT', contractedHours: 37.5 });
    const reception = makeShift({ date: '2026-11-30', start: '09:00', end: '17:00' });
    const security = makeShift({ date: '2026-11-30', start: '10:00', end: '18:00', service: 'security' });
    const model = buildModel(makeContext({ staff: [ann, ben], shifts: [reception, security] }), { open: [reception, security] });
    const pair = (person: { id: string }, shift: { id: string }) =>
      [...model.pairs].find(([, p]) => p.staffId === person.id && p.shift.id === shift.id)?.[0];
    expect(pair(ben, security)).toBeUndefined();
    const [annReception, annSecurity, benReception] = [pair(ann, reception)!, pair(ann, security)!, pair(ben, reception)!];
    const start = new Set([annReception]);
    // Reception moved to Ben alone costs more than it saves (he is new to CH, and Ann's week loses its hours).
    expect(evaluate(model, new Set([benReception])).objective).toBeGreaterThan(evaluate(model, start).objective);
    const found = searchPlan(model, start, { stop: never });
    expect([...found].sort()).toEqual([annSecurity, benReception].sort());
    expect(keepsHardRows(model, found)).toBe(true);
  });

  it('on random small weeks keeps the hard rows, is never worse than its start nor below the proven optimum, and beats moves and swaps on several', async () => {
    let proven = 0;
    let better = 0;
    let worse = 0;
    let optimal = 0;
    for await (const { model, optimum } of provenSmallWeeks(30)) {
      proven += 1;
      const start = greedyStart(model);
      const moves = evaluate(model, localSearch(model, start, { stop: never, seed: 3 })).objective;
      const found = searchPlan(model, start, { stop: never, seed: 3 });
      const cost = evaluate(model, found).objective;
      expect(keepsHardRows(model, found)).toBe(true);
      expect(cost).toBeLessThanOrEqual(evaluate(model, start).objective + 1e-6);
      // HiGHS reads costs written to 6 decimals: a hundredth of a point is far above that rounding.
      expect(cost).toBeGreaterThanOrEqual(optimum - 0.01);
      if (cost < moves - 1e-6) better += 1;
      if (cost > moves + 1e-6) worse += 1;
      if (cost <= optimum + 0.01) optimal += 1;
    }
    console.log(
      `search: ${proven} weeks proven by HiGHS, better than moves and swaps alone on ${better}, worse on ${worse}, optimal on ${optimal}`,
    );
    expect(proven).toBeGreaterThanOrEqual(25);
    // Measured (seed 3): better on 5, worse on 2 (another local optimum), optimal on 10 of 29; since a person's best
    // response places the shifts they give up (5 Dec), better on 16, worse on 2, optimal on 17.
    expect(better).toBeGreaterThan(worse);
    expect(optimal).toBeGreaterThanOrEqual(15);
  }, 300_000);
});
