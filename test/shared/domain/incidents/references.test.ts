import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  compareReferences,
  formatReference,
  isInstallTag,
  nextReference,
  parseReference,
  referenceYear,
} from '../../../../shared/domain/incidents';
import { incidentSchema } from '../../../../shared/schemas/incident';
import { makeIncident } from './factories';

const fitsSchema = (ref: string) => incidentSchema.safeParse(makeIncident({ ref })).success;

describe('nextReference at the home desk', () => {
  it('starts each site and year at 0001', () => {
    expect(nextReference([], 'CH', 2026, 'D1', true)).toBe('CH-2026-0001');
  });

  it('counts on from the highest number for that site and year', () => {
    expect(nextReference(['CH-2026-0001', 'CH-2026-0002'], 'CH', 2026, 'D1', true)).toBe('CH-2026-0003');
  });

  it('ignores other sites and other years', () => {
    const refs = ['HA-2026-0090', 'CH-2025-0400', 'CH-2026-0007', 'CHX-2026-0500'];
    expect(nextReference(refs, 'CH', 2026, 'D1', true)).toBe('CH-2026-0008');
  });

  it('never reuses a number left by a gap', () => {
    expect(nextReference(['CH-2026-0001', 'CH-2026-0005'], 'CH', 2026, 'D1', true)).toBe('CH-2026-0006');
  });

  it('counts past numbers issued by other installs, so numbers stay in recording order', () => {
    expect(nextReference(['CH-2026-0041', 'CH-2026-0042-M7'], 'CH', 2026, 'D1', true)).toBe('CH-2026-0043');
  });

  it('grows past 9999 instead of wrapping', () => {
    expect(nextReference(['CH-2026-9999'], 'CH', 2026, 'D1', true)).toBe('CH-2026-10000');
  });

  it('does not depend on the order of the existing references', () => {
    expect(nextReference(['CH-2026-0009', 'CH-2026-0002', 'CH-2026-0004'], 'CH', 2026, 'D1', true)).toBe('CH-2026-0010');
  });

  it('skips strings that are not references', () => {
    expect(nextReference(['garbage', 'CH-2026-12', 'CH-2026-0003'], 'CH', 2026, 'D1', true)).toBe('CH-2026-0004');
  });
});

describe('nextReference away from the home desk', () => {
  it('adds the install tag', () => {
    expect(nextReference(['CH-2026-0042'], 'CH', 2026, 'M7', false)).toBe('CH-2026-0043-M7');
  });

  it('refuses a missing or badly formed tag', () => {
    expect(() => nextReference([], 'CH', 2026, '', false)).toThrow(/install tag/);
    expect(() => nextReference([], 'CH', 2026, 'm7', false)).toThrow(/install tag/);
    expect(() => nextReference([], 'CH', 2026, '7M', false)).toThrow(/install tag/);
  });

  it('refuses a bad site code or year', () => {
    expect(() => nextReference([], 'ch', 2026, 'M7', false)).toThrow(/site/);
    expect(() => nextReference([], 'CH', 26, 'M7', false)).toThrow(/year/);
  });

  it('two offline installs recording for one site never collide', () => {
    // Both start from the same imported state, then record independently.
    const shared = ['CH-2026-0010'];
    let desk = [...shared];
    let laptop = [...shared];
    for (let i = 0; i < 5; i++) {
      desk = [...desk, nextReference(desk, 'CH', 2026, 'D1', true)];
      laptop = [...laptop, nextReference(laptop, 'CH', 2026, 'M7', false)];
    }
    const merged = [...desk, ...laptop.slice(1)];
    expect(new Set(merged).size).toBe(merged.length);
    expect(laptop.slice(1)).toEqual(['CH-2026-0011-M7', 'CH-2026-0012-M7', 'CH-2026-0013-M7', 'CH-2026-0014-M7', 'CH-2026-0015-M7']);
  });

  it('property: any interleaving of installs with partial knowledge yields unique references', () => {
    const installs = [
      { tag: 'D1', home: true },
      { tag: 'M7', home: false },
      { tag: 'L2', home: false },
    ];
    fc.assert(
      fc.property(
        fc.array(fc.record({ who: fc.integer({ min: 0, max: 2 }), syncFrom: fc.option(fc.integer({ min: 0, max: 2 })) }), {
          maxLength: 60,
        }),
        (steps) => {
          const known: string[][] = [[], [], []];
          const all: string[] = [];
          for (const { who, syncFrom } of steps) {
            // Sometimes an install imports everything another one knows (an offline exchange).
            if (syncFrom !== null) known[who] = [...new Set([...known[who], ...known[syncFrom]])];
            const ref = nextReference(known[who], 'CH', 2026, installs[who].tag, installs[who].home);
            known[who].push(ref);
            all.push(ref);
          }
          expect(new Set(all).size).toBe(all.length);
        },
      ),
    );
  });

  it('every issued reference fits the incident schema pattern', () => {
    for (const ref of [nextReference([], 'CH', 2026, 'D1', true), nextReference([], 'ABCD', 2026, 'Z9Z9Z9', false)]) {
      expect(fitsSchema(ref)).toBe(true);
    }
  });
});

