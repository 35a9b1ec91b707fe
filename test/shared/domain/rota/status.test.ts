import { describe, expect, it } from 'vitest';
import { absencesDuring, hasStatedAvailability, licenceStatus, withinAvailability } from '../../../../shared/domain/rota';
import { makeStaff } from './factories';

describe('licenceStatus', () => {
  const sia = (expires: string) => ({ sia: { number: '1234567890123456', sector: 'door-supervision' as const, expires } });
  it.each([
    [{ sia: null }, '2026-11-02', { status: 'none', daysLeft: null }],
    [sia('2027-06-30'), '2026-11-02', { status: 'valid', daysLeft: 240 }],
    [sia('2026-11-04'), '2026-11-02', { status: 'expiring', daysLeft: 2 }], // valid Monday
    [sia('2026-11-04'), '2026-11-04', { status: 'expiring', daysLeft: 0 }], // last day
    [sia('2026-11-04'), '2026-11-05', { status: 'expired', daysLeft: -1 }], // expired Thursday
    [sia('2027-01-01'), '2026-12-31', { status: 'expiring', daysLeft: 1 }], // year end
    [sia('2028-02-29'), '2028-02-28', { status: 'expiring', daysLeft: 1 }], // leap day
    [sia('2028-02-29'), '2028-03-01', { status: 'expired', daysLeft: -1 }],
  ] as const)('%j on %s', (staff, date, expected) => {
    expect(licenceStatus(staff, date)).toEqual(expected);
  });

  it('takes the warning window as a parameter', () => {
    expect(licenceStatus(sia('2026-12-02'), '2026-11-02', 30).status).toBe('expiring');
    expect(licenceStatus(sia('2026-12-03'), '2026-11-02', 30).status).toBe('valid');
  });
});

describe('absencesDuring', () => {
  const staff = makeStaff({
    absences: [
      { kind: 'annual-leave', from: '2026-12-24', to: '2027-01-02' },
      { kind: 'training', from: '2026-11-03', to: '2026-11-03', partDay: { start: '09:00', end: '12:00' } },
      { kind: 'other', from: '2026-11-10', to: '2026-11-10', partDay: { start: '22:00', end: '02:00' }, approved: false },
    ],
  });
  it.each([
    ['2026-12-23', '14:00', '22:00', []],
    ['2026-12-23', '20:00', '08:00', ['annual-leave']], // a night into the first day of leave
    ['2027-01-02', '09:00', '17:00', ['annual-leave']], // across the year end
    ['2027-01-03', '07:00', '15:00', []],
    ['2026-11-03', '06:00', '09:00', []], // touching the part-day window
    ['2026-11-03', '06:00', '09:01', ['training']],
    ['2026-11-11', '01:00', '05:00', ['other']], // a part-day window past midnight
    ['2026-11-11', '02:00', '05:00', []],
  ] as const)('%s %s–%s', (date, start, end, kinds) => {
    expect(absencesDuring(staff, { date, start, end }).map((a) => a.kind)).toEqual(kinds);
  });
});

describe('withinAvailability', () => {
  it('treats no stated availability as always available', () => {
    const staff = makeStaff({ availability: {} });
    expect(hasStatedAvailability(staff)).toBe(false);
    expect(withinAvailability(staff, { date: '2026-11-08', start: '02:00', end: '04:00' })).toBe(true);
  });

  it.each([
    ['2026-11-02', '08:00', '12:00', true],
    ['2026-11-02', '08:00', '16:00', true], // two touching windows join
    ['2026-11-02', '08:00', '16:01', false],
    ['2026-11-02', '07:59', '12:00', false],
    ['2026-11-08', '22:00', '06:00', true], // Sunday night into Monday
  ] as const)('%s %s–%s', (date, start, end, expected) => {
    const staff = makeStaff({
      availability: {
        mon: [
          { start: '00:00', end: '06:00' },
          { start: '08:00', end: '12:00' },
          { start: '12:00', end: '16:00' },
        ],
        sun: [{ start: '20:00', end: '24:00' }],
      },
    });
    expect(withinAvailability(staff, { date, start, end })).toBe(expected);
  });
});
