/** Where a site has fewer people on a service than its cover requires. */
import type { Service } from '../../schemas/common';
import type { Shift } from '../../schemas/shift';
import type { Site } from '../../schemas/site';
import { addDays, londonParts, weekdayOf } from '../dates';
import { spanOf } from './instants';
import type { Gap } from './types';

type CoverEvent = { at: number; order: number; apply: () => void };

// Basis: the site's contract cover (assignment instructions); not a statutory rule.
/**
 * Every stretch from `fromIso` to `toIso` (the dates windows start on, inclusive) in which fewer people
 * are on `service` at `site` than required. Layered windows add up: "24/7 × 1 plus 07:00–19:00 × 2" means
 * three people by day and one by night, and a night window running past midnight adds to the next day's
 * windows in the hours they share. A bank holiday uses the site's bank-holiday
 * cover when it has one, else the weekday's. Only live shifts with a person count; back-to-back windows
 * such as 00:00–24:00 on consecutive days join, so a gap can run for days.
 */
export const coverGaps = (
  site: Site,
  service: Service,
  shifts: readonly Shift[],
  fromIso: string,
  toIso: string,
  bankHolidays: readonly string[],
): Gap[] => {
  const holidays = new Set(bankHolidays);
  const cover = site.cover[service];
  const events: CoverEvent[] = [];
  let required = 0;
  const present = new Map<string, number>();
  const bump = <K>(m: Map<K, number>, k: K, by: number) => {
    const n = (m.get(k) ?? 0) + by;
    if (n === 0) m.delete(k);
    else m.set(k, n);
  };

  let first = Infinity;
  let last = -Infinity;
  for (let day = fromIso; day <= toIso; day = addDays(day, 1)) {
    const windows = (holidays.has(day) && cover.bankHoliday ? cover.bankHoliday : cover[weekdayOf(day)]) ?? [];
    for (const w of windows) {
      const span = spanOf(day, w.start, w.end);
      first = Math.min(first, span.start);
      last = Math.max(last, span.end);
      // Ends sort before starts at the same instant so a hand-over is seamless.
      events.push({ at: span.start, order: 1, apply: () => (required += w.min) });
      events.push({ at: span.end, order: 0, apply: () => (required -= w.min) });
    }
  }
  if (events.length === 0) return [];
  for (const s of shifts) {
    const who = s.staffId;
    if (who === null || s.deleted || s.site !== site.code || s.service !== service) continue;
    const span = spanOf(s.date, s.start, s.end);
    if (span.end <= first || span.start >= last) continue;
    events.push({ at: span.start, order: 1, apply: () => bump(present, who, 1) });
    events.push({ at: span.end, order: 0, apply: () => bump(present, who, -1) });
  }
  events.sort((a, b) => a.at - b.at || a.order - b.order);

  const gaps: { start: number; end: number; required: number; present: number }[] = [];
  for (let i = 0; i < events.length;) {
    const at = events[i].at;
    while (i < events.length && events[i].at === at) events[i++].apply();
    if (i === events.length) break;
    const next = events[i].at;
    const need = required;
    const have = present.size;
    if (need <= have || next === at) continue;
    const prev = gaps[gaps.length - 1];
    if (prev && prev.end === at && prev.required === need && prev.present === have) prev.end = next;
    else gaps.push({ start: at, end: next, required: need, present: have });
  }
  return gaps.map((g) => {
    const from = londonParts(g.start);
    const to = londonParts(g.end);
    return {
      site: site.code,
      service,
      date: from.date,
      start: from.time,
      end: to.time,
      endDate: to.date,
      required: g.required,
      present: g.present,
      shortMinutes: Math.round((g.end - g.start) / 60_000) * (g.required - g.present),
    };
  });
};
