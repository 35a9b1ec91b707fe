/** Re-checking a week after an edit, touching only the people the edit can affect. */
import { indexForWeek, personFindings, weekIndexes, type WeekIndex } from './checkWeek';
import { entryOf, indexWith, sortEntries, type EarlierMinutes, type Entry, type RotaIndex } from './rotaIndex';
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

type Lists = Map<string, Entry[]>;

/** `known` with the given people's lists and sums replaced (a person with no list is dropped). */
const withPeople = (
  known: WeekIndex,
  people: ReadonlySet<string>,
  lists: ReadonlyMap<string, Entry[]>,
  earlier: ReadonlyMap<string, EarlierMinutes> | undefined,
): WeekIndex => {
  const byStaff = new Map(known.byStaff);
  const sums = known.earlier && new Map(known.earlier);
  for (const id of people) {
    const list = lists.get(id);
    if (list) byStaff.set(id, list);
    else byStaff.delete(id);
    const sum = earlier?.get(id);
    if (sum) sums?.set(id, sum);
    else sums?.delete(id);
  }
  return { ...known, byStaff, earlier: sums };
};

/**
 * The affected people's lists after `change`, worked out from the index behind `previous` without
 * looking at the rest of the rota; null when that index cannot be trusted to give them. It can when the
 * previous check was of the same week under the same settings, every changed shift is given as it was
 * and as it is (so no one who held one is missed), and none of them is in the part of the look-back that
 * was only summed.
 */
const listsFromPrevious = (
  known: WeekIndex | undefined,
  ctx: RotaContext,
  weekStartIso: string,
  change: RotaChange,
  affected: ReadonlySet<string>,
): Lists | null => {
  if (!known || known.weekStartIso !== weekStartIso || known.settings !== ctx.settings) return null;
  const before = change.before ?? [];
  const after = change.after ?? [];
  const { from, to, summariseBefore = from } = known.options;
  const ids = new Set(change.shiftIds ?? []);
  for (const s of [...before, ...after]) {
    if (s.date >= from && s.date < summariseBefore) return null;
    ids.add(s.id);
  }
  for (const id of ids) if (!before.some((s) => s.id === id) || !after.some((s) => s.id === id)) return null;
  const lists: Lists = new Map();
  for (const id of affected) {
    const list = (known.byStaff.get(id) ?? []).filter((e) => !ids.has(e.shift.id));
    // As buildIndex would take them.
    for (const s of after) if (s.staffId === id && !s.deleted && s.date >= from && s.date <= to) list.push(entryOf(s));
    if (list.length > 0) lists.set(id, sortEntries(list));
  }
  return lists;
};

/**
 * The findings `checkWeek(ctx, weekStartIso)` would give, reusing `previous` (a check of the same week
 * before the edit) for everyone the edit cannot affect. Rules only ever look at one person's shifts, so
 * anyone else's findings are unchanged. A change to settings, sites or bank holidays needs a full check.
 * When `previous` came from checkWeek or recheck and the change gives every changed shift before and
 * after, the affected people's shifts come from the index behind `previous`; otherwise they are searched
 * for in the context.
 */
export const recheck = (previous: readonly Finding[], ctx: RotaContext, weekStartIso: string, change: RotaChange): Finding[] => {
  const affected = affectedStaff(ctx, change);
  const range = weekRange(weekStartIso);
  const known = weekIndexes.get(previous);
  const reused = listsFromPrevious(known, ctx, weekStartIso, change, affected);
  const ix: RotaIndex = reused ? indexWith(ctx, reused, known!.earlier) : indexForWeek(ctx, range, affected);
  const kept = previous.filter((f) => f.staffId === null || !affected.has(f.staffId));
  const fresh = [...affected].flatMap((id) => personFindings(ix, id, range));
  const findings = merge(kept, fresh);
  // The index behind these findings, for the next recheck: the previous one with the affected people
  // replaced. A searched-for index can stand in for them only if no one who held a changed shift before
  // the edit can have been missed.
  const changed = [...(change.shiftIds ?? []), ...(change.after ?? []).map((s) => s.id)];
  const complete = reused !== null || changed.every((id) => change.before?.some((s) => s.id === id));
  if (known && complete && known.weekStartIso === weekStartIso && known.settings === ctx.settings)
    weekIndexes.set(findings, withPeople(known, affected, ix.byStaff, ix.earlier));
  return findings;
};
