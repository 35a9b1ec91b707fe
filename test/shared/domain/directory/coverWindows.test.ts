import { describe, expect, it } from 'vitest';
import {
  copyCoverDay,
  copyCoverDayToSites,
  coverPlace,
  coverTimeline,
  isTwentyFourSeven,
  validateCover,
  validateCoverDay,
  windowMinutes,
  type Cover,
} from '../../../../shared/domain/directory';
import type { CoverWindow } from '../../../../shared/schemas/site';
import { makeSite, w } from './factories';

const cover = (security: Cover['security'] = {}, cleaning: Cover['cleaning'] = {}): Cover => ({ reception: {}, security, cleaning });
const messages = (windows: CoverWindow[]) => validateCoverDay(windows).map((i) => i.message);

describe('windowMinutes', () => {
  it.each([
    ['07:00', '19:00', 420, 1140],
    ['22:00', '06:00', 1320, 1800],
    ['00:00', '24:00', 0, 1440],
    ['00:00', '00:00', 0, 1440],
    ['07:00', '07:00', 420, 1860],
    ['19:00', '24:00', 1140, 1440],
  ])('%s–%s is %i to %i', (start, end, s, e) => {
    expect(windowMinutes({ start, end })).toEqual({ start: s, end: e });
  });
});

describe('validateCoverDay', () => {
  it.each<[string, CoverWindow[], string[]]>([
    ['one window', [w('07:00', '19:00')], []],
    ['touching windows', [w('00:00', '07:00'), w('07:00', '19:00', 2), w('19:00', '24:00')], []],
    // Layered windows add up (the brief: "security 24/7 × 1, plus 07:00–19:00 × 2 on weekdays"): no overlap is an error.
    ['a day layer on a 24 h layer', [w('00:00', '24:00'), w('07:00', '19:00', 2)], []],
    ['overlapping evening', [w('07:00', '19:00', 2), w('18:00', '22:00')], []],
    ['two past midnight', [w('20:00', '02:00'), w('23:00', '01:00')], []],
    ['identical windows', [w('08:00', '17:00'), w('08:00', '17:00')], []],
  ])('%s', (_, windows, expected) => {
    expect(messages(windows)).toEqual(expected);
  });

  it.each<[string, CoverWindow, string, string]>([
    ['bad start', w('7am', '19:00'), '0.start', 'Times are written hh:mm, 00:00 to 24:00'],
    ['bad end', w('07:00', '25:00'), '0.end', 'Times are written hh:mm, 00:00 to 24:00'],
    ['no people', w('07:00', '19:00', 0), '0.min', 'At least one person'],
    ['start at 24:00', w('24:00', '06:00'), '0.start', 'A window starts at 00:00, not 24:00'],
  ])('reports %s', (_, window, path, message) => {
    expect(validateCoverDay([window])).toEqual([{ path, message }]);
  });

  it('reports only the unparseable window among layers', () => {
    expect(messages([w('xx', '19:00'), w('07:00', '19:00')])).toEqual(['Times are written hh:mm, 00:00 to 24:00']);
  });
});

describe('validateCover', () => {
  it.each<[string, Cover['security']]>([
    [
      'day and night shifts every day',
      Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [w('07:00', '19:00', 2), w('19:00', '07:00')]])),
    ],
    [
      'all day, every day',
      Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'bankHoliday'].map((d) => [d, [w('00:00', '24:00')]])),
    ],
    ['night tail ending where the next day starts', { mon: [w('22:00', '06:00')], tue: [w('06:00', '14:00')] }],
    ['bank holiday tail is not checked against any weekday', { bankHoliday: [w('19:00', '07:00')], mon: [w('00:00', '24:00')] }],
    ['a night tail layered on the next morning', { mon: [w('22:00', '06:00')], tue: [w('05:00', '08:00')] }],
    ['Sunday night layered on Monday', { sun: [w('19:00', '07:00')], mon: [w('00:00', '24:00')] }],
  ])('accepts %s', (_, security) => {
    expect(validateCover(cover(security))).toEqual([]);
  });

  it('prefixes paths with the service and day', () => {
    expect(validateCover(cover({}, { wed: [w('05:00', '08:00', 3), w('07:00', '09:00', 0)] }))).toEqual([
      { path: 'cover.cleaning.wed.1.min', message: 'At least one person' },
    ]);
  });

  it('checks only the services asked about', () => {
    expect(validateCover(cover({}, { wed: [w('05:00', '08:00'), w('07:00', '09:00', 0)] }), ['security'])).toEqual([]);
  });
});

