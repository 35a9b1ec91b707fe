import { describe, expect, it } from 'vitest';
import { checkWeek, eighteenthBirthday, isYoungWorker } from '../../../../shared/domain/rota';
import { makeContext, makeStaff, shiftsFor } from './factories';
import { findingsOf } from './helpers';

const WEEK = '2026-11-02';
const young = () => makeStaff({ name: 'Jo Patel', youngWorker: true, services: ['reception', 'cleaning'], sia: null, contractedHours: 40 });

describe('isYoungWorker', () => {
  it.each([
    [{ youngWorker: true, dateOfBirth: null }, '2026-11-03', true],
    [{ youngWorker: false, dateOfBirth: null }, '2026-11-03', false],
    [{ youngWorker: false, dateOfBirth: '2008-11-04' }, '2026-11-03', true], // 18 tomorrow
    [{ youngWorker: true, dateOfBirth: '2008-11-03' }, '2026-11-03', false], // 18 today: the date of birth wins over a stale flag
    [{ youngWorker: false, dateOfBirth: '2008-02-29' }, '2026-02-28', true],
    [{ youngWorker: false, dateOfBirth: '2008-02-29' }, '2026-03-01', false], // leap-day birthday in a common year
    [{ youngWorker: false, dateOfBirth: '2010-02-28' }, '2028-02-29', false], // turned 18 the day before leap day
  ] as const)('%j on %s → %s', (staff, date, expected) => {
    expect(isYoungWorker(staff, date)).toBe(expected);
  });

  it.each([
    ['2008-02-29', '2026-03-01'],
    ['2010-02-28', '2028-02-28'],
    ['2009-12-31', '2027-12-31'],
  ])('18th birthday of %s is %s', (dob, expected) => {
    expect(eighteenthBirthday(dob)).toBe(expected);
  });
});

describe('young-worker limits (block)', () => {
  it.each([
    ['8 h paid in a day is allowed', [['2026-11-03', '09:00', '17:30', 30]], 0],
    ['8 h 1 min in a day is blocked', [['2026-11-03', '09:00', '17:31', 30]], 1],
    [
      'two shifts on one day adding to 9 h',
      [
        ['2026-11-03', '06:00', '10:00', 0],
        ['2026-11-03', '16:00', '21:00', 0],
      ],
      1,
    ],
  ] as const)('daily hours: %s', (_, rows, expected) => {
    const jo = young();
    const found = findingsOf(
      makeContext({
        staff: [jo],
        shifts: shiftsFor(
          jo,
          rows.map((r) => [...r]),
        ),
      }),
      WEEK,
      'young-daily-hours',
    );
    expect(found).toHaveLength(expected);
    expect(found.every((f) => f.severity === 'block')).toBe(true);
  });

  it.each([
    [5, '08:00', '16:30', 0], // 5 × 8 h = 40 h
    [5, '08:00', '16:31', 1], // 40 h 5 min
  ] as const)('weekly hours: %i days of %s–%s (30 min break) gives %i', (days, start, end, expected) => {
    const jo = young();
    const rows = Array.from({ length: days }, (_, i) => [`2026-11-0${2 + i}`, start, end, 30] as [string, string, string, number]);
    const found = findingsOf(makeContext({ staff: [jo], shifts: shiftsFor(jo, rows) }), WEEK, 'young-weekly-hours');
    expect(found).toHaveLength(expected);
    if (expected)
      expect(found[0].message).toBe('Jo Patel is under 18 and is rostered 40 h 5 min in the week from Mon 2 Nov; the limit is 40 h');
  });

  it.each([
    ['12 h rest is allowed', ['2026-11-03', '14:00', '21:00'], ['2026-11-04', '09:00', '15:00'], 0],
    ['11 h 59 min rest is blocked', ['2026-11-03', '14:00', '21:01'], ['2026-11-04', '09:00', '15:00'], 1],
  ] as const)('daily rest: %s', (_, a, b, expected) => {
    const jo = young();
    const ctx = makeContext({ staff: [jo], shifts: shiftsFor(jo, [[...a], [...b]]) });
    expect(findingsOf(ctx, WEEK, 'young-daily-rest')).toHaveLength(expected);
    // The adult 11 h warning does not double up on the young-worker block.
    expect(findingsOf(ctx, WEEK, 'daily-rest')).toHaveLength(0);
  });

  it.each([
    ['ending at 22:00', '14:00', '22:00', 0],
    ['ending at 22:15', '14:15', '22:15', 1],
    ['starting at 06:00', '06:00', '14:00', 0],
    ['starting at 05:45', '05:45', '13:45', 1],
    ['overnight', '22:00', '06:00', 1],
  ] as const)('night work: a shift %s', (_, start, end, expected) => {
    const jo = young();
    const found = findingsOf(makeContext({ staff: [jo], shifts: shiftsFor(jo, [['2026-11-03', start, end]]) }), WEEK, 'young-night');
    expect(found).toHaveLength(expected);
  });

  it('stops applying on the 18th birthday, mid-week', () => {
    const jo = makeStaff({ name: 'Jo Patel', dateOfBirth: '2008-11-04', services: ['cleaning'] });
    const shifts = shiftsFor(
      jo,
      [
        ['2026-11-03', '18:00', '23:00', 0],
        ['2026-11-04', '18:00', '23:00', 0],
      ],
      { service: 'cleaning' },
    );
    const found = findingsOf(makeContext({ staff: [jo], shifts }), WEEK, 'young-night');
    expect(found.map((f) => f.shiftIds[0])).toEqual([shifts[0].id]);
  });

  it('an adult is not held to young-worker limits', () => {
    const ana = makeStaff();
    const shifts = shiftsFor(ana, [['2026-11-03', '20:00', '08:00', 60]]);
    expect(checkWeek(makeContext({ staff: [ana], shifts }), WEEK).filter((f) => f.rule.startsWith('young'))).toEqual([]);
  });
});
