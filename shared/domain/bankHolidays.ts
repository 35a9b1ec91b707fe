/**
 * Bank holidays in England and Wales (Banking and Financial Dealings Act 1971 and the royal
 * proclamations made under it), worked out for any year so ten years of rotas need no download.
 */
import { addDays, weekdayOf } from './dates';

export interface BankHoliday {
  date: string;
  name: string;
}

/** A manager's changes to the calendar: one-off days added (a future royal event) and days removed. */
export interface BankHolidayChanges {
  added: readonly BankHoliday[];
  removed: readonly string[];
}

/** The calendar as proclaimed, with nothing added or removed. */
export const NO_BANK_HOLIDAY_CHANGES: BankHolidayChanges = Object.freeze({ added: [], removed: [] });

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;

/** Easter Sunday in the Gregorian calendar (the anonymous algorithm: Meeus/Jones/Butcher). */
export const easterSunday = (year: number): string => {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(year, month, day);
};

const firstMonday = (year: number, month: number): string => {
  let d = iso(year, month, 1);
  while (weekdayOf(d) !== 'mon') d = addDays(d, 1);
  return d;
};

const lastMonday = (year: number, month: number, daysInMonth: number): string => {
  let d = iso(year, month, daysInMonth);
  while (weekdayOf(d) !== 'mon') d = addDays(d, -1);
  return d;
};

const isWeekend = (d: string) => weekdayOf(d) === 'sat' || weekdayOf(d) === 'sun';

/** A fixed-date holiday, or the next weekday not already taken when it falls on a weekend. */
const substituted = (date: string, name: string, taken: ReadonlySet<string>): BankHoliday => {
  if (!isWeekend(date)) return { date, name };
  let d = addDays(date, 1);
  while (isWeekend(d) || taken.has(d)) d = addDays(d, 1);
  return { date: d, name: `${name} (substitute day)` };
};

/**
 * Proclamations that moved a regular holiday (`moves`) or added a one-off day. Only changes from the
 * 1990s on are listed: older rotas are never planned.
 */
const MOVES: Record<string, { from: string; to: string }[]> = {
  '1995': [{ from: '1995-05-01', to: '1995-05-08' }],
  '2002': [{ from: '2002-05-27', to: '2002-06-04' }],
  '2012': [{ from: '2012-05-28', to: '2012-06-04' }],
  '2020': [{ from: '2020-05-04', to: '2020-05-08' }],
  '2022': [{ from: '2022-05-30', to: '2022-06-02' }],
};
const ONE_OFFS: BankHoliday[] = [
  { date: '1999-12-31', name: 'Millennium celebrations' },
  { date: '2002-06-03', name: 'Golden Jubilee of Queen Elizabeth II' },
  { date: '2011-04-29', name: 'Wedding of Prince William and Catherine Middleton' },
  { date: '2012-06-05', name: 'Diamond Jubilee of Queen Elizabeth II' },
  { date: '2022-06-03', name: 'Platinum Jubilee of Queen Elizabeth II' },
  { date: '2022-09-19', name: 'State Funeral of Queen Elizabeth II' },
  { date: '2023-05-08', name: 'Coronation of King Charles III' },
];

const byDate = (a: BankHoliday, b: BankHoliday) => a.date.localeCompare(b.date);

/** The England and Wales bank holidays of `year` as proclaimed, in date order. */
export const bankHolidaysOf = (year: number): BankHoliday[] => {
  const easter = easterSunday(year);
  const newYear = substituted(iso(year, 1, 1), 'New Year’s Day', new Set());
  const christmas = substituted(iso(year, 12, 25), 'Christmas Day', new Set([iso(year, 12, 26)]));
  // When Christmas Day's substitute takes the Monday, Boxing Day's moves on to the Tuesday (2021, 2027).
  const boxing = substituted(iso(year, 12, 26), 'Boxing Day', new Set([christmas.date]));
  const moves = MOVES[String(year)] ?? [];
  const moved = (h: BankHoliday): BankHoliday => ({ ...h, date: moves.find((m) => m.from === h.date)?.to ?? h.date });
  return [
    newYear,
    { date: addDays(easter, -2), name: 'Good Friday' },
    { date: addDays(easter, 1), name: 'Easter Monday' },
    moved({ date: firstMonday(year, 5), name: 'Early May bank holiday' }),
    moved({ date: lastMonday(year, 5, 31), name: 'Spring bank holiday' }),
    { date: lastMonday(year, 8, 31), name: 'Summer bank holiday' },
    christmas,
    boxing,
    ...ONE_OFFS.filter((h) => h.date.startsWith(`${year}-`)),
  ].sort(byDate);
};

/** Every bank holiday from `from` to `to` (ISO dates, inclusive), with a manager's additions and removals. */
export const bankHolidaysBetween = (from: string, to: string, changes: BankHolidayChanges = NO_BANK_HOLIDAY_CHANGES): BankHoliday[] => {
  const removed = new Set(changes.removed);
  const all = new Map<string, BankHoliday>();
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year += 1)
    for (const h of bankHolidaysOf(year)) all.set(h.date, h);
  for (const h of changes.added) if (!all.has(h.date)) all.set(h.date, h);
  return [...all.values()].filter((h) => h.date >= from && h.date <= to && !removed.has(h.date)).sort(byDate);
};

/** The ISO dates of the bank holidays from `from` to `to`, as a rota check or cover calculation takes them. */
export const bankHolidayDates = (from: string, to: string, changes?: BankHolidayChanges): string[] =>
  bankHolidaysBetween(from, to, changes).map((h) => h.date);

/** Whether `date` is a regular or proclaimed bank holiday, before any manager's changes. */
export const isStandardBankHoliday = (date: string): boolean => bankHolidaysOf(Number(date.slice(0, 4))).some((h) => h.date === date);
