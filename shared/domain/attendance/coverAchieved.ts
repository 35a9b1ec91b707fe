/** How much of a site's required cover was (or is planned to be) actually there, in person-hours. */
import type { Service } from '../../schemas/common';
import type { Site } from '../../schemas/site';
import { addDays, weekdayOf, type Span } from '../dates';
import { spanOf } from '../rota/instants';

export interface Presence {
  staffId: string;
  span: Span;
}

export interface CoverAchieved {
  /** Person-minutes the cover requires. */
  requiredMinutes: number;
  /** Person-minutes of that requirement that someone filled (people beyond the requirement do not count). */
  coveredMinutes: number;
  /** Covered as a share of required, 0–100, or null when nothing was required. */
  percent: number | null;
}

type Event = { at: number; order: number; apply: () => void };

/**
 * Required against covered person-minutes for `service` at `site`, over the windows starting on dates
 * `from`..`to`, counted only before `until` (pass the current time to report what has been achieved so
 * far). Layered windows add up, as in coverGaps; one person on two records at
 * once counts once. Real minutes throughout, so clock-change nights weigh what they really last.
 */
export const coverAchieved = (
  site: Site,
  service: Service,
  presence: readonly Presence[],
  from: string,
  to: string,
  bankHolidays: readonly string[] = [],
  until = Infinity,
): CoverAchieved => {
  const holidays = new Set(bankHolidays);
  const cover = site.cover[service];
  let need = 0;
  const here = new Map<string, number>();
  const bump = <K>(m: Map<K, number>, k: K, by: number) => {
    const n = (m.get(k) ?? 0) + by;
    if (n === 0) m.delete(k);
    else m.set(k, n);
  };
  const events: Event[] = [];
  let first = Infinity;
  let last = -Infinity;
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const windows = (holidays.has(day) && cover.bankHoliday ? cover.bankHoliday : cover[weekdayOf(day)]) ?? [];
    for (const w of windows) {
      const span = spanOf(day, w.start, w.end);
      first = Math.min(first, span.start);
      last = Math.max(last, span.end);
      events.push({ at: span.start, order: 1, apply: () => (need += w.min) });
      events.push({ at: span.end, order: 0, apply: () => (need -= w.min) });
    }
  }
  for (const p of presence) {
    if (p.span.end <= first || p.span.start >= last || p.span.end <= p.span.start) continue;
    events.push({ at: p.span.start, order: 1, apply: () => bump(here, p.staffId, 1) });
    events.push({ at: p.span.end, order: 0, apply: () => bump(here, p.staffId, -1) });
  }
  events.sort((a, b) => a.at - b.at || a.order - b.order);
  let required = 0;
  let covered = 0;
  for (let i = 0; i < events.length;) {
    const at = events[i].at;
    while (i < events.length && events[i].at === at) events[i++].apply();
    if (i === events.length || at >= until) break;
    const minutes = (Math.min(events[i].at, until) - at) / 60_000;
    const n = need;
    required += n * minutes;
    covered += Math.min(n, here.size) * minutes;
  }
  const r = Math.round(required);
  return {
    requiredMinutes: r,
    coveredMinutes: Math.round(covered),
    percent: r === 0 ? null : Math.round((covered / required) * 1000) / 10,
  };
};
