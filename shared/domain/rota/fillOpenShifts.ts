/** Filling open shifts one at a time with the best-ranked person who breaks no block rule. */
import type { Shift } from '../../schemas/shift';
import {
  bestCandidate,
  evaluateCandidates,
  forgetPerson,
  indexForShifts,
  rosterOf,
  type BeforeMemo,
  type Rejection,
  type TrialMemo,
} from './candidates';
import { insertEntry } from './rotaIndex';
import { spanOf } from './instants';
import type { RotaContext, RuleId } from './types';

export interface FillResult {
  assigned: { shiftId: string; staffId: string }[];
  unfilled: { shiftId: string; reason: string }[];
}

const WHY: Partial<Record<RuleId, string>> = {
  'staff-record': 'not a current member of staff',
  overlap: 'already on a shift then',
  service: 'not set up for the service',
  'sia-licence': 'without a valid SIA licence',
  absence: 'on approved absence',
  'young-daily-hours': 'under 18 and over 8 h that day',
  'young-weekly-hours': 'under 18 and over 40 h that week',
  'young-daily-rest': 'under 18 without 12 h rest',
  'young-night': 'under 18 and it is night work',
  'sia-sector': 'licence sector does not fit the post',
  'young-weekly-rest': 'under 18 without 48 h rest that week',
  'young-break': 'under 18 and the break is under 30 min',
};

const unfilledReason = (rejected: Rejection[]): string => {
  if (rejected.length === 0) return 'No current staff to choose from';
  const counts = new Map<string, number>();
  for (const r of rejected) {
    const rule = r.blocks[0]?.rule;
    const why = (rule && WHY[rule]) ?? 'blocked by a rule';
    counts.set(why, (counts.get(why) ?? 0) + 1);
  }
  const parts = [...counts].sort((a, b) => b[1] - a[1]).map(([why, n]) => `${n} ${why}`);
  return `No one can take it without breaking a rule: ${parts.join('; ')}`;
};

/**
 * Assign open shifts greedily in time order, each to the top-ranked candidate given the assignments made
 * so far, so the result never double-books anyone or breaks a block rule. Shifts no one can take are
 * returned with the reasons people were ruled out.
 */
export const fillOpenShifts = (openShifts: readonly Shift[], ctx: RotaContext): FillResult => {
  const result: FillResult = { assigned: [], unfilled: [] };
  if (openShifts.length === 0) return result;
  const open = new Set(openShifts.map((s) => s.id));
  const ix = indexForShifts({ ...ctx, shifts: ctx.shifts.filter((s) => !open.has(s.id)) }, openShifts);
  const ordered = [...openShifts]
    .filter((s) => !s.deleted)
    .sort((a, b) => spanOf(a.date, a.start, a.end).start - spanOf(b.date, b.start, b.end).start || (a.id < b.id ? -1 : 1));
  const memo: BeforeMemo = new Map();
  const trials: TrialMemo = new Map();
  const roster = rosterOf(ix);
  for (const shift of ordered) {
    // The person the ranked list puts first, found without trying everyone.
    const best = bestCandidate(shift, ix, memo, trials, roster);
    if (best === null) {
      // Asked again with everyone tried, for the full count of why.
      const { rejected } = evaluateCandidates(shift, ix, memo, { trials, reasons: false });
      result.unfilled.push({ shiftId: shift.id, reason: unfilledReason(rejected) });
      continue;
    }
    insertEntry(ix, { ...shift, staffId: best });
    forgetPerson(best, memo, trials);
    result.assigned.push({ shiftId: shift.id, staffId: best });
  }
  return result;
};
