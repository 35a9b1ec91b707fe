/**
 * All calendar and clock maths for SiteDesk. Sites are in Europe/London, so wall-clock times are turned
 * into instants here and nowhere else. Calendar-only maths (add days, weekday) is done on UTC noon, which
 * no clock change can move to another day.
 */
import { TZDate } from '@date-fns/tz';
import { addDays as addDaysFns, addMonths as addMonthsFns, differenceInCalendarDays, format, parseISO } from 'date-fns';
import { WEEKDAYS, type Weekday } from '../schemas/values';

export const LONDON = 'Europe/London';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const parts = (isoDate: string) => isoDate.split('-').map(Number) as [number, number, number];
const noonUtc = (isoDate: string) => {
  const [y, m, d] = parts(isoDate);
  return new Date(Date.UTC(y, m - 1, d, 12));
};
const isoOfUtc = (d: Date) => d.toISOString().slice(0, 10);
const addDaysMemo = new Map<string, string>();
const weekdayMemo = new Map<string, Weekday>();

/** The date `n` days after `isoDate` (negative goes back). */
export const addDays = (isoDate: string, n: number): string => {
  // The rules ask for the same few hundred dates over and over (a fill asks millions of times): remembered.
  const key = `${isoDate}|${n}`;
  let out = addDaysMemo.get(key);
  if (out === undefined) {
    out = isoOfUtc(addDaysFns(noonUtc(isoDate), n));
    if (addDaysMemo.size >= 100_000) addDaysMemo.clear();
    addDaysMemo.set(key, out);
  }
  return out;
};

/** The date `n` calendar months after `isoDate`; a day the month lacks becomes its last day (31 Jan + 1 month is 28 or 29 Feb). */
export const addMonths = (isoDate: string, n: number): string => isoOfUtc(addMonthsFns(noonUtc(isoDate), n));

/** Whole calendar days from `a` to `b` (positive when b is later). */
export const daysBetween = (a: string, b: string): number => differenceInCalendarDays(noonUtc(b), noonUtc(a));

/** Monday = 'mon' … Sunday = 'sun'. */
export const weekdayOf = (isoDate: string): Weekday => {
  let out = weekdayMemo.get(isoDate);
  if (out === undefined) {
    out = WEEKDAYS[(noonUtc(isoDate).getUTCDay() + 6) % 7];
    if (weekdayMemo.size >= 100_000) weekdayMemo.clear();
    weekdayMemo.set(isoDate, out);
  }
  return out;
};

/** The Monday of the week containing `isoDate`. */
export const weekStart = (isoDate: string): string => addDays(isoDate, -WEEKDAYS.indexOf(weekdayOf(isoDate)));

/** The seven dates of the week starting on Monday `monday`. */
export const weekDates = (monday: string): string[] => WEEKDAYS.map((_, i) => addDays(monday, i));

/** `2026-11` for any date in November 2026. */
export const monthOf = (isoDate: string): string => isoDate.slice(0, 7);

/** The months (yyyy-mm) touched by the dates from `from` to `to` inclusive. */
export const monthsBetween = (from: string, to: string): string[] => {
  const out: string[] = [];
  let [y, m] = parts(from);
  const [ty, tm] = parts(to);
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m === 13) {
      m = 1;
      y += 1;
    }
  }
  return out;
};

/** Minutes after midnight for `hh:mm` (24:00 is 1440). */
export const minutesOfDay = (time: string): number => {
  const [h, m] = time.split(':').map(Number);
  return h * 60 + m;
};

