/**
 * Build from cover: the open shifts a site's cover requirements need over a date range, after what is
 * already on the rota. A site's patterns for the service come first (a 4-on-4-off security pattern, say),
 * then its templates where a template's whole length is needed, then sensible shifts for what is left:
 * 12-hour days and nights (07:00–19:00, 19:00–07:00) where security runs round the clock, the shifts a
 * 4-on-4-off rota works; security windows up to 14 h as one shift, longer ones halved; reception and
 * cleaning in pieces of at most 8 h. Head-counts follow `coverGaps`: overlapping windows are layers whose
 * head-counts add up. Wall-clock minutes are used throughout (a night the clocks change on is an
 * hour out, as the shift times themselves are).
 */
import type { Service } from '../../../schemas/common';
import type { ShiftPattern, ShiftTemplate } from '../../../schemas/rotaPlan';
import type { ShiftInput, Shift } from '../../../schemas/shift';
import type { Site } from '../../../schemas/site';
import { addDays, daysBetween, minutesOfDay, timeOfMinutes, weekdayOf } from '../../dates';
import { expandPattern } from './expandPattern';

const DAY = 1440;

/** The paid break a shift of this length gets (the same steps the demo rota uses). */
export const breakFor = (minutes: number): number => (minutes > 11 * 60 ? 60 : minutes > 9 * 60 ? 45 : minutes > 6 * 60 ? 30 : 0);

/** Start and end minute of a wall-clock shift on day `dayIndex` of the timeline. */
const spanAt = (dayIndex: number, start: string, end: string): [number, number] => {
  const s = dayIndex * DAY + minutesOfDay(start);
  const e0 = minutesOfDay(end);
  const e = dayIndex * DAY + (e0 <= minutesOfDay(start) ? e0 + DAY : e0);
  return [s, e];
};

/** Shift lengths for what is left uncovered, by service. */
const pieces = (service: Service, from: number, to: number): [number, number][] => {
  const len = to - from;
  if (service === 'security') {
    if (len >= DAY) {
      // Round the clock: cut at 07:00 and 19:00.
      const out: [number, number][] = [];
      let at = from;
      while (at < to) {
        const tod = at % DAY;
        const next = tod < 420 ? at - tod + 420 : tod < 1140 ? at - tod + 1140 : at - tod + DAY + 420;
        out.push([at, Math.min(next, to)]);
        at = Math.min(next, to);
      }
      return out;
    }
    if (len <= 14 * 60) return [[from, to]];
    const mid = from + Math.round(len / 120) * 60;
    return [...pieces(service, from, mid), ...pieces(service, mid, to)];
  }
  if (len <= 8 * 60) return [[from, to]];
  const n = Math.ceil(len / (8 * 60));
  const out: [number, number][] = [];
  for (let i = 0; i < n; i += 1) {
    const a = i === 0 ? from : from + Math.round((len * i) / n / 15) * 15;
    const b = i === n - 1 ? to : from + Math.round((len * (i + 1)) / n / 15) * 15;
    out.push([a, b]);
  }
  return out;
};

export interface CoverPlans {
  templates: readonly ShiftTemplate[];
  patterns: readonly ShiftPattern[];
}

export interface FromCoverResult {
  shifts: ShiftInput[];
  /** How each shift came about, in the same order. */
  source: ('pattern' | 'template' | 'cover')[];
}

/**
 * The open shifts needed at `site` for `service`, for cover windows starting `from` to `to` (inclusive),
 * given the live shifts already there (`existing`, any person or none: an open shift is planned cover).
 */
