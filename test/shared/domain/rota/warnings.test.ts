import { describe, expect, it } from 'vitest';
import type { Service } from '../../../../shared/schemas/common';
import { makeContext, makeSite, makeStaff, shiftsFor } from './factories';
import { findingsOf } from './helpers';

const WEEK = '2026-11-02';

describe('breaks, WTR reg. 12(1) and (3) (warn over 6 h of work with under 20 min break)', () => {
  it.each<[string, string, string, number, Service, string | null]>([
    ['exactly 6 h of work, no break', '09:00', '15:00', 0, 'reception', null],
    ['6 h 1 min of work, no break', '09:00', '15:01', 0, 'reception', 'warn'],
    ['6 h 20 min with a 19 min break (6 h 1 min of work)', '09:00', '15:20', 19, 'cleaning', 'warn'],
    ['6 h 20 min with a 20 min break', '09:00', '15:20', 20, 'cleaning', null],
    ['12 h with a 60 min break', '07:00', '19:00', 60, 'reception', null],
    // Reg. 21(b) sets reg. 12(1) aside only where permanent presence is needed; this site has not said so.
    ['a security night with no break at a site without permanent presence', '19:00', '07:00', 0, 'security', 'warn'],
  ])('%s', (_, start, end, breakMinutes, service, severity) => {
    const ana = makeStaff();
    const found = findingsOf(
      makeContext({ staff: [ana], shifts: shiftsFor(ana, [['2026-11-03', start, end, breakMinutes]], { service }) }),
      WEEK,
      'break',
    );
    expect(found.map((f) => f.severity)).toEqual(severity ? [severity] : []);
  });

  it('gives the break taken and the break required as numbers', () => {
    const ana = makeStaff();
    const [f] = findingsOf(makeContext({ staff: [ana], shifts: shiftsFor(ana, [['2026-11-03', '09:00', '15:20', 19]]) }), WEEK, 'break');
    expect(f.measure).toEqual({ unit: 'minutes', actual: 19, required: 20, kind: 'min' });
  });
});

describe('contracted hours (warn above contract)', () => {
  it.each([
    [37.5, 'full-time', 5, '09:00', '17:00', 0], // 5 × 7 h 30 min = 37 h 30 min
    [37.5, 'full-time', 5, '09:00', '17:01', 1],
    [16, 'part-time', 3, '09:00', '15:00', 1], // 3 × 5 h 30 min = 16 h 30 min
    [0, 'zero-hours', 5, '09:00', '17:00', 0],
  ] as const)('%s h (%s), %i days %s–%s → %i', (contractedHours, contractType, days, start, end, expected) => {
    const ana = makeStaff({ contractedHours, contractType });
    const rows = Array.from({ length: days }, (_, i) => [`2026-11-0${2 + i}`, start, end] as [string, string, string]);
    const found = findingsOf(makeContext({ staff: [ana], shifts: shiftsFor(ana, rows) }), WEEK, 'contracted-hours');
    expect(found).toHaveLength(expected);
  });

  it('counts the real length of the clock-back night', () => {
    // Two 22:00–06:00 nights, one on Sat 24 Oct 2026 (9 h): 8 + 9 − 1 h of breaks = 16 h against a 15.5 h contract.
    const ana = makeStaff({ contractedHours: 15.5, contractType: 'part-time' });
    const shifts = shiftsFor(ana, [
      ['2026-10-23', '22:00', '06:00'],
      ['2026-10-24', '22:00', '06:00'],
    ]);
    const [f] = findingsOf(makeContext({ staff: [ana], shifts }), '2026-10-19', 'contracted-hours');
    expect(f.message).toBe('Ana Silva is rostered 16 h in the week from Mon 19 Oct; their contract is 15 h 30 min');
  });
});

