import { describe, expect, it } from 'vitest';
import {
  bankHolidayDates,
  bankHolidaysBetween,
  bankHolidaysOf,
  easterSunday,
  isStandardBankHoliday,
} from '../../../shared/domain/bankHolidays';

/** The England and Wales lists as published on gov.uk/bank-holidays (and its archived years). */
const GOV_UK: Record<number, string[]> = {
  2019: ['2019-01-01', '2019-04-19', '2019-04-22', '2019-05-06', '2019-05-27', '2019-08-26', '2019-12-25', '2019-12-26'],
  2020: ['2020-01-01', '2020-04-10', '2020-04-13', '2020-05-08', '2020-05-25', '2020-08-31', '2020-12-25', '2020-12-28'],
  2021: ['2021-01-01', '2021-04-02', '2021-04-05', '2021-05-03', '2021-05-31', '2021-08-30', '2021-12-27', '2021-12-28'],
  2022: [
    '2022-01-03',
    '2022-04-15',
    '2022-04-18',
    '2022-05-02',
    '2022-06-02',
    '2022-06-03',
    '2022-08-29',
    '2022-09-19',
    '2022-12-26',
    '2022-12-27',
  ],
  2023: ['2023-01-02', '2023-04-07', '2023-04-10', '2023-05-01', '2023-05-08', '2023-05-29', '2023-08-28', '2023-12-25', '2023-12-26'],
  2024: ['2024-01-01', '2024-03-29', '2024-04-01', '2024-05-06', '2024-05-27', '2024-08-26', '2024-12-25', '2024-12-26'],
  2025: ['2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26'],
  2026: ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28'],
  2027: ['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28'],
};

describe('England and Wales bank holidays', () => {
  it.each(Object.entries(GOV_UK))('%s matches the published list', (year, dates) => {
    expect(bankHolidaysOf(Number(year)).map((h) => h.date)).toEqual(dates);
  });

  it.each([
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2011, '2011-04-24'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
    [1943, '1943-04-25'],
    [1818, '1818-03-22'],
  ])('Easter Sunday %i is %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  it.each([
    ['New Year on a Saturday moves to Monday 3rd', 2022, '2022-01-03', 'New Year’s Day (substitute day)'],
    ['New Year on a Sunday moves to Monday 2nd', 2023, '2023-01-02', 'New Year’s Day (substitute day)'],
    ['Christmas on a Saturday moves to Monday 27th', 2021, '2021-12-27', 'Christmas Day (substitute day)'],
    ['Boxing Day after it moves to Tuesday 28th', 2021, '2021-12-28', 'Boxing Day (substitute day)'],
    ['Christmas on a Sunday moves past Boxing Day to Tuesday 27th', 2022, '2022-12-27', 'Christmas Day (substitute day)'],
    ['Boxing Day on a Saturday moves to Monday 28th', 2026, '2026-12-28', 'Boxing Day (substitute day)'],
  ])('%s', (_label, year, date, name) => {
    expect(bankHolidaysOf(year)).toContainEqual({ date, name });
  });

  it.each([
    ['2020 early May moved to Friday 8 May for VE Day', 2020, '2020-05-08', '2020-05-04'],
    ['2022 spring moved to Thursday 2 June for the Platinum Jubilee', 2022, '2022-06-02', '2022-05-30'],
    ['2012 spring moved to Monday 4 June for the Diamond Jubilee', 2012, '2012-06-04', '2012-05-28'],
  ])('%s', (_label, year, moved, usual) => {
    const dates = bankHolidaysOf(year).map((h) => h.date);
    expect(dates).toContain(moved);
    expect(dates).not.toContain(usual);
  });

  it.each([
    ['2022-06-03', 'Platinum Jubilee of Queen Elizabeth II'],
    ['2022-09-19', 'State Funeral of Queen Elizabeth II'],
    ['2023-05-08', 'Coronation of King Charles III'],
    ['2012-06-05', 'Diamond Jubilee of Queen Elizabeth II'],
    ['2011-04-29', 'Wedding of Prince William and Catherine Middleton'],
  ])('the one-off day %s (%s) is a bank holiday', (date, name) => {
    expect(bankHolidaysOf(Number(date.slice(0, 4)))).toContainEqual({ date, name });
  });

  it('names each regular holiday', () => {
    expect(bankHolidaysOf(2025).map((h) => h.name)).toEqual([
      'New Year’s Day',
      'Good Friday',
      'Easter Monday',
      'Early May bank holiday',
      'Spring bank holiday',
      'Summer bank holiday',
      'Christmas Day',
      'Boxing Day',
    ]);
  });

  it('every year from 1995 to 2100 has eight regular holidays on weekdays, none twice', () => {
    for (let year = 1995; year <= 2100; year += 1) {
      const list = bankHolidaysOf(year);
      expect(list.length).toBeGreaterThanOrEqual(8);
      expect(new Set(list.map((h) => h.date)).size).toBe(list.length);
      for (const h of list) expect([0, 6]).not.toContain(new Date(`${h.date}T12:00:00Z`).getUTCDay());
    }
  });

  it('lists a range across years, in order, inclusive of both ends', () => {
    expect(bankHolidayDates('2026-12-25', '2027-01-01')).toEqual(['2026-12-25', '2026-12-28', '2027-01-01']);
    expect(bankHolidayDates('2026-12-26', '2026-12-27')).toEqual([]);
  });

  it('adds a manager’s one-off day and removes a day they took out', () => {
    const changes = { added: [{ date: '2027-06-07', name: 'Royal event' }], removed: ['2027-05-31'] };
    const list = bankHolidaysBetween('2027-05-01', '2027-06-30', changes);
    expect(list).toEqual([
      { date: '2027-05-03', name: 'Early May bank holiday' },
      { date: '2027-06-07', name: 'Royal event' },
    ]);
  });

  it('keeps the proclaimed name when a manager adds a day that is already a holiday', () => {
    expect(bankHolidaysBetween('2026-12-25', '2026-12-25', { added: [{ date: '2026-12-25', name: 'Xmas' }], removed: [] })).toEqual([
      { date: '2026-12-25', name: 'Christmas Day' },
    ]);
  });

  it('knows a standard bank holiday from an ordinary day', () => {
    expect(isStandardBankHoliday('2026-08-31')).toBe(true);
    expect(isStandardBankHoliday('2026-08-24')).toBe(false);
    expect(isStandardBankHoliday('2026-12-26')).toBe(false);
  });
});