export const shiftsFromCover = (
  site: Site,
  service: Service,
  from: string,
  to: string,
  existing: readonly Shift[],
  bankHolidays: readonly string[],
  plans: CoverPlans = { templates: [], patterns: [] },
): FromCoverResult => {
  const out: FromCoverResult = { shifts: [], source: [] };
  if (!site.services.includes(service) || site.archived) return out;
  const days = daysBetween(from, to) + 1;
  if (days <= 0) return out;
  // Minutes of the range and the day after it (windows run past midnight); one before for shifts from the day before.
  const offset = DAY;
  const size = (days + 2) * DAY;
  const need = new Uint8Array(size);
  const holidays = new Set(bankHolidays);
  const cover = site.cover[service];
  for (let d = 0; d < days; d += 1) {
    const date = addDays(from, d);
    const windows = (holidays.has(date) && cover.bankHoliday ? cover.bankHoliday : cover[weekdayOf(date)]) ?? [];
    for (const w of windows) {
      const [s, e] = spanAt(d, w.start, w.end === '00:00' ? '24:00' : w.end);
      for (let m = s; m < e; m += 1) need[m + offset] += w.min;
    }
  }
  const residual = Int16Array.from(need);
  const take = (s: number, e: number) => {
    for (let m = Math.max(0, s + offset); m < Math.min(size, e + offset); m += 1) residual[m] -= 1;
  };
  for (const sh of existing) {
    if (sh.deleted || sh.site !== site.code || sh.service !== service) continue;
    const d = daysBetween(from, sh.date);
    if (d < -1 || d > days) continue;
    const [s, e] = spanAt(d, sh.start, sh.end);
    take(s, e);
  }
  const needed = (s: number, e: number) => {
    for (let m = Math.max(0, s + offset); m < Math.min(size, e + offset); m += 1) if (residual[m] > 0) return true;
    return false;
  };
  const fits = (s: number, e: number) => {
    if (s + offset < 0 || e + offset > size || e <= s) return false;
    for (let m = s + offset; m < e + offset; m += 1) if (residual[m] <= 0) return false;
    return true;
  };
  const add = (
    date: string,
    start: string,
    end: string,
    breakMinutes: number,
    notes: string,
    source: FromCoverResult['source'][number],
  ) => {
    out.shifts.push({ site: site.code, service, date, start, end, breakMinutes, staffId: null, notes });
    out.source.push(source);
  };

  // 1. Patterns for this site and service: each of their shifts, open, that some still-needed time calls for
  // (a night running past the range is kept whole, as the pattern has it).
  for (const pattern of plans.patterns) {
    if (pattern.site !== site.code || pattern.service !== service) continue;
    for (const input of expandPattern(pattern, from, to)) {
      const [s, e] = spanAt(daysBetween(from, input.date), input.start, input.end);
      if (!needed(s, e)) continue;
      take(s, e);
      add(input.date, input.start, input.end, input.breakMinutes, input.notes, 'pattern');
    }
  }
  // 2. Templates, longest first, wherever their whole length is still needed.
  const templates = plans.templates
    .filter((t) => t.site === site.code && t.service === service)
    .map((t) => ({ t, len: spanAt(0, t.start, t.end)[1] - spanAt(0, t.start, t.end)[0] }))
    .sort((a, b) => b.len - a.len || a.t.start.localeCompare(b.t.start));
  for (let d = 0; d < days; d += 1) {
    for (const { t } of templates) {
      const [s, e] = spanAt(d, t.start, t.end);
      while (fits(s, e)) {
        take(s, e);
        add(addDays(from, d), t.start, t.end, t.breakMinutes, t.name, 'template');
      }
    }
  }
  // 3. What is left, one head at a time: each run of still-needed minutes cut into sensible shifts.
  for (let m = offset; m < size;) {
    if (residual[m] <= 0) {
      m += 1;
      continue;
    }
    let e = m;
    while (e < size && residual[e] > 0) e += 1;
    for (const [a, b] of pieces(service, m - offset, e - offset)) {
      const d = Math.floor(a / DAY);
      add(addDays(from, d), timeOfMinutes(a % DAY), timeOfMinutes(b % DAY), breakFor(b - a), '', 'cover');
    }
    take(m - offset, e - offset);
  }
  return out;
};
