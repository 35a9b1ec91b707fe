import { describe, expect, it } from 'vitest';
import { addDays } from '../../../../shared/domain/dates';
import { coverGaps } from '../../../../shared/domain/rota';
import type { CoverWindow } from '../../../../shared/schemas/site';
import { makeShift, makeSite } from './factories';

const allWeek = (windows: CoverWindow[]) => ({
  mon: windows,
  tue: windows,
  wed: windows,
  thu: windows,
  fri: windows,
  sat: windows,
  sun: windows,
});
const weekdays = (windows: CoverWindow[]) => ({ mon: windows, tue: windows, wed: windows, thu: windows, fri: windows });
const on = (staffId: string | null, date: string, start: string, end: string, o = {}) =>
  makeShift({ date, start, end, staffId, service: 'security', ...o });

const securitySite = (security: Record<string, CoverWindow[]>) => makeSite({ cover: { reception: {}, security, cleaning: {} } });
const brief = (g: { date: string; start: string; end: string; endDate: string; required: number; present: number; shortMinutes: number }) =>
  `${g.date} ${g.start}–${g.end} ${g.endDate} ${g.present}/${g.required} ${g.shortMinutes}`;

describe('coverGaps', () => {
  it('finds the uncovered part of a daytime window', () => {
    const site = makeSite({ cover: { reception: weekdays([{ start: '08:00', end: '18:00', min: 1 }]), security: {}, cleaning: {} } });
    const shifts = [makeShift({ date: '2026-11-02', start: '08:00', end: '13:00', staffId: 'staff-a1' })];
    expect(coverGaps(site, 'reception', shifts, '2026-11-02', '2026-11-02', [])).toEqual([
      {
        site: 'CH',
        service: 'reception',
        date: '2026-11-02',
        start: '13:00',
        end: '18:00',
        endDate: '2026-11-02',
        required: 1,
        present: 0,
        shortMinutes: 300,
      },
    ]);
  });

  it('does not count open, deleted, other-site or other-service shifts', () => {
    const site = securitySite(allWeek([{ start: '08:00', end: '16:00', min: 1 }]));
    const shifts = [
      on(null, '2026-11-02', '08:00', '16:00'),
      on('staff-a1', '2026-11-02', '08:00', '16:00', { deleted: true }),
      on('staff-a2', '2026-11-02', '08:00', '16:00', { site: 'LIB' }),
      on('staff-a3', '2026-11-02', '08:00', '16:00', { service: 'cleaning' }),
    ];
    expect(coverGaps(site, 'security', shifts, '2026-11-02', '2026-11-02', []).map(brief)).toEqual([
      '2026-11-02 08:00–16:00 2026-11-02 0/1 480',
    ]);
  });

  it('joins 24/7 cover across midnight: day shifts only leave one gap per night', () => {
    const site = securitySite(allWeek([{ start: '00:00', end: '24:00', min: 1 }]));
    const shifts = Array.from({ length: 7 }, (_, i) => on('staff-a1', addDays('2026-11-02', i), '07:00', '19:00'));
    const gaps = coverGaps(site, 'security', shifts, '2026-11-02', '2026-11-08', []);
    expect(gaps.map(brief)).toEqual([
      '2026-11-02 00:00–07:00 2026-11-02 0/1 420',
      ...['02', '03', '04', '05', '06', '07'].map(
        (d) => `2026-11-${d} 19:00–07:00 2026-11-${String(Number(d) + 1).padStart(2, '0')} 0/1 720`,
      ),
      '2026-11-08 19:00–00:00 2026-11-09 0/1 300',
    ]);
  });

  it.each([
    ['an ordinary week', '2026-11-02', '2026-11-09', 7 * 1440],
    ['the week the clocks go back', '2026-10-19', '2026-10-26', 7 * 1440 + 60],
    ['the week the clocks go forward', '2026-03-23', '2026-03-30', 7 * 1440 - 60],
    ['a week with leap day', '2028-02-28', '2028-03-06', 7 * 1440],
  ])('an empty 24/7 rota for %s is one gap in real minutes', (_, from, endDate, minutes) => {
    const site = securitySite(allWeek([{ start: '00:00', end: '24:00', min: 1 }]));
    expect(coverGaps(site, 'security', [], from, addDays(from, 6), []).map(brief)).toEqual([
      `${from} 00:00–00:00 ${endDate} 0/1 ${minutes}`,
    ]);
  });

  it('handles a window past midnight on the clock-back night (9 h)', () => {
    const site = securitySite({ sat: [{ start: '22:00', end: '06:00', min: 2 }] });
    const shifts = [on('staff-a1', '2026-10-24', '22:00', '06:00')];
    expect(coverGaps(site, 'security', shifts, '2026-10-24', '2026-10-24', []).map(brief)).toEqual([
      '2026-10-24 22:00–06:00 2026-10-25 1/2 540',
    ]);
  });

  it('counts a night shift from the day before toward the morning, and each person once', () => {
    const site = securitySite({ tue: [{ start: '05:00', end: '09:00', min: 2 }] });
    const shifts = [
      on('staff-a1', '2026-11-02', '22:00', '07:00'),
      on('staff-a2', '2026-11-03', '05:00', '13:00'),
      on('staff-a2', '2026-11-03', '06:00', '08:00'), // double-booked: still one person
    ];
    expect(coverGaps(site, 'security', shifts, '2026-11-03', '2026-11-03', []).map(brief)).toEqual([
      '2026-11-03 07:00–09:00 2026-11-03 1/2 120',
    ]);
  });

  it('adds layered windows: 24/7 × 1 plus 07:00–19:00 × 2 needs three by day', () => {
    const site = securitySite({
      ...allWeek([{ start: '00:00', end: '24:00', min: 1 }]),
      mon: [
        { start: '00:00', end: '24:00', min: 1 },
        { start: '07:00', end: '19:00', min: 2 },
      ],
    });
    const shifts = [
      on('staff-a1', '2026-11-02', '07:00', '19:00'),
      on('staff-a2', '2026-11-02', '19:00', '07:00'),
      on('staff-a3', '2026-11-01', '19:00', '07:00'),
    ];
    expect(coverGaps(site, 'security', shifts, '2026-11-02', '2026-11-02', []).map(brief)).toEqual([
      '2026-11-02 07:00–19:00 2026-11-02 1/3 1440',
    ]);
  });

  it('adds a night window’s tail past midnight to the next day’s windows', () => {
    // Sun 19:00–07:00 × 1 on top of Monday's 00:00–24:00 × 1: two people from 00:00 to 07:00 on Monday.
    const site = securitySite({ sun: [{ start: '19:00', end: '07:00', min: 1 }], mon: [{ start: '00:00', end: '24:00', min: 1 }] });
    const shifts = [on('staff-a1', '2026-11-01', '19:00', '07:00')];
    expect(coverGaps(site, 'security', shifts, '2026-11-01', '2026-11-02', []).map(brief)).toEqual([
      '2026-11-02 00:00–07:00 2026-11-02 1/2 420',
      '2026-11-02 07:00–00:00 2026-11-03 0/1 1020',
    ]);
  });

  // Shift and window times are wall-clock times at the site; in the hour the clocks go back they are the first
  // (BST) occurrence, so a gap's times read as the rota reads them and its minutes are real minutes.
  it('puts a gap at the rota’s times the night the clocks go back, counting the repeated hour once more', () => {
    const site = securitySite({ sun: [{ start: '00:00', end: '24:00', min: 1 }] });
    const shifts = [
      on('staff-a1', '2026-10-24', '19:00', '01:15'), // until 01:15 BST (00:15 UTC)
      on('staff-a2', '2026-10-25', '01:45', '01:50'), // 01:45–01:50 BST
      on('staff-a3', '2026-10-25', '02:00', '12:00'), // from 02:00 GMT, after 01:00–01:59 GMT
      on('staff-a4', '2026-10-25', '12:00', '24:00'),
    ];
    expect(coverGaps(site, 'security', shifts, '2026-10-25', '2026-10-25', []).map(brief)).toEqual([
      '2026-10-25 01:15–01:45 2026-10-25 0/1 30',
      // 01:50 BST to 02:00 GMT: 10 minutes, then the whole hour again.
      '2026-10-25 01:50–02:00 2026-10-25 0/1 70',
    ]);
  });

  it('puts a gap across the hour the clocks skip at its real length the night they go forward', () => {
    const site = securitySite({ sun: [{ start: '00:00', end: '24:00', min: 1 }] });
    const shifts = [
      on('staff-a1', '2027-03-27', '19:00', '00:30'),
      on('staff-a2', '2027-03-28', '03:00', '12:00'),
      on('staff-a3', '2027-03-28', '12:00', '24:00'),
    ];
    // 00:30 GMT to 01:00 GMT, which is 02:00 BST, then to 03:00 BST: 90 real minutes.
    expect(coverGaps(site, 'security', shifts, '2027-03-28', '2027-03-28', []).map(brief)).toEqual([
      '2027-03-28 00:30–03:00 2027-03-28 0/1 90',
    ]);
  });

  it.each([
    // 25 Oct 2026: 01:00–02:00 happens twice, so Sunday 00:00–06:00 lasts 7 real hours and the day 25.
    ['autumn', '2026-10-24', '2026-10-25', '2026-10-26', 7 * 60 * 2, 18 * 60],
    // 29 Mar 2026: 01:00–02:00 never happens, so Sunday 00:00–06:00 lasts 5 real hours.
    ['spring', '2026-03-28', '2026-03-29', '2026-03-30', 5 * 60 * 2, 18 * 60],
  ])('adds layers in real minutes across the %s clock change', (_, sat, sun, mon, layered, rest) => {
    const site = securitySite({ sat: [{ start: '22:00', end: '06:00', min: 1 }], sun: [{ start: '00:00', end: '24:00', min: 1 }] });
    expect(coverGaps(site, 'security', [], sat, sun, []).map(brief)).toEqual([
      `${sat} 22:00–00:00 ${sun} 0/1 120`,
      `${sun} 00:00–06:00 ${sun} 0/2 ${layered}`,
      `${sun} 06:00–00:00 ${mon} 0/1 ${rest}`,
    ]);
  });

  it('uses bank-holiday cover when the site has it, else the weekday', () => {
    const withHoliday = makeSite({
      cover: { reception: { fri: [{ start: '08:00', end: '18:00', min: 1 }], bankHoliday: [] }, security: {}, cleaning: {} },
    });
    const without = makeSite({ cover: { reception: { fri: [{ start: '08:00', end: '18:00', min: 1 }] }, security: {}, cleaning: {} } });
    expect(coverGaps(withHoliday, 'reception', [], '2026-12-25', '2026-12-25', ['2026-12-25'])).toEqual([]);
    expect(coverGaps(without, 'reception', [], '2026-12-25', '2026-12-25', ['2026-12-25'])).toHaveLength(1);
    expect(coverGaps(withHoliday, 'reception', [], '2026-12-25', '2026-12-25', [])).toHaveLength(1);
  });

  it('finds nothing when cover is met, or not required', () => {
    const site = securitySite(allWeek([{ start: '00:00', end: '24:00', min: 1 }]));
    const shifts = [
      on('staff-a1', '2026-11-01', '19:00', '07:00'),
      on('staff-a2', '2026-11-02', '07:00', '19:00'),
      on('staff-a1', '2026-11-02', '19:00', '07:00'),
    ];
    expect(coverGaps(site, 'security', shifts, '2026-11-02', '2026-11-02', [])).toEqual([]);
    expect(coverGaps(site, 'cleaning', shifts, '2026-11-02', '2026-11-02', [])).toEqual([]);
  });
});
