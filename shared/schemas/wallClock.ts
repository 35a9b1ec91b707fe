import type { z } from 'zod';
import { addDays, isRepeatedTime, isSkippedTime, minutesOfDay, onceTimeMessage, skippedTimeMessage } from '../domain/dates';
import { isoDateSchema, timeSchema } from './common';

/**
 * Refuses a wall-clock time in the hour the clocks skip, on every form and channel that takes a date and
 * a time: `check(value)` lists the [date, time, field] triples to check. Without it 01:30 on the last
 * Sunday of March would be saved and read as 02:30.
 */
export const refuseSkippedTimes =
  <T>(check: (value: T) => [date: string, time: string, field: string][]) =>
  (value: T, ctx: z.RefinementCtx): void => {
    for (const [date, time, field] of check(value)) {
      // A date or time that does not parse is already reported against its own field; it has no instant.
      if (!isoDateSchema.safeParse(date).success || !timeSchema.safeParse(time).success) continue;
      if (isSkippedTime(date, time)) ctx.addIssue({ code: 'custom', message: skippedTimeMessage(date, time), path: [field] });
    }
  };

/**
 * Refuses a zone given with a wall-clock time that happens once: only 01:00–01:59 on the night the clocks go back comes
 * twice, and only there can a time be the second (GMT). `check(value)` lists the [date, time, zone, field] to check.
 */
export const refuseNeedlessZones =
  <T>(check: (value: T) => [date: string, time: string, zone: string | undefined, field: string][]) =>
  (value: T, ctx: z.RefinementCtx): void => {
    for (const [date, time, zone, field] of check(value)) {
      if (zone === undefined || !isoDateSchema.safeParse(date).success || !timeSchema.safeParse(time).success) continue;
      if (!isRepeatedTime(date, time)) ctx.addIssue({ code: 'custom', message: onceTimeMessage(date, time), path: [field] });
    }
  };

/** The times of a shift: the start on its date, the end on the same day or, past midnight, the next. */
export const shiftTimes = (s: { date: string; start: string; end: string }): [string, string, string][] => [
  [s.date, s.start, 'start'],
  [minutesOfDay(s.end) > minutesOfDay(s.start) ? s.date : addDays(s.date, 1), s.end, 'end'],
];
