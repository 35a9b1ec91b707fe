import { describe, expect, it } from 'vitest';
import { addDays } from '../../../../shared/domain/dates';
import type { Staff } from '../../../../shared/schemas/staff';
import { makeContext, makeStaff, shiftsFor } from './factories';
import { findingsOf } from './helpers';

type Row = [string, string, string, number?];

/** The same week pattern repeated for `weeks` weeks ending with the week of Monday `lastMonday`. */
const repeatWeeks = (lastMonday: string, weeks: number, pattern: (monday: string) => Row[]): Row[] =>
  Array.from({ length: weeks }, (_, i) => pattern(addDays(lastMonday, -7 * (weeks - 1 - i)))).flat();

/** Four shifts a week, Mon–Thu, from `start` to `end` with no break. */
const fourDays =
  (start: string, end: string) =>
  (monday: string): Row[] =>
    [0, 1, 2, 3].map((d) => [addDays(monday, d), start, end, 0]);

const WEEK = '2026-11-02';
const reception = (o: Partial<Staff> = {}) => makeStaff({ services: ['reception'], sia: null, ...o });

describe('average weekly hours (warn over 48 h, 17 weeks; 26 for security)', () => {
  it.each([
    ['48 h a week for 17 weeks is fine', fourDays('07:00', '19:00'), 0],
    ['49 h a week for 17 weeks warns', fourDays('07:00', '19:15'), 1],
  ] as const)('%s', (_, pattern, expected) => {
    const ana = reception();
    const found = findingsOf(makeContext({ staff: [ana], shifts: shiftsFor(ana, repeatWeeks(WEEK, 17, pattern)) }), WEEK, 'average-hours');
    expect(found).toHaveLength(expected);
    if (expected)
      expect(found[0].message).toBe(
        'Ana Silva averages 49 h a week over the 17 weeks to Sun 8 Nov 2026; the limit is 48 h without a signed opt-out',
      );
    // WTR reg. 4(3): 17 weeks, Mon 13 Jul to Sun 8 Nov 2026; 4 × 12 h 15 min = 49 h a week.
    if (expected)
      expect(found[0].measure).toEqual({
        unit: 'minutes',
        actual: 49 * 60,
        required: 48 * 60,
        kind: 'max',
        from: '2026-07-13',
        to: '2026-11-08',
        weeks: 17,
      });
  });

  it.each([
    ['no opt-out', null, 1],
    ['opted out before the week', { signed: '2026-01-10' }, 0],
    ['opted out mid-week', { signed: '2026-11-04' }, 0],
    ['opted out after the week', { signed: '2026-11-09' }, 1],
  ] as const)('%s', (_, optOut, expected) => {
    const ana = reception({ optOut });
    const shifts = shiftsFor(ana, repeatWeeks(WEEK, 17, fourDays('07:00', '20:00')));
    expect(findingsOf(makeContext({ staff: [ana], shifts }), WEEK, 'average-hours')).toHaveLength(expected);
  });

  it('averages security staff over 26 weeks', () => {
    const guard = makeStaff({ name: 'Sam Reid', services: ['security'] });
    const other = reception({ name: 'Lee Chan' });
    // 17 heavy weeks (52 h) and nothing before: 52 × 17 / 26 = 34 h for the guard, 52 h for the receptionist.
    const heavy = repeatWeeks(WEEK, 17, fourDays('07:00', '20:00'));
    const ctx = makeContext({
      staff: [guard, other],
      shifts: [...shiftsFor(guard, heavy, { service: 'security' }), ...shiftsFor(other, heavy)],
    });
    expect(findingsOf(ctx, WEEK, 'average-hours').map((f) => f.staffId)).toEqual([other.id]);
    const longer = makeContext({
      staff: [guard],
      shifts: shiftsFor(guard, repeatWeeks(WEEK, 26, fourDays('07:00', '20:00')), { service: 'security' }),
    });
    expect(findingsOf(longer, WEEK, 'average-hours')[0].message).toContain('over the 26 weeks to Sun 8 Nov 2026');
  });

  describe('a reference period spanning the year end (17 weeks to Sun 10 Jan 2027, from Mon 14 Sep 2026)', () => {
    const week = '2027-01-04';
    const base = repeatWeeks(week, 17, fourDays('07:00', '19:00')); // exactly 48 h a week
    it.each([
      ['an extra shift the day before the period does not count', ['2026-09-13', '09:00', '21:00', 0] as Row, 0],
      ['an extra minute on its first day tips it over', ['2026-09-14', '20:00', '20:01', 0] as Row, 1],
    ])('%s', (_, extra, expected) => {
      const ana = reception();
      expect(findingsOf(makeContext({ staff: [ana], shifts: shiftsFor(ana, [...base, extra]) }), week, 'average-hours')).toHaveLength(
        expected,
      );
    });
  });
});