describe('copyCoverDay', () => {
  const original = cover({ mon: [w('07:00', '19:00', 2)], sat: [w('00:00', '24:00')] });

  it('copies Monday to the rest of the week without touching the original', () => {
    const copied = copyCoverDay(original, 'security', 'mon', ['tue', 'wed', 'thu', 'fri']);
    for (const d of ['mon', 'tue', 'wed', 'thu', 'fri'] as const) expect(copied.security[d]).toEqual([w('07:00', '19:00', 2)]);
    expect(copied.security.sat).toEqual([w('00:00', '24:00')]);
    expect(original.security.tue).toBeUndefined();
  });

  it('gives each day its own window objects', () => {
    const copied = copyCoverDay(original, 'security', 'mon', ['tue']);
    copied.security.tue![0].min = 9;
    expect(copied.security.mon![0].min).toBe(2);
    expect(original.security.mon![0].min).toBe(2);
  });

  it('clears target days when the source day has no cover', () => {
    const copied = copyCoverDay(original, 'security', 'sun', ['sat']);
    expect(copied.security.sat).toBeUndefined();
    expect(original.security.sat).toHaveLength(1);
  });

  it('leaves other services alone', () => {
    const copied = copyCoverDay(cover({}, { mon: [w('05:00', '08:00', 3)] }), 'cleaning', 'mon', ['tue']);
    expect(copied.security).toEqual({});
    expect(copied.cleaning.tue).toEqual([w('05:00', '08:00', 3)]);
  });
});

describe('copyCoverDayToSites', () => {
  it('copies to sites running the service and skips the rest', () => {
    const source = cover({}, { mon: [w('05:00', '08:00', 3)] });
    const fh = makeSite({ code: 'FH', services: ['reception', 'cleaning'] });
    const rh = makeSite({ code: 'RH', services: ['reception'] });
    const { updated, skipped } = copyCoverDayToSites(source, 'cleaning', 'mon', [fh, rh], ['mon', 'tue']);
    expect(updated.map((s) => s.code)).toEqual(['FH']);
    expect(updated[0].cover.cleaning).toEqual({ mon: [w('05:00', '08:00', 3)], tue: [w('05:00', '08:00', 3)] });
    expect(updated[0].cover.reception).toEqual(fh.cover.reception);
    expect(updated[0].id).toBe(fh.id);
    expect(fh.cover.cleaning).toEqual({});
    expect(skipped).toEqual([{ code: 'RH', reason: 'RH does not run cleaning' }]);
  });
});

describe('coverTimeline', () => {
  it.each<
    [string, CoverWindow[], { startMin: number; endMin: number; min: number }[], { startMin: number; endMin: number; min: number }[]]
  >([
    ['no cover', [], [{ startMin: 0, endMin: 1440, min: 0 }], []],
    ['all day', [w('00:00', '24:00')], [{ startMin: 0, endMin: 1440, min: 1 }], []],
    [
      'weekday double',
      [w('00:00', '07:00'), w('07:00', '19:00', 2), w('19:00', '24:00')],
      [
        { startMin: 0, endMin: 420, min: 1 },
        { startMin: 420, endMin: 1140, min: 2 },
        { startMin: 1140, endMin: 1440, min: 1 },
      ],
      [],
    ],
    [
      'early cleaning with gaps',
      [w('05:00', '08:00', 3), w('18:00', '21:00', 2)],
      [
        { startMin: 0, endMin: 300, min: 0 },
        { startMin: 300, endMin: 480, min: 3 },
        { startMin: 480, endMin: 1080, min: 0 },
        { startMin: 1080, endMin: 1260, min: 2 },
        { startMin: 1260, endMin: 1440, min: 0 },
      ],
      [],
    ],
    [
      'night window runs to 1440 and spills',
      [w('07:00', '19:00'), w('19:00', '07:00')],
      [
        { startMin: 0, endMin: 420, min: 0 },
        { startMin: 420, endMin: 1440, min: 1 },
      ],
      [{ startMin: 0, endMin: 420, min: 1 }],
    ],
    [
      'two spills of different length and count',
      [w('22:00', '06:00', 2), w('23:00', '02:00', 1)],
      [
        { startMin: 0, endMin: 1320, min: 0 },
        { startMin: 1320, endMin: 1380, min: 2 },
        { startMin: 1380, endMin: 1440, min: 3 },
      ],
      [
        { startMin: 0, endMin: 120, min: 3 },
        { startMin: 120, endMin: 360, min: 2 },
      ],
    ],
    ['00:00–00:00 is all day, no spill', [w('00:00', '00:00')], [{ startMin: 0, endMin: 1440, min: 1 }], []],
  ])('%s', (_, windows, segments, spill) => {
    expect(coverTimeline(windows)).toEqual({ segments, spill });
  });

  it('always covers 0 to 1440 without gaps', () => {
    const { segments } = coverTimeline([w('03:15', '04:45', 2), w('12:00', '12:30'), w('23:59', '00:30', 4)]);
    expect(segments[0].startMin).toBe(0);
    expect(segments[segments.length - 1].endMin).toBe(1440);
    segments.slice(1).forEach((s, i) => expect(s.startMin).toBe(segments[i].endMin));
  });

  it('adds layered windows: 24 h × 1 plus 07:00–19:00 × 2 is three people by day', () => {
    expect(coverTimeline([w('00:00', '24:00', 1), w('07:00', '19:00', 2)]).segments).toEqual([
      { startMin: 0, endMin: 420, min: 1 },
      { startMin: 420, endMin: 1140, min: 3 },
      { startMin: 1140, endMin: 1440, min: 1 },
    ]);
  });

  it('adds the night before’s tail to the morning it runs into', () => {
    // Sun 19:00–07:00 × 1 runs into Monday's 24 h × 1 and 06:00–09:00 × 2.
    expect(coverTimeline([w('00:00', '24:00'), w('06:00', '09:00', 2)], [w('19:00', '07:00')]).segments).toEqual([
      { startMin: 0, endMin: 360, min: 2 },
      { startMin: 360, endMin: 420, min: 4 },
      { startMin: 420, endMin: 540, min: 3 },
      { startMin: 540, endMin: 1440, min: 1 },
    ]);
  });
});

