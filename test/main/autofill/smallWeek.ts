/**
 * The random small week the auto-scheduler's tests share: a week of 12–24 open shifts among about 40 already
 * on the rota, so most people end up with several and rest against fixed shifts matters.
 */
import { addDays } from '../../../shared/domain/dates';
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