describe('night work (warn over 8 h a day on average for night workers, opt-out or not)', () => {
  it.each([
    // 4 nights × 12 h = 48 h a week: 816 h over 102 working days is exactly 8 h.
    ['four 12 h nights a week, exactly 8 h', fourDays('19:00', '07:00'), null, 0],
    ['five 12 h nights a week', (m: string): Row[] => [0, 1, 2, 3, 4].map((d) => [addDays(m, d), '19:00', '07:00', 0]), null, 1],
    [
      'five 12 h nights a week, opted out',
      (m: string): Row[] => [0, 1, 2, 3, 4].map((d) => [addDays(m, d), '19:00', '07:00', 0]),
      { signed: '2025-01-01' },
      1,
    ],
    ['three 12 h nights a week', (m: string): Row[] => [0, 1, 2].map((d) => [addDays(m, d), '19:00', '07:00', 0]), null, 0],
    [
      'five 12 h days a week are not night work',
      (m: string): Row[] => [0, 1, 2, 3, 4].map((d) => [addDays(m, d), '07:00', '19:00', 0]),
      null,
      0,
    ],
  ] as const)('%s', (_, pattern, optOut, expected) => {
    const ana = reception({ optOut });
    const found = findingsOf(makeContext({ staff: [ana], shifts: shiftsFor(ana, repeatWeeks(WEEK, 17, pattern)) }), WEEK, 'night-work');
    expect(found).toHaveLength(expected);
    if (expected)
      expect(found[0].message).toBe(
        'Ana Silva works nights and averages 10 h a day over the 17 weeks to Sun 8 Nov 2026; night workers are limited to 8 h, opt-out or not',
      );
    // WTR reg. 6(3): 5 × 12 h × 17 weeks = 1,020 h over 17 × 6 = 102 days is 10 h a day.
    if (expected)
      expect(found[0].measure).toEqual({
        unit: 'minutes',
        actual: 600,
        required: 480,
        kind: 'max',
        from: '2026-07-13',
        to: '2026-11-08',
        weeks: 17,
      });
  });

  it('one minute over 8 h a day warns', () => {
    const ana = reception();
    const rows = [...repeatWeeks(WEEK, 17, fourDays('19:00', '07:00')), ['2026-11-08', '12:00', '12:01', 0] as Row];
    expect(findingsOf(makeContext({ staff: [ana], shifts: shiftsFor(ana, rows) }), WEEK, 'night-work')).toHaveLength(1);
  });

  it.each([
    ['20:00–02:00 (3 h of night time) makes a night worker', '20:00', '02:00', 1],
    ['20:00–01:59 (2 h 59 min) does not', '20:00', '01:59', 0],
  ] as const)('%s', (_, start, end, expected) => {
    const ana = reception();
    // Heavy history (60 h a week of days), so only the night-worker test decides.
    const rows = [
      ...repeatWeeks(WEEK, 17, (m) => [0, 1, 2, 3, 4].map((d) => [addDays(m, d), '07:00', '19:00', 0] as Row)),
      ['2026-11-07', start, end, 0] as Row,
    ];
    expect(findingsOf(makeContext({ staff: [ana], shifts: shiftsFor(ana, rows) }), WEEK, 'night-work')).toHaveLength(expected);
  });
});
