/**
 * When the smoothed dual has stalled (smoothedDual.ts `stalled`): the LP-free dive's root ends there and takes its bound,
 * and the bound's first phase hands over to the LP master.
 *
 * The expectations come from how the smoothed dual prices, not from the code: its temperature starts at 0.1 points and
 * is multiplied by 0.6 a pricing down to 0.01, which it reaches at its 6th pricing (0.1 × 0.6⁵ ≈ 0.0078). A stall compares
 * 4 pricings, so the first that can be judged is the 10th, the 4th after the floor. Before that the smoothing changes
 * every pricing and a best L that has not risen is no sign of the end.
 *
 * The incident (5 Dec, December given 10 minutes, one run in 13): the week of 21 Dec ended its root on its 5th pricing
 * at 3,972.3, where every other run stalled after 29–35 pricings at about 4,190. The month's bound was 220 points low,
 * the month could not come within 2% of it, and it ran for 329 s where the others took about a minute.
 */
import { describe, expect, it } from 'vitest';
import { stalled } from '../../../../../shared/domain/rota/autofill/smoothedDual';

/** A best-L history: flat at `at` for `flat` pricings after rising by `step` a pricing for `rising`. */
const history = (rising: number, step: number, flat: number, at = 3972.3): number[] => [
  ...Array.from({ length: rising }, (_, i) => at - (rising - i) * step),
  ...Array.from({ length: flat }, () => at),
];

describe('a stall of the smoothed dual', () => {
  it('is not judged in its first 9 pricings, however flat the best L (the week of 21 Dec stopped on its 5th)', () => {
    expect(stalled(history(0, 0, 5))).toBe(false);
    for (let flat = 1; flat <= 9; flat += 1) expect(stalled(history(0, 0, flat))).toBe(false);
    expect(stalled(history(5, 40, 4))).toBe(false);
  });

  it('is judged from the 10th pricing: 4 pricings that raised the best L by under 0.01% in all', () => {
    expect(stalled(history(0, 0, 10))).toBe(true);
    // 0.01% of 4,190 is 0.419 points: 4 pricings of 0.1 each (0.4 in all) are a stall, 4 of 0.11 (0.44) are not.
    const rise = (step: number) => Array.from({ length: 30 }, (_, i) => 4190 - (29 - i) * step);
    expect(stalled(rise(0.1))).toBe(true);
    expect(stalled(rise(0.11))).toBe(false);
    // Only the last 4 pricings count: a long climb that has ended is a stall.
    expect(stalled([...rise(50), 4190, 4190, 4190, 4190])).toBe(true);
    expect(stalled([...rise(0), 4190.5])).toBe(false);
  });
});
