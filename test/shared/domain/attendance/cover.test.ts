import { describe, expect, it } from 'vitest';
import { coverAchieved, coverShiftFor, type Presence } from '../../../../shared/domain/attendance';
import { makeShift, makeSite } from '../rota/factories';
import { spanOf } from '../../../../shared/domain/rota/instants';
import { at } from './helpers';

const site = makeSite({
  cover: {
    reception: {},
    cleaning: { wed: [{ start: '05:00', end: '08:00', min: 3 }] },
    security: {
      sat: [{ start: '00:00', end: '24:00', min: 1 }],
      sun: [
        { start: '00:00', end: '24:00', min: 1 },
        { start: '07:00', end: '19:00', min: 2 },
      ],
    },
  },
});
const p = (staffId: string, from: string, to: string): Presence => ({ staffId, span: { start: at(from), end: at(to) } });

describe('coverAchieved', () => {
  it.each([
    ['nobody', [], 0],
    ['two of three, all morning', [p('a', '2026-11-25T05:00', '2026-11-25T08:00'), p('b', '2026-11-25T05:00', '2026-11-25T08:00')], 66.7],
    ['all three', ['a', 'b', 'c'].map((s) => p(s, '2026-11-25T05:00', '2026-11-25T08:00')), 100],
    ['four people still make 100, not more', ['a', 'b', 'c', 'd'].map((s) => p(s, '2026-11-25T04:30', '2026-11-25T08:30')), 100],
    [
      'one person on two overlapping records counts once',
      [p('a', '2026-11-25T05:00', '2026-11-25T08:00'), p('a', '2026-11-25T06:00', '2026-11-25T07:00')],
      33.3,
    ],
    [
      'three, one of them from 06:30',
      [
        p('a', '2026-11-25T05:00', '2026-11-25T08:00'),
        p('b', '2026-11-25T05:00', '2026-11-25T08:00'),
        p('c', '2026-11-25T06:30', '2026-11-25T08:00'),
      ],
      83.3,
    ],
  ])('%s', (_label, presence, percent) => {
    expect(coverAchieved(site, 'cleaning', presence, '2026-11-23', '2026-11-29').percent).toBe(percent);
  });

  it('counts required person-minutes, and only up to `until`', () => {
    const full = coverAchieved(site, 'cleaning', [], '2026-11-25', '2026-11-25');
    expect(full).toEqual({ requiredMinutes: 540, coveredMinutes: 0, percent: 0 });
    const soFar = coverAchieved(
      site,
      'cleaning',
      [p('a', '2026-11-25T05:00', '2026-11-25T06:00')],
      '2026-11-25',
      '2026-11-25',
      [],
      at('2026-11-25T06:00'),
    );
    expect(soFar).toEqual({ requiredMinutes: 180, coveredMinutes: 60, percent: 33.3 });
  });

  it('is null when nothing was required', () => {
    expect(coverAchieved(site, 'reception', [], '2026-11-23', '2026-11-29').percent).toBeNull();
  });

  it('weighs the night the clocks go back at 25 hours, and adds layered windows', () => {
    // Sun 25 Oct 2026: 24/7 × 1 (25 real hours) with 07:00–19:00 × 2 on top, so 25 h + 2 × 12 h of person-time.
    const r = coverAchieved(site, 'security', [], '2026-10-25', '2026-10-25');
    expect(r.requiredMinutes).toBe(25 * 60 + 24 * 60);
    const spring = coverAchieved(site, 'security', [], '2026-03-29', '2026-03-29');
    expect(spring.requiredMinutes).toBe(23 * 60 + 24 * 60);
  });
});

describe('coverShiftFor', () => {
  const shift = makeShift({ date: '2026-11-25', start: '07:00', end: '15:00', staffId: null });
  it.each([
    ['well before the start: the whole shift', '2026-11-25T05:00', '07:00'],
    ['after the start: from when someone can arrive, on the next 5 minutes', '2026-11-25T07:05', '07:35'],
    ['rounded up', '2026-11-25T07:07', '07:40'],
  ])('%s', (_label, now, start) => {
    expect(coverShiftFor(shift, at(now), 30)?.start).toBe(start);
  });

  it('is null when too little of the shift is left', () => {
    expect(coverShiftFor(shift, at('2026-11-25T14:20'), 30)).toBeNull();
  });

  it('moves into the next day for a night shift found after midnight', () => {
    const night = makeShift({ date: '2026-11-25', start: '22:00', end: '06:00', staffId: null });
    expect(coverShiftFor(night, at('2026-11-26T00:10'), 30)).toMatchObject({ date: '2026-11-26', start: '00:40', end: '06:00' });
  });

  describe('the night the clocks go back (Sun 25 Oct 2026: 01:00–01:59 happens twice)', () => {
    const night = makeShift({ date: '2026-10-24', start: '22:00', end: '06:00', staffId: null });
    it.each([
      // now (UTC)            London then       arrives (London)   stored start
      ['2026-10-24T23:40', '00:40 BST', '01:10 BST, the first 01:10', '01:10'],
      ['2026-10-25T00:20', '01:20 BST', '01:50 BST', '01:50'],
      ['2026-10-25T00:40', '01:40 BST', '01:10 GMT, the second 01:10', '02:00'],
      ['2026-10-25T01:10', '01:10 GMT', '01:40 GMT, the second 01:40', '02:00'],
      ['2026-10-25T01:40', '01:40 GMT', '02:10 GMT', '02:10'],
    ])('found at %s UTC (%s), someone arriving at %s starts at %s', (now, _then, _arrives, start) => {
      const cover = coverShiftFor(night, at(now), 30)!;
      expect(cover).toMatchObject({ date: '2026-10-25', start, end: '06:00' });
      // Read back as every screen and rule reads a shift, it starts no earlier than someone could arrive.
      expect(spanOf(cover.date, cover.start, cover.end).start).toBeGreaterThanOrEqual(at(now) + 30 * 60_000);
    });

    it('never starts before the moment cover was arranged, all through the night', () => {
      for (let t = at('2026-10-24T22:00'); t < at('2026-10-25T05:00'); t += 5 * 60_000) {
        const cover = coverShiftFor(night, t, 30)!;
        const start = spanOf(cover.date, cover.start, cover.end).start;
        expect(start, new Date(t).toISOString()).toBeGreaterThanOrEqual(t + 30 * 60_000);
        expect(start - t, new Date(t).toISOString()).toBeLessThanOrEqual(90 * 60_000);
      }
    });
  });

  describe('the night the clocks go forward (Sun 28 Mar 2027: 01:00–01:59 does not exist)', () => {
    const night = makeShift({ date: '2027-03-27', start: '22:00', end: '06:00', staffId: null });
    it.each([
      ['2027-03-28T00:20', '00:50'],
      ['2027-03-28T00:30', '02:00'],
      ['2027-03-28T00:50', '02:20'],
    ])('found at %s UTC starts at %s', (now, start) => {
      const cover = coverShiftFor(night, at(now), 30)!;
      expect(cover).toMatchObject({ date: '2027-03-28', start, end: '06:00' });
      expect(spanOf(cover.date, cover.start, cover.end).start).toBe(at(now) + 30 * 60_000);
    });
  });
});
