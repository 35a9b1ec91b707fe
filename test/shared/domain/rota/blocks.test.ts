import { describe, expect, it } from 'vitest';
import { checkWeek } from '../../../../shared/domain/rota';
import { makeContext, makeShift, makeStaff, shiftsFor } from './factories';
import { findingsOf } from './helpers';

const WEEK = '2026-11-02'; // Monday

describe('overlap (block)', () => {
  it.each([
    ['same day, overlapping by an hour', ['2026-11-03', '07:00', '15:00'], ['2026-11-03', '14:00', '22:00'], 1],
    ['touching ends do not overlap', ['2026-11-03', '07:00', '15:00'], ['2026-11-03', '15:00', '23:00'], 0],
    ['a night shift into the next morning', ['2026-11-03', '22:00', '06:00'], ['2026-11-04', '05:00', '13:00'], 1],
    ['a night shift ending as the morning starts', ['2026-11-03', '22:00', '06:00'], ['2026-11-04', '06:00', '14:00'], 0],
    // Clocks go back: 22:00–06:00 ends at 06:00 GMT, an hour later than it would in summer.
    ['clock-back night running into 05:30', ['2026-10-24', '22:00', '06:00'], ['2026-10-25', '05:30', '13:00'], 1],
    ['identical shifts', ['2026-11-05', '09:00', '17:00'], ['2026-11-05', '09:00', '17:00'], 1],
  ] as const)('%s', (_, a, b, expected) => {
    const ana = makeStaff();
    const shifts = shiftsFor(ana, [[...a], [...b]]);
    const found = findingsOf(makeContext({ staff: [ana], shifts }), b[0], 'overlap');
    expect(found).toHaveLength(expected);
    if (expected) {
      expect(found[0]).toMatchObject({ severity: 'block', staffId: ana.id, shiftIds: shifts.map((s) => s.id) });
      expect(found[0].message).toContain('Ana Silva is on two shifts at once');
    }
  });

  it('reports a pair straddling two weeks once, in the week of the later shift', () => {
    const ana = makeStaff();
    const shifts = shiftsFor(ana, [
      ['2026-11-01', '20:00', '08:00'],
      ['2026-11-02', '07:00', '15:00'],
    ]);
    const ctx = makeContext({ staff: [ana], shifts });
    expect(findingsOf(ctx, '2026-10-26', 'overlap')).toHaveLength(0);
    expect(findingsOf(ctx, WEEK, 'overlap')).toHaveLength(1);
  });

  it('finds a short shift inside a long one even with another in between', () => {
    const ana = makeStaff();
    const shifts = shiftsFor(ana, [
      ['2026-11-03', '06:00', '22:00'],
      ['2026-11-03', '08:00', '09:00'],
      ['2026-11-03', '12:00', '13:00'],
    ]);
    expect(findingsOf(makeContext({ staff: [ana], shifts }), WEEK, 'overlap')).toHaveLength(2);
  });

  it('ignores deleted shifts and other people', () => {
    const ana = makeStaff();
    const ben = makeStaff({ name: 'Ben Okafor' });
    const shifts = [
      makeShift({ date: '2026-11-03', start: '07:00', end: '15:00', staffId: ana.id }),
      makeShift({ date: '2026-11-03', start: '08:00', end: '16:00', staffId: ana.id, deleted: true }),
      makeShift({ date: '2026-11-03', start: '08:00', end: '16:00', staffId: ben.id }),
    ];
    expect(findingsOf(makeContext({ staff: [ana, ben], shifts }), WEEK, 'overlap')).toEqual([]);
  });
});

describe('service (block)', () => {
  it.each([
    [['reception'], 'reception', 0],
    [['reception'], 'security', 1],
    [['cleaning', 'security'], 'cleaning', 0],
  ] as const)('services %j working %s gives %i', (services, service, expected) => {
    const ana = makeStaff({ services: [...services] });
    const shifts = shiftsFor(ana, [['2026-11-03', '07:00', '15:00']], { service });
    const found = findingsOf(makeContext({ staff: [ana], shifts }), WEEK, 'service');
    expect(found).toHaveLength(expected);
    if (expected) expect(found[0].message).toBe(`Ana Silva is not set up for ${service} work: Tue 3 Nov 07:00–15:00 at CH`);
  });
});

