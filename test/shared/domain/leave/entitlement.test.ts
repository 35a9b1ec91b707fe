/**
 * Holiday entitlement checked against the figures of the gov.uk holiday entitlement calculator's
 * published test cases (alphagov/smart-answers, test/unit/calculators/holiday_entitlement_test.rb),
 * and reg. 15B's 12.07% worked from the regulation's words.
 */
import { describe, expect, it } from 'vitest';
import {
  accruedHours,
  entitlement,
  fractionOfLeaveYear,
  leaveYearOf,
  rolledUpHolidayPay,
  statutoryDays,
  statutoryHours,
} from '../../../../shared/domain/leave/entitlement';

const calendar = (y: number) => ({ start: `${y}-01-01`, end: `${y}-12-31` });

describe('WTR reg. 13 and 13A: 5.6 weeks, at most 28 days (gov.uk calculator)', () => {
  it.each([
    [5, 28],
    [6, 28],
    [3, 16.8],
    [4.5, 25.2],
  ])('%s days a week: %s days', (days, expected) => {
    expect(statutoryDays(days)).toBeCloseTo(expected, 10);
  });

  it.each([
    [15, 3, 84],
    [30, 6, 140],
    [28, 5, 156.8],
  ])('%s hours over %s days a week: %s hours', (hours, days, expected) => {
    expect(statutoryHours(hours, days)).toBeCloseTo(expected, 10);
  });
});

describe('pro rata for part of the leave year (gov.uk calculator)', () => {
  it.each([
    ['starting 21 Feb 2011', calendar(2011), '2011-02-21', null, '0.8603'],
    ['starting 21 Feb 2012, a leap year', calendar(2012), '2012-02-21', null, '0.8607'],
    ['starting 1 Mar 2012, after leap day', calendar(2012), '2012-03-01', null, '0.8361'],
    ['leaving 21 Jun 2011', calendar(2011), null, '2011-06-21', '0.4712'],
    ['leaving 21 Jun 2012, a leap year', calendar(2012), null, '2012-06-21', '0.4727'],
    ['leaving 21 Jan 2012, before leap day', calendar(2012), null, '2012-01-21', '0.0574'],
  ] as const)('%s', (_, year, started, left, expected) => {
    expect(fractionOfLeaveYear(year, started, left).toFixed(4)).toBe(expected);
  });

  it.each([
    ['started 21 Jan 2011, year from 1 Feb', '2011-01-21', null, '2011-02-01', '0.0301'],
    ['started 21 Apr 2011, year from 1 Feb', '2011-04-21', null, '2011-02-01', '0.7836'],
    ['started 21 Apr 2012, year from 1 Feb', '2012-04-21', null, '2012-02-01', '0.7814'],
    ['left 21 Jan 2011, year from 1 Feb', null, '2011-01-21', '2011-02-01', '0.9726'],
    ['left 21 Apr 2011, year from 1 Feb', null, '2011-04-21', '2011-02-01', '0.2192'],
    ['left 21 Apr 2012, year from 1 Feb', null, '2012-04-21', '2012-02-01', '0.2213'],
  ] as const)('a leave year that is not the calendar year: %s', (_, started, left, anchor, expected) => {
    const year = leaveYearOf((started ?? left)!, anchor);
    expect(fractionOfLeaveYear(year, started, left).toFixed(4)).toBe(expected);
  });

  it.each([
    ['starting 12 Mar 2012, 5 days a week', 5, '2012-03-12', null, '22.57'],
    ['starting 12 Mar 2012, 7 days a week (capped)', 7, '2012-03-12', null, '22.57'],
    ['starting 12 Mar 2012, 3 days a week', 3, '2012-03-12', null, '13.54'],
    ['leaving 24 Jul 2012, 5 days a week', 5, null, '2012-07-24', '15.76'],
    ['leaving 24 Jul 2012, 6 days a week (capped)', 6, null, '2012-07-24', '15.76'],
    ['leaving 24 Jul 2012, 3 days a week', 3, null, '2012-07-24', '9.46'],
    ['starting on the first day, 7 days a week', 7, '2012-01-01', null, '28.00'],
  ] as const)('%s: days', (_, days, started, left, expected) => {
    expect(entitlement({ daysPerWeek: days, hoursPerWeek: days * 7.5, year: calendar(2012), started, left }).days.toFixed(2)).toBe(
      expected,
    );
  });

  it('adds contractual extra days pro rata and carried-over days in full; hours are days at the average day', () => {
    // 5 days, 37.5 h a week: 28 statutory + 5 extra, a full year, 2 carried: 35 days of 7.5 h = 262.5 h.
    const e = entitlement({ daysPerWeek: 5, hoursPerWeek: 37.5, year: calendar(2026), extraDays: 5, carriedDays: 2 });
    expect([e.days, e.hours]).toEqual([35, 262.5]);
  });
});

describe('WTR reg. 13(3): the leave year', () => {
  it('with no agreement runs from the anniversary of the start date', () => {
    expect(leaveYearOf('2026-12-02', '2023-09-15')).toEqual({ start: '2026-09-15', end: '2027-09-14' });
    expect(leaveYearOf('2026-09-14', '2023-09-15')).toEqual({ start: '2025-09-15', end: '2026-09-14' });
  });

  it('from a 29 February start begins on 1 March in common years and 29 February in leap years', () => {
    expect(leaveYearOf('2027-06-01', '2024-02-29')).toEqual({ start: '2027-03-01', end: '2028-02-28' });
    expect(leaveYearOf('2028-06-01', '2024-02-29')).toEqual({ start: '2028-02-29', end: '2029-02-28' });
  });
});

describe('WTR reg. 15B and 16A: irregular-hours and part-year workers, leave years from 1 April 2024', () => {
  it.each([
    // 12.07% of the hours worked in the pay period.
    [100, 12.07],
    [10, 1.207],
    [37.5, 4.52625],
    [0, 0],
  ])('%s hours worked accrue %s hours', (worked, expected) => {
    expect(accruedHours(worked, '2024-04-01')).toBeCloseTo(expected, 10);
  });

  it('does not apply to a leave year that began before 1 April 2024', () => {
    expect(accruedHours(100, '2024-03-31')).toBeNull();
  });

  it('rolled-up holiday pay is 12.07% of the pay for the period', () => {
    expect(rolledUpHolidayPay(500)).toBeCloseTo(60.35, 10);
  });
});
