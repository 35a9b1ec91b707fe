/** Time a span spends inside a window that recurs every night, such as 23:00–06:00. */
import { overlapMinutes, type Span } from '../dates';
import { dayAfter, dayNumber, spanOf, spanOnDay } from './instants';

/**
 * Minutes of `span` inside the daily window `from`–`to` (past midnight when `to <= from`). `date` is the
 * London date the span starts on; shifts last at most a day, so the windows of the day before, the day
 * itself and the day after are all that can touch it.
 */
export const minutesInDailyWindow = (span: Span, date: string, from: string, to: string): number => {
  let total = 0;
  const day = dayNumber(date);
  for (let d = -1; d <= 1; d += 1)
    total += overlapMinutes(span, day === day ? spanOnDay(day + d, from, to) : spanOf(dayAfter(date, d), from, to));
  return total;
};
