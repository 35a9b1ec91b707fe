import { describe, expect, it } from 'vitest';
import { formatOpeningDay, formatOpeningHours, validateOpeningHours, type OpeningHours } from '../../../../shared/domain/directory';

const weekdays = (open: string, close: string): OpeningHours =>
  Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, { open, close }]));

describe('validateOpeningHours', () => {
  it.each<[string, OpeningHours]>([
    ['office hours', { ...weekdays('08:00', '18:00'), sat: null, sun: null, bankHoliday: null }],
    ['open all day', { mon: { open: '00:00', close: '24:00' } }],
    ['closed every day', { mon: null, tue: null }],
    ['nothing set', {}],
    ['one minute open', { sun: { open: '10:00', close: '10:01' } }],
  ])('accepts %s', (_, opening) => {
    expect(validateOpeningHours(opening)).toEqual([]);
  });

  it.each<[string, OpeningHours, { path: string; message: string }[]]>([
    [
      'close before open',
      { mon: { open: '18:00', close: '08:00' } },
      [{ path: 'opening.mon.close', message: 'Mon: closing time must be after opening time (18:00–08:00)' }],
    ],
    [
      'close equal to open',
      { sat: { open: '09:00', close: '09:00' } },
      [{ path: 'opening.sat.close', message: 'Sat: closing time must be after opening time (09:00–09:00)' }],
    ],
    [
      'bank holiday the wrong way round',
      { bankHoliday: { open: '13:00', close: '09:00' } },
      [{ path: 'opening.bankHoliday.close', message: 'Bank holiday: closing time must be after opening time (13:00–09:00)' }],
    ],
    [
      'bad open time',
      { tue: { open: '8am', close: '18:00' } },
      [{ path: 'opening.tue.open', message: 'Times are written hh:mm, 00:00 to 24:00' }],
    ],
    [
      'bad close time',
      { tue: { open: '08:00', close: '18:60' } },
      [{ path: 'opening.tue.close', message: 'Times are written hh:mm, 00:00 to 24:00' }],
    ],
    [
      'opening at 24:00',
      { wed: { open: '24:00', close: '24:00' } },
      [
        { path: 'opening.wed.open', message: 'A site opens at 00:00 at the earliest, not 24:00' },
        { path: 'opening.wed.close', message: 'Wed: closing time must be after opening time (24:00–24:00)' },
      ],
    ],
  ])('rejects %s', (_, opening, expected) => {
    expect(validateOpeningHours(opening)).toEqual(expected);
  });
});

describe('formatOpeningDay', () => {
  it.each([
    [{ open: '08:00', close: '18:00' }, '08:00–18:00'],
    [{ open: '00:00', close: '24:00' }, 'Open 24 hours'],
    [null, 'Closed'],
    [undefined, 'Closed'],
  ])('%j → %s', (day, text) => {
    expect(formatOpeningDay(day)).toBe(text);
  });
});

describe('formatOpeningHours', () => {
  it('joins runs of days with the same hours', () => {
    expect(
      formatOpeningHours({ ...weekdays('08:00', '18:00'), sat: { open: '09:00', close: '13:00' }, sun: null, bankHoliday: null }),
    ).toEqual([
      { days: 'Mon–Fri', hours: '08:00–18:00' },
      { days: 'Sat', hours: '09:00–13:00' },
      { days: 'Sun', hours: 'Closed' },
      { days: 'Bank holidays', hours: 'Closed' },
    ]);
  });

  it('shows unset weekdays as closed and leaves out an unset bank holiday', () => {
    expect(formatOpeningHours({ wed: { open: '09:00', close: '17:00' } })).toEqual([
      { days: 'Mon–Tue', hours: 'Closed' },
      { days: 'Wed', hours: '09:00–17:00' },
      { days: 'Thu–Sun', hours: 'Closed' },
    ]);
  });

  it('does not join days that are apart', () => {
    const mf = { open: '07:00', close: '09:00' };
    expect(formatOpeningHours({ mon: mf, wed: mf, fri: mf }).map((l) => l.days)).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat–Sun']);
  });

  it('a 24-hour site is one line', () => {
    const all = { open: '00:00', close: '24:00' };
    expect(formatOpeningHours(Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, all])))).toEqual([
      { days: 'Mon–Sun', hours: 'Open 24 hours' },
    ]);
  });
});
