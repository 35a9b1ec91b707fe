import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  formatClockGB,
  formatDateGB,
  formatMinutes,
  formatWhenGB,
  isRepeatedTime,
  londonInstant,
  londonInstantIn,
  londonParts,
  monthsBetween,
  overlapMinutes,
  overlaps,
  repeatedZoneOf,
  shiftMinutes,
  shiftSpan,
  weekDates,
  weekStart,
  weekdayOf,
} from '../../../shared/domain/dates';

describe('shift length in Europe/London', () => {
  it.each([
    ['an ordinary night', '2026-11-14', '22:00', '06:00', 480],
    ['the night the clocks go back (Sat 24 Oct 2026)', '2026-10-24', '22:00', '06:00', 540],
    ['the night the clocks go forward (Sat 28 Mar 2026)', '2026-03-28', '22:00', '06:00', 420],
    ['a day shift on the day the clocks go back', '2026-10-25', '07:00', '19:00', 720],
    ['a day shift', '2026-11-25', '07:00', '19:00', 720],
    ['an early clean', '2026-11-25', '05:00', '08:00', 180],
    ['a shift ending at midnight', '2026-11-25', '16:00', '24:00', 480],
    ['a shift ending at 00:00 the next day', '2026-11-25', '16:00', '00:00', 480],
    ['a 24-hour shift', '2026-11-25', '07:00', '07:00', 1440],
    ['over new year', '2026-12-31', '19:00', '07:00', 720],
    ['over a leap day', '2028-02-28', '22:00', '06:00', 480],
    ['into a leap day and out of it', '2028-02-29', '19:00', '07:00', 720],
    ['a night across the 2027 spring change', '2027-03-27', '19:00', '07:00', 660],
  ])('%s: %s %s–%s is %i minutes', (_label, date, start, end, minutes) => {
    expect(shiftMinutes(date, start, end)).toBe(minutes);
  });

  it('ends a shift whose end is at or before its start on the next day', () => {
    const span = shiftSpan('2026-11-25', '22:00', '06:00');
    expect(londonParts(span.start)).toEqual({ date: '2026-11-25', time: '22:00' });
    expect(londonParts(span.end)).toEqual({ date: '2026-11-26', time: '06:00' });
  });

  it('reads wall-clock times in GMT and BST', () => {
    expect(new Date(londonInstant('2026-01-15', '09:00')).toISOString()).toBe('2026-01-15T09:00:00.000Z');
    expect(new Date(londonInstant('2026-07-15', '09:00')).toISOString()).toBe('2026-07-15T08:00:00.000Z');
  });
});

describe('calendar maths', () => {
  it.each([
    ['2026-11-25', 1, '2026-11-26'],
    ['2026-11-30', 1, '2026-12-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2028-02-29', 1, '2028-03-01'],
    ['2027-02-28', 1, '2027-03-01'],
    ['2026-03-29', -1, '2026-03-28'],
    ['2026-10-25', 7, '2026-11-01'],
  ])('%s + %i day(s) is %s', (from, n, to) => {
    expect(addDays(from, n)).toBe(to);
    expect(daysBetween(from, to)).toBe(n);
  });

  it('starts weeks on Monday, as UK rotas do', () => {
    expect(weekdayOf('2026-11-23')).toBe('mon');
    expect(weekdayOf('2026-11-29')).toBe('sun');
    expect(weekStart('2026-11-29')).toBe('2026-11-23');
    expect(weekStart('2026-11-23')).toBe('2026-11-23');
    expect(weekStart('2027-01-01')).toBe('2026-12-28');
    expect(weekDates('2026-12-28')).toEqual([
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
    ]);
  });

  it('lists the months a range touches, across a year end', () => {
    expect(monthsBetween('2026-11-20', '2027-02-03')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsBetween('2026-11-20', '2026-11-21')).toEqual(['2026-11']);
  });

  it('overlap of spans: touching ends do not overlap', () => {
    const a = shiftSpan('2026-11-25', '07:00', '19:00');
    const b = shiftSpan('2026-11-25', '19:00', '07:00');
    const c = shiftSpan('2026-11-25', '18:00', '20:00');
    expect(overlaps(a, b)).toBe(false);
    expect(overlaps(a, c)).toBe(true);
    expect(overlapMinutes(a, c)).toBe(60);
  });

  it('formats for people in en-GB', () => {
    expect(formatDateGB('2026-11-25')).toBe('Wed 25 Nov 2026');
    expect(formatMinutes(450)).toBe('7 h 30 min');
    expect(formatMinutes(540)).toBe('9 h');
    expect(formatMinutes(20)).toBe('20 min');
  });
});