describe('availability (warn outside stated availability)', () => {
  const availability = {
    mon: [{ start: '06:00', end: '14:00' }],
    tue: [{ start: '22:00', end: '06:00' }], // nights, into Wednesday morning
    wed: [],
    thu: [{ start: '00:00', end: '24:00' }],
    fri: [{ start: '00:00', end: '24:00' }],
  };
  it.each([
    ['inside a stated window', '2026-11-02', '07:00', '14:00', 0],
    ['running past its end', '2026-11-02', '07:00', '15:00', 1],
    ['a night inside a past-midnight window', '2026-11-03', '22:00', '06:00', 0],
    ['on a day marked unavailable', '2026-11-04', '09:00', '12:00', 1],
    ['across midnight between two whole available days', '2026-11-05', '20:00', '08:00', 0],
    ['on a day left out', '2026-11-07', '09:00', '12:00', 1],
  ] as const)('%s', (_, date, start, end, expected) => {
    const ana = makeStaff({ availability });
    expect(findingsOf(makeContext({ staff: [ana], shifts: shiftsFor(ana, [[date, start, end]]) }), WEEK, 'availability')).toHaveLength(
      expected,
    );
  });

  it('says nothing for someone who stated no availability', () => {
    const ana = makeStaff({ availability: {} });
    expect(
      findingsOf(makeContext({ staff: [ana], shifts: shiftsFor(ana, [['2026-11-07', '03:00', '09:00']]) }), WEEK, 'availability'),
    ).toEqual([]);
  });
});

describe('familiarity (warn at a site that is not home or familiar)', () => {
  it.each([
    ['home site', 'CH', 0],
    ['familiar site', 'LIB', 0],
    ['new site', 'DEP', 1],
  ] as const)('%s', (_, site, expected) => {
    const ana = makeStaff({ homeSite: 'CH', familiarSites: ['LIB'] });
    const sites = [makeSite(), makeSite({ code: 'LIB', name: 'Central Library' }), makeSite({ code: 'DEP', name: 'Highways Depot' })];
    const found = findingsOf(
      makeContext({ staff: [ana], sites, shifts: shiftsFor(ana, [['2026-11-03', '07:00', '15:00']], { site }) }),
      WEEK,
      'familiarity',
    );
    expect(found).toHaveLength(expected);
    if (expected)
      expect(found[0].message).toBe(
        'Ana Silva does not know Highways Depot (DEP) (not a home or familiar site): Tue 3 Nov 07:00–15:00; arrange a site induction',
      );
  });
});

describe('SIA licence expiring (warn within 60 days)', () => {
  it.each([
    ['expires in 61 days', '2027-01-03', 0],
    ['expires in exactly 60 days', '2027-01-02', 1],
    ['expires in 10 days', '2026-11-13', 1],
  ] as const)('%s of a Tue 3 Nov security shift', (_, expires, expected) => {
    const ana = makeStaff({ sia: { number: '1234567890123456', sector: 'security-guarding', expires } });
    const ctx = makeContext({ staff: [ana], shifts: shiftsFor(ana, [['2026-11-03', '07:00', '19:00']], { service: 'security' }) });
    const found = findingsOf(ctx, WEEK, 'sia-expiring');
    expect(found).toHaveLength(expected);
    expect(findingsOf(ctx, WEEK, 'sia-licence')).toEqual([]);
  });

  it('is one warning for the week, naming every security shift, and none for reception work', () => {
    const ana = makeStaff({ sia: { number: '1234567890123456', sector: 'security-guarding', expires: '2026-12-01' } });
    const shifts = [
      ...shiftsFor(
        ana,
        [
          ['2026-11-03', '07:00', '19:00'],
          ['2026-11-05', '07:00', '19:00'],
        ],
        { service: 'security' },
      ),
      ...shiftsFor(ana, [['2026-11-04', '07:00', '15:00']], { service: 'reception' }),
    ];
    const found = findingsOf(makeContext({ staff: [ana], shifts }), WEEK, 'sia-expiring');
    expect(found).toEqual([
      {
        rule: 'sia-expiring',
        severity: 'warn',
        staffId: ana.id,
        shiftIds: [shifts[0].id, shifts[1].id],
        message: "Ana Silva's SIA licence expires Tue 1 Dec 2026 (28 days after Tue 3 Nov 2026); start the renewal",
        // 3 Nov to 1 Dec is 28 days; the warning period is the 60-day default.
        measure: { unit: 'days', actual: 28, required: 60, kind: 'min', from: '2026-11-03', to: '2026-12-01' },
      },
    ]);
  });
});
