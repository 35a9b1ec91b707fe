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

const digit = (s: string, i: number): number => {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : NaN;
};

/** Days from 1970-01-01 to the proleptic Gregorian date y-m-d (m 1–12; d may run past the month's end). */
const daysFromCivil = (y: number, m: number, d: number): number => {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
};

/**
 * Days since 1970-01-01 of a `yyyy-mm-dd` date, or NaN when the string is not one (or lies outside the
 * years the arithmetic covers). Two dates' numbers differ by the calendar days between them.
 */
export const dayNumber = (isoDate: string): number => {
  if (isoDate.length !== 10 || isoDate.charCodeAt(4) !== 45 || isoDate.charCodeAt(7) !== 45) return NaN;
  const y = digit(isoDate, 0) * 1000 + digit(isoDate, 1) * 100 + digit(isoDate, 2) * 10 + digit(isoDate, 3);
  const m = digit(isoDate, 5) * 10 + digit(isoDate, 6);
  const d = digit(isoDate, 8) * 10 + digit(isoDate, 9);
  // NaN fails every comparison, so a stray character lands here too.
  if (!(y >= FIRST_YEAR && y <= LAST_YEAR && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return NaN;
  return daysFromCivil(y, m, d);
};

/** The `yyyy-mm-dd` of a day number. */
export const isoOfDay = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);

/** Minutes after midnight of an `hh:mm` time from 00:00 to 24:00, or -1 for anything else. */
export const minutesOf = (time: string): number => {
  if (time.length !== 5 || time.charCodeAt(2) !== 58) return -1;
  const h = digit(time, 0) * 10 + digit(time, 1);
  const m = digit(time, 3) * 10 + digit(time, 4);
  if (!(m >= 0 && m <= 59 && h >= 0 && (h < 24 || (h === 24 && m === 0)))) return -1;
  return h * 60 + m;
};

const midnights = new Map<number, number>();
const regularMidnights = new Map<number, number>();

/** The instant London's day `day` starts, from the time-zone maths, cached. */
const midnight = (day: number): number => remember(midnights, day, () => londonInstant(isoOfDay(day), '00:00'));

/** The midnight starting London day `day` when that day is exactly 24 hours long (no clock change); NaN otherwise. */
const regularMidnight = (day: number): number => {
  const hit = regularMidnights.get(day);
  if (hit !== undefined) return hit;
  const start = midnight(day);
  return remember(regularMidnights, day, () => (midnight(day + 1) - start === DAY ? start : NaN));
};

/** `londonInstant`, by arithmetic on days without a clock change and cached maths on the rest. */
export const instantAt = (isoDate: string, time: string): number => {
  const day = dayNumber(isoDate);
  const mins = minutesOf(time);
  if (mins >= 0) {
    const start = day === day ? regularMidnight(day) : NaN;
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
  const day = dayNumber(isoDate);
  return (day === day ? fastSpan(day, start, end) : null) ?? exactSpan(isoDate, start, end);
};

/** `spanOf` for the day with number `day` (from `dayNumber`). */
export const spanOnDay = (day: number, start: string, end: string): Span => fastSpan(day, start, end) ?? exactSpan(isoOfDay(day), start, end);

/**
 * Writes the span of a shift into `out` and returns the number of the London day its start falls on
 * (the shift's date, or the next day for a 24:00 start). Nothing is allocated on a day without a clock
 * change. Returns NaN, leaving `out` alone, when the date or a time is not well-formed.
 */
export const spanInto = (out: Span, isoDate: string, start: string, end: string): number => {
  const day = dayNumber(isoDate);
  const s = minutesOf(start);
  const e = minutesOf(end);
  if (day !== day || s < 0 || e < 0) return NaN;
  const first = s < 1440 ? regularMidnight(day) : NaN;
  const next = e <= s ? regularMidnight(day + 1) : first;
  if (first === first && next === next) {
    out.start = first + s * MINUTE;
    out.end = (e <= s ? next : first) + e * MINUTE;
    return day;
  }
  const span = exactSpan(isoDate, start, end);
  out.start = span.start;
  out.end = span.end;
  return span.start >= midnight(day + 1) ? day + 1 : day;
};

/** A number for the Monday-to-Sunday week a day number falls in (day 0, 1 January 1970, was a Thursday). */
export const weekOfDay = (day: number): number => Math.floor((day + 3) / 7);

/** `addDays`, cached: the rules step a day either side of every shift. */
export const dayAfter = (isoDate: string, n: number): string => remember(dayCache, `${isoDate} ${n}`, () => addDays(isoDate, n));

/** `minutesOfDay`, without splitting the string for well-formed times. */
export const minutesOfTime = (time: string): number => {
  const mins = minutesOf(time);
  return mins >= 0 ? mins : minutesOfDay(time);
};

/** The last London date a shift covers: the next day for a night shift, unless it ends exactly at midnight. */
export const lastDateOf = (shift: { date: string; start: string; end: string }): string =>
  minutesOfTime(shift.end) <= minutesOfTime(shift.start) && shift.end !== '00:00' ? dayAfter(shift.date, 1) : shift.date;
