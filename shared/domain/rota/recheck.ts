/** Re-checking a week after an edit, touching only the people the edit can affect. */
import { indexForWeek, personFindings } from './checkWeek';
import { sortFindings } from './sortFindings';
import type { Finding, RotaChange, RotaContext } from './types';
import { weekRange } from './week';

/** The people an edit can affect: the staff named, and whoever held the changed shifts before and after. */
export const affectedStaff = (ctx: RotaContext, change: RotaChange): Set<string> => {
  const affected = new Set<string>(change.staffIds ?? []);
  const ids = new Set<string>([...(change.shiftIds ?? []), ...(change.before ?? []).map((s) => s.id)]);
  for (const s of change.before ?? []) if (s.staffId) affected.add(s.staffId);
  if (ids.size > 0) for (const s of ctx.shifts) if (ids.has(s.id) && s.staffId) affected.add(s.staffId);
  return affected;
};

/**
 * The findings `checkWeek(ctx, weekStartIso)` would give, reusing `previous` (a check of the same week
 * before the edit) for everyone the edit cannot affect. Rules only ever look at one person's shifts, so
 * anyone else's findings are unchanged. A change to settings, sites or bank holidays needs a full check.
 */
export const recheck = (previous: readonly Finding[], ctx: RotaContext, weekStartIso: string, change: RotaChange): Finding[] => {
  const affected = affectedStaff(ctx, change);
  const range = weekRange(weekStartIso);
  const ix = indexForWeek(ctx, range, affected);
  const kept = previous.filter((f) => f.staffId === null || !affected.has(f.staffId));
  const fresh = [...affected].flatMap((id) => personFindings(ix, id, range));
  return sortFindings([...kept, ...fresh]);
};
