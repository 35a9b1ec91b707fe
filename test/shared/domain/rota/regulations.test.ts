/**
 * Rule cases worked by hand from the regulations' own words (Working Time Regulations 1998, the SIA's
 * licence sectors, HSE HSG256). Every expected figure below is counted on the calendar, not taken from
 * the engine: e.g. 16:00 Sat to 00:00 Mon is 32 h.
 */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../../shared/domain/dates';
import type { Service } from '../../../../shared/schemas/common';
import { makeContext, makeSite, makeStaff, shiftsFor } from './factories';
import { findingsOf } from './helpers';

type Row = [string, string, string, number?];
const days = (from: string, n: number, start: string, end: string, breakMinutes = 30): Row[] =>
  Array.from({ length: n }, (_, i) => [addDays(from, i), start, end, breakMinutes]);

describe('WTR reg. 11(1) and (6): 24 h rest in each fixed week, Monday 00:00 to Monday 00:00', () => {
  // The case: a cleaner on 13 days in a row, Mon 30 Nov to Sat 12 Dec 2026, 08:00–16:00.
  const cleaner = makeStaff({ name: 'Cleo Dunn', services: ['cleaning'] });
  const run = shiftsFor(cleaner, days('2026-11-30', 13, '08:00', '16:00'), { service: 'cleaning' });
  const ctx = makeContext({ staff: [cleaner], shifts: run });

  it('reg. 11(1): the 13-day run Mon 30 Nov – Sat 12 Dec gets a weekly-rest finding for the week of 30 Nov', () => {
    const found = findingsOf(ctx, '2026-11-30', 'weekly-rest');
    expect(found).toHaveLength(1);
    // Longest rest inside the week: 16:00 to 08:00 between shifts, 16 h (Sun 16:00 to Mon 00:00 is only 8 h).
    expect(found[0].measure).toEqual({
      unit: 'minutes',
      actual: 16 * 60,
      required: 24 * 60,
      kind: 'min',
      from: '2026-11-30',
      to: '2026-12-06',
    });
    expect(found[0].shiftIds).toEqual(run.slice(0, 7).map((s) => s.id));
  });

  it('reg. 11(1): the week of 7 Dec passes on its own 32 h, Sat 16:00 to Mon 00:00', () => {
    expect(findingsOf(ctx, '2026-12-07', 'weekly-rest')).toEqual([]);
  });

  it('reg. 11(6): a 36 h rest across Sunday midnight counts only its part inside each fixed week', () => {
    const ana = makeStaff();
    // Mon 2 – Sat 7 Nov 08:00–16:00, Sun 8 Nov 08:00–20:00, then off until Tue 10 Nov 08:00 (36 h).
    const rows: Row[] = [...days('2026-11-02', 6, '08:00', '16:00'), ['2026-11-08', '08:00', '20:00'], ['2026-11-10', '08:00', '16:00']];
    const c = makeContext({ staff: [ana], shifts: shiftsFor(ana, rows) });
    const [f] = findingsOf(c, '2026-11-02', 'weekly-rest');
    expect(f.measure?.actual).toBe(16 * 60);
    // The week of 9 Nov holds 32 h of that rest (Mon 00:00 to Tue 08:00) and more after Tue 16:00.
    expect(findingsOf(c, '2026-11-09', 'weekly-rest')).toEqual([]);
  });

  it.each([
    ['reg. 11(1): exactly 24 h, Sun 00:00 to Mon 00:00, is enough', '24:00', 0],
    ['reg. 11(1): 23 h 59 min, Sun 00:01 to Mon 00:00, is not', '00:01', 1],
  ] as const)('%s', (_, satEnd, expected) => {
    const ana = makeStaff();
    const rows: Row[] = [...days('2026-11-02', 5, '08:00', '16:00'), ['2026-11-07', '08:00', satEnd]];
    expect(findingsOf(makeContext({ staff: [ana], shifts: shiftsFor(ana, rows) }), '2026-11-02', 'weekly-rest')).toHaveLength(expected);
  });

  it('reg. 11(6), clocks forward: Sun 29 Mar 2026 off after a shift to Sat 24:00 is only 23 h of rest', () => {
    const ana = makeStaff();
    const rows: Row[] = [...days('2026-03-23', 5, '08:00', '16:00'), ['2026-03-28', '08:00', '24:00']];
    const [f] = findingsOf(makeContext({ staff: [ana], shifts: shiftsFor(ana, rows) }), '2026-03-23', 'weekly-rest');
    expect(f.measure?.actual).toBe(23 * 60);
  });

  it('reg. 11(6), clocks back: Sat 24:00 to Sun 25 Oct 2026 23:30 is 24 h 30 min of rest, though the wall clock shows 23 h 30 min', () => {
    const ana = makeStaff();
    const rows: Row[] = [...days('2026-10-19', 5, '08:00', '16:00'), ['2026-10-24', '08:00', '24:00'], ['2026-10-25', '23:30', '24:00']];
    expect(findingsOf(makeContext({ staff: [ana], shifts: shiftsFor(ana, rows) }), '2026-10-19', 'weekly-rest')).toEqual([]);
  });

  it.each([
    ['reg. 11(1), leap day: Tue 29 Feb 2028 off gives 36 h (Mon 20:00 to Wed 08:00)', true, 0],
    ['reg. 11(1), leap day: working Tue 29 Feb 2028 too leaves 12 h at most', false, 1],
  ] as const)('%s', (_, offLeapDay, expected) => {
    const ana = makeStaff();
    const rows = days('2028-02-28', 7, '08:00', '20:00').filter(([d]) => !(offLeapDay && d === '2028-02-29'));
    expect(findingsOf(makeContext({ staff: [ana], shifts: shiftsFor(ana, rows) }), '2028-02-28', 'weekly-rest')).toHaveLength(expected);
  });
});

