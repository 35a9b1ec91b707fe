import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aheadInWords,
  compareHlc,
  formatHlc,
  HLC_ZERO,
  latestHlc,
  parseHlc,
  stampDateGB,
  receive,
  tick,
  tooFarAhead,
  type Hlc,
} from '../../../../shared/domain/sync/hlc';

const node = fc.stringMatching(/^[a-z0-9]{6,12}$/);
const hlc = fc.record({ wall: fc.integer({ min: 0, max: 4_102_444_800_000 }), count: fc.integer({ min: 0, max: 999_999 }), node });
const sign = (n: number) => Math.sign(n);

describe('hybrid logical clock', () => {
  it('round-trips through its stored form, and comparing the strings orders the clocks', () => {
    fc.assert(
      fc.property(hlc, hlc, (a, b) => {
        expect(parseHlc(formatHlc(a))).toEqual(a);
        const byString = formatHlc(a) < formatHlc(b) ? -1 : formatHlc(a) > formatHlc(b) ? 1 : 0;
        expect(sign(compareHlc(formatHlc(a), formatHlc(b)))).toBe(byString);
      }),
    );
  });

  it('always moves forward on a local edit, even when the wall clock goes back', () => {
    fc.assert(
      fc.property(hlc, fc.array(fc.integer({ min: 0, max: 4_102_444_800_000 }), { maxLength: 30 }), node, (start, walls, n) => {
        let last: Hlc = start;
        for (const w of walls) {
          const next = tick(last, w, n);
          expect(compareHlc(formatHlc(next), formatHlc(last))).toBeGreaterThan(0);
          expect(next.wall).toBeGreaterThanOrEqual(w);
          last = next;
        }
      }),
    );
  });

  it('after receiving a stamp, the next local stamp is above both clocks whatever the wall says', () => {
    fc.assert(
      fc.property(hlc, hlc, fc.integer({ min: 0, max: 4_102_444_800_000 }), (local, remote, now) => {
        const got = receive(local, remote, now, local.node);
        const next = tick(got, now - 3_600_000, local.node);
        expect(compareHlc(formatHlc(got), formatHlc(local))).toBeGreaterThan(0);
        expect(compareHlc(formatHlc(next), formatHlc({ ...remote, node: '' }))).toBeGreaterThan(0);
        expect(compareHlc(formatHlc(next), formatHlc(got))).toBeGreaterThan(0);
      }),
    );
  });

  it('orders an edit made on a desk whose clock is an hour slow after the version it was made from', () => {
    const manager = tick({ wall: 0, count: 0, node: 'manager1' }, Date.parse('2026-11-25T10:00:00Z'), 'manager1');
    const desk = receive({ wall: 0, count: 0, node: 'desk01' }, manager, Date.parse('2026-11-25T09:00:00Z'), 'desk01');
    const edit = tick(desk, Date.parse('2026-11-25T09:01:00Z'), 'desk01');
    expect(compareHlc(formatHlc(edit), formatHlc(manager))).toBeGreaterThan(0);
  });

  it('reads a missing or odd stamp as zero, below every real one', () => {
    expect(parseHlc('rubbish')).toEqual({ wall: 0, count: 0, node: '' });
    expect(compareHlc(HLC_ZERO, formatHlc({ wall: 1, count: 0, node: 'a' }))).toBeLessThan(0);
  });
});

describe('a stamp from elsewhere far ahead of this computer’s clock', () => {
  const now = Date.parse('2026-11-25T09:00:00Z');
  const at = (ms: number) => formatHlc({ wall: now + ms, count: 0, node: 'desk' });
  const HOUR = 3_600_000;

  it('is merged up to a day ahead (a wrong time zone, ordinary skew) and refused beyond it', () => {
    expect(tooFarAhead(at(30_000), now)).toBe(false);
    expect(tooFarAhead(at(2 * HOUR), now)).toBe(false);
    expect(tooFarAhead(at(24 * HOUR), now)).toBe(false);
    expect(tooFarAhead(at(25 * HOUR), now)).toBe(true);
    expect(tooFarAhead(undefined, now)).toBe(false);
  });

  it('says how far ahead in hours, days or years', () => {
    expect(aheadInWords(at(30 * HOUR), now)).toBe('30 hours');
    expect(aheadInWords(at(12 * 24 * HOUR), now)).toBe('12 days');
    expect(aheadInWords(at(5 * 365 * 24 * HOUR), now)).toBe('5 years');
  });
});

describe('the latest stamp and its date', () => {
  it('picks the latest of some stamps, and reads its date as a person does', () => {
    const a = formatHlc({ wall: Date.parse('2026-11-25T09:00:00Z'), count: 0, node: 'a' });
    const b = formatHlc({ wall: Date.parse('2031-12-05T23:30:00Z'), count: 0, node: 'b' });
    expect(latestHlc([a, b, HLC_ZERO])).toBe(b);
    expect(latestHlc([])).toBe(HLC_ZERO);
    // 23:30 UTC on 5 Dec is still 5 Dec in London (GMT); in June it would be the next day.
    expect(stampDateGB(b)).toBe('Fri 5 Dec 2031');
    expect(stampDateGB(formatHlc({ wall: Date.parse('2031-06-05T23:30:00Z'), count: 0, node: 'b' }))).toBe('Fri 6 Jun 2031');
  });

  it('gives no date for a made-up stamp beyond the year 9999', () => {
    expect(stampDateGB('999999999999999-000000-x')).toBeNull();
  });
});
