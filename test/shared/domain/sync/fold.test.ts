import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldVersions, planFolded } from '../../../../shared/domain/sync/fold';
import { formatHlc } from '../../../../shared/domain/sync/hlc';
import { canonical, type SyncRecord } from '../../../../shared/domain/sync/merge';

/**
 * Records rebuilt from their events (docs/sync.md, "How the record is rebuilt"): the same versions in any
 * order give the same record and the same versions kept aside. The versions are written out by hand:
 * an attendance record signed in on the desk, then signed out on the desk and corrected on a manager's
 * laptop while apart; an incident whose chain grew on one install and diverged on another.
 */
const T0 = Date.parse('2026-11-25T09:00:00Z');
const stamp = (s: number, node: string) => formatHlc({ wall: T0 + s * 1000, count: 0, node });

const signedIn: SyncRecord = {
  id: 'att_carla_00001',
  shiftId: 'shift_carla_001',
  staffId: 'staff_carla_001',
  site: 'CH',
  date: '2026-11-25',
  signedInAt: '2026-11-25T04:58:00.000Z',
  signedOutAt: null,
  noShow: false,
  corrections: [],
  createdAt: '2026-11-25T04:58:00.000Z',
  createdBy: 'sup_ch',
  updatedAt: '2026-11-25T04:58:00.000Z',
  updatedBy: 'sup_ch',
  rev: 1,
  hlc: stamp(0, 'desk'),
  origin: 'desk',
};
// Signed out on the desk, made from the sign-in.
const signedOut: SyncRecord = { ...signedIn, signedOutAt: '2026-11-25T09:00:00.000Z', rev: 2, hlc: stamp(10, 'desk'), base: signedIn.hlc };
// Corrected on the manager's laptop a minute later, also made from the sign-in: apart from the sign-out.
const corrected: SyncRecord = {
  ...signedIn,
  signedInAt: '2026-11-25T04:50:00.000Z',
  corrections: [
    {
      at: '2026-11-25T09:01:00.000Z',
      by: 'manager',
      reason: 'Camera',
      field: 'signedInAt',
      before: '2026-11-25T04:58:00.000Z',
      after: '2026-11-25T04:50:00.000Z',
    },
  ],
  updatedBy: 'manager',
  rev: 2,
  hlc: stamp(60, 'laptop'),
  origin: 'laptop',
  base: signedIn.hlc,
};

const entry = (hash: string) => ({
  at: '2026-11-25T09:00:00.000Z',
  by: 'sup_ch',
  kind: 'updated',
  changes: [],
  note: '',
  prevHash: '',
  hash,
});
const incident = (hashes: string[], s: number, node: string): SyncRecord => ({
  id: 'incident_0001',
  site: 'CH',
  severity: 'low',
  history: hashes.map(entry),
  createdAt: '2026-11-25T09:00:00.000Z',
  createdBy: 'sup_ch',
  updatedAt: '2026-11-25T09:00:00.000Z',
  updatedBy: 'sup_ch',
  rev: hashes.length,
  hlc: stamp(s, node),
  origin: node,
});
const created = incident(['a'], 0, 'desk');
const grown = incident(['a', 'b'], 10, 'desk');
const grownMore = incident(['a', 'b', 'c'], 20, 'desk');
const diverged = incident(['a', 'x'], 60, 'laptop');

const summary = (f: ReturnType<typeof foldVersions>) =>
  f && { record: canonical(f.record), aside: f.aside.map((a) => [a.reason, a.keptHlc, canonical(a.record)]) };

describe('folding attendance events', () => {
  it('keeps the later of two writes made apart as the record and the other aside, the one both came from being history', () => {
    expect(summary(foldVersions('attendance', [signedIn, signedOut, corrected]))).toEqual({
      record: canonical(corrected),
      aside: [['edited-on-two-installs', corrected.hlc, canonical(signedOut)]],
    });
  });

  it('sets nothing aside when each write was made from the one before', () => {
    const later: SyncRecord = {
      ...signedOut,
      signedInAt: '2026-11-25T04:55:00.000Z',
      rev: 3,
      hlc: stamp(30, 'laptop'),
      origin: 'laptop',
      base: signedOut.hlc,
    };
    expect(summary(foldVersions('attendance', [later, signedIn, signedOut]))).toEqual({ record: canonical(later), aside: [] });
  });

  it('gives the same record and the same versions aside in any order, with any version held twice', () => {
    const all = [signedIn, signedOut, corrected];
    const want = summary(foldVersions('attendance', all));
    fc.assert(
      fc.property(fc.shuffledSubarray([...all, ...all], { minLength: 6, maxLength: 6 }), (order) => {
        expect(summary(foldVersions('attendance', order))).toEqual(want);
      }),
    );
  });
});

describe('folding incident history entries', () => {
  it('takes the chain that extends the others, setting nothing aside', () => {
    expect(summary(foldVersions('incidents', [grown, created, grownMore]))).toEqual({ record: canonical(grownMore), aside: [] });
  });

  it('keeps the later of two diverged chains and the other whole aside, the prefix both share being part of them', () => {
    const want = { record: canonical(diverged), aside: [['history-diverged', diverged.hlc, canonical(grownMore)]] };
    fc.assert(
      fc.property(fc.shuffledSubarray([created, grown, grownMore, diverged, grown], { minLength: 5, maxLength: 5 }), (order) => {
        expect(summary(foldVersions('incidents', order))).toEqual(want);
      }),
    );
  });

  it('plans to write the record only where the copy held differs, and each version aside not kept already', () => {
    const f = foldVersions('incidents', [grownMore, diverged])!;
    expect(planFolded('incidents', { [diverged.id]: diverged }, [f], {})).toMatchObject({
      writes: {},
      superseded: [{ recordId: diverged.id, reason: 'history-diverged' }],
    });
    const held = { [f.aside[0].key]: f.aside[0] };
    expect(planFolded('incidents', { [diverged.id]: grownMore }, [f], held)).toMatchObject({
      writes: { incidents: [diverged] },
      superseded: [],
    });
  });
});
