import { formatDayShort } from '../../../shared/domain/dates';
import type { BankHoliday } from '../../../shared/domain/bankHolidays';

/**
 * A day's heading in the planner and on the printed week: "Mon 28 Dec · Bank holiday" in words, so the
 * day reads as a holiday on a grey-scale print or to a screen reader, not by its colour alone.
 */
export const DayHeading = ({ date, holiday }: { date: string; holiday: BankHoliday | undefined }) => (
  <>
    <span className="day-date">{formatDayShort(date)}</span>
    {holiday && (
      <>
        {' '}
        <span className="day-holiday" title={holiday.name}>
          · Bank holiday
        </span>
      </>
    )}
  </>
);

/** The week's bank holidays by date, for looking each day's heading up. */
export const holidaysByDate = (holidays: readonly BankHoliday[]): ReadonlyMap<string, BankHoliday> =>
  new Map(holidays.map((h) => [h.date, h]));
