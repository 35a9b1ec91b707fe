/**
 * The random small week the auto-scheduler's tests share: a week of 12–24 open shifts among about 40 already
 * on the rota, so most people end up with several and rest against fixed shifts matters.
 */
import { addDays } from '../../../shared/domain/dates';
import { buildModel } from '../../../shared/domain/rota/autofill/model';
import { solveModel } from '../../../main/services/autofill/solve';
import type { Shift } from '../../../shared/schemas/shift';
import { makeContext } from '../../shared/domain/rota/factories';
import { SITES, WEEK, makePeople, prng, randomShift } from '../../shared/domain/rota/world';

export const smallWeek = (seed: number) => {
  const rand = prng(seed);
  const people = makePeople(rand);
  const rest: Shift[] = Array.from({ length: 40 }, () => randomShift(rand, people)).filter((s) => s.staffId !== null);
  const open = Array.from({ length: 12 + Math.floor(rand() * 13) }, () => ({
    ...randomShift(rand, people),
    staffId: null,
    date: addDays(WEEK, Math.floor(rand() * 7)),
  }));
  return { ctx: makeContext({ staff: people, sites: SITES, shifts: [...rest, ...open] }), open };
};

/**
 * The small weeks `smallWeek(i × 7919)` for i = 1 … `count`, each with its model and the optimum HiGHS proves for
 * that model by its full MIP: what the tests judge the auto-scheduler against. Weeks HiGHS cannot prove in 60 s
 * are left out.
 */
export async function* provenSmallWeeks(count: number) {
  for (let i = 1; i <= count; i += 1) {
    const { ctx, open } = smallWeek(i * 7919);
    const model = buildModel(ctx, { open });
    const exact = await solveModel(model, { relGap: 0, timeLimitS: 60 });
    if (exact.status === 'optimal') yield { seed: i, ctx, open, model, optimum: exact.objective! };
  }
}
