/**
 * What the planner asks of a fill (jobs.ts), and what the bench measures (bench/autofill.ts): one definition, so
 * the bench's figures, and the panel's hint drawn from them, are the product's.
 */
import type { PlanOptions } from './plan';

/**
 * Each shift of a fill of over `CAP_FROM` open shifts keeps its `FILL_CANDIDATES` cheapest candidates (and its
 * holder, and the greedy fill's choice; model.ts), and the gap is against that model's bound; a smaller fill keeps
 * them all, so it is solved exactly. 12 since 3 Dec: the product had 20 while the bench measured 12, and at 20 the
 * design-load week given 60 s came within 2% in 16.7 s where 12 took 12.2 s (1.63% and 1.71%), and Christmas ended
 * at 4.49% where 12 ended at 3.54% (load about 1.5, one run each).
 */
export const FILL_CANDIDATES = 12;
export const CAP_FROM = 200;

/** The planner's options for a fill of `openCount` shifts given `timeLimitS` seconds: within 2% of the bound is enough. */
export const fillOptions = (openCount: number, timeLimitS: number): PlanOptions => ({
  timeLimitS,
  relGap: 0.02,
  maxCandidates: openCount > CAP_FROM ? FILL_CANDIDATES : undefined,
});