describe('WTR reg. 11(2) with 11(6): two 24 h or one 48 h in each fixed 14 days, only where the employer so determines', () => {
  const fortnightly = { fortnightlyWeeklyRest: true };
  // Off Sat 31 Oct and Sun 1 Nov (16:00 Fri to 08:00 Mon: 64 h), then every day from Mon 2 Nov to Sun 15 Nov.
  const rota = () => {
    const ana = makeStaff();
    const rows: Row[] = [...days('2026-10-26', 5, '08:00', '16:00'), ...days('2026-11-02', 14, '08:00', '16:00')];
    return { ana, shifts: shiftsFor(ana, rows) };
  };

  it('reg. 11(2): 48 h off in the first week of the fortnight covers a second week worked every day', () => {
    const { ana, shifts } = rota();
    const ctx = makeContext({ staff: [ana], shifts, settings: { ...fortnightly, fortnightStarts: '2026-10-26' } });
    expect(findingsOf(ctx, '2026-11-02', 'weekly-rest')).toEqual([]);
  });

  it('reg. 11(6): the fortnights are fixed: aligned to start Mon 2 Nov, 2–15 Nov has no 48 h and is reported in its second week', () => {
    const { ana, shifts } = rota();
    const ctx = makeContext({ staff: [ana], shifts, settings: { ...fortnightly, fortnightStarts: '2026-11-02' } });
    expect(findingsOf(ctx, '2026-11-02', 'weekly-rest')).toEqual([]);
    const [f] = findingsOf(ctx, '2026-11-09', 'weekly-rest');
    expect(f.measure).toEqual({ unit: 'minutes', actual: 16 * 60, required: 48 * 60, kind: 'min', from: '2026-11-02', to: '2026-11-15' });
  });

  it('reg. 11(6): the same rota with fortnights from Mon 26 Oct has no finding, though a rolling 14 days (2–15 Nov) would', () => {
    const { ana, shifts } = rota();
    const ctx = makeContext({ staff: [ana], shifts, settings: { ...fortnightly, fortnightStarts: '2026-10-26' } });
    expect([...findingsOf(ctx, '2026-11-02', 'weekly-rest'), ...findingsOf(ctx, '2026-11-09', 'weekly-rest')]).toEqual([]);
  });

  it.each([
    ['reg. 11(2): two separate 24 h spells in the fortnight are enough', '08:00', 0],
    ['reg. 11(2): one 24 h and one of 23 h 59 min are not', '07:59', 1],
  ] as const)('%s', (_, restart, expected) => {
    const ana = makeStaff();
    // 08:00–08:00 shifts are 24 h apart; off Wed 28 Oct (32 h) and Fri 30 Oct (from 08:00 Fri... see rows).
    const rows: Row[] = [
      ['2026-10-26', '08:00', '16:00'],
      ['2026-10-27', '08:00', '16:00'],
      // Tue 16:00 to Wed 16:00: 24 h exactly.
      ['2026-10-28', '16:00', '20:00'],
      ['2026-10-29', '08:00', '16:00'],
      // Thu 16:00 to Fri 16:00 (or a minute sooner).
      ['2026-10-30', restart === '08:00' ? '16:00' : '15:59', '20:00'],
      ['2026-10-31', '08:00', '16:00'],
      ['2026-11-01', '08:00', '16:00'],
      ...days('2026-11-02', 7, '08:00', '16:00'),
    ];
    const ctx = makeContext({ staff: [ana], shifts: shiftsFor(ana, rows), settings: { ...fortnightly, fortnightStarts: '2026-10-26' } });
    expect(findingsOf(ctx, '2026-11-02', 'weekly-rest')).toHaveLength(expected);
  });
});

