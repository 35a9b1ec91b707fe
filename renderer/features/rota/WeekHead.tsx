import type { BankHoliday } from '../../../shared/domain/bankHolidays';
import { DayHeading, holidaysByDate } from './DayHeading';

/** The planner grids' header row: what the rows are, then one column a day with today and bank holidays marked. */
export const WeekHead = ({
  rowHead,
  dates,
  today,
  bankHolidays,
}: {
  rowHead: string;
  dates: readonly string[];
  today: string;
  bankHolidays: readonly BankHoliday[];
}) => {
  const holidays = holidaysByDate(bankHolidays);
  return (
    <thead>
      <tr>
        <th scope="col" className="row-head">
          {rowHead}
        </th>
        {dates.map((d) => (
          <th
            scope="col"
            key={d}
            className={[d === today && 'is-today', holidays.has(d) && 'is-bank-holiday'].filter(Boolean).join(' ') || undefined}
          >
            <DayHeading date={d} holiday={holidays.get(d)} />
          </th>
        ))}
      </tr>
    </thead>
  );
};
