/** What a leave request takes from each leave year, worked by hand. */
import { describe, expect, it } from 'vitest';
import { bankHolidayDates } from '../../../../shared/domain/bankHolidays';
import { leaveEffect, overdrawn } from '../../../../shared/domain/leave/request';
import { makeStaff } from '../rota/factories';

const HOLIDAYS = bankHolidayDates('2014-01-01', '2028-12-31');
const request = (from: string, to: string) => ({ id: 'leave-00001', from, to, partDay: null, note: '' });

describe('leaveEffect', () => {
  it('leave across the new year is split between the two leave years; 1 Jan 2027 is a bank holiday and not taken as leave', () => {
    // Full-time, 37.5 h, calendar years, bank holidays count: Wed 30 and Thu 31 Dec 2026; Mon 4 and Tue 5 Jan 2027.
    const ana = makeStaff({
      contractedHours: 37.5,
      leave: { daysPerWeek: 5, extraDays: 0, carriedDays: 0, bankHolidaysCount: true, started: null, yearStart: '01-01' },
    });
    const effects = leaveEffect(ana, request('2026-12-30', '2027-01-05'), HOLIDAYS);
    expect(effects.map((e) => [e.year.start, e.days, e.hours])).toEqual([
      ['2026-01-01', 2, 15],
      ['2027-01-01', 2, 15],
    ]);
    expect(overdrawn(effects)).toBeNull();
  });

  it('WTR reg. 15B: an irregular-hours worker with 200 h worked has accrued 24.14 h (3.0175 days of 8 h); 3 days fit, 4 do not', () => {
    const cal = makeStaff({
      contractType: 'zero-hours',
      contractedHours: 40,
      leave: { daysPerWeek: 5, extraDays: 0, carriedDays: 0, bankHolidaysCount: false, irregular: true, started: null, yearStart: '04-01' },
    });
    const three = leaveEffect(cal, request('2026-12-07', '2026-12-09'), HOLIDAYS, 200);
    expect(three[0].after.remainingHours).toBeCloseTo(24.14 - 24, 9);
    expect(overdrawn(three)).toBeNull();
    const four = leaveEffect(cal, request('2026-12-07', '2026-12-10'), HOLIDAYS, 200);
    expect(four[0].after.remainingHours).toBeCloseTo(24.14 - 32, 9);
    expect(overdrawn(four)).toBe(four[0]);
  });

  it('someone without leave terms has nothing to check', () => {
    expect(leaveEffect(makeStaff(), request('2026-12-07', '2026-12-09'), HOLIDAYS)).toEqual([]);
  });
});