describe('WTR reg. 21(b) with reg. 24: security needing permanent presence is owed compensatory rest instead', () => {
  const site = (permanentPresence: boolean) => makeSite({ code: 'HAT', name: 'Hatfield Depot', permanentPresence });
  const officer = () => makeStaff({ name: 'Sam Reid', services: ['security'] });
  // 8 h rest (23:00 to 07:00) between two security shifts: 3 h short of reg. 10(1)'s 11 h.
  const shortRest = (): Row[] => [
    ['2026-11-03', '15:00', '23:00'],
    ['2026-11-04', '07:00', '15:00'],
  ];

  it('reg. 21(b): at a site needing permanent presence, 8 h daily rest is 3 h compensatory rest owed, not a reg. 10(1) warning', () => {
    const sam = officer();
    const ctx = makeContext({
      staff: [sam],
      sites: [site(true)],
      shifts: shiftsFor(sam, shortRest(), { service: 'security', site: 'HAT' }),
    });
    expect(findingsOf(ctx, '2026-11-02', 'daily-rest')).toEqual([]);
    const [f] = findingsOf(ctx, '2026-11-02', 'compensatory-rest');
    expect(f).toMatchObject({ severity: 'info', compensates: 'daily-rest', measure: { actual: 8 * 60, required: 11 * 60 } });
    expect(f.message).toMatch(/^3 h compensatory rest owed \(reg\. 21\(b\), 24\)/);
  });

  it('reg. 10(1) still applies to security at a site that does not need permanent presence', () => {
    const sam = officer();
    const ctx = makeContext({
      staff: [sam],
      sites: [site(false)],
      shifts: shiftsFor(sam, shortRest(), { service: 'security', site: 'HAT' }),
    });
    expect(findingsOf(ctx, '2026-11-02', 'daily-rest').map((f) => f.measure?.actual)).toEqual([8 * 60]);
    expect(findingsOf(ctx, '2026-11-02', 'compensatory-rest')).toEqual([]);
  });

  it('reg. 21(b): reg. 11(1) weekly rest and reg. 12(1) breaks become compensatory rest owed too', () => {
    const sam = officer();
    const rows = days('2026-11-02', 7, '07:00', '19:00', 0);
    const ctx = makeContext({ staff: [sam], sites: [site(true)], shifts: shiftsFor(sam, rows, { service: 'security', site: 'HAT' }) });
    expect(findingsOf(ctx, '2026-11-02', 'weekly-rest')).toEqual([]);
    expect(findingsOf(ctx, '2026-11-02', 'break')).toEqual([]);
    const owed = findingsOf(ctx, '2026-11-02', 'compensatory-rest');
    // Seven 12 h shifts without a break (20 min each) and 12 h longest rest against 24 h.
    expect(owed.filter((f) => f.compensates === 'break').map((f) => f.measure!.required - f.measure!.actual)).toEqual(Array(7).fill(20));
    expect(owed.filter((f) => f.compensates === 'weekly-rest').map((f) => f.measure!.required - f.measure!.actual)).toEqual([12 * 60]);
  });

  it.each([
    // Owed 3 h on Wed 4 Nov; the next rest, Wed 15:00 to Thu 09:00, is 18 h: 7 h beyond 11 h pays it.
    ['reg. 24: rest beyond the 11 h daily rest within the period pays it back', '09:00', 0],
    // Wed 15:00 to Thu 04:59 is 13 h 59 min: 2 h 59 min given, 1 min still owed when the 7 days run out.
    ['reg. 24: a minute short of it leaves rest owed when the manager’s 7 days run out', '04:59', 1],
  ] as const)('%s', (_, thursdayStart, expected) => {
    const sam = officer();
    const rows: Row[] = [
      ...shortRest(),
      ['2026-11-05', thursdayStart, '15:00'],
      // The next shift is after the due date, so the long rest before it comes too late.
      ['2026-11-13', '07:00', '15:00'],
    ];
    const ctx = makeContext({
      staff: [sam],
      sites: [site(true)],
      shifts: shiftsFor(sam, rows, { service: 'security', site: 'HAT' }),
      settings: { compensatoryRestDays: 7 },
    });
    // Due by Wed 11 Nov (7 days after Wed 4 Nov): reported in the week of 9 Nov.
    const due = findingsOf(ctx, '2026-11-09', 'compensatory-rest').filter((f) => f.severity === 'warn');
    expect(due).toHaveLength(expected);
    if (expected) expect(due[0].measure).toMatchObject({ actual: 179, required: 180, to: '2026-11-11' });
  });
});