describe('isTwentyFourSeven', () => {
  const every = (windows: CoverWindow[], days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']) =>
    Object.fromEntries(days.map((d) => [d, windows]));

  it.each<[string, Cover['security'], boolean]>([
    ['00:00–24:00 every day', every([w('00:00', '24:00')]), true],
    ['00:00–00:00 every day', every([w('00:00', '00:00')]), true],
    ['days and nights', every([w('07:00', '19:00', 2), w('19:00', '07:00')]), true],
    ['split at 07:00 and 19:00 within each day', every([w('00:00', '07:00'), w('07:00', '19:00', 2), w('19:00', '24:00')]), true],
    ['a one-minute gap', every([w('00:00', '12:00'), w('12:01', '24:00')]), false],
    ['weekdays only', every([w('00:00', '24:00')], ['mon', 'tue', 'wed', 'thu', 'fri']), false],
    ['nights only', every([w('19:00', '07:00')]), false],
    [
      'Monday morning relies on Sunday night',
      { ...every([w('07:00', '19:00'), w('19:00', '07:00')], ['tue', 'wed', 'thu', 'fri', 'sat', 'sun']), mon: [w('07:00', '07:00')] },
      true,
    ],
    [
      'Monday morning uncovered when Sunday has no night',
      { ...every([w('07:00', '19:00'), w('19:00', '07:00')], ['mon', 'tue', 'wed', 'thu', 'fri', 'sat']), sun: [w('07:00', '24:00')] },
      false,
    ],
    [
      'bank holiday all day after nights',
      { ...every([w('07:00', '19:00'), w('19:00', '07:00')]), bankHoliday: [w('00:00', '24:00')] },
      false,
    ],
    [
      'bank holiday days and nights',
      { ...every([w('07:00', '19:00'), w('19:00', '07:00')]), bankHoliday: [w('07:00', '19:00'), w('19:00', '07:00')] },
      true,
    ],
    ['bank holiday set but empty', { ...every([w('00:00', '24:00')]), bankHoliday: [] }, false],
    ['no cover', {}, false],
  ])('%s → %s', (_, security, expected) => {
    expect(isTwentyFourSeven(cover(security), 'security')).toBe(expected);
  });

  it('looks only at the service asked about', () => {
    expect(isTwentyFourSeven(cover(every([w('00:00', '24:00')])), 'cleaning')).toBe(false);
  });
});

describe('coverPlace', () => {
  const held = cover({ mon: [w('07:00', '19:00'), w('22:00', '24:00')], bankHoliday: [w('08:00', '12:00')] });
  it.each([
    ['cover.security.mon.1.start', 'Monday, security 22:00–24:00'],
    ['cover.security.bankHoliday.0.min', 'Bank holiday, security 08:00–12:00'],
    // A window that is not there (or a path to the whole day) still names the day and service.
    ['cover.security.mon.5.end', 'Monday, security'],
    ['cover.cleaning.sun', 'Sunday, cleaning'],
    ['cover.security', null],
    ['code', null],
  ])('%s is %s', (path, words) => {
    expect(coverPlace(held, path)).toBe(words);
  });
});
