/**
 * The shifts of a check grouped by person and sorted by start, built once per check so every rule walks
 * one person's short list instead of the whole rota. A check of one week can ask for the older part of
 * the look-back as weekly totals instead: the averages only add up paid minutes there, and most of the
 * 26 weeks is that older part.
 */
import type { Shift } from '../../schemas/shift';
import type { Site } from '../../schemas/site';
import type { Staff } from '../../schemas/staff';
import type { Span } from '../dates';
import { dayCode, dayNumber, minutesOf, NO_DAY, realMinutes, spanOf, weekOfDay } from './instants';
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
  /** Per person, the paid minutes of the shifts summed instead of listed (see `IndexOptions.summariseBefore`). */
  earlier?: ReadonlyMap<string, EarlierMinutes>;
}

/** A person's paid minutes by the week their shifts start in, for shifts summed rather than listed. */
export interface EarlierMinutes {
  /** `weekOfDay` of `minutes[0]`. */
  firstWeek: number;
  minutes: number[];
}

/** Paid minutes in `earlier` of the shifts starting on or after Monday `mondayDay` (a day number). */
export const earlierMinutesFrom = (earlier: EarlierMinutes | undefined, mondayDay: number): number => {
  if (!earlier) return 0;
  let total = 0;
  for (let k = Math.max(0, weekOfDay(mondayDay) - earlier.firstWeek); k < earlier.minutes.length; k += 1) total += earlier.minutes[k];
  return total;
};

export interface IndexOptions {
  /** Only shifts dated from…to (inclusive) are indexed; the rest of a ten-year history is skipped cheaply. */
  from: string;
  to: string;
  /** Index only these people (a recheck needs no one else). */
  staffIds?: ReadonlySet<string>;
  /** Leave this shift out, e.g. the one being reassigned. */
  excludeShiftId?: string;
  /**
   * Shifts dated before this are not listed in `byStaff` but summed per person and week into `earlier`.
   * Only for rules that need no more than totals of them: the checks of one week pass ten days before
   * its Monday, clear of the fortnight the weekly rest rule walks.
   */
  summariseBefore?: string;
}

const byStart = (a: Entry, b: Entry) =>
  a.span.start - b.span.start || a.span.end - b.span.end || (a.shift.id < b.shift.id ? -1 : a.shift.id > b.shift.id ? 1 : 0);

const isSorted = (list: readonly Entry[]): boolean => {
  for (let i = 1; i < list.length; i += 1) if (byStart(list[i - 1], list[i]) > 0) return false;
  return true;
};

/** Sorts a person's entries by start in place, as the index holds them. */
export const sortEntries = (list: Entry[]): Entry[] => {
  // Shifts usually arrive nearly in order (by month, then site); checking costs less than sorting.
  if (isSorted(list)) return list;
  if (list.length > 64) return list.sort(byStart);
  // A short list is insertion-sorted in place: Array.prototype.sort allocates work arrays on every call,
  // and a week check sorts a list per person. Stable, like Array.prototype.sort.
  for (let i = 1; i < list.length; i += 1) {
    const e = list[i];
    let j = i;
    while (j > 0 && byStart(list[j - 1], e) > 0) {
      list[j] = list[j - 1];
      j -= 1;
    }
    list[j] = e;
  }
  return list;
};

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
  const { from, to, staffIds, excludeShiftId, summariseBefore } = opts;
  // Summing needs day numbers for the range; without them every shift is simply listed.
  const firstWeek = weekOfDay(dayNumber(from));
  const weeks = weekOfDay(dayNumber(summariseBefore ?? '')) - firstWeek + 1;
  const earlier = weeks > 0 ? new Map<string, EarlierMinutes>() : undefined;
  for (const shift of ctx.shifts) {
    const id = shift.staffId;
    // The person first: a recheck indexes one or two people out of hundreds.
    if (id === null || (staffIds && !staffIds.has(id))) continue;
    if (shift.deleted || shift.date < from || shift.date > to || shift.id === excludeShiftId) continue;
    if (earlier && shift.date < summariseBefore!) {
      const day = dayCode(shift.date);
      // A shift with a start before 24:00 starts on its own date.
      const week = day === NO_DAY ? -1 : weekOfDay(day) - firstWeek;
      const minutes = week >= 0 && week < weeks ? realMinutes(day, minutesOf(shift.start), minutesOf(shift.end)) : NaN;
      // Clock changes, and anything malformed (NaN fails every test), are listed instead, where the rules
      // see them exactly as before.
      if (minutes === minutes) {
        let sums = earlier.get(id);
        if (!sums) earlier.set(id, (sums = { firstWeek, minutes: new Array<number>(weeks).fill(0) }));
        sums.minutes[week] += Math.max(0, minutes - shift.breakMinutes);
        continue;
      }
    }
    const list = byStaff.get(id);
    if (list) list.push(entryOf(shift));
    else byStaff.set(id, [entryOf(shift)]);
  }
  for (const list of byStaff.values()) sortEntries(list);
  return indexWith(ctx, byStaff, earlier);
};

/** An index of lists already made, with the context's staff, sites and settings. */
export const indexWith = (ctx: RotaContext, byStaff: Map<string, Entry[]>, earlier?: ReadonlyMap<string, EarlierMinutes>): RotaIndex => ({
  settings: ctx.settings,
  staff: staffMap(ctx.staff),
  sites: new Map(ctx.sites.map((s) => [s.code, s])),
  bankHolidays: new Set(ctx.bankHolidays),
  byStaff,
  earlier,
});

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