describe('WTR young workers: reg. 11(3) weekly rest, reg. 12(4) breaks, reg. 6A night', () => {
  const young = (o = {}) => makeStaff({ name: 'Jo Park', dateOfBirth: '2010-01-15', contractedHours: 20, ...o });

  it.each([
    // Fri 15:00 to Sun 15:00 is 48 h exactly.
    ['reg. 11(3): exactly 48 h in the week, Fri 15:00 to Sun 15:00, is enough', '15:00', 0],
    ['reg. 11(3): 47 h 59 min is not', '14:59', 1],
  ] as const)('%s', (_, sundayStart, expected) => {
    const jo = young();
    const rows: Row[] = [...days('2026-11-02', 5, '09:00', '15:00'), ['2026-11-08', sundayStart, '18:00']];
    const found = findingsOf(makeContext({ staff: [jo], shifts: shiftsFor(jo, rows) }), '2026-11-02', 'young-weekly-rest');
    expect(found).toHaveLength(expected);
    if (expected) expect(found[0]).toMatchObject({ severity: 'block', measure: { actual: 48 * 60 - 1, required: 48 * 60 } });
  });

  it('reg. 11(3): the adult 24 h rule does not also report a young worker', () => {
    const jo = young();
    const rows: Row[] = days('2026-11-02', 7, '09:00', '15:00');
    const ctx = makeContext({ staff: [jo], shifts: shiftsFor(jo, rows) });
    expect(findingsOf(ctx, '2026-11-02', 'young-weekly-rest')).toHaveLength(1);
    expect(findingsOf(ctx, '2026-11-02', 'weekly-rest')).toEqual([]);
  });

  it.each([
    ['reg. 12(4): 4 h 30 min of work with no break is within the limit', '09:00', '13:30', 0, 0],
    ['reg. 12(4): 4 h 31 min of work with a 29 min break needs 30 min', '09:00', '14:00', 29, 1],
    ['reg. 12(4): 4 h 30 min of work with a 30 min break', '09:00', '14:00', 30, 0],
  ] as const)('%s', (_, start, end, breakMinutes, expected) => {
    const jo = young();
    const found = findingsOf(
      makeContext({ staff: [jo], shifts: shiftsFor(jo, [['2026-11-03', start, end, breakMinutes]]) }),
      '2026-11-02',
      'young-break',
    );
    expect(found).toHaveLength(expected);
    if (expected) expect(found[0].measure).toMatchObject({ actual: breakMinutes, required: 30 });
  });

  it('reg. 12(4) on the clock-back night is worked in real time: 00:00–04:00 on Sun 25 Oct 2026 is 5 h of work', () => {
    const jo = young({ youngLateContract: false });
    const ctx = makeContext({
      staff: [jo],
      shifts: shiftsFor(jo, [['2026-10-25', '00:00', '04:00', 0]]),
      settings: { youngNoWorkStart: '22:00', youngNoWorkEnd: '06:00' },
    });
    expect(findingsOf(ctx, '2026-10-19', 'young-break').map((f) => f.measure?.actual)).toEqual([0]);
  });

  it.each([
    ['reg. 6A: 22:00–23:00 is restricted for an under-18 on a standard contract', false, '22:00', '23:00', 1],
    ['reg. 6A: 22:00–23:00 is allowed where the contract has work after 22:00 (23:00–07:00 applies)', true, '22:00', '23:00', 0],
    ['reg. 6A: 06:00–07:00 is restricted where the contract sets 23:00–07:00', true, '06:00', '07:00', 1],
    ['reg. 6A: 06:00–07:00 is allowed under 22:00–06:00', false, '06:00', '07:00', 0],
  ] as const)('%s', (_, late, start, end, expected) => {
    const jo = young({ youngLateContract: late });
    const found = findingsOf(
      makeContext({ staff: [jo], shifts: shiftsFor(jo, [['2026-11-03', start, end, 0]]) }),
      '2026-11-02',
      'young-night',
    );
    expect(found).toHaveLength(expected);
  });

  it('reg. 6A: the restricted period is checked on leap day, 29 Feb 2028', () => {
    const jo = young({ dateOfBirth: '2011-03-01' });
    const found = findingsOf(
      makeContext({ staff: [jo], shifts: shiftsFor(jo, [['2028-02-29', '21:00', '22:30', 0]]) }),
      '2028-02-28',
      'young-night',
    );
    expect(found.map((f) => f.measure?.actual)).toEqual([30]);
  });
});

