import { formatDayShort } from '../../../shared/domain/dates';
import type { BankHoliday } from '../../../shared/domain/bankHolidays';

/**
 * A day's heading in the planner and on the printed week: the date, and on a bank holiday "Bank holiday" in
 * words on a line of its own, so the day reads as a holiday on a grey-scale print or to a screen reader, not by
 * its colour alone. On its own line the marker needs no separator: a narrow column (every planner column, and
 * the printed week's) then has none to leave at the start of a line.
 */
export const DayHeading = ({ date, holiday }: { date: string; holiday: BankHoliday | undefined }) => (
  <>
    <span className="day-date">{formatDayShort(date)}</span>
    {holiday && (
      <>
        {' '}
        <span className="day-holiday" title={holiday.name}>
          Bank holiday
        </span>
      </>
    )}
  </>
);

/** The week's bank holidays by date, for looking each day's heading up. */
export const holidaysByDate = (holidays: readonly BankHoliday[]): ReadonlyMap<string, BankHoliday> =>
  new Map(holidays.map((h) => [h.date, h]));
