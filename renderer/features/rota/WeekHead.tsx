import { formatDayShort } from '../../../shared/domain/dates';

/** The planner grids' header row: what the rows are, then one column a day with today marked. */
export const WeekHead = ({ rowHead, dates, today }: { rowHead: string; dates: readonly string[]; today: string }) => (
  <thead>
    <tr>
      <th scope="col" className="row-head">
        {rowHead}
      </th>
      {dates.map((d) => (
        <th scope="col" key={d} className={d === today ? 'is-today' : undefined}>
          {formatDayShort(d)}
        </th>
      ))}
    </tr>
  </thead>
);