describe('Private Security Industry Act 2001: the SIA licence sector must fit the post', () => {
  const check = (
    held: 'security-guarding' | 'door-supervision' | 'cctv' | 'close-protection' | 'key-holding',
    post: 'security-guarding' | 'door-supervision' | 'cctv' | null,
  ) => {
    const ana = makeStaff({ sia: { number: '1234567890123456', sector: held, expires: '2030-12-31' } });
    const site = makeSite({ code: 'HAT', name: 'Hatfield Depot', securityLicence: post });
    const ctx = makeContext({
      staff: [ana],
      sites: [site],
      shifts: shiftsFor(ana, [['2026-11-03', '07:00', '19:00', 60]], { service: 'security', site: 'HAT' }),
    });
    return findingsOf(ctx, '2026-11-02', 'sia-sector');
  };

  it('a CCTV / control-room post needs Public Space Surveillance: a Security Guarding licence is blocked, naming both', () => {
    const [f] = check('security-guarding', 'cctv');
    expect(f.severity).toBe('block');
    expect(f.message).toBe(
      'Ana Silva holds a Security Guarding licence, but Tue 3 Nov 07:00–19:00 at HAT needs Public Space Surveillance (CCTV)',
    );
  });

  it.each([
    ['Door Supervision covers a Security Guarding post', 'door-supervision', 'security-guarding', 0],
    ['Security Guarding does not cover a Door Supervision post', 'security-guarding', 'door-supervision', 1],
    ['Public Space Surveillance covers a CCTV post', 'cctv', 'cctv', 0],
    ['Door Supervision does not cover a CCTV post', 'door-supervision', 'cctv', 1],
    ['a post naming no licence needs Security Guarding, which a CCTV licence does not cover', 'cctv', null, 1],
    ['a post naming no licence is covered by Security Guarding', 'security-guarding', null, 0],
  ] as const)('%s', (_, held, post, expected) => {
    expect(check(held, post)).toHaveLength(expected);
  });
});

