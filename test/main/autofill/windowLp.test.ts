/**
 * A repair window's LP (`toLp` with what `heldOutside` holds, as `repairByDays` solves it): the text names only what
 * the window can change, and HiGHS finds the same optimum in it as in the whole model's text with the same pairs held
 * by their bounds through HiGHS's own API (the way every window was solved until 4 Dec, independent of the folding).
 */
import { describe, expect, it } from 'vitest';
import { chosenPairs, evaluate, heldOutside, keepsHardRows, toLp } from '../../../shared/domain/rota/autofill/model';
import { loadHighs, solveModel } from '../../../main/services/autofill/solve';
import { provenSmallWeeks } from './smallWeek';

/** The columns a CPLEX LP text names: after a coefficient in the objective or a row, or between `<=`s in Bounds (rows have names too). */
const named = (text: string): Set<string> => new Set([...text.matchAll(/(?:\d |<= )([A-Za-z_]\w*)/g)].map((m) => m[1]));

/** The whole model's text, every pair outside the window held at the plan's value by a bound set through HiGHS's API. */
const byBounds = async (model: Parameters<typeof toLp>[0], held: ReadonlyMap<number, number>): Promise<number | null> => {
  const h = await loadHighs();
  const m = h.createModel({ format: 'lp', data: toLp(model) });
  try {
    m.options.set({ output_flag: false, mip_rel_gap: 0, mip_abs_gap: 1e-9, time_limit: 60 });
    for (const [c, v] of held) if (model.columns[c].kind === 'x') m.changeColBounds(m.getColByName(model.columns[c].name), v, v);
    m.run({});
    return m.getModelStatus() === h.constants.modelStatus.optimal ? Number(m.info.get('objective_function_value')) : null;
  } finally {
    m.dispose();
  }
};

describe('a repair window’s LP', () => {
  it('names only the columns the window can change, and has the same optimum as the whole model with the rest held by bounds', async () => {
    let windows = 0;
    let smaller = 0;
    for await (const { model, optimum } of provenSmallWeeks(4)) {
      // The plan the window starts from: the proven optimum's own plan would leave nothing to find, so a poorer one,
      // the optimum's pairs of every other day dropped.
      const best = await solveModel(model, { relGap: 0, timeLimitS: 60 });
      const all = chosenPairs(model, best.colValue!);
      const dates = [...new Set(model.open.map((s) => s.date))].sort();
      const plan = new Set([...all].filter((c) => dates.indexOf(model.pairs.get(c)!.shift.date) % 2 === 0));
      const values = evaluate(model, plan).values;
      for (const date of dates) {
        const isFree = (c: number) => model.pairs.get(c)!.shift.date === date;
        const held = heldOutside(model, values, isFree);
        const text = toLp(model, held);
        const names = named(text);
        // Every pair of the day is free; no held column is named anywhere in the text.
        for (const [c, p] of model.pairs) if (p.shift.date === date) expect(names.has(model.columns[c].name)).toBe(true);
        for (const c of held.keys()) expect(names.has(model.columns[c].name)).toBe(false);
        if (names.size < model.columns.length) smaller += 1;
        const window = await solveModel(model, { relGap: 0, timeLimitS: 60, start: plan, fixed: held });
        const reference = await byBounds(model, held);
        expect(window.status).toBe('optimal');
        expect(reference).not.toBeNull();
        // HiGHS's own figure for the window (the held columns' cost as the objective's constant) is the whole model's,
        // to the LP text's rounding (six decimals a coefficient: a few thousandths of a point over a week's minutes).
        const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThan(1e-6 * Math.abs(b) + 1e-6);
        close(window.objective!, reference!);
        const picked = chosenPairs(model, window.colValue!);
        // Its plan keeps the held pairs as they were, keeps the hard rows, costs what HiGHS said, and never beats the optimum.
        for (const [c, p] of model.pairs) if (p.shift.date !== date) expect(picked.has(c)).toBe(plan.has(c));
        expect(keepsHardRows(model, picked)).toBe(true);
        close(evaluate(model, picked).objective, window.objective!);
        expect(window.objective!).toBeGreaterThanOrEqual(optimum - 1e-6);
        windows += 1;
      }
    }
    expect(windows).toBeGreaterThanOrEqual(10);
    // The point of it: the text is smaller than the whole model's in every window with a held column.
    expect(smaller).toBe(windows);
  }, 300_000);
});
