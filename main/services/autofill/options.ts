/**
 * What the planner asks of a fill (jobs.ts), and what the bench measures (bench/autofill.ts): one definition, so
 * the bench's figures, and the panel's hint drawn from them, are the product's.
 */
import { staffMap } from '../../../shared/domain/rota/rotaIndex';
import type { RotaContext } from '../../../shared/domain/rota/types';
import type { PlanOptions } from './plan';

/** A fill of this many open shifts or fewer keeps every candidate, so it is solved exactly. */
export const CAP_FROM = 200;

/**
 * Each shift of a larger fill keeps only its cheapest candidates (and its holder, and the greedy fill's choice;
 * model.ts), and the gap is against that model's bound. How many depends on how tight the staff are, in open shifts
 * a person a week. Measured 3 Dec, each week of 7 Dec given 60 s or 30 s (one run each, load about 1):
 *
 * | staff, open shifts a week | shifts a person | 12 candidates | 20 candidates |
 * | --- | --- | --- | --- |
 * | 230, 1,017 (the design load) | 4.4 | 1.71% in 12.2 s | 1.63% in 16.7 s |
 * | 230, Christmas week | 4.3 | 3.54% (4,244) | 4.49% (4,278) |
 * | 120, 532 | 4.4 | 1.67% in 5.8 s | 2.74% in 30 s |
 * | 180, 799 | 4.4 | 1.98% in 21.7 s | 1.68% in 11.8 s |
 * | 60, 371 (the demo's tight staffing) | 6.2 | 3,129, 1 left open, 57 warnings | **2,736**, 0 open, 46 warnings |
 *
 * Where the staff are tight the 12 cheapest are often busy elsewhere and the cap costs the plan (14% at 60 staff);
 * elsewhere 12 is as good and quicker. Until 3 Dec the product asked for 20 whatever the staffing, and the bench 12.
 */
export const candidatesFor = (shiftsPerPersonWeek: number): number => (shiftsPerPersonWeek > 5 ? 20 : 12);

/**
 * The planner's options for a fill of `openCount` shifts over `days` days with `staff`, given `timeLimitS` seconds:
 * within 2% of the bound is enough. A fill of over `CAP_FROM` shifts dives each large part twice at once, the second
 * on a helper thread (`diveThread`, plan.ts).
 */
export const fillOptions = (openCount: number, days: number, staff: RotaContext['staff'], timeLimitS: number): PlanOptions => {
  const people = staffMap(staff).size;
  return {
    timeLimitS,
    relGap: 0.02,
    maxCandidates: openCount > CAP_FROM ? candidatesFor((openCount * 7) / Math.max(1, days) / Math.max(1, people)) : undefined,
    ...(openCount > CAP_FROM ? { diveThread: true } : {}),
  };
};
