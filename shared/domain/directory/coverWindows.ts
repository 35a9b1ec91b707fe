/**
 * Cover windows: per service and day, the times a site needs people and how many. Windows are layers
 * that add up, as a contract states them: "security 24/7 × 1, plus 07:00–19:00 × 2 on weekdays" is a
 * 00:00–24:00 × 1 window and a 07:00–19:00 × 2 window, and means three people from 07:00 to 19:00.
 *
 * A window whose end is at or before its start runs past midnight, like a shift. Its tail belongs to the
 * day it started on and adds to the next day's windows in the hours they share: Mon 22:00–06:00 × 1 with
 * Tue 05:00–08:00 × 1 needs two people from 05:00 to 06:00 on Tuesday. Weekdays wrap (Sun runs into Mon).
 */
import { SERVICES, WEEKDAYS, type Service } from '../../schemas/common';
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

const DAY_NAMES: Record<DayKey, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
  bankHoliday: 'Bank holiday',
};

/**
 * Where in a site's cover a problem's path (`cover.security.mon.1.start`) points, in words: `Monday, security 22:00–24:00`,
 * or `Monday, security` when it names no window that is there. Null for a path that names no day of cover.
 */
export const coverPlace = (cover: Cover, path: string): string | null => {
  const [head, service, day, index] = path.split('.');
  if (head !== 'cover' || !SERVICES.includes(service as Service) || !DAY_KEYS.includes(day as DayKey)) return null;
  const place = `${DAY_NAMES[day as DayKey]}, ${service}`;
  const w = index !== undefined && /^\d+$/.test(index) ? cover[service as Service]?.[day as DayKey]?.[Number(index)] : undefined;
  return w && typeof w.start === 'string' && typeof w.end === 'string' ? `${place} ${windowLabel(w)}` : place;
};

/** A window in minutes of its own day; an `end` beyond 1440 runs into the next day (00:00–24:00 is 0–1440). */
export const windowMinutes = (w: Pick<CoverWindow, 'start' | 'end'>): { start: number; end: number } => {
  const start = minutesOfDay(w.start);
  const end = minutesOfDay(w.end);
  return { start, end: end <= start ? end + DAY : end };
};

const isUsable = (w: CoverWindow): boolean => coverWindowSchema.safeParse(w).success && w.start !== '24:00';

/** Problems within one day's windows (paths relative to the day): bad times or counts. Overlaps are layers, not problems. */
export const validateCoverDay = (windows: readonly CoverWindow[]): PathIssue[] => {
  const issues: PathIssue[] = [];
  windows.forEach((w, i) => {
    const parsed = coverWindowSchema.safeParse(w);
    if (!parsed.success) issues.push(...zodIssues(parsed.error, [i]));
    // 24:00 only makes sense as an end; as a start it is the next day's 00:00.
    else if (w.start === '24:00') issues.push({ path: `${i}.start`, message: 'A window starts at 00:00, not 24:00' });
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
    // Layered windows add up.
    const min = spans.filter((s) => s.start <= startMin && s.end >= endMin).reduce((sum, s) => sum + s.min, 0);
    const last = out[out.length - 1];
    if (last && last.min === min) last.endMin = endMin;
    else out.push({ startMin, endMin, min });
  }
  return out;
};

const tailsOf = (windows: readonly CoverWindow[]) =>
  windows
    .filter(isUsable)
    .map((w) => ({ ...windowMinutes(w), min: w.min }))
    .filter((s) => s.end > DAY)
    .map((s) => ({ start: 0, end: s.end - DAY, min: s.min }));

/**
 * One day's cover as a bar from 0 to 1440 with the total head-count in each stretch (gaps have min 0): the
 * day's own windows added up, plus the tails of `previousDay`'s windows that run past midnight into it.
 * Separately, the tail this day's windows spill into the next day, from 0. Unparseable windows are left out.
 */
export const coverTimeline = (
  windows: readonly CoverWindow[],
  previousDay: readonly CoverWindow[] = [],
): { segments: CoverSegment[]; spill: CoverSegment[] } => {
  const spans = windows.filter(isUsable).map((w) => ({ ...windowMinutes(w), min: w.min }));
  const day = [...spans.map((s) => ({ ...s, end: Math.min(s.end, DAY) })), ...tailsOf(previousDay)];
  const tails = tailsOf(windows);
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