describe('referenceYear', () => {
  it('uses the London date of recording: 23:59 on 31 Dec is still the old year', () => {
    expect(referenceYear('2026-12-31T23:59:59.000Z')).toBe(2026);
  });

  it('rolls over at London midnight', () => {
    expect(referenceYear('2027-01-01T00:00:00.000Z')).toBe(2027);
  });

  it('numbering restarts at 0001 in the new year', () => {
    const refs = ['CH-2026-0311'];
    expect(nextReference(refs, 'CH', referenceYear('2026-12-31T23:30:00.000Z'), 'D1', true)).toBe('CH-2026-0312');
    expect(nextReference(refs, 'CH', referenceYear('2027-01-01T00:00:30.000Z'), 'D1', true)).toBe('CH-2027-0001');
  });
});

describe('parseReference and formatReference', () => {
  it('parse a plain reference', () => {
    expect(parseReference('CH-2026-0042')).toEqual({ site: 'CH', year: 2026, seq: 42, tag: null });
  });

  it('parse a tagged reference', () => {
    expect(parseReference('ABCD-2027-12345-M7')).toEqual({ site: 'ABCD', year: 2027, seq: 12345, tag: 'M7' });
  });

  it('reject what is not a reference', () => {
    for (const bad of ['', 'ch-2026-0042', 'CH-26-0042', 'CH-2026-042', 'CH-2026-0042-', 'CH-2026-0042-m7', 'C-2026-0042']) {
      expect(parseReference(bad)).toBeNull();
    }
  });

  it('round-trip', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Z]{2,4}$/),
        fc.integer({ min: 2000, max: 2099 }),
        fc.integer({ min: 1, max: 200000 }),
        fc.option(fc.stringMatching(/^[A-Z][A-Z0-9]{0,5}$/)),
        (site, year, seq, tag) => {
          const p = { site, year, seq, tag };
          expect(parseReference(formatReference(p))).toEqual(p);
        },
      ),
    );
  });

  it('the schema would refuse a malformed reference, so the check above can fail', () => {
    expect(fitsSchema('CH-2026-042')).toBe(false);
  });

  it('isInstallTag accepts short capital tags starting with a letter', () => {
    expect(isInstallTag('M7')).toBe(true);
    expect(isInstallTag('ABCDEFG')).toBe(false);
    expect(isInstallTag('07')).toBe(false);
  });
});

describe('compareReferences', () => {
  it('sorts by site, year, then number numerically, plain before tagged', () => {
    const refs = [
      'CH-2026-10000',
      'HA-2025-0001',
      'CH-2026-0042-M7',
      'CH-2027-0001',
      'CH-2026-0042',
      'CH-2026-0042-A1',
      'CH-2026-0009',
      'CH-2025-0500',
    ];
    expect([...refs].sort(compareReferences)).toEqual([
      'CH-2025-0500',
      'CH-2026-0009',
      'CH-2026-0042',
      'CH-2026-0042-A1',
      'CH-2026-0042-M7',
      'CH-2026-10000',
      'CH-2027-0001',
      'HA-2025-0001',
    ]);
  });

  it('puts unparseable strings last', () => {
    expect(['zzz', 'CH-2026-0001', 'aaa'].sort(compareReferences)).toEqual(['CH-2026-0001', 'aaa', 'zzz']);
  });

  it('is zero only for the same reference', () => {
    expect(compareReferences('CH-2026-0042', 'CH-2026-0042')).toBe(0);
    expect(compareReferences('CH-2026-0042', 'CH-2026-0042-M7')).toBeLessThan(0);
  });
});
