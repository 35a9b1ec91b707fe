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
  /**
   * The sums of the shifts dated from `from` to before `summariseBefore`, worked out by the caller
   * (`sumPaidBefore`), who then leaves the shifts summed out of the context: every shift the context
   * holds is listed. Saves reading the ~25,000 shifts of a 26-week look-back again for every week.
   */
  presummed?: ReadonlyMap<string, EarlierMinutes>;
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
  const { from, to, staffIds, excludeShiftId, summariseBefore, presummed } = opts;
  // Summing needs day numbers for the range; without them every shift is simply listed.
  const firstWeek = weekOfDay(dayNumber(from));
  const weeks = weekOfDay(dayNumber(summariseBefore ?? '')) - firstWeek + 1;
  const earlier = presummed ?? (weeks > 0 ? new Map<string, EarlierMinutes>() : undefined);
  const summing = !presummed && earlier !== undefined;
  for (const shift of ctx.shifts) {
    const id = shift.staffId;
    // The person first: a recheck indexes one or two people out of hundreds.
    if (id === null || (staffIds && !staffIds.has(id))) continue;
    if (shift.deleted || shift.date < from || shift.date > to || shift.id === excludeShiftId) continue;
    if (summing && shift.date < summariseBefore!) {
      const day = dayCode(shift.date);
      // A shift with a start before 24:00 starts on its own date.
      const week = day === NO_DAY ? -1 : weekOfDay(day) - firstWeek;
      const minutes = week >= 0 && week < weeks ? realMinutes(day, minutesOf(shift.start), minutesOf(shift.end)) : NaN;
      // Clock changes, and anything malformed (NaN fails every test), are listed instead, where the rules
      // see them exactly as before.
      if (minutes === minutes) {
        const sumsOf = earlier as Map<string, EarlierMinutes>;
        let sums = sumsOf.get(id);
        if (!sums) sumsOf.set(id, (sums = { firstWeek, minutes: new Array<number>(weeks).fill(0) }));
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

/**
 * A list of shifts (one shift file's, say) reduced to what the summed part of a look-back needs: each
 * assigned, live shift's person, day and paid minutes, in flat arrays. Shifts the sum cannot take (a
 * clock change, a date or time it does not read) are kept whole in `unsummed`, to be listed as
 * `buildIndex` lists them. Worked out once per list, it lets every week whose look-back covers those
 * shifts add them up without reading the shifts again.
 */
export interface PaidByDay {
  /** The people, each once; `who` holds indexes into it. */
  staff: string[];
  who: Int32Array;
  day: Int32Array;
  paid: Float64Array;
  /** The dates, for the `from` and `summariseBefore` bounds compared as `buildIndex` compares them. */
  dates: string[];
  /** The first and last of `dates` ('' when there are none), so a list wholly inside the bounds is not compared date by date. */
  first: string;
  last: string;
  unsummed: Shift[];
}

/** `PaidByDay` of a list of shifts. */
export const paidByDay = (shifts: readonly Shift[]): PaidByDay => {
  const staff: string[] = [];
  const slot = new Map<string, number>();
  const who: number[] = [];
  const day: number[] = [];
  const paid: number[] = [];
  const dates: string[] = [];
  const unsummed: Shift[] = [];
  for (const shift of shifts) {
    const id = shift.staffId;
    if (id === null || shift.deleted) continue;
    const d = dayCode(shift.date);
    // The same test as buildIndex's: NaN (a clock change, anything malformed) fails it.
    const minutes = d === NO_DAY ? NaN : realMinutes(d, minutesOf(shift.start), minutesOf(shift.end));
    if (minutes !== minutes) {
      unsummed.push(shift);
      continue;
    }
    let at = slot.get(id);
    if (at === undefined) {
      at = staff.length;
      staff.push(id);
      slot.set(id, at);
    }
    who.push(at);
    day.push(d);
    paid.push(Math.max(0, minutes - shift.breakMinutes));
    dates.push(shift.date);
  }
  let first = '';
  let last = '';
  for (const date of dates) {
    if (first === '' || date < first) first = date;
    if (date > last) last = date;
  }
  return { staff, who: Int32Array.from(who), day: Int32Array.from(day), paid: Float64Array.from(paid), dates, first, last, unsummed };
};

/**
 * What `buildIndex` sums for shifts dated from `from` to before `summariseBefore`, from the `PaidByDay`
 * of lists holding every shift of those dates (shifts of other dates in them are left out), and the
 * shifts of those dates it lists instead. Null when `buildIndex` would sum nothing for these bounds.
 * Minutes are whole numbers, so the sums do not depend on the order they are added in.
 */
export const sumPaidBefore = (
  parts: readonly PaidByDay[],
  from: string,
  summariseBefore: string,
): { earlier: Map<string, EarlierMinutes>; unsummed: Shift[] } | null => {
  const firstWeek = weekOfDay(dayNumber(from));
  const weeks = weekOfDay(dayNumber(summariseBefore)) - firstWeek + 1;
  if (!(weeks > 0)) return null;
  const earlier = new Map<string, EarlierMinutes>();
  const unsummed: Shift[] = [];
  for (const part of parts) {
    const sums: (EarlierMinutes | undefined)[] = new Array(part.staff.length);
    const inside = part.first >= from && part.last < summariseBefore;
    const outside = part.last < from || part.first >= summariseBefore;
    for (let i = 0; !outside && i < part.who.length; i += 1) {
      if (!inside) {
        const date = part.dates[i];
        if (date < from || date >= summariseBefore) continue;
      }
      const at = part.who[i];
      let mine = sums[at];
      if (mine === undefined) {
        const id = part.staff[at];
        mine = earlier.get(id);
        if (!mine) earlier.set(id, (mine = { firstWeek, minutes: new Array<number>(weeks).fill(0) }));
        sums[at] = mine;
      }
      mine.minutes[weekOfDay(part.day[i]) - firstWeek] += part.paid[i];
    }
    for (const shift of part.unsummed) if (shift.date >= from && shift.date < summariseBefore) unsummed.push(shift);
  }
  return { earlier, unsummed };
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
