/**
 * The organisation's leave year and carry-over rule, by worked examples. Everyone here works 5 days and
 * 37.5 h a week (7.5 h a day), so 5.6 weeks is 28 days (WTR reg. 13 + 13A, at the 28-day cap), and bank
 * holidays do not count against leave (leave taken on one is leave).
 */
import { describe, expect, it } from 'vitest';
import { bankHolidayDates } from '../../../../shared/domain/bankHolidays';
import { leaveBalance } from '../../../../shared/domain/leave/balance';
import type { LeavePolicy } from '../../../../shared/schemas/settings';
import type { Staff } from '../../../../shared/schemas/staff';
import { makeStaff } from '../rota/factories';

const HOLIDAYS = bankHolidayDates('2023-01-01', '2027-12-31');
const terms = (o: Partial<NonNullable<Staff['leave']>> = {}) => ({
  daysPerWeek: 5,
  extraDays: 0,
  carriedDays: 0,
  bankHolidaysCount: false,
  started: '2024-04-01',
  yearStart: null,
  ...o,
});
const leave = (from: string, to: string) => ({ kind: 'annual-leave' as const, from, to });
const person = (absences: ReturnType<typeof leave>[], o: Partial<NonNullable<Staff['leave']>> = {}) =>
  makeStaff({ contractedHours: 37.5, leave: terms(o), absences, createdAt: '2024-03-20T09:00:00.000Z' });
const aprilYears = (carryOver: LeavePolicy['carryOver']): LeavePolicy => ({ yearStart: '04-01', carryOver });

describe('the leave year (WTR reg. 13(3))', () => {
  const started = { started: '2025-09-15' };

  it('with no agreement, it runs from the anniversary of the start date: 15 Sep 2026 to 14 Sep 2027', () => {
    const b = leaveBalance(person([], started), '2026-11-25', HOLIDAYS, undefined, { yearStart: null, carryOver: null })!;
    expect([b.year, b.yearBasis, b.entitledDays]).toEqual([{ start: '2026-09-15', end: '2027-09-14' }, 'anniversary', 28]);
  });

  it('an organisation-wide year from 1 April applies to everyone without their own: 1 Apr 2026 to 31 Mar 2027', () => {
    const b = leaveBalance(person([], started), '2026-11-25', HOLIDAYS, undefined, aprilYears(null))!;
    expect([b.year, b.yearBasis]).toEqual([{ start: '2026-04-01', end: '2027-03-31' }, 'organisation']);
  });

  it('a year agreed with the person wins over the organisation’s: 1 Jan to 31 Dec 2026', () => {
    const b = leaveBalance(person([], { ...started, yearStart: '01-01' }), '2026-11-25', HOLIDAYS, undefined, aprilYears(null))!;
    expect([b.year, b.yearBasis]).toEqual([{ start: '2026-01-01', end: '2026-12-31' }, 'agreed']);
  });

  it('joining part-way through the organisation’s year gives a pro-rata share: 15 Sep 2025 to 31 Mar 2026 is 198 of 365 days', () => {
    const b = leaveBalance(person([], started), '2025-11-25', HOLIDAYS, undefined, aprilYears(null))!;
    expect(b.year).toEqual({ start: '2025-04-01', end: '2026-03-31' });
    expect(b.entitledDays).toBeCloseTo((28 * 198) / 365, 9);
  });
});

describe('carry-over as the manager sets it', () => {
  // 2024-25: 28 days taken (3–28 Jun 2024, 2–6 Sep 2024, 23–25 Dec 2024): nothing left.
  // 2025-26: 20 days taken (2–27 Jun 2025): 8 left.
  const history = [
    leave('2024-06-03', '2024-06-28'),
    leave('2024-09-02', '2024-09-06'),
    leave('2024-12-23', '2024-12-25'),
    leave('2025-06-02', '2025-06-27'),
  ];

  it('at most 5 days carried, no lapse: 8 unused in 2025-26 carry as 5; 33 less 10 taken is 23 days, 172.5 h', () => {
    const sam = person([...history, leave('2026-06-01', '2026-06-12')]);
    const b = leaveBalance(sam, '2026-11-25', HOLIDAYS, undefined, aprilYears({ maxDays: 5, expiresAfterMonths: null }))!;
    expect(b).toMatchObject({
      year: { start: '2026-04-01', end: '2027-03-31' },
      carried: { days: 5, lapses: null, lapsedDays: 0 },
      entitledDays: 33,
      takenDays: 10,
      remainingDays: 23,
      remainingHours: 172.5,
    });
    // Nothing was left in 2024-25, so 2025-26 had none carried in.
    const before = leaveBalance(sam, '2025-11-25', HOLIDAYS, undefined, aprilYears({ maxDays: 5, expiresAfterMonths: null }))!;
    expect([before.carried.days, before.entitledDays]).toEqual([0, 28]);
  });

  it('carried days lapsing after 3 months: all 5 count until 1 Jul 2026; after it only the 2 taken by then do', () => {
    // 2026-27: 2 days in May (11–12), 8 in September (7–16).
    const sam = person([...history, leave('2026-05-11', '2026-05-12'), leave('2026-09-07', '2026-09-16')]);
    const policy = aprilYears({ maxDays: 5, expiresAfterMonths: 3 });
    const june = leaveBalance(sam, '2026-06-30', HOLIDAYS, undefined, policy)!;
    expect(june).toMatchObject({ carried: { days: 5, lapses: '2026-07-01', lapsedDays: 0 }, entitledDays: 33, remainingDays: 23 });
    const july = leaveBalance(sam, '2026-07-01', HOLIDAYS, undefined, policy)!;
    expect(july).toMatchObject({ carried: { days: 5, lapses: '2026-07-01', lapsedDays: 3 }, entitledDays: 30 });
    // 30 less all 10 taken in the year: 20 days, 150 h.
    expect(july).toMatchObject({ takenDays: 10, remainingDays: 20, remainingHours: 150 });
  });

  it('days carried in are used first and never carried again: 10 carried into 2025-26, 4 taken, so 28 own days pass on (not 34, nor the cap of 30)', () => {
    // 2024-25: 18 days taken (3–26 Jun 2024): 10 left, carried. 2025-26: 4 days (2–5 Jun 2025).
    const sam = person([leave('2024-06-03', '2024-06-26'), leave('2025-06-02', '2025-06-05')]);
    const b = leaveBalance(sam, '2026-11-25', HOLIDAYS, undefined, aprilYears({ maxDays: 30, expiresAfterMonths: null }))!;
    expect([b.carried.days, b.entitledDays, b.remainingDays]).toEqual([28, 56, 56]);
  });

  it('with no rule, the days the manager set on the person are carried, as before', () => {
    const sam = person([...history], { carriedDays: 2 });
    const b = leaveBalance(sam, '2026-11-25', HOLIDAYS, undefined, aprilYears(null))!;
    expect([b.carried.days, b.entitledDays]).toEqual([2, 30]);
  });
});
