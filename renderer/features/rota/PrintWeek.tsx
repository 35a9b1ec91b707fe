import { useMemo } from 'react';
import type { Site } from '../../../shared/schemas/site';
import { shiftsByCell, type GridProps } from './gridProps';
import { DayHeading, holidaysByDate } from './DayHeading';
import { nameOf, SERVICE_LABEL } from './labels';
import { usePrinting } from './usePrinting';

/**
 * The week as a site pins it up: one compact landscape table for every site shown, a line per shift
 * with its times and the person's whole name, site blocks kept whole on a page and the day headings
 * repeated on each. Rendered only while printing; the planner's grid is for the screen.
 */
export const PrintWeek = ({
  sites,
  dates,
  bankHolidays,
  shifts,
  staff,
  weekLabel,
}: Pick<GridProps, 'dates' | 'bankHolidays' | 'shifts' | 'staff'> & { sites: Site[]; weekLabel: string }) => {
  const printing = usePrinting();
  const cells = useMemo(() => (printing ? shiftsByCell(shifts) : null), [printing, shifts]);
  if (!cells) return null;
  const holidays = holidaysByDate(bankHolidays);
  return (
    <table className="print-week print-only">
      <caption>
        {weekLabel} · {sites.length === 1 ? `${sites[0].code} ${sites[0].name}` : `${sites.length} sites`} · times are UK time · OPEN = not
        yet filled
      </caption>
      <thead>
        <tr>
          <th scope="col" className="print-site">
            Site
          </th>
          <th scope="col" className="print-service">
            Service
          </th>
          {dates.map((d) => (
            <th scope="col" key={d} className={holidays.has(d) ? 'is-bank-holiday' : undefined}>
              <DayHeading date={d} holiday={holidays.get(d)} />
            </th>
          ))}
        </tr>
      </thead>
      {sites.map((site) => (
        <tbody key={site.code}>
          {site.services.map((service, i) => (
            <tr key={service}>
              {i === 0 && (
                <th scope="rowgroup" rowSpan={site.services.length} className="print-site">
                  <strong>{site.code}</strong> {site.name}
                </th>
              )}
              <th scope="row" className="print-service">
                {SERVICE_LABEL[service]}
              </th>
              {dates.map((date) => (
                <td key={date}>
                  {(cells.get(`${site.code}|${service}|${date}`) ?? []).map((s) => (
                    <div key={s.id} className={s.staffId ? undefined : 'print-open'}>
                      <span className="print-time">
                        {s.start}–{s.end}
                      </span>{' '}
                      <span className="print-name">
                        {nameOf(staff, s.staffId)}
                        {s.status === 'draft' ? ' (draft)' : ''}
                      </span>
                    </div>
                  ))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      ))}
    </table>
  );
};
