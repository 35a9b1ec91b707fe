import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, londonInstant, minutesOfDay, shiftSpan } from '../../../../shared/domain/dates';
import {
  dayCode,
  dayNumber,
  instantAt,
  isoOfDay,
  lastDateOf,
  minutesOf,
  NO_DAY,
  realMinutes,
  spanOf,
  spanOnDay,
} from '../../../../shared/domain/rota/instants';

// The arithmetic in instants.ts must agree with the time-zone maths in dates.ts everywhere, above all
// where a day is not 24 hours long.
const around = (date: string, before: number, after: number) =>
  Array.from({ length: before + after + 1 }, (_, i) => addDays(date, i - before));
const DATES = [
  // Clocks go forward (last Sunday of March) and back (last Sunday of October), with the days either side.
  ...['2016-03-27', '2020-03-29', '2026-03-29', '2027-03-28', '2036-03-30'].flatMap((d) => around(d, 2, 1)),
  ...['2016-10-30', '2020-10-25', '2026-10-25', '2027-10-31', '2036-10-26'].flatMap((d) => around(d, 2, 1)),
  // Year ends and leap days.
  ...around('2026-12-31', 1, 1),
  ...around('2027-12-31', 0, 1),
  ...around('2028-02-28', 0, 2),
  ...around('2100-02-28', 0, 1),
  '1970-01-01',
  '1999-12-31',
  '2026-06-15',
  '2026-11-03',
];
const TIMES = [
  '00:00',
  '00:30',
  '00:59',
  '01:00',
  '01:30',
  '01:59',
  '02:00',
  '02:30',
  '03:00',
  '06:00',
  '12:00',
  '22:00',
  '23:00',
  '23:30',
  '23:59',
  '24:00',
];
const EVERY_QUARTER = Array.from(
  { length: 97 },
  (_, i) => `${String(Math.floor(i / 4)).padStart(2, '0')}:${String((i % 4) * 15).padStart(2, '0')}`,
);

describe('instants by arithmetic', () => {
  it('gives the same instant as londonInstant for every quarter hour of awkward days', () => {
    for (const date of DATES)
      for (const time of [...EVERY_QUARTER, '01:01', '23:59'])
        expect(instantAt(date, time), `${date} ${time}`).toBe(londonInstant(date, time));
  });

  it('gives the same span as shiftSpan across clock changes, midnight and year ends', () => {
    for (const date of DATES)
      for (const start of TIMES)
        for (const end of TIMES) {
          const want = shiftSpan(date, start, end);
          expect(spanOf(date, start, end), `${date} ${start}–${end}`).toEqual(want);
          expect(spanOnDay(dayNumber(date), start, end), `${date} ${start}–${end} by day number`).toEqual(want);
        }
  });

  it('agrees with shiftSpan on random dates and times', () => {
    const time = fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    const date = fc.integer({ min: dayNumber('1990-01-01'), max: dayNumber('2100-12-31') }).map(isoOfDay);
    fc.assert(
      fc.property(date, fc.oneof(time, fc.constant('24:00')), fc.oneof(time, fc.constant('24:00')), (d, s, e) => {
        expect(spanOf(d, s, e)).toEqual(shiftSpan(d, s, e));
      }),
      { numRuns: 400 },
    );
  });

  it('falls back to the time-zone maths for anything it does not parse', () => {
    for (const [date, time] of [
      ['2026-11-03', '7:00'],
      ['2026-11-03', '24:30'],
      ['2026-11-03', '07:60'],
      ['2026-11-3', '07:00'],
      ['1850-06-01', '07:00'],
      ['2026-02-30', '07:00'],
    ])
      expect(instantAt(date, time), `${date} ${time}`).toBe(londonInstant(date, time));
    expect(spanOf('2026-11-03', '7:00', '9:30')).toEqual(shiftSpan('2026-11-03', '7:00', '9:30'));
    expect(spanOf('2026-11-03', '24:00', '06:00')).toEqual(shiftSpan('2026-11-03', '24:00', '06:00'));
  });

  it('numbers days so that differences are calendar days', () => {
    for (const date of DATES) {
      expect(dayNumber(date) - dayNumber('2026-01-01')).toBe(daysBetween('2026-01-01', date));
      expect(isoOfDay(dayNumber(date))).toBe(date);
    }
    expect(dayNumber('1970-01-01')).toBe(0);
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2199 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        // Days past a month's end count on into the next month, as they do for Date.UTC.
        expect(dayNumber(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`)).toBe(Date.UTC(y, m - 1, d) / 86_400_000);
      }),
      { numRuns: 2000 },
    );
    for (const y of [1900, 1904, 2000, 2024, 2100, 2199])
      for (const [m, d] of [
        [2, 28],
        [2, 29],
        [3, 1],
        [12, 31],
      ])
        expect(dayNumber(`${y}-${String(m).padStart(2, '0')}-${d}`.replace(/-(\d)$/, '-0$1'))).toBe(Date.UTC(y, m - 1, d) / 86_400_000);
    for (const bad of ['2026-1-01', '2026/01/01', '20260101xx', 'abcd-ef-gh', '2026-13-01', '2026-00-10', '2026-01-32', '2026-01-00'])
      expect(dayNumber(bad)).toBeNaN();
  });

  it('works out real minutes as shiftSpan does, and leaves clock-change days to it', () => {
    const irregular = (date: string) => londonInstant(addDays(date, 1), '00:00') - londonInstant(date, '00:00') !== 86_400_000;
    for (const date of DATES)
      for (const start of TIMES)
        for (const end of TIMES) {
          const minutes = realMinutes(dayNumber(date), minutesOf(start), minutesOf(end));
          const span = shiftSpan(date, start, end);
          if (minutes === minutes) expect(minutes, `${date} ${start}–${end}`).toBe((span.end - span.start) / 60_000);
          // Left to the slow path only for a 24:00 start or a clock change on a day the shift touches.
          else
            expect(
              start === '24:00' || irregular(date) || (minutesOf(end) <= minutesOf(start) && irregular(addDays(date, 1))),
              `${date} ${start}–${end}`,
            ).toBe(true);
        }
    expect(realMinutes(dayNumber('2026-10-25'), 60, 120)).toBeNaN();
    expect(realMinutes(dayNumber('2026-10-24'), 1320, 360)).toBeNaN();
    expect(realMinutes(dayNumber('2026-10-24'), 420, 900)).toBe(480);
    expect(realMinutes(NaN, 420, 900)).toBeNaN();
    expect(dayCode('2026-1-01')).toBe(NO_DAY);
    expect(dayCode('2026-01-01')).toBe(dayNumber('2026-01-01'));
  });

  it('reads times as minutesOfDay does', () => {
    for (const time of [...EVERY_QUARTER, '23:59']) expect(minutesOf(time)).toBe(minutesOfDay(time));
    for (const bad of ['7:00', '24:01', '25:00', '12:60', '12-00', '']) expect(minutesOf(bad)).toBe(-1);
  });

  it('knows the last date a shift covers', () => {
    expect(lastDateOf({ date: '2026-12-31', start: '22:00', end: '06:00' })).toBe('2027-01-01');
    expect(lastDateOf({ date: '2026-12-31', start: '22:00', end: '00:00' })).toBe('2026-12-31');
    expect(lastDateOf({ date: '2026-12-31', start: '08:00', end: '24:00' })).toBe('2026-12-31');
    expect(lastDateOf({ date: '2026-12-31', start: '08:00', end: '08:00' })).toBe('2027-01-01');
  });
});
