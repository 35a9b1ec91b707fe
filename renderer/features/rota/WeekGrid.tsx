import { useVirtualizer } from '@tanstack/react-virtual';
import { Plus } from 'lucide-react';
import { useImperativeHandle, useMemo, type Ref, type RefObject } from 'react';
import type { Gap } from '../../../shared/domain/rota';
import type { Site } from '../../../shared/schemas/site';
import { dropTarget } from './dropTarget';
import { slotsOf } from './gridSlots';
import { GapMark } from './GapMark';
import { shiftsByCell, type GridProps } from './gridProps';
import { nameOf, SERVICE_LABEL } from './labels';
import { ShiftCard } from './ShiftCard';
import { WeekHead } from './WeekHead';
import { usePrinting } from './usePrinting';

const SPACER = { padding: 0, border: 0 };

/** What the planner can ask of the all-sites grid: bring a site's block into the page and scroll to it. */
export interface WeekGridHandle {
  scrollToSite: (code: string) => void;
}

/**
 * The week by site and service: a row per service a site runs, a column per day, gaps where they start.
 * With all 15 sites only the site blocks near the visible part of `scrollRef` are in the page (and all
 * of them when printing), so switching weeks renders a few hundred cards, not a thousand.
 */
export const WeekGrid = ({
  sites,
  gaps,
  scrollRef,
  handle,
  ...g
}: GridProps & { sites: Site[]; gaps: Gap[]; scrollRef: RefObject<HTMLDivElement | null>; handle?: Ref<WeekGridHandle> }) => {
  const printing = usePrinting();
  const cells = useMemo(() => shiftsByCell(g.shifts), [g.shifts]);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualiser's functions are read in this render only
  const v = useVirtualizer({
    count: sites.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => 40 + sites[i].services.length * 90,
    overscan: 2,
    // Before the first measurement, assume a screenful so the first render already shows the top blocks.
    initialRect: { width: 1200, height: typeof window === 'undefined' ? 900 : window.innerHeight },
  });
  const all = printing || sites.length <= 3;
  useImperativeHandle(
    handle,
    () => ({
      scrollToSite: (code) => {
        const index = sites.findIndex((s) => s.code === code);
        if (index < 0) return;
        if (all) scrollRef.current?.querySelector(`[data-site-head="${code}"]`)?.scrollIntoView({ block: 'start' });
        else v.scrollToIndex(index, { align: 'start' });
      },
    }),
    [sites, all, v, scrollRef],
  );
  const items = all ? sites.map((_, index) => ({ index, start: 0, end: 0 })) : v.getVirtualItems();
  const before = all || items.length === 0 ? 0 : items[0].start;
  const after = all || items.length === 0 ? 0 : v.getTotalSize() - items[items.length - 1].end;
  return (
    <table className="rota-grid">
      <caption className="visually-hidden">Shifts by site and service, Monday to Sunday</caption>
      <WeekHead rowHead="Site and service" dates={g.dates} today={g.today} bankHolidays={g.bankHolidays} />
      {before > 0 && (
        <tbody aria-hidden>
          <tr>
            <td colSpan={g.dates.length + 1} style={{ ...SPACER, height: before }} />
          </tr>
        </tbody>
      )}
      {items.map(({ index }) => {
        const site = sites[index];
        return (
          <tbody key={site.code} className="site-block" data-index={index} ref={all ? undefined : v.measureElement}>
            {site.services.map((service, i) => (
              <tr key={service}>
                <th scope="row" className="row-head" tabIndex={i === 0 ? -1 : undefined} data-site-head={i === 0 ? site.code : undefined}>
                  <button
                    type="button"
                    className="add-shift"
                    onClick={() => g.onCreate({ site: site.code, service, date: g.dates.includes(g.today) ? g.today : g.dates[0] })}
                    aria-label={`Add ${SERVICE_LABEL[service]} shift at ${site.code}`}
                    title="Add a shift (or click an empty part of a day)"
                  >
                    <Plus aria-hidden size={14} />
                  </button>
                  {i === 0 && <span className="code">{site.code}</span>}{' '}
                  <span className={`tag tag-${service}`}>{SERVICE_LABEL[service]}</span>
                  {i === 0 && <div className="muted small site-name">{site.name}</div>}
                </th>
                {g.dates.map((date) => {
                  const here = cells.get(`${site.code}|${service}|${date}`) ?? [];
                  const holes = gaps.filter(
                    (x) =>
                      x.site === site.code &&
                      x.service === service &&
                      x.date <= date &&
                      (date < x.endDate || (date === x.endDate && x.end !== '00:00')),
                  );
                  const spot = { date, site: site.code, service };
                  return (
                    <td key={date} className={date === g.today ? 'is-today' : undefined} {...dropTarget((id) => g.onDrop(id, spot))}>
                      {/* A click on the cell's empty part adds a shift there; the keyboard's way is the row's add button. */}
                      <div className="cell" onClick={(e) => e.target === e.currentTarget && g.onCreate(spot)}>
                        {slotsOf(here).map((slot) => (
                          <div key={slot.time} className="slot">
                            <div className="slot-time" aria-hidden>
                              {slot.time}
                            </div>
                            {slot.shifts.map((s) => (
                              <ShiftCard
                                key={s.id}
                                shift={s}
                                who={nameOf(g.staff, s.staffId)}
                                findings={g.findings.get(s.id) ?? []}
                                selected={g.selection.includes(s.id)}
                                timeShown={false}
                                onOpen={g.onOpen}
                                onToggle={g.onToggle}
                              />
                            ))}
                          </div>
                        ))}
                        {holes.map((x) => (
                          <GapMark key={`${x.date}-${x.start}`} gap={x} day={date} />
                        ))}
                      </div>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        );
      })}
      {after > 0 && (
        <tbody aria-hidden>
          <tr>
            <td colSpan={g.dates.length + 1} style={{ ...SPACER, height: after }} />
          </tr>
        </tbody>
      )}
    </table>
  );
};
