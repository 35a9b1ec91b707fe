/** Re-checking a week after an edit, touching only the people the edit can affect. */
import { indexForWeek, personFindings } from './checkWeek';
import { compareFindings, sortFindings } from './sortFindings';
import type { Finding, RotaChange, RotaContext } from './types';
import { weekRange } from './week';

/** The people an edit can affect: the staff named, and whoever held the changed shifts before and after. */
export const affectedStaff = (ctx: RotaContext, change: RotaChange): Set<string> => {
  const affected = new Set<string>(change.staffIds ?? []);
  for (const s of change.before ?? []) if (s.staffId) affected.add(s.staffId);
  for (const s of change.after ?? []) if (s.staffId) affected.add(s.staffId);
  // Who holds a changed shift now is looked up in the context, unless its current version was given.
  const given = new Set((change.after ?? []).map((s) => s.id));
  const ids = new Set<string>();
  for (const id of change.shiftIds ?? []) if (!given.has(id)) ids.add(id);
  for (const s of change.before ?? []) if (!given.has(s.id)) ids.add(s.id);
  if (ids.size > 0) for (const s of ctx.shifts) if (s.staffId && ids.has(s.id)) affected.add(s.staffId);
  return affected;
};

/** `sortFindings([...kept, ...fresh])`, merging rather than sorting again when `kept` is in order already. */
const merge = (kept: Finding[], fresh: Finding[]): Finding[] => {
  for (let i = 1; i < kept.length; i += 1) if (compareFindings(kept[i - 1], kept[i]) > 0) return sortFindings([...kept, ...fresh]);
  sortFindings(fresh);
  const out: Finding[] = [];
  let i = 0;
  let j = 0;
  // Ties go to `kept`, just as a stable sort of kept-then-fresh would leave them.
  while (i < kept.length && j < fresh.length) out.push(compareFindings(kept[i], fresh[j]) <= 0 ? kept[i++] : fresh[j++]);
  while (i < kept.length) out.push(kept[i++]);
  while (j < fresh.length) out.push(fresh[j++]);
  return out;
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
  return merge(kept, fresh);
};
