/** One person's shifts as the rules see them for one week: the week's own shifts plus their history. */
import type { Site } from '../../schemas/site';
import type { Staff } from '../../schemas/staff';
import type { EarlierMinutes, Entry, RotaIndex } from './rotaIndex';
import type { RuleSettings } from './types';
import type { WeekRange } from './week';

export interface PersonWeek {
  staff: Staff;
  /** All the person's indexed shifts, sorted by start (those summed into `earlier` aside). */
  entries: readonly Entry[];
  /** Paid minutes by week of the person's older shifts, when the index summed them instead of listing them. */
  earlier: EarlierMinutes | undefined;
  /** Index in `entries` of the first shift dated in the week. */
  first: number;
  /** The shifts dated in the week (a contiguous run of `entries`). */
  week: readonly Entry[];
  /** For each shift of the week, the earlier shift (from two days before the week) that ends last. */
  previous: readonly (Entry | null)[];
  range: WeekRange;
  settings: RuleSettings;
  sites: ReadonlyMap<string, Site>;
}

const TWO_DAYS_MS = 48 * 3_600_000;

const firstAtOrAfter = (entries: readonly Entry[], ms: number): number => {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (entries[mid].span.start < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};

/** The person's view of the week, or null when they have no shift in it. */
export const personWeek = (ix: RotaIndex, staff: Staff, range: WeekRange): PersonWeek | null => {
  const entries = ix.byStaff.get(staff.id) ?? [];
  // A shift's date is the London date it starts on, so "dated in the week" is "starts in the week".
  const first = firstAtOrAfter(entries, range.startMs);
  const last = firstAtOrAfter(entries, range.endMs);
  if (first === last) return null;
  const previous: (Entry | null)[] = [];
  let latest: Entry | null = null;
  // Rest rules care about short rests only; a shift starting two days before the week cannot end within
  // a day of it, so earlier history need not be walked.
  for (let i = firstAtOrAfter(entries, range.startMs - TWO_DAYS_MS); i < last; i += 1) {
    if (i >= first) previous.push(latest);
    if (!latest || entries[i].span.end > latest.span.end) latest = entries[i];
  }
  return {
    staff,
    entries,
    earlier: ix.earlier?.get(staff.id),
    first,
    week: entries.slice(first, last),
    previous,
    range,
    settings: ix.settings,
    sites: ix.sites,
  };
};