describe('a time shown to people, in the hour the clocks go back', () => {
  const at = (utc: string) => Date.parse(`${utc}Z`);

  // Sun 25 Oct 2026: 01:00–01:59 happens twice, first in BST (00:00–00:59 UTC), then in GMT (01:00–01:59 UTC).
  it.each([
    ['2026-10-25T00:00', '01:00 BST'],
    ['2026-10-25T00:30', '01:30 BST'],
    ['2026-10-25T00:59', '01:59 BST'],
    ['2026-10-25T01:00', '01:00 GMT'],
    ['2026-10-25T01:30', '01:30 GMT'],
    ['2026-10-25T01:59', '01:59 GMT'],
  ])('%s UTC, a time that happens twice, reads %s', (utc, shown) => {
    expect(formatClockGB(at(utc))).toBe(shown);
  });

  it.each([
    ['just before the repeated hour', '2026-10-24T23:59', '00:59'],
    ['just after it', '2026-10-25T02:00', '02:00'],
    ['a morning in November (GMT)', '2026-11-25T07:05', '07:05'],
    ['a summer afternoon (BST)', '2026-07-01T12:00', '13:00'],
    ['just before the clocks go forward (Sun 28 Mar 2027)', '2027-03-28T00:59', '00:59'],
    ['the moment they go forward', '2027-03-28T01:00', '02:00'],
  ])('%s (%s UTC) reads %s, with no zone: it happens once', (_label, utc, shown) => {
    expect(formatClockGB(at(utc))).toBe(shown);
  });
});

describe('an instant shown with its date, as every screen shows one', () => {
  // The same five moments and ordinary nights as formatClockGB above, with the date in front.
  it.each([
    ['2026-10-24T23:59:00Z', 'Sun 25 Oct 2026 00:59'],
    ['2026-10-25T00:30:00Z', 'Sun 25 Oct 2026 01:30 BST'],
    ['2026-10-25T01:30:00Z', 'Sun 25 Oct 2026 01:30 GMT'],
    ['2026-10-25T02:00:00Z', 'Sun 25 Oct 2026 02:00'],
    ['2026-11-25T01:30:00Z', 'Wed 25 Nov 2026 01:30'],
    ['2026-07-01T00:30:00Z', 'Wed 1 Jul 2026 01:30'],
    ['2027-03-28T00:59:00Z', 'Sun 28 Mar 2027 00:59'],
    ['2027-03-28T01:00:00Z', 'Sun 28 Mar 2027 02:00'],
    ['2027-03-28T01:30:00Z', 'Sun 28 Mar 2027 02:30'],
  ])('%s reads %s', (iso, shown) => {
    expect(formatWhenGB(iso)).toBe(shown);
  });
});

