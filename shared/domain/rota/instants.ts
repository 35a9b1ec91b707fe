/**
 * Fast wall-clock → instant conversion for the rules engine. A week's check turns tens of thousands of
 * shift times into instants, so the common case is plain arithmetic: a London day without a clock change
 * is 24 hours long, and a time on it is its midnight plus the minutes since. The midnights themselves and
 * every day the clocks change on still go through the time-zone maths in dates.ts (cached), so the
 * arithmetic can never disagree with it.
 */
import { addDays, londonInstant, minutesOfDay, shiftSpan, type Span } from '../dates';

const MINUTE = 60_000;
const DAY = 86_400_000;
const MAX_ENTRIES = 200_000;
const instantCache = new Map<string, number>();
const spanCache = new Map<string, Span>();
const dayCache = new Map<string, string>();

const remember = <T>(cache: Map<string | number, T>, key: string | number, make: () => T): T => {
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  // Ten years of history is far below the cap; clearing keeps a long-running app bounded anyway.
  if (cache.size >= MAX_ENTRIES) cache.clear();
  const value = make();
  cache.set(key, value);
  return value;
};

// Years the arithmetic is used for; anything else takes the time-zone maths directly.
const FIRST_YEAR = 1900;
const LAST_YEAR = 2199;

// Days before the first of each month in a common year.
const BEFORE_MONTH = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

/** What dayCode gives for anything that is not a date it covers; far outside any day number. */
export const NO_DAY = -0x40000000;

/**
 * dayNumber, but NO_DAY instead of NaN: only small integers, so that in a hot loop the day is never boxed
 * (a function that can return NaN returns doubles, and a double passed on or used as a key is boxed).
 */
export const dayCode = (isoDate: string): number => {
  if (isoDate.length !== 10 || isoDate.charCodeAt(4) !== 45 || isoDate.charCodeAt(7) !== 45) return NO_DAY;
  const y0 = isoDate.charCodeAt(0) - 48;
  const y1 = isoDate.charCodeAt(1) - 48;
  const y2 = isoDate.charCodeAt(2) - 48;
  const y3 = isoDate.charCodeAt(3) - 48;
  const m0 = isoDate.charCodeAt(5) - 48;
  const m1 = isoDate.charCodeAt(6) - 48;
  const d0 = isoDate.charCodeAt(8) - 48;
  const d1 = isoDate.charCodeAt(9) - 48;
  // Unsigned, a character below '0' is huge too.
  if (y0 >>> 0 > 9 || y1 >>> 0 > 9 || y2 >>> 0 > 9 || y3 >>> 0 > 9 || m0 >>> 0 > 9 || m1 >>> 0 > 9 || d0 >>> 0 > 9 || d1 >>> 0 > 9)
    return NO_DAY;
  const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const m = m0 * 10 + m1;
  const d = d0 * 10 + d1;
  if (y < FIRST_YEAR || y > LAST_YEAR || m < 1 || m > 12 || d < 1 || d > 31) return NO_DAY;
  // Leap days before this year (counted from year 0), less those before 1970.
  const p = y - 1;
  const leaps = ((p / 4) | 0) - ((p / 100) | 0) + ((p / 400) | 0) - 477;
  const leapThisYear = m > 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 1 : 0;
  return ((y - 1970) * 365 + leaps + BEFORE_MONTH[m] + leapThisYear + d - 1) | 0;
};

/**
 * Days since 1970-01-01 of a `yyyy-mm-dd` date, or NaN when the string is not one (or lies outside the
 * years the arithmetic covers). Two dates' numbers differ by the calendar days between them; a day past
 * the end of its month counts on into the next, as Date.UTC does.
 */
export const dayNumber = (isoDate: string): number => {
  const day = dayCode(isoDate);
  return day === NO_DAY ? NaN : day;
};

/** The `yyyy-mm-dd` of a day number. */
export const isoOfDay = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);

/** Minutes after midnight of an `hh:mm` time from 00:00 to 24:00, or -1 for anything else. */
export const minutesOf = (time: string): number => {
  if (time.length !== 5 || time.charCodeAt(2) !== 58) return -1;
  const h0 = time.charCodeAt(0) - 48;
  const h1 = time.charCodeAt(1) - 48;
  const m0 = time.charCodeAt(3) - 48;
  const m1 = time.charCodeAt(4) - 48;
  if (h0 >>> 0 > 9 || h1 >>> 0 > 9 || m0 >>> 0 > 5 || m1 >>> 0 > 9) return -1;
  const h = h0 * 10 + h1;
  const m = m0 * 10 + m1;
  return h < 24 || (h === 24 && m === 0) ? h * 60 + m : -1;
};

const midnights = new Map<number, number>();
const regularMidnights = new Map<number, number>();

/** The instant London's day `day` starts, from the time-zone maths, cached. */
const midnight = (day: number): number => remember(midnights, day, () => londonInstant(isoOfDay(day), '00:00'));

// The days from 2000 to 2089 in a typed array: read without a hash lookup and without boxing a number,
// which a Map with number keys and values costs on every shift. 0 is "not worked out yet" (no London
// midnight falls on the epoch) and NaN a day with a clock change.
const TABLE_FIRST_DAY = 10_957;
const regularTable = new Float64Array(32_768);

