/** Build from cover: the open shifts the cover needs, patterns and templates first, no gap left, nothing doubled. */
import { describe, expect, it } from 'vitest';
import { addDays, londonInstant } from '../../../../shared/domain/dates';
import { coverGaps } from '../../../../shared/domain/rota/coverGaps';
import { shiftsFromCover } from '../../../../shared/domain/rota/plan/fromCover';
import { bankHolidayDates } from '../../../../shared/domain/bankHolidays';
import type { ShiftPattern, ShiftTemplate } from '../../../../shared/schemas/rotaPlan';
import { SERVICES } from '../../../../shared/schemas/common';
import { seedSites } from '../../../../main/seed/sites';
import { RecordClock } from '../../../../main/services/records';
import { makeShift, makeSite } from './factories';

const META = {
  id: 'p1',
  createdAt: '2026-11-01T00:00:00.000Z',
  createdBy: 'u',
  updatedAt: '2026-11-01T00:00:00.000Z',
  updatedBy: 'u',
  rev: 1,
  deleted: false,
};
const roundTheClock = makeSite({
  code: 'HAT',
  services: ['security'],
  cover: {
    reception: {},
    security: Object.fromEntries(
      ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [{ start: '00:00', end: '00:00', min: 1 }]]),
    ),
    cleaning: {},
  },
});
const times = (r: { shifts: { date: string; start: string; end: string }[] }) => r.shifts.map((s) => `${s.date} ${s.start}–${s.end}`);

describe('build from cover', () => {
  it('24/7 security becomes 12-hour days and nights (07:00–19:00, 19:00–07:00), the first morning and last evening to the range edge', () => {
    const r = shiftsFromCover(roundTheClock, 'security', '2026-12-07', '2026-12-09', [], []);
    expect(times(r)).toEqual([
      '2026-12-07 00:00–07:00',
      '2026-12-07 07:00–19:00',
      '2026-12-07 19:00–07:00',
      '2026-12-08 07:00–19:00',
      '2026-12-08 19:00–07:00',
      '2026-12-09 07:00–19:00',
      '2026-12-09 19:00–00:00',
    ]);
    expect(r.shifts.every((s) => s.staffId === null && s.site === 'HAT')).toBe(true);
    expect(r.shifts[1].breakMinutes).toBe(60);
  });

  it('layered cover adds up: 24/7 × 1 plus 07:00–19:00 × 2 on a weekday is three on by day, one by night', () => {
    const layered = makeSite({
      code: 'CH',
      services: ['security'],
      cover: {
        reception: {},
        security: {
          wed: [
            { start: '00:00', end: '00:00', min: 1 },
            { start: '07:00', end: '19:00', min: 2 },
          ],
        },
        cleaning: {},
      },
    });
    const r = shiftsFromCover(layered, 'security', '2026-12-09', '2026-12-09', [], []);
    const onAt = (hhmm: string) => r.shifts.filter((s) => s.start <= hhmm && (s.end > hhmm || s.end <= s.start)).length;
    expect(onAt('08:00')).toBe(3);
    expect(onAt('18:00')).toBe(3);
    expect(onAt('20:00')).toBe(1);
    expect(onAt('03:00')).toBe(1);
  });

  it('what is on the rota already (last night’s shift, an open shift) is not made again', () => {
    const existing = [
      makeShift({ site: 'HAT', service: 'security', date: '2026-12-06', start: '19:00', end: '07:00' }),
      makeShift({ site: 'HAT', service: 'security', date: '2026-12-07', start: '07:00', end: '19:00', staffId: null }),
    ];
    const r = shiftsFromCover(roundTheClock, 'security', '2026-12-07', '2026-12-07', existing, []);
    expect(times(r)).toEqual(['2026-12-07 19:00–00:00']);
  });

  it('a 4-on-4-off pattern for the site is used as it is; only what it leaves uncovered is added', () => {
    const pattern: ShiftPattern = {
      ...META,
      name: '4 on 4 off',
      site: 'HAT',
      service: 'security',
      cycleDays: 8,
      anchor: '2026-12-01',
      lines: [
        { label: 'Days A', start: '07:00', end: '19:00', breakMinutes: 60, days: [0, 1, 2, 3], staffId: null, count: 1 },
        { label: 'Days B', start: '07:00', end: '19:00', breakMinutes: 60, days: [4, 5, 6, 7], staffId: null, count: 1 },
        { label: 'Nights A', start: '19:00', end: '07:00', breakMinutes: 60, days: [0, 1, 2, 3], staffId: null, count: 1 },
        { label: 'Nights B', start: '19:00', end: '07:00', breakMinutes: 60, days: [4, 5, 6, 7], staffId: null, count: 1 },
      ],
    };
    const r = shiftsFromCover(roundTheClock, 'security', '2026-12-04', '2026-12-05', [], [], { patterns: [pattern], templates: [] });
    // 4 Dec is day 3 (crew A), 5 Dec day 4 (crew B); the last night runs past the range and is kept whole.
    expect(r.shifts.map((s, i) => `${times(r)[i]} ${s.notes} ${r.source[i]}`)).toEqual([
      '2026-12-04 07:00–19:00 4 on 4 off: Days A pattern',
      '2026-12-04 19:00–07:00 4 on 4 off: Nights A pattern',
      '2026-12-05 07:00–19:00 4 on 4 off: Days B pattern',
      '2026-12-05 19:00–07:00 4 on 4 off: Nights B pattern',
      '2026-12-04 00:00–07:00  cover',
    ]);
  });

  it('a template is used wherever its whole length is needed; the rest gets shifts of at most 8 h', () => {
    const site = makeSite({
      code: 'LIB',
      services: ['reception'],
      cover: { reception: { mon: [{ start: '07:00', end: '22:00', min: 2 }] }, security: {}, cleaning: {} },
    });
    const template: ShiftTemplate = {
      ...META,
      name: 'Early desk',
      site: 'LIB',
      service: 'reception',
      start: '07:00',
      end: '15:00',
      breakMinutes: 30,
    };
    const r = shiftsFromCover(site, 'reception', '2026-12-07', '2026-12-07', [], [], { templates: [template], patterns: [] });
    expect(r.shifts.map((s, i) => `${times(r)[i]} ${r.source[i]}`)).toEqual([
      '2026-12-07 07:00–15:00 template',
      '2026-12-07 07:00–15:00 template',
      '2026-12-07 15:00–22:00 cover',
      '2026-12-07 15:00–22:00 cover',
    ]);
  });

  it('for all 15 demo sites over December, filling every shift built leaves no cover gap, and nothing is built twice', () => {
    const sites = seedSites(new RecordClock(''), 'u', londonInstant('2026-11-25', '12:00'));
    expect(sites).toHaveLength(15);
    const holidays = bankHolidayDates('2026-01-01', '2027-12-31');
    let n = 0;
    for (const site of sites) {
      for (const service of SERVICES) {
        const built = shiftsFromCover(site, service, '2026-12-01', '2026-12-31', [], holidays).shifts;
        const filled = built.map((s) => makeShift({ ...s, staffId: `person-${(n += 1)}` }));
        expect(coverGaps(site, service, filled, '2026-12-01', '2026-12-31', holidays)).toEqual([]);
        // Built again over what now exists: nothing more is needed.
        expect(shiftsFromCover(site, service, '2026-12-01', '2026-12-31', filled, holidays).shifts).toEqual([]);
        expect(built.every((s) => s.date >= '2026-12-01' && s.date <= addDays('2026-12-31', 1))).toBe(true);
      }
    }
    // At least one shift a day at each site.
    expect(n).toBeGreaterThan(15 * 31);
  });
});