describe('SIA licence (block)', () => {
  // Licence expires Wednesday 4 Nov 2026: valid to the end of that day.
  const expiringWednesday = { number: '1234567890123456', sector: 'security-guarding' as const, expires: '2026-11-04' };

  it.each([
    ['Monday day shift', '2026-11-02', '07:00', '19:00', null],
    ['Wednesday day shift (last valid day)', '2026-11-04', '07:00', '19:00', null],
    [
      'Wednesday night shift running into Thursday',
      '2026-11-04',
      '19:00',
      '07:00',
      "Ana Silva's SIA licence runs out at the end of 4 Nov, before this shift ends (Wed 4 Nov 19:00–07:00 at CH)",
    ],
    [
      'Thursday day shift',
      '2026-11-05',
      '07:00',
      '19:00',
      "Ana Silva's SIA licence expired on 4 Nov, 1 day before this shift (Thu 5 Nov 07:00–19:00 at CH)",
    ],
    [
      'Sunday day shift',
      '2026-11-08',
      '07:00',
      '19:00',
      "Ana Silva's SIA licence expired on 4 Nov, 4 days before this shift (Sun 8 Nov 07:00–19:00 at CH)",
    ],
  ] as const)('licence to Wed 4 Nov: %s', (_, date, start, end, expected) => {
    const ana = makeStaff({ sia: expiringWednesday });
    const shifts = shiftsFor(ana, [[date, start, end]], { service: 'security' });
    const found = findingsOf(makeContext({ staff: [ana], shifts }), WEEK, 'sia-licence');
    expect(found.map((f) => f.message)).toEqual(expected ? [expected] : []);
  });

  it('says how long before a later shift the licence expired, the way the issue asks (33 days before Mon 7 Dec)', () => {
    const ana = makeStaff({ sia: expiringWednesday });
    const shifts = shiftsFor(ana, [['2026-12-07', '07:00', '19:00']], { service: 'security' });
    const found = findingsOf(makeContext({ staff: [ana], shifts }), '2026-12-07', 'sia-licence');
    expect(found.map((f) => f.message)).toEqual([
      "Ana Silva's SIA licence expired on 4 Nov, 33 days before this shift (Mon 7 Dec 07:00–19:00 at CH)",
    ]);
  });

  it('blocks security work with no licence, but not reception work', () => {
    const ana = makeStaff({ sia: null });
    const shifts = [
      ...shiftsFor(ana, [['2026-11-03', '07:00', '19:00']], { service: 'security' }),
      ...shiftsFor(ana, [['2026-11-04', '07:00', '15:00']], { service: 'reception' }),
    ];
    const found = findingsOf(makeContext({ staff: [ana], shifts }), WEEK, 'sia-licence');
    expect(found.map((f) => f.shiftIds)).toEqual([[shifts[0].id]]);
    expect(found[0].message).toBe('Ana Silva has no SIA licence on record for Tue 3 Nov 07:00–19:00 at CH');
  });
});

describe('absence (block for approved, info for requested)', () => {
  it.each([
    ['whole-day leave on the day', { from: '2026-11-03', to: '2026-11-03' }, '2026-11-03', '07:00', '15:00', 'absence'],
    ['leave ending the day before', { from: '2026-10-26', to: '2026-11-02' }, '2026-11-03', '07:00', '15:00', null],
    [
      'a night shift running into the first day of leave',
      { from: '2026-11-04', to: '2026-11-06' },
      '2026-11-03',
      '22:00',
      '06:00',
      'absence',
    ],
    [
      'part-day training in the afternoon, morning shift',
      { from: '2026-11-03', to: '2026-11-03', kind: 'training' as const, partDay: { start: '13:00', end: '17:00' } },
      '2026-11-03',
      '07:00',
      '13:00',
      null,
    ],
    [
      'part-day training in the afternoon, day shift',
      { from: '2026-11-03', to: '2026-11-03', kind: 'training' as const, partDay: { start: '13:00', end: '17:00' } },
      '2026-11-03',
      '07:00',
      '15:00',
      'absence',
    ],
    [
      'part-day on a later day of a range',
      { from: '2026-11-02', to: '2026-11-06', partDay: { start: '09:00', end: '10:00' } },
      '2026-11-05',
      '08:00',
      '12:00',
      'absence',
    ],
    [
      'requested, not approved',
      { from: '2026-11-03', to: '2026-11-03', approved: false },
      '2026-11-03',
      '07:00',
      '15:00',
      'absence-pending',
    ],
  ] as const)('%s', (_, absence, date, start, end, rule) => {
    const ana = makeStaff({ absences: [{ ...absence }] });
    const shifts = shiftsFor(ana, [[date, start, end]]);
    const rules = checkWeek(makeContext({ staff: [ana], shifts }), WEEK)
      .filter((f) => f.rule === 'absence' || f.rule === 'absence-pending')
      .map((f) => `${f.rule}/${f.severity}`);
    expect(rules).toEqual(rule === null ? [] : [rule === 'absence' ? 'absence/block' : 'absence-pending/info']);
  });

  it('says what the absence is', () => {
    const ana = makeStaff({ absences: [{ kind: 'sickness', from: '2026-11-02', to: '2026-11-04' }] });
    const [f] = findingsOf(makeContext({ staff: [ana], shifts: shiftsFor(ana, [['2026-11-03', '07:00', '15:00']]) }), WEEK, 'absence');
    expect(f.message).toBe('Ana Silva is on approved sick leave Mon 2 Nov to Wed 4 Nov, during Tue 3 Nov 07:00–15:00 at CH');
  });
});

describe('staff record (block)', () => {
  it('blocks a shift given to someone not on the staff list', () => {
    const shift = makeShift({ date: '2026-11-03', start: '07:00', end: '15:00', staffId: 'ghost-000001' });
    const found = checkWeek(makeContext({ shifts: [shift] }), WEEK);
    expect(found).toEqual([
      {
        rule: 'staff-record',
        severity: 'block',
        staffId: 'ghost-000001',
        shiftIds: [shift.id],
        message: 'Tue 3 Nov 07:00–15:00 at CH is given to someone who is not on the staff list',
      },
    ]);
  });

  it('blocks shifts on or after the day someone left, not before', () => {
    const ana = makeStaff({ archived: true, archivedOn: '2026-11-04' });
    const shifts = shiftsFor(ana, [
      ['2026-11-03', '07:00', '15:00'],
      ['2026-11-04', '07:00', '15:00'],
    ]);
    const found = findingsOf(makeContext({ staff: [ana], shifts }), WEEK, 'staff-record');
    expect(found.map((f) => f.shiftIds)).toEqual([[shifts[1].id]]);
  });
});
