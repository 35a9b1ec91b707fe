import type { TodayRow } from '../../../shared/contract/today';
import { addDays, isSkippedTime, londonInstant, minutesOfDay, skippedTimeMessage } from '../../../shared/domain/dates';

// A time before the shift's start on a night shift is the next morning.
const dateOf = (row: Pick<TodayRow, 'date' | 'start' | 'end'>, time: string): string =>
  minutesOfDay(row.end) <= minutesOfDay(row.start) && minutesOfDay(time) < minutesOfDay(row.start) ? addDays(row.date, 1) : row.date;
/** The instant a corrected time stands for. */
export const instantOf = (row: Pick<TodayRow, 'date' | 'start' | 'end'>, time: string): string =>
  new Date(londonInstant(dateOf(row, time), time)).toISOString();

/** A typed time in the hour the clocks skip, refused with the shared message rather than saved an hour later. */
export const skippedCorrections = (
  row: Pick<TodayRow, 'date' | 'start' | 'end'>,
  form: { in: string; out: string },
): Record<string, string> =>
  Object.fromEntries(
    (
      [
        ['signedInAt', form.in],
        ['signedOutAt', form.out],
      ] as const
    )
      .filter(([, time]) => time && isSkippedTime(dateOf(row, time), time))
      .map(([field, time]) => [field, skippedTimeMessage(dateOf(row, time), time)]),
  );