describe('a wall-clock time in the hour the clocks go back, read as an instant', () => {
  // Sun 25 Oct 2026: "01:40" is 00:40 UTC (BST) and again 01:40 UTC (GMT). A shift, a cover or a record stored
  // as that wall-clock time must mean one moment on every computer: the first, as a watch reads it first.
  const zones = ['UTC', 'Europe/London', 'America/New_York', 'Asia/Tokyo'];
  const inZone = <T>(tz: string, f: () => T): T => {
    const was = process.env.TZ;
    process.env.TZ = tz;
    try {
      return f();
    } finally {
      if (was === undefined) delete process.env.TZ;
      else process.env.TZ = was;
    }
  };

  it.each([
    ['01:00', '2026-10-25T00:00:00.000Z'],
    ['01:40', '2026-10-25T00:40:00.000Z'],
    ['01:59', '2026-10-25T00:59:00.000Z'],
    ['00:59', '2026-10-24T23:59:00.000Z'],
    ['02:00', '2026-10-25T02:00:00.000Z'],
  ])('%s on Sun 25 Oct 2026 is %s whatever zone the computer is set to', (time, utc) => {
    for (const tz of zones)
      expect(
        inZone(tz, () => new Date(londonInstant('2026-10-25', time)).toISOString()),
        tz,
      ).toBe(utc);
  });

  it('reads the repeated hour of other years the same way (Sun 26 Oct 2025, Sun 31 Oct 2027)', () => {
    for (const tz of zones) {
      expect(
        inZone(tz, () => new Date(londonInstant('2025-10-26', '01:30')).toISOString()),
        tz,
      ).toBe('2025-10-26T00:30:00.000Z');
      expect(
        inZone(tz, () => new Date(londonInstant('2027-10-31', '01:30')).toISOString()),
        tz,
      ).toBe('2027-10-31T00:30:00.000Z');
      // The Sunday before is an ordinary night.
      expect(
        inZone(tz, () => new Date(londonInstant('2027-10-24', '01:30')).toISOString()),
        tz,
      ).toBe('2027-10-24T00:30:00.000Z');
    }
  });

  it('leaves the spring-forward night as it was: 01:30 on Sun 28 Mar 2027 does not exist and reads as after the jump', () => {
    for (const tz of zones) {
      expect(
        inZone(tz, () => new Date(londonInstant('2027-03-28', '01:30')).toISOString()),
        tz,
      ).toBe('2027-03-28T01:30:00.000Z');
      expect(
        inZone(tz, () => new Date(londonInstant('2027-03-28', '02:00')).toISOString()),
        tz,
      ).toBe('2027-03-28T01:00:00.000Z');
    }
  });
});

describe('the second 01:00–01:59, when a person says which', () => {
  // A supervisor correcting a sign-out at 01:30 GMT, or recording an incident then, must be able to mean it.
  it.each([
    ['2026-10-25', '01:00', true],
    ['2026-10-25', '01:30', true],
    ['2026-10-25', '01:59', true],
    ['2026-10-25', '00:59', false],
    ['2026-10-25', '02:00', false],
    ['2026-11-25', '01:30', false],
    ['2027-03-28', '01:30', false],
    ['2025-10-26', '01:30', true],
    ['2027-10-31', '01:30', true],
    ['2027-10-24', '01:30', false],
  ])('%s %s happens twice: %s', (date, time, twice) => {
    expect(isRepeatedTime(date, time)).toBe(twice);
  });

  it.each([
    ['2026-10-25', '01:30', 'BST', '2026-10-25T00:30:00.000Z'],
    ['2026-10-25', '01:30', 'GMT', '2026-10-25T01:30:00.000Z'],
    ['2026-10-25', '01:00', 'GMT', '2026-10-25T01:00:00.000Z'],
    ['2026-10-25', '01:59', 'GMT', '2026-10-25T01:59:00.000Z'],
    // A time that happens once is that time, whichever was chosen.
    ['2026-10-25', '00:59', 'GMT', '2026-10-24T23:59:00.000Z'],
    ['2026-10-25', '02:00', 'BST', '2026-10-25T02:00:00.000Z'],
    ['2026-11-25', '01:30', 'BST', '2026-11-25T01:30:00.000Z'],
    ['2027-03-28', '02:30', 'GMT', '2027-03-28T01:30:00.000Z'],
  ] as const)('%s %s read as %s is %s', (date, time, zone, utc) => {
    expect(new Date(londonInstantIn(date, time, zone)).toISOString()).toBe(utc);
  });

  it.each([
    ['2026-10-24T23:59:00Z', null],
    ['2026-10-25T00:30:00Z', 'BST'],
    ['2026-10-25T01:30:00Z', 'GMT'],
    ['2026-10-25T02:00:00Z', null],
    ['2026-11-25T01:30:00Z', null],
    ['2027-03-28T01:00:00Z', null],
  ])('%s is in the repeated hour as %s', (iso, zone) => {
    expect(repeatedZoneOf(Date.parse(iso))).toBe(zone);
  });
});
