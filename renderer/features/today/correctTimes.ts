import type { TodayRow } from '../../../shared/contract/today';
import {
  addDays,
  isSkippedTime,
  londonInstant,
  londonInstantIn,
  shiftSpan,
  skippedTimeMessage,
  type LondonZone,
} from '../../../shared/domain/dates';

/**
 * The date a typed time is on: whichever of the shift's day, the day after and the day before puts it nearest the shift.
 * 18:50 on a 19:00–07:00 night is that evening (in early), 07:20 the next morning (out late), and 00:30 on a
 * 07:00–19:00 day the next night (kept on past midnight).
 */
export const dateOf = (row: Pick<TodayRow, 'date' | 'start' | 'end'>, time: string): string => {
  const span = shiftSpan(row.date, row.start, row.end);
  const away = (date: string) => {
    const at = londonInstant(date, time);
    return Math.max(span.start - at, at - span.end, 0);
  };
  return [row.date, addDays(row.date, 1), addDays(row.date, -1)].reduce((best, d) => (away(d) < away(best) ? d : best));
};
/** The instant a corrected time stands for; in the hour the clocks go back, the first (BST) unless `zone` says the second. */
export const instantOf = (row: Pick<TodayRow, 'date' | 'start' | 'end'>, time: string, zone: LondonZone = 'BST'): string =>
  new Date(londonInstantIn(dateOf(row, time), time, zone)).toISOString();

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