describe('HSE HSG256 fatigue warnings (thresholds in Settings)', () => {
  const one = (rows: Row[], week: string, rule: Parameters<typeof findingsOf>[2], service: Service = 'security') => {
    const ana = makeStaff();
    return findingsOf(makeContext({ staff: [ana], shifts: shiftsFor(ana, rows, { service }) }), week, rule);
  };

  it.each([
    ['HSG256: a 12 h shift is within the limit', '2026-11-03', '07:00', '19:00', null],
    ['HSG256: a 12 h 1 min shift is over it', '2026-11-03', '07:00', '19:01', 721],
    // Clocks go back at 02:00 on Sun 25 Oct 2026: 19:00–07:00 lasts 13 h.
    ['HSG256: the clock-back night 19:00–07:00 on Sat 24 Oct 2026 lasts 13 h', '2026-10-24', '19:00', '07:00', 780],
    // Clocks go forward at 01:00 on Sun 29 Mar 2026: 19:00–07:00 lasts 11 h.
    ['HSG256: the clock-forward night 19:00–07:00 on Sat 28 Mar 2026 lasts 11 h', '2026-03-28', '19:00', '07:00', null],
  ] as const)('%s', (_, date, start, end, minutes) => {
    const found = one([[date, start, end, 60]], date, 'fatigue-shift-length');
    expect(found.map((f) => f.measure?.actual)).toEqual(minutes === null ? [] : [minutes]);
  });

  it.each([
    // The case: covering from 05:45 straight into a 07:00–19:00 shift is a 13 h 15 min working day.
    [
      'HSG256: 05:45 cover into a 07:00–19:00 shift is a 13 h 15 min working day',
      [
        ['2026-11-03', '05:45', '07:00', 0],
        ['2026-11-03', '07:00', '19:00', 60],
      ],
      795,
    ],
    [
      'HSG256: 06:00 cover into 07:00–19:00 is exactly 13 h, within the limit',
      [
        ['2026-11-03', '06:00', '07:00', 0],
        ['2026-11-03', '07:00', '19:00', 60],
      ],
      null,
    ],
    [
      'HSG256: cover ending an hour before the shift starts is a separate working day',
      [
        ['2026-11-03', '04:45', '06:00', 0],
        ['2026-11-03', '07:00', '19:00', 60],
      ],
      null,
    ],
    [
      'HSG256: cover ending 59 min before the shift makes one 14 h 15 min working day',
      [
        ['2026-11-03', '04:45', '06:01', 0],
        ['2026-11-03', '07:00', '19:00', 60],
      ],
      855,
    ],
    // 18:00 BST Sat 24 Oct to 07:00 GMT Sun 25 Oct is 14 h, though the wall clock shows 13 h.
    [
      'HSG256: back-to-back over the clock-back night is 14 h',
      [
        ['2026-10-24', '18:00', '02:00', 0],
        ['2026-10-25', '02:00', '07:00', 0],
      ],
      840,
    ],
    // 18:00 GMT Sat 28 Mar to 07:00 BST Sun 29 Mar is 12 h.
    [
      'HSG256: back-to-back over the clock-forward night is 12 h',
      [
        ['2026-03-28', '18:00', '03:00', 0],
        ['2026-03-29', '03:00', '07:00', 0],
      ],
      null,
    ],
  ] as [string, Row[], number | null][])('%s', (_, rows, minutes) => {
    const found = one(rows, rows[0][0], 'fatigue-working-day');
    expect(found.map((f) => f.measure?.actual)).toEqual(minutes === null ? [] : [minutes]);
  });

  it.each([
    ['HSG256: 4 nights in a row are within the limit', 4, 0],
    ['HSG256: a 5th night in a row is over it', 5, 1],
  ] as const)('%s', (_, n, expected) => {
    const found = one(days('2026-11-02', n, '22:00', '06:00'), '2026-11-02', 'fatigue-nights');
    expect(found).toHaveLength(expected);
    if (expected)
      expect(found[0].measure).toEqual({ unit: 'nights', actual: 5, required: 4, kind: 'max', from: '2026-11-02', to: '2026-11-06' });
  });

  it('HSG256: nights Sat 26 Feb – Wed 1 Mar 2028 are 5 in a row across leap day, reported in the week of 28 Feb', () => {
    const rows = days('2028-02-26', 5, '22:00', '06:00');
    expect(rows.map((r) => r[0])).toEqual(['2028-02-26', '2028-02-27', '2028-02-28', '2028-02-29', '2028-03-01']);
    const found = one(rows, '2028-02-28', 'fatigue-nights');
    expect(found.map((f) => [f.measure?.actual, f.measure?.from])).toEqual([[5, '2028-02-26']]);
    expect(one(rows, '2028-02-21', 'fatigue-nights')).toEqual([]);
  });

  it.each([
    ['HSG256: 7 shifts on 7 days in a row are within the limit', 7, 0],
    ['HSG256: an 8th day in a row is over it', 8, 1],
  ] as const)('%s', (_, n, expected) => {
    // Across the clock change: Thu 22 Oct to Thu 29 Oct 2026.
    const found = one(days('2026-10-22', n, '08:00', '16:00'), '2026-10-26', 'fatigue-shifts-in-row', 'cleaning');
    expect(found).toHaveLength(expected);
    if (expected) expect(found[0].measure).toMatchObject({ unit: 'shifts', actual: 8, required: 7, from: '2026-10-22', to: '2026-10-29' });
  });

  it('HSG256: the limits are the manager’s settings', () => {
    const ana = makeStaff();
    const ctx = makeContext({
      staff: [ana],
      shifts: shiftsFor(ana, days('2026-11-02', 3, '22:00', '06:00')),
      settings: { fatigueNights: 2 },
    });
    expect(findingsOf(ctx, '2026-11-02', 'fatigue-nights').map((f) => f.measure?.required)).toEqual([2]);
  });
});
