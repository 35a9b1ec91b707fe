/**
 * Cover windows: per service and day, the times a site needs people and how many. A window's `min` is
 * the whole head-count for that window, so windows never overlap (a busier part of the day is its own
 * window with the higher count); an overlap would leave "07:00–19:00 × 2 plus 18:00–22:00 × 1" open to
 * meaning two or three people at 18:30.
 *
 * A window whose end is at or before its start runs past midnight, like a shift. Its tail belongs to the
 * day it started on, but it occupies the first hours of the next day, so it must not overlap that day's
 * windows either: Mon 19:00–07:00 sits with Tue 07:00–19:00, while Mon 22:00–06:00 and Tue 05:00–08:00
 * overlap. Weekdays wrap (Sun runs into Mon). A bank holiday can follow any day, so its windows are
 * checked against each other only; `isTwentyFourSeven` checks it against every possible neighbour.
 */
import { SERVICES, WEEKDAYS, type Service, type Weekday } from '../../schemas/common';
import { coverWindowSchema, type CoverWindow, type DayKey, type SiteInput } from '../../schemas/site';
import { minutesOfDay } from '../dates';
import { zodIssues, type PathIssue } from './fieldErrors';

export type Cover = SiteInput['cover'];
export type CoverDays = Partial<Record<DayKey, CoverWindow[]>>;

const DAY = 1440;
export const DAY_KEYS: readonly DayKey[] = [...WEEKDAYS, 'bankHoliday'];

const DAY_LABELS: Record<DayKey, string> = {
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
  bankHoliday: 'Bank holiday',
};

/** `Mon`…`Sun`, `Bank holiday`. */
export const dayLabel = (day: DayKey): string => DAY_LABELS[day];

/** `07:00–19:00`, as windows are named in messages. */
export const windowLabel = (w: Pick<CoverWindow, 'start' | 'end'>): string => `${w.start}–${w.end}`;

/** A window in minutes of its own day; an `end` beyond 1440 runs into the next day (00:00–24:00 is 0–1440). */
export const windowMinutes = (w: Pick<CoverWindow, 'start' | 'end'>): { start: number; end: number } => {
  const start = minutesOfDay(w.start);
  const end = minutesOfDay(w.end);
  return { start, end: end <= start ? end + DAY : end };
};

const isUsable = (w: CoverWindow): boolean => coverWindowSchema.safeParse(w).success && w.start !== '24:00';
const nextWeekday = (day: Weekday): Weekday => WEEKDAYS[(WEEKDAYS.indexOf(day) + 1) % 7];

/** Problems within one day's windows (paths relative to the day): bad times or counts, and overlaps. */
export const validateCoverDay = (windows: readonly CoverWindow[]): PathIssue[] => {
  const issues: PathIssue[] = [];
  windows.forEach((w, i) => {
    const parsed = coverWindowSchema.safeParse(w);
    if (!parsed.success) issues.push(...zodIssues(parsed.error, [i]));
    // 24:00 only makes sense as an end; as a start it is the next day's 00:00.
    else if (w.start === '24:00') issues.push({ path: `${i}.start`, message: 'A window starts at 00:00, not 24:00' });
  });
  windows.forEach((b, j) => {
    if (!isUsable(b)) return;
    const mb = windowMinutes(b);
    for (let i = 0; i < j; i++) {
      const a = windows[i];
      if (!isUsable(a)) continue;
      const ma = windowMinutes(a);
      if (ma.start < mb.end && mb.start < ma.end) {
        const [first, second] = ma.start <= mb.start ? [a, b] : [b, a];
        issues.push({ path: String(j), message: `${windowLabel(first)} overlaps ${windowLabel(second)}` });
      }
    }
  });
  return issues;
};

/** Every problem in a site's cover, with paths from the site (`cover.security.mon.1`). */
export const validateCover = (cover: Cover, services: readonly Service[] = SERVICES): PathIssue[] => {
  const issues: PathIssue[] = [];
  for (const service of services) {
    const days: CoverDays = cover[service] ?? {};
    for (const day of DAY_KEYS) {
      for (const issue of validateCoverDay(days[day] ?? [])) {
        issues.push({ path: `cover.${service}.${day}.${issue.path}`, message: issue.message });
      }
    }
    for (const day of WEEKDAYS) {
      const next = nextWeekday(day);
      (days[day] ?? []).forEach((w, i) => {
        if (!isUsable(w)) return;
        const tailEnd = windowMinutes(w).end - DAY;
        if (tailEnd <= 0) return;
        (days[next] ?? []).forEach((n, j) => {
          if (!isUsable(n) || windowMinutes(n).start >= tailEnd) return;
          const message = `${dayLabel(day)} ${windowLabel(w)} runs into ${dayLabel(next)} and overlaps ${dayLabel(next)} ${windowLabel(n)}`;
          // Reported on both windows: they are edited under different days.
          issues.push({ path: `cover.${service}.${day}.${i}`, message }, { path: `cover.${service}.${next}.${j}`, message });
        });
      });
    }
  }
  return issues;
};

const copyWindows = (windows: readonly CoverWindow[]): CoverWindow[] => windows.map((w) => ({ ...w }));