/** `hh:mm` for minutes after midnight, wrapping past a day. */
export const timeOfMinutes = (mins: number): string => {
  const m = ((mins % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};

/**
 * The instant (ms since epoch) of a wall-clock time at the sites. A time the clocks skip (01:30 on the
 * spring-forward night) resolves to the moment after the jump, as a person's watch would read it. A time
 * the clocks go back through (01:00–01:59 on the last Sunday of October happens twice) is its first
 * occurrence, in BST, on every computer: TZDate alone reads it by the computer's own zone (BST on a UK
 * laptop, GMT on one set to UTC), so the same stored shift meant different moments on different desks.
 */
export const londonInstant = (isoDate: string, time: string): number => {
  const [y, m, d] = parts(isoDate);
  const mins = minutesOfDay(time);
  const hour = Math.floor(mins / 60);
  const read = new TZDate(y, m - 1, d, hour, mins % 60, LONDON).getTime();
  // Only 01:00–01:59 on the last Sunday of October can happen twice (the cheap test lets every other time
  // through untouched); an hour earlier reading the same wall-clock time means it did.
  if (hour !== 1 || m !== 10 || d < 25) return read;
  const earlier = read - HOUR;
  return readsAs(earlier, isoDate, time) ? earlier : read;
};

/** Which of the two readings of the hour the clocks go back through: the first (BST) or the second, an hour later (GMT). */
export type LondonZone = 'BST' | 'GMT';

// Only 01:00–01:59 on the last Sunday of October can happen twice: every other time is let through without the two
// time-zone lookups that tell (formatWhenGB formats every row of the incident list through here).
const mayRepeat = (isoDate: string, time: string): boolean =>
  time.startsWith('01:') && isoDate.slice(5, 7) === '10' && isoDate.slice(8) >= '25';

/** Whether a wall-clock time happens twice at the sites: 01:00–01:59 on the night the clocks go back. */
export const isRepeatedTime = (isoDate: string, time: string): boolean =>
  mayRepeat(isoDate, time) && readsAs(londonInstant(isoDate, time) + HOUR, isoDate, time);

/**
 * The instant of a wall-clock time that a person has said which of the repeated hour it is in: `GMT` is the second
 * 01:30, an hour after the first. A time that happens once is that time, whichever they said.
 */
export const londonInstantIn = (isoDate: string, time: string, zone: LondonZone): number =>
  londonInstant(isoDate, time) + (zone === 'GMT' && isRepeatedTime(isoDate, time) ? HOUR : 0);

/** Whether the instant `ms` reads as this date and wall-clock time at the sites. */
const readsAs = (ms: number, isoDate: string, time: string): boolean => {
  const p = londonParts(ms);
  return p.date === isoDate && p.time === time;
};

/** What a person is told when they say a time is the second pass of the hour the clocks go back, and it happens once. */
export const onceTimeMessage = (isoDate: string, time: string): string =>
  `${time} on ${formatDateGB(isoDate)} happens once: GMT marks the second 01:00–01:59 of the night the clocks go back, the last Sunday of October.`;

/** Whether a wall-clock time does not exist at the sites: the hour the clocks skip on the last Sunday of March. */
export const isSkippedTime = (isoDate: string, time: string): boolean => londonParts(londonInstant(isoDate, time)).time !== time;

/** What a person is told when they enter a time in that hour. */
export const skippedTimeMessage = (isoDate: string, time: string): string =>
  `${time} does not exist on ${formatDateGB(isoDate)}: the clocks go forward from 01:00 to 02:00. Enter a time before 01:00 or from 02:00.`;

// One formatter, made once: building a TZDate per call costs ~25 µs, too slow for 70,000 incidents.
const LONDON_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The London calendar date and wall-clock time of an instant. */
export const londonParts = (ms: number): { date: string; time: string } => {
  const p: Record<string, string> = {};
  for (const { type, value } of LONDON_PARTS.formatToParts(ms)) p[type] = value;
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
};

/** Today's date at the sites, for the given `now`. */
export const londonToday = (nowMs: number): string => londonParts(nowMs).date;

export interface Span {
  start: number;
  end: number;
}

/**
 * The real start and end instants of a shift. An end at or before the start ends on the next day, so
 * 22:00–06:00 is one night shift; the instants carry any clock change inside it.
 */
export const shiftSpan = (date: string, start: string, end: string): Span => {
  const s = londonInstant(date, start);
  const endsNextDay = minutesOfDay(end) <= minutesOfDay(start);
  const e = londonInstant(endsNextDay ? addDays(date, 1) : date, end === '24:00' ? '00:00' : end);
  return { start: s, end: end === '24:00' && !endsNextDay ? londonInstant(addDays(date, 1), '00:00') : e };
};

/** Minutes actually worked between two instants, clock changes included. */
export const spanMinutes = (span: Span): number => Math.round((span.end - span.start) / MINUTE);

/** Real length of a shift in minutes (a 22:00–06:00 shift is 540 on the night the clocks go back). */
export const shiftMinutes = (date: string, start: string, end: string): number => spanMinutes(shiftSpan(date, start, end));

/** Whether two spans share any time (touching ends do not overlap). */
export const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

/** Minutes of overlap between two spans. */
export const overlapMinutes = (a: Span, b: Span): number =>
  Math.max(0, Math.round((Math.min(a.end, b.end) - Math.max(a.start, b.start)) / MINUTE));

/** `Wed 25 Nov 2026`, the way rotas are read in the UK. */
export const formatDateGB = (isoDate: string): string => format(parseISO(isoDate), 'EEE d MMM yyyy');

/** `Wed 25 Nov`, for dense grids. */
export const formatDayShort = (isoDate: string): string => format(parseISO(isoDate), 'EEE d MMM');

/** `25/11/2026 14:05` in London time, for audit lines in files. */
export const formatInstantGB = (iso: string): string => format(new TZDate(Date.parse(iso), LONDON), 'dd/MM/yyyy HH:mm');

/** An instant as a person at the sites reads it, with the zone: `25/10/2026 01:30 BST`, then `01:30 GMT` an hour later. */
export const formatInstantZoneGB = (iso: string): string => {
  const at = new TZDate(Date.parse(iso), LONDON);
  return `${format(at, 'dd/MM/yyyy HH:mm')} ${at.getTimezoneOffset() === 0 ? 'GMT' : 'BST'}`;
};

/**
 * In the hour the clocks go back, which the sites live through twice, which time it is: `BST` the first, `GMT` the second,
 * an hour later; null for an instant in any other hour, which happens once.
 */
export const repeatedZoneOf = (ms: number): LondonZone | null => zoneAt(ms, londonParts(ms));

const zoneAt = (ms: number, { date, time }: { date: string; time: string }): LondonZone | null =>
  !mayRepeat(date, time) ? null : readsAs(ms + HOUR, date, time) ? 'BST' : readsAs(ms - HOUR, date, time) ? 'GMT' : null;

const clockAt = (ms: number, p: { date: string; time: string }): string => {
  const zone = zoneAt(ms, p);
  return zone ? `${p.time} ${zone}` : p.time;
};

/**
 * `07:05`, an instant's wall-clock time at the sites. In the hour the clocks go back (01:00–01:59 on the last Sunday
 * of October), which the sites live through twice, it says which: `01:30 BST`, then `01:30 GMT` an hour later.
 */
export const formatClockGB = (ms: number): string => clockAt(ms, londonParts(ms));

/**
 * `Wed 25 Nov 2026 14:05` in London time: how an instant is shown to people on every screen; `Sun 25 Oct 2026 01:30 BST`
 * or `… 01:30 GMT` in the hour that happens twice, as formatClockGB says it.
 */
export const formatWhenGB = (iso: string): string => {
  const ms = Date.parse(iso);
  const p = londonParts(ms);
  return `${formatDateGB(p.date)} ${clockAt(ms, p)}`;
};

/** `07:05 on Wed 25 Nov`, `01:30 GMT on Sun 25 Oct`: an instant as the desk names it in a sentence. */
export const formatClockDayGB = (ms: number): string => `${formatClockGB(ms)} on ${formatDayShort(londonParts(ms).date)}`;

/** An instant as London wall-clock time with its offset, `2026-10-25T01:30+01:00`: one reading, even in the hour that repeats. */
export const isoInstant = (at: string | number): string =>
  format(new TZDate(typeof at === 'number' ? at : Date.parse(at), LONDON), "yyyy-MM-dd'T'HH:mmxxx");

/** Hours and minutes, `7 h 30 min`, for people rather than machines. */
export const formatMinutes = (mins: number): string => {
  const h = Math.floor(Math.abs(mins) / 60);
  const m = Math.abs(mins) % 60;
  const sign = mins < 0 ? '−' : '';
  return m === 0 ? `${sign}${h} h` : h === 0 ? `${sign}${m} min` : `${sign}${h} h ${m} min`;
};
