/** Leave balances worked by hand on the 2026 calendar (England and Wales bank holidays listed below). */
import { describe, expect, it } from 'vitest';
import { bankHolidayDates } from '../../../../shared/domain/bankHolidays';
import { leaveBalance } from '../../../../shared/domain/leave/balance';
import { makeStaff } from '../rota/factories';

// 1 Jan, 3 Apr, 6 Apr, 4 May, 25 May, 31 Aug, 25 Dec, 28 Dec 2026: eight, all on weekdays.
const HOLIDAYS_2026 = ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28'];
const terms = (o = {}) => ({
  daysPerWeek: 5,
  extraDays: 0,
  carriedDays: 0,
  bankHolidaysCount: true,
  started: null,
  yearStart: '01-01',
  ...o,
});

describe('annual leave balance', () => {
  it('the calendar lists the eight 2026 bank holidays the cases below use', () => {
    expect(bankHolidayDates('2026-01-01', '2026-12-31')).toEqual(HOLIDAYS_2026);
  });

  it('full-time, 37.5 h: 28 days less a week off (5) and the 8 bank holidays leaves 15 days, 112.5 h', () => {
    const ana = makeStaff({
      contractedHours: 37.5,
      leave: terms(),
      absences: [{ kind: 'annual-leave', from: '2026-02-09', to: '2026-02-13' }],
    });
    const b = leaveBalance(ana, '2026-12-02', HOLIDAYS_2026)!;
    expect(b).toMatchObject({
      year: { start: '2026-01-01', end: '2026-12-31' },
      yearBasis: 'agreed',
      entitledDays: 28,
      takenDays: 5,
      bankHolidayDays: 8,
      remainingDays: 15,
      entitledHours: 210,
      remainingHours: 112.5,
    });
  });

  it('leave over a weekend and a bank holiday counts working days only: Thu 2 – Tue 7 Apr 2026 is 2 days (Fri 3 and Mon 6 are bank holidays)', () => {
    const ana = makeStaff({
      contractedHours: 37.5,
      leave: terms(),
      absences: [{ kind: 'annual-leave', from: '2026-04-02', to: '2026-04-07' }],
    });
    expect(leaveBalance(ana, '2026-06-01', HOLIDAYS_2026)!.takenDays).toBe(2);
  });

  it('where bank holidays do not count against leave, they are not deducted and leave on them is', () => {
    const ana = makeStaff({
      contractedHours: 37.5,
      leave: terms({ bankHolidaysCount: false, extraDays: 2, carriedDays: 1 }),
      absences: [{ kind: 'annual-leave', from: '2026-04-02', to: '2026-04-07' }],
    });
    const b = leaveBalance(ana, '2026-06-01', HOLIDAYS_2026)!;
    expect([b.entitledDays, b.takenDays, b.bankHolidayDays, b.remainingDays]).toEqual([31, 4, 0, 27]);
  });

  it('part-time, 3 days and 22.5 h a week: 16.8 days, bank holidays pro rata (8 × 3/5 = 4.8), a 3.75 h part day is half a day', () => {
    const jo = makeStaff({
      contractedHours: 22.5,
      contractType: 'part-time',
      leave: terms({ daysPerWeek: 3 }),
      absences: [{ kind: 'annual-leave', from: '2026-03-10', to: '2026-03-10', partDay: { start: '09:00', end: '12:45' } }],
    });
    const b = leaveBalance(jo, '2026-12-02', HOLIDAYS_2026)!;
    expect(b.entitledDays).toBeCloseTo(16.8, 10);
    expect(b.takenDays).toBeCloseTo(0.5, 10);
    expect(b.bankHolidayDays).toBeCloseTo(4.8, 10);
    expect(b.remainingDays).toBeCloseTo(11.5, 10);
    expect(b.remainingHours).toBeCloseTo(86.25, 10);
  });

  it('reg. 13(3): with no agreed leave year it runs from the start date; a starter in-year is pro rata', () => {
    // Started Thu 1 Oct 2026: leave year 1 Oct 2026 – 30 Sep 2027, a full year (365 days): 28 days; bank holidays 25, 28 Dec 2026 and 1 Jan, 26 Mar, 29 Mar, 3 May, 31 May, 30 Aug 2027.
    const ana = makeStaff({ contractedHours: 37.5, leave: terms({ yearStart: null, started: '2026-10-01' }) });
    const b = leaveBalance(ana, '2026-12-02', bankHolidayDates('2026-01-01', '2027-12-31'))!;
    expect([b.year, b.yearBasis, b.entitledDays, b.bankHolidayDays]).toEqual([
      { start: '2026-10-01', end: '2027-09-30' },
      'anniversary',
      28,
      8,
    ]);
    // The same person with a calendar leave year agreed: 92 of 365 days of 2026 employed, 28 × 92/365.
    const agreed = leaveBalance({ ...ana, leave: { ...ana.leave!, yearStart: '01-01' } }, '2026-12-02', HOLIDAYS_2026)!;
    expect(agreed.entitledDays).toBeCloseTo((28 * 92) / 365, 10);
    // Only the two bank holidays after the start date count: 25 and 28 Dec.
    expect(agreed.bankHolidayDays).toBe(2);
  });

  it('unapproved leave and other absences are not deducted; no leave terms gives no balance', () => {
    const ana = makeStaff({
      contractedHours: 37.5,
      leave: terms(),
      absences: [
        { kind: 'annual-leave', from: '2026-02-09', to: '2026-02-13', approved: false },
        { kind: 'sickness', from: '2026-03-02', to: '2026-03-03' },
      ],
    });
    expect(leaveBalance(ana, '2026-12-02', HOLIDAYS_2026)!.takenDays).toBe(0);
    expect(leaveBalance(makeStaff(), '2026-12-02', HOLIDAYS_2026)).toBeNull();
  });
});