/** A new cover in which each of `toDays` has the same windows for `service` as `fromDay` (none if it has none). */
export const copyCoverDay = (cover: Cover, service: Service, fromDay: DayKey, toDays: readonly DayKey[]): Cover => {
  const source = cover[service]?.[fromDay];
  const days: CoverDays = { ...cover[service] };
  for (const day of toDays) {
    if (day === fromDay) continue;
    if (source) days[day] = copyWindows(source);
    else delete days[day];
  }
  return { ...cover, [service]: days };
};

type CoverSite = Pick<SiteInput, 'code' | 'services' | 'cover'>;

/**
 * Copies one day's windows for a service from `source` to other sites (on the same day, or on `toDays`).
 * Sites that do not run the service are skipped rather than given cover that would fail validation.
 */
export const copyCoverDayToSites = <T extends CoverSite>(
  source: Cover,
  service: Service,
  day: DayKey,
  targets: readonly T[],
  toDays: readonly DayKey[] = [day],
): { updated: T[]; skipped: { code: string; reason: string }[] } => {
  const windows = source[service]?.[day];
  const updated: T[] = [];
  const skipped: { code: string; reason: string }[] = [];
  for (const site of targets) {
    if (!site.services.includes(service)) {
      skipped.push({ code: site.code, reason: `${site.code} does not run ${service}` });
      continue;
    }
    const days: CoverDays = { ...site.cover[service] };
    for (const d of toDays) {
      if (windows) days[d] = copyWindows(windows);
      else delete days[d];
    }
    updated.push({ ...site, cover: { ...site.cover, [service]: days } });
  }
  return { updated, skipped };
};

/** A stretch of a day's bar: minutes from midnight and the head-count needed (0 = none). */
export interface CoverSegment {
  startMin: number;
  endMin: number;
  min: number;
}

const segmentsOf = (spans: readonly { start: number; end: number; min: number }[], from: number, to: number): CoverSegment[] => {
  const cuts = [...new Set([from, to, ...spans.flatMap((s) => [s.start, s.end])])]
    .filter((m) => m >= from && m <= to)
    .sort((a, b) => a - b);
  const out: CoverSegment[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const [startMin, endMin] = [cuts[k], cuts[k + 1]];
    // Overlapping windows are already an error; the bar shows the larger need rather than inventing a sum.
    const min = Math.max(0, ...spans.filter((s) => s.start <= startMin && s.end >= endMin).map((s) => s.min));
    const last = out[out.length - 1];
    if (last && last.min === min) last.endMin = endMin;
    else out.push({ startMin, endMin, min });
  }
  return out;
};

/**
 * One day's windows as a bar from 0 to 1440 (gaps have min 0; a window past midnight runs to 1440), and
 * separately the tail it spills into the next day, from 0. Unparseable windows are left out.
 */
export const coverTimeline = (windows: readonly CoverWindow[]): { segments: CoverSegment[]; spill: CoverSegment[] } => {
  const spans = windows.filter(isUsable).map((w) => ({ ...windowMinutes(w), min: w.min }));
  const day = spans.map((s) => ({ ...s, end: Math.min(s.end, DAY) }));
  const tails = spans.filter((s) => s.end > DAY).map((s) => ({ start: 0, end: s.end - DAY, min: s.min }));
  const tailEnd = Math.max(0, ...tails.map((t) => t.end));
  return { segments: segmentsOf(day, 0, DAY), spill: tailEnd > 0 ? segmentsOf(tails, 0, tailEnd) : [] };
};

const mask = (spans: readonly { start: number; end: number }[]): Uint8Array => {
  const m = new Uint8Array(DAY);
  for (const s of spans) m.fill(1, Math.max(0, s.start), Math.min(DAY, s.end));
  return m;
};
const ownMask = (windows: readonly CoverWindow[]) => mask(windows.filter(isUsable).map(windowMinutes));
const spillMask = (windows: readonly CoverWindow[]) =>
  mask(
    windows
      .filter(isUsable)
      .map(windowMinutes)
      .filter((s) => s.end > DAY)
      .map((s) => ({ start: 0, end: s.end - DAY })),
  );
const fullDay = (own: Uint8Array, incoming: Uint8Array): boolean => own.every((v, i) => v === 1 || incoming[i] === 1);

/**
 * Whether a service needs someone at every minute of the week, counting windows that run past midnight
 * into the next day. When bank-holiday cover is set it must join up with whatever day it falls after or
 * before; when it is not set, bank holidays are taken to follow the weekday's cover.
 */
export const isTwentyFourSeven = (cover: Cover, service: Service): boolean => {
  const days: CoverDays = cover[service] ?? {};
  const own = (d: DayKey) => ownMask(days[d] ?? []);
  const spill = (d: DayKey) => spillMask(days[d] ?? []);
  const holiday = days.bankHoliday;
  const weekdaysFull = WEEKDAYS.every((d) => {
    const prev = WEEKDAYS[(WEEKDAYS.indexOf(d) + 6) % 7];
    return fullDay(own(d), spill(prev)) && (!holiday || fullDay(own(d), spill('bankHoliday')));
  });
  if (!weekdaysFull || !holiday) return weekdaysFull;
  return [...WEEKDAYS, 'bankHoliday' as const].every((prev) => fullDay(own('bankHoliday'), spill(prev)));
};
