/**
 * Memoised wall-clock → instant conversion. A week's check turns tens of thousands of shift times into
 * instants, yet a rota only uses a few hundred distinct (date, time) pairs; the time-zone maths stays in
 * dates.ts and is only cached here.
 */
import { addDays, londonInstant, minutesOfDay, shiftSpan, type Span } from '../dates';

const MAX_ENTRIES = 200_000;
const instantCache = new Map<string, number>();
const spanCache = new Map<string, Span>();
const dayCache = new Map<string, string>();

const remember = <T>(cache: Map<string, T>, key: string, make: () => T): T => {
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  // Ten years of history is far below the cap; clearing keeps a long-running app bounded anyway.
  if (cache.size >= MAX_ENTRIES) cache.clear();
  const value = make();
  cache.set(key, value);
  return value;
};

/** `londonInstant`, cached. */
export const instantAt = (isoDate: string, time: string): number =>
  remember(instantCache, `${isoDate} ${time}`, () => londonInstant(isoDate, time));

/** `shiftSpan`, cached; callers must not mutate the returned span. */
export const spanOf = (isoDate: string, start: string, end: string): Span =>
  remember(spanCache, `${isoDate} ${start} ${end}`, () => shiftSpan(isoDate, start, end));

/** `addDays`, cached: the rules step a day either side of every shift. */
export const dayAfter = (isoDate: string, n: number): string => remember(dayCache, `${isoDate} ${n}`, () => addDays(isoDate, n));

/** The last London date a shift covers: the next day for a night shift, unless it ends exactly at midnight. */
export const lastDateOf = (shift: { date: string; start: string; end: string }): string =>
  minutesOfDay(shift.end) <= minutesOfDay(shift.start) && shift.end !== '00:00' ? dayAfter(shift.date, 1) : shift.date;
