/**
 * The shifts of a check grouped by person and sorted by start, built once per check so every rule walks
 * one person's short list instead of the whole rota.
 */
import type { Shift } from '../../schemas/shift';
import type { Site } from '../../schemas/site';
import type { Staff } from '../../schemas/staff';
import type { Span } from '../dates';
import { spanOf } from './instants';
import type { RotaContext, RuleSettings } from './types';

/** A worked shift with its real instants and paid minutes worked out once. */
export interface Entry {
  shift: Shift;
  span: Span;
  paid: number;
}

export interface RotaIndex {
  settings: RuleSettings;
  staff: ReadonlyMap<string, Staff>;
  sites: ReadonlyMap<string, Site>;
  bankHolidays: ReadonlySet<string>;
  byStaff: Map<string, Entry[]>;
}

export interface IndexOptions {
  /** Only shifts dated from…to (inclusive) are indexed; the rest of a ten-year history is skipped cheaply. */
  from: string;
  to: string;
  /** Index only these people (a recheck needs no one else). */
  staffIds?: ReadonlySet<string>;
  /** Leave this shift out, e.g. the one being reassigned. */
  excludeShiftId?: string;
}

const byStart = (a: Entry, b: Entry) =>
  a.span.start - b.span.start || a.span.end - b.span.end || (a.shift.id < b.shift.id ? -1 : a.shift.id > b.shift.id ? 1 : 0);

/** A shift as the index holds it. */
export const entryOf = (shift: Shift): Entry => {
  const span = spanOf(shift.date, shift.start, shift.end);
  // paidMinutes, on the span already worked out.
  return { shift, span, paid: Math.max(0, Math.round((span.end - span.start) / 60_000) - shift.breakMinutes) };
};

/** Staff records by id, whichever form the context holds them in. */
export const staffMap = (staff: RotaContext['staff']): ReadonlyMap<string, Staff> =>
  staff instanceof Map ? staff : new Map((staff as readonly Staff[]).map((s) => [s.id, s]));

/** Index the assigned, live shifts of the context in the date range, grouped by person. */
export const buildIndex = (ctx: RotaContext, opts: IndexOptions): RotaIndex => {
  const byStaff = new Map<string, Entry[]>();
  for (const shift of ctx.shifts) {
    const id = shift.staffId;
    if (id === null || shift.deleted || shift.date < opts.from || shift.date > opts.to) continue;
    if (shift.id === opts.excludeShiftId || (opts.staffIds && !opts.staffIds.has(id))) continue;
    const list = byStaff.get(id);
    if (list) list.push(entryOf(shift));
    else byStaff.set(id, [entryOf(shift)]);
  }
  for (const list of byStaff.values()) list.sort(byStart);
  return {
    settings: ctx.settings,
    staff: staffMap(ctx.staff),
    sites: new Map(ctx.sites.map((s) => [s.code, s])),
    bankHolidays: new Set(ctx.bankHolidays),
    byStaff,
  };
};

/** Put an assigned shift into the index, keeping the person's list sorted. */
export const insertEntry = (ix: RotaIndex, shift: Shift & { staffId: string }): Entry => {
  const entry = entryOf(shift);
  const list = ix.byStaff.get(shift.staffId) ?? [];
  let at = list.length;
  while (at > 0 && byStart(list[at - 1], entry) > 0) at -= 1;
  list.splice(at, 0, entry);
  ix.byStaff.set(shift.staffId, list);
  return entry;
};

/** Take an entry back out of the index (after trying a candidate). */
export const removeEntry = (ix: RotaIndex, staffId: string, entry: Entry): void => {
  const list = ix.byStaff.get(staffId);
  if (!list) return;
  const at = list.indexOf(entry);
  if (at >= 0) list.splice(at, 1);
  if (list.length === 0) ix.byStaff.delete(staffId);
};