const regularMidnightOf = (day: number): number => {
  const start = midnight(day);
  return midnight(day + 1) - start === DAY ? start : NaN;
};

/** The midnight starting London day `day` when that day is exactly 24 hours long (no clock change); NaN otherwise. */
const regularMidnight = (day: number): number => {
  const slot = day - TABLE_FIRST_DAY;
  if (slot >= 0 && slot < regularTable.length) {
    const hit = regularTable[slot];
    if (hit !== 0) return hit;
    return (regularTable[slot] = regularMidnightOf(day));
  }
  if (day !== Math.floor(day)) return NaN;
  return remember(regularMidnights, day, () => regularMidnightOf(day));
};

/** Whether London day `day` is exactly 24 hours long; a boolean, so nothing is boxed on the way out. */
export const isRegularDay = (day: number): boolean => {
  const slot = day - TABLE_FIRST_DAY;
  if (slot >= 0 && slot < regularTable.length) {
    const hit = regularTable[slot];
    if (hit !== 0) return hit === hit;
  }
  const start = regularMidnight(day);
  return start === start;
};

/** `londonInstant`, by arithmetic on days without a clock change and cached maths on the rest. */
export const instantAt = (isoDate: string, time: string): number => {
  const day = dayCode(isoDate);
  const mins = minutesOf(time);
  if (mins >= 0) {
    const start = day !== NO_DAY ? regularMidnight(day) : NaN;
    // A 24-hour day: 24:00 is the next midnight, which is also this one plus 1,440 minutes.
    if (start === start) return start + mins * MINUTE;
  }
  return remember(instantCache, `${isoDate} ${time}`, () => londonInstant(isoDate, time));
};

/** `shiftSpan` of a shift on day number `day` by arithmetic, or null when the maths must decide. */
const fastSpan = (day: number, start: string, end: string): Span | null => {
  const s = minutesOf(start);
  const e = minutesOf(end);
  if (s < 0 || s >= 1440 || e < 0) return null;
  const first = regularMidnight(day);
  if (first !== first) return null;
  // An end at or before the start is on the next day (which must then be a 24-hour day too).
  if (e <= s) {
    const next = regularMidnight(day + 1);
    return next === next ? { start: first + s * MINUTE, end: next + e * MINUTE } : null;
  }
  // 24:00 on a 24-hour day is the next midnight.
  return { start: first + s * MINUTE, end: first + e * MINUTE };
};

const exactSpan = (isoDate: string, start: string, end: string): Span =>
  remember(spanCache, `${isoDate} ${start} ${end}`, () => shiftSpan(isoDate, start, end));

/** `shiftSpan`, by arithmetic where no clock change is involved and cached maths otherwise; callers must not mutate the returned span. */
export const spanOf = (isoDate: string, start: string, end: string): Span => {
  const day = dayCode(isoDate);
  return (day !== NO_DAY ? fastSpan(day, start, end) : null) ?? exactSpan(isoDate, start, end);
};

/** `spanOf` for the day with number `day` (from `dayNumber`). */
export const spanOnDay = (day: number, start: string, end: string): Span =>
  fastSpan(day, start, end) ?? exactSpan(isoOfDay(day), start, end);

/**
 * Real minutes from start to end of a shift on day number `day`, its times given as `minutesOf` reads
 * them, worked out without allocating anything: what `spanMinutes(spanOf(…))` gives, as long as no clock
 * change is involved. NaN when one is (or a time is out of range), for the caller to take the slow path.
 */
export const realMinutes = (day: number, start: number, end: number): number => {
  if (start < 0 || start >= 1440 || end < 0 || !isRegularDay(day)) return NaN;
  if (end > start) return end - start;
  return isRegularDay(day + 1) ? end + 1440 - start : NaN;
};

/** A number for the Monday-to-Sunday week a day number falls in (day 0, 1 January 1970, was a Thursday). */
export const weekOfDay = (day: number): number => Math.floor((day + 3) / 7);

// The day either side, by the date alone: no key to build, and a date string hashes once.
const neighbours = new Map<string, [string, string]>();

/** `addDays`, cached: the rules step a day either side of every shift. */
export const dayAfter = (isoDate: string, n: number): string => {
  if (n === 1 || n === -1) {
    let pair = neighbours.get(isoDate);
    if (pair === undefined) {
      if (neighbours.size >= MAX_ENTRIES) neighbours.clear();
      pair = [addDays(isoDate, -1), addDays(isoDate, 1)];
      neighbours.set(isoDate, pair);
    }
    return n === 1 ? pair[1] : pair[0];
  }
  return remember(dayCache, `${isoDate} ${n}`, () => addDays(isoDate, n));
};

/** `minutesOfDay`, without splitting the string for well-formed times. */
export const minutesOfTime = (time: string): number => {
  const mins = minutesOf(time);
  return mins >= 0 ? mins : minutesOfDay(time);
};

/** The last London date a shift covers: the next day for a night shift, unless it ends exactly at midnight. */
export const lastDateOf = (shift: { date: string; start: string; end: string }): string =>
  minutesOfTime(shift.end) <= minutesOfTime(shift.start) && shift.end !== '00:00' ? dayAfter(shift.date, 1) : shift.date;
