/**
 * The exact person-week pricing of the Lagrangian bound (`bestPersonWeek`) against brute force: every
 * subset of a few shifts, kept when no two overlap, costed from the definitions written out here (the
 * shifts' reduced costs, a rest finding between consecutive shifts under 11 h apart, a long stretch when two
 * touch and last over 13 h, the distance from contract, the over-contract finding).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bestPersonWeek, type PathItem, type PathWeek } from '../../../../../shared/domain/rota/autofill/model';

const H = 3_600_000;
const MONDAY = Date.UTC(2026, 11, 7);

const WEEK: Omit<PathWeek, 'k' | 'fixed' | 'target' | 'overContract'> = { restMs: 11 * H, restCost: 40, longMs: 13 * H, longCost: 40 };

/** The cost of taking exactly `taken` (indices), or null when two of them overlap. */
const bruteCost = (items: PathItem[], week: PathWeek, taken: number[]): number | null => {
  const chain = taken.map((i) => items[i]).sort((a, b) => a.start - b.start);
  for (let i = 1; i < chain.length; i += 1) if (chain[i].start < chain[i - 1].end) return null;
  let cost = chain.reduce((s, it) => s + it.a, 0);
  for (let i = 1; i < chain.length; i += 1) {
    const [a, b] = [chain[i - 1], chain[i]];
    if (a.end === b.start) {
      if (b.end - a.start > 13 * H) cost += 40;
    } else if (b.start - a.end < 11 * H && b.restCounts) cost += 40;
  }
  const total = week.fixed + chain.reduce((s, it) => s + it.w, 0);
  cost += week.k * Math.abs(total - week.target);
  if (week.overContract && total > week.overContract.minutes) cost += week.overContract.cost;
  // A fair share still below the person's even share: every shift of its kind past the first `cap` costs `cost`.
  (week.fair ?? []).forEach((f, k) => {
    const count = chain.filter((it) => ((it.cats ?? 0) >> k) & 1).length;
    cost += f.cost * Math.max(0, count - f.cap);
  });
  return cost;
};

const bruteBest = (items: PathItem[], week: PathWeek) => {
  let best = Infinity;
  for (let mask = 0; mask < 1 << items.length; mask += 1) {
    const taken = items.map((_, i) => i).filter((i) => mask & (1 << i));
    const c = bruteCost(items, week, taken);
    if (c !== null && c < best) best = c;
  }
  return best;
};

// Shifts on the hour (some touching, some overlapping, some close), 4–12 h long, with a 0–60 min break.
const item = fc.record({
  day: fc.integer({ min: 0, max: 3 }),
  hour: fc.integer({ min: 0, max: 23 }),
  length: fc.integer({ min: 4, max: 12 }),
  breakMin: fc.constantFrom(0, 30, 60),
  a: fc.integer({ min: -800, max: 300 }),
  restCounts: fc.boolean(),
  cats: fc.integer({ min: 0, max: 3 }),
});
const week = fc.record({
  k: fc.constantFrom(0, 1 / 60, 2 / 60),
  fixed: fc.constantFrom(0, 600, 1200),
  target: fc.constantFrom(0, 1440, 2160, 2880),
  over: fc.option(fc.constantFrom(1440, 2160, 2880), { nil: null }),
  fair: fc.array(fc.record({ cap: fc.integer({ min: 1, max: 2 }), cost: fc.constantFrom(4, 40) }), { maxLength: 2 }),
});

