import { describe, expect, it } from 'vitest';
import { divePlan, searchPath } from '../../../main/services/autofill/plan';

/**
 * Which search a large part takes for the seconds it has, from the fills measured at the design load
 * (docs/autoschedule.md, "Shorter fills"): the seconds are what a part has after its greedy fill and model.
 */
describe('the search a large part takes for its time', () => {
  const table: [string, number, Parameters<typeof searchPath>[1], ReturnType<typeof searchPath>][] = [
    // A week given 10 s has 8.3 s: the LP-free dives brought it within 4.1%, the search alone 13.3%.
    ['a week given 10 s', 8.3, {}, 'lp-free'],
    // A month given 60 s: parts of 10.3–12.8 s; 3.3% and 4.4% with the dives (two runs) against 9.8% without.
    ['a part of a month given 60 s', 10.3, {}, 'lp-free'],
    ['a week given 20 s', 18, {}, 'lp-free'],
    // A week given 10 minutes ends within 2% in about 10 s (the LP dive took 139 s): the LP-free dives.
    ['a week given 10 minutes', 598, {}, 'lp-free'],
    // A week given 8 s has 6.4 s, too little for the root to stall in half of it: the bound first.
    ['a week given 8 s', 6.4, {}, 'bound-first'],
    // A month given 30 s: parts of 4–6 s were worse with the dives forced (14.5% against 13.0%).
    ['a part of a month given 30 s', 5, {}, 'bound-first'],
    ['the LP dive when asked', 5, { dive: true }, 'lp-dive'],
    ['the LP dive when asked, given minutes', 600, { dive: true }, 'lp-dive'],
    ['the LP-free dives forced', 3, { lpFreeDive: true }, 'lp-free'],
    ['the LP-free dives refused', 60, { lpFreeDive: false }, 'bound-first'],
  ];
  it.each(table)('%s (%d s)', (_label, share, opts, path) => {
    expect(searchPath(share, opts)).toBe(path);
  });
});

/**
 * How a large part dives in the seconds left after its root (docs/autoschedule.md, "One dive paced to the part" and
 * "The repair straight after the quick dive"), from the times measured at the design load: the root 0.105 s a
 * pricing, a dive's step 0.145 s, the quick dive 28 steps (about 4 s), and the repair after it windows of 1–10 s.
 * Quick only where the dive and about 8 s after it fit; else one dive paced to the window.
 */
describe('the dive a large part makes for its time', () => {
  const table: [string, number, number, ReturnType<typeof divePlan>][] = [
    // A month given 60 s: parts of about 12 s, 5–6 s left for dives once the root has stalled.
    ['a part of a month given 60 s', 5.5, 0.105, 'paced'],
    // The quick dive and the repair after it need about 12 s: 9 s is not enough.
    ['a week given 20 s', 9, 0.105, 'paced'],
    // A week given 30 s has about 17 s; given 60 s (the panel's default since 4 Dec, and the bench), about 40 s.
    ['a week given 30 s', 17, 0.105, 'quick'],
    ['a week given 60 s', 40, 0.105, 'quick'],
    // A month given 3 minutes: parts of about 36 s.
    ['a part of a month given 3 minutes', 23, 0.105, 'quick'],
    // On a machine twice as quick the dive takes about 2 s, and 8 s leaves 6 s for the repair.
    ['a part of a month given 60 s, twice as quick', 8, 0.05, 'quick'],
    // Twice as slow: 24 s.
    ['a week given 30 s, twice as slow', 17, 0.21, 'paced'],
  ];
  it.each(table)('%s (%d s, %d s a pricing)', (_label, window, perPricing, plan) => {
    expect(divePlan(window, perPricing)).toBe(plan);
  });
});
