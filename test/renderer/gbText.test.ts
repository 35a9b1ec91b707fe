import { describe, expect, it } from 'vitest';
import { parseGbDate, parseGbDateTime, parseGbTime, showGb } from '../../renderer/components/gbText';

// Written from how UK staff write dates and times, not from the code.
describe('UK date and time text', () => {
  it.each([
    ['25/11/2026', '2026-11-25'],
    ['5/1/2027', '2027-01-05'],
    ['25.11.26', '2026-11-25'],
    ['2026-11-25', '2026-11-25'],
    ['12/07/2026', '2026-07-12'],
    ['06/15/2027', null],
    ['31/02/2027', null],
    ['29/02/2028', '2028-02-29'],
    ['tomorrow', null],
    ['25/11', null],
  ])('reads the date %s as %s', (text, iso) => expect(parseGbDate(text)).toBe(iso));

  it.each([
    ['07:05', '07:05'],
    ['7:05', '07:05'],
    ['1905', '19:05'],
    ['23.59', '23:59'],
    ['24:00', null],
    ['7:05 PM', null],
    ['12:60', null],
  ])('reads the time %s as %s', (text, hhmm) => expect(parseGbTime(text)).toBe(hhmm));

  it('reads a date and time together, and shows values the UK way', () => {
    expect(parseGbDateTime('25/11/2026 07:05')).toBe('2026-11-25T07:05');
    expect(parseGbDateTime('2026-11-25T07:05')).toBe('2026-11-25T07:05');
    expect(parseGbDateTime('25/11/2026')).toBeNull();
    expect(showGb('date', '2026-07-12')).toBe('12/07/2026');
    expect(showGb('datetime', '2026-11-25T19:05')).toBe('25/11/2026 19:05');
    expect(showGb('time', '19:05')).toBe('19:05');
  });
});
