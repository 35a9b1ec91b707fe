import { describe, expect, it } from 'vitest';
import { addDays } from '../../../../shared/domain/dates';
import { makeContext, makeStaff, shiftsFor } from './factories';
import { findingsOf } from './helpers';

type Row = [string, string, string];

describe('daily rest (warn under 11 h)', () => {
  it.each<[string, Row, Row, number | null]>([
    ['exactly 11 h is fine', ['2026-11-03', '07:00', '15:00'], ['2026-11-04', '02:00', '10:00'], null],
    ['10 h 59 min warns', ['2026-11-03', '07:00', '15:01'], ['2026-11-04', '02:00', '10:00'], 10 * 60 + 59],
    ['night then afternoon', ['2026-11-03', '22:00', '06:00'], ['2026-11-04', '15:00', '23:00'], 9 * 60],
    ['touching shifts are one stretch of work', ['2026-11-03', '06:00', '14:00'], ['2026-11-03', '14:00', '22:00'], null],
    ['across a month end', ['2026-11-30', '14:00', '22:00'], ['2026-12-01', '06:00', '14:00'], 8 * 60],
    ['across a year end', ['2026-12-31', '22:00', '06:00'], ['2027-01-01', '15:00', '23:00'], 9 * 60],
    ['onto leap day', ['2028-02-28', '14:00', '23:00'], ['2028-02-29', '07:00', '15:00'], 8 * 60],
    // Clocks go forward at 01:00 on Sun 29 Mar 2026: 23:00 to 10:00 on the wall is only 10 h.
    ['clock-forward night loses an hour', ['2026-03-28', '14:00', '23:00'], ['2026-03-29', '10:00', '18:00'], 10 * 60],
    // Clocks go back on Sun 25 Oct 2026: 23:00 to 09:00 on the wall is 11 h.
    ['clock-back night gains an hour', ['2026-10-24', '14:00', '23:00'], ['2026-10-25', '09:00', '17:00'], null],
  ])('%s', (_, a, b, rest) => {
    const ana = makeStaff();
    const shifts = shiftsFor(ana, [a, b]);
    const found = findingsOf(makeContext({ staff: [ana], shifts }), b[0], 'daily-rest');
    expect(found.map((f) => f.measure)).toEqual(rest === null ? [] : [{ unit: 'minutes', actual: rest, required: 11 * 60, kind: 'min' }]);
    if (rest) expect(found[0]).toMatchObject({ severity: 'warn', staffId: ana.id, shiftIds: shifts.map((s) => s.id) });
  });

  it('words the warning for a manager', () => {
    const ana = makeStaff();
    const shifts = shiftsFor(ana, [
      ['2026-11-03', '22:00', '06:00'],
      ['2026-11-04', '15:00', '23:00'],
    ]);
    const [f] = findingsOf(makeContext({ staff: [ana], shifts }), '2026-11-02', 'daily-rest');
    expect(f.message).toBe('Ana Silva has 9 h rest between Tue 3 Nov 22:00–06:00 and Wed 4 Nov 15:00–23:00; 11 h required');
  });

  it('measures rest from the end of a long earlier shift, not the shift just before', () => {
    const ana = makeStaff();
    // A short shift inside a long one: rest runs from 22:00, when the long one ends.
    const shifts = shiftsFor(ana, [
      ['2026-11-03', '08:00', '22:00'],
      ['2026-11-03', '09:00', '10:00'],
      ['2026-11-04', '07:00', '15:00'],
    ]);
    const found = findingsOf(makeContext({ staff: [ana], shifts }), '2026-11-02', 'daily-rest');
    expect(found.map((f) => f.shiftIds)).toEqual([[shifts[0].id, shifts[2].id]]);
  });

  it('looks back into the previous week, and reports the pair only in the later week', () => {
    const ana = makeStaff();
    const shifts = shiftsFor(ana, [
      ['2026-11-01', '22:00', '06:00'],
      ['2026-11-02', '14:00', '22:00'],
    ]);
    const ctx = makeContext({ staff: [ana], shifts });
    expect(findingsOf(ctx, '2026-11-02', 'daily-rest')).toHaveLength(1);
    expect(findingsOf(ctx, '2026-10-26', 'daily-rest')).toHaveLength(0);
  });
});

/** Twelve-hour days from `from` for `days` days: 12 h rest between each. */
const dailyTwelves = (from: string, days: number): Row[] => Array.from({ length: days }, (_, i) => [addDays(from, i), '07:00', '19:00']);

describe('weekly rest, WTR reg. 11(1) and (6): 24 h in each fixed 7-day period from Monday 00:00', () => {
  it('warns when the week is worked every day', () => {
    const ana = makeStaff();
    const shifts = shiftsFor(ana, dailyTwelves('2026-10-26', 14));
    const found = findingsOf(makeContext({ staff: [ana], shifts }), '2026-11-02', 'weekly-rest');
    expect(found).toHaveLength(1);
    expect(found[0].shiftIds).toHaveLength(7);
    expect(found[0].message).toBe('Ana Silva has no 24 h break in the week from Mon 2 Nov (longest 12 h)');
    expect(found[0].measure).toEqual({
      unit: 'minutes',
      actual: 12 * 60,
      required: 24 * 60,
      kind: 'min',
      from: '2026-11-02',
      to: '2026-11-08',
    });
  });

  it('is not satisfied by 48 h off in the week before: reg. 11(2) applies only where the employer so determines', () => {
    const ana = makeStaff();
    const shifts = shiftsFor(ana, [...dailyTwelves('2026-10-26', 5), ...dailyTwelves('2026-11-02', 7)]);
    expect(findingsOf(makeContext({ staff: [ana], shifts }), '2026-11-02', 'weekly-rest')).toHaveLength(1);
  });

  it.each([
    ['exactly 24 h off in the week is enough', '19:00', 0],
    ['23 h 59 min off is not', '18:59', 1],
  ] as const)('%s', (_, restartTime, expected) => {
    const ana = makeStaff();
    // Worked every day of both weeks, except Wed 4 Nov to Thu 5 Nov: off from 19:00 Wed to the given time Thu.
    const rows = dailyTwelves('2026-10-26', 14).filter(([d]) => d !== '2026-11-05');
    rows.push(['2026-11-05', restartTime, '23:30']);
    const found = findingsOf(makeContext({ staff: [ana], shifts: shiftsFor(ana, rows) }), '2026-11-02', 'weekly-rest');
    expect(found).toHaveLength(expected);
  });
});