/** Random person-weeks (with the fair shares when `shares`), each priced by the path and by brute force. */
const againstBruteForce = (shares: boolean, seed: number) =>
  fc.assert(
    fc.property(fc.array(item, { minLength: 0, maxLength: 10 }), week, (raw, wk) => {
      const items: PathItem[] = raw.map((r) => {
        const start = MONDAY + r.day * 24 * H + r.hour * H;
        const it = { start, end: start + r.length * H, w: r.length * 60 - r.breakMin, a: r.a / 10, restCounts: r.restCounts };
        return shares ? { ...it, cats: r.cats } : it;
      });
      const pw: PathWeek = {
        ...WEEK,
        k: wk.k,
        fixed: wk.fixed,
        target: wk.target,
        overContract: wk.over === null ? null : { minutes: wk.over, cost: 10 },
        ...(shares ? { fair: wk.fair } : {}),
      };
      const got = bestPersonWeek(items, pw)!;
      expect(got.value).toBeCloseTo(bruteBest(items, pw), 9);
      expect(bruteCost(items, pw, got.chosen)).toBeCloseTo(got.value, 9);
    }),
    { numRuns: 400, seed },
  );

describe('the exact person-week pricing of the Lagrangian bound', () => {
  it('finds the cheapest choice brute force finds, and the choice it returns costs what it says', () => {
    againstBruteForce(false, 20261202);
  });

  it('pays each fair share past its cap, as brute force does (nights, weekends and bank holidays still below the even share)', () => {
    againstBruteForce(true, 20261204);
  });

  it('by hand: three weekend shifts worth 3 points each, the share 1, 4 points each past it: one taken', () => {
    const at = (day: number, hour: number) => MONDAY + day * 24 * H + hour * H;
    const pw: PathWeek = { ...WEEK, k: 0, fixed: 0, target: 0, overContract: null, fair: [{ cap: 1, cost: 4 }] };
    const weekend = [at(5, 7), at(6, 7), at(6, 19)].map((start) => ({
      start,
      end: start + 8 * H,
      w: 480,
      a: -3,
      restCounts: true,
      cats: 1,
    }));
    expect(bestPersonWeek(weekend, pw)).toEqual({ value: -3, chosen: [0] });
    // With a share of 2 the third alone costs more than it is worth.
    expect(bestPersonWeek(weekend, { ...pw, fair: [{ cap: 2, cost: 4 }] })!.value).toBe(-6);
  });

  it('prices by hand: 07:00–19:00 then 05:00–13:00 the next day is a rest finding; 19:00–07:00 touching 07:00–09:00 a long stretch', () => {
    const at = (day: number, hour: number) => MONDAY + day * 24 * H + hour * H;
    const pw: PathWeek = { ...WEEK, k: 0, fixed: 0, target: 0, overContract: null };
    // Both worth taking alone (−50 each): together they pay 40 for the rest, so still both (−60).
    const rest = [
      { start: at(0, 7), end: at(0, 19), w: 690, a: -50, restCounts: true },
      { start: at(1, 5), end: at(1, 13), w: 450, a: -50, restCounts: true },
    ];
    expect(bestPersonWeek(rest, pw)).toEqual({ value: -60, chosen: [0, 1] });
    // Worth −30 each: together −60 + 40 = −20, so one alone (−30).
    expect(
      bestPersonWeek(
        rest.map((r) => ({ ...r, a: -30 })),
        pw,
      )!.value,
    ).toBe(-30);
    // Touching: 12 h + 2 h = 14 h, over 13 h.
    const long = [
      { start: at(0, 19), end: at(1, 7), w: 660, a: -30, restCounts: true },
      { start: at(1, 7), end: at(1, 9), w: 120, a: -30, restCounts: true },
    ];
    expect(bestPersonWeek(long, pw)!.value).toBe(-30);
    // Hours: target 24 h at a point a minute; two 11.5 h shifts, apart, free: 60 minutes off, 1 point.
    const hours: PathWeek = { ...pw, k: 1 / 60, target: 1440 };
    const apart = [
      { start: at(0, 7), end: at(0, 19), w: 690, a: 0, restCounts: true },
      { start: at(2, 7), end: at(2, 19), w: 690, a: 0, restCounts: true },
    ];
    expect(bestPersonWeek(apart, hours)!.value).toBeCloseTo(1, 9);
  });
});
