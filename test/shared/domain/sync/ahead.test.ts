import { describe, expect, it } from 'vitest';
import { AHEAD_NOTE, checkedStamps, keepRefused } from '../../../../shared/domain/sync/ahead';
import { openDecisions, type DecidableShift } from '../../../../shared/domain/sync/decisions';
import { formatHlc } from '../../../../shared/domain/sync/hlc';
import type { Superseded, SyncRecord } from '../../../../shared/domain/sync/merge';

/**
 * What an install keeps of a hub document it refused for a stamp more than a day ahead of its clock, beside the version
 * it holds (docs/sync.md, "Nothing the refused document held is lost"). Every expectation is written out by hand.
 */
const NOW = Date.parse('2026-11-25T09:00:00Z');
const YEAR = 365 * 24 * 3_600_000;
const stamp = (ms: number, node: string) => formatHlc({ wall: NOW + ms, count: 0, node });

const HELD = {
  id: 'shiftsam01',
  site: 'CH',
  service: 'security',
  date: '2026-11-25',
  start: '06:45',
  end: '18:45',
  breakMinutes: 30,
  staffId: 'staffsam01',
  notes: '',
  deleted: false,
  status: 'published',
  override: null,
  history: [],
  createdAt: '2026-11-16T09:00:00.000Z',
  createdBy: 'manager01',
  updatedAt: '2026-11-16T09:00:00.000Z',
  updatedBy: 'manager01',
  rev: 1,
  hlc: stamp(-8 * 24 * 3_600_000, 'mgr1'),
  origin: 'mgr1',
} as SyncRecord;

const RITA_STAMP = stamp(-3_600_000, 'laptop3');
const FAR_STAMP = stamp(5 * YEAR, 'laptop2');
/** The far laptop's edit (Sam's shift to Omar), with Rita's version from a third laptop set aside in its history. */
const FAR = {
  ...HELD,
  staffId: 'staffomar1',
  rev: 3,
  base: HELD.hlc,
  hlc: FAR_STAMP,
  origin: 'laptop2',
  updatedAt: '2031-11-24T10:00:00.000Z',
  updatedBy: 'manager02',
  history: [
    {
      at: '2026-11-25T08:00:00.000Z',
      by: 'manager03',
      before: { id: 'shiftsam01', staffId: 'staffrita1', hlc: RITA_STAMP, site: 'CH', date: '2026-11-25', start: '06:45', end: '18:45' },
      after: { id: 'shiftsam01', staffId: 'staffomar1', hlc: FAR_STAMP, mergeNote: 'Edited on two installs.' },
    },
  ],
} as SyncRecord;

describe('a refused far-ahead shift', () => {
  it('leaves the held version in force and keeps both the clash it carried and itself for a manager to decide', () => {
    const kept = keepRefused('shifts', HELD, FAR, [], NOW)!;
    const { history, ...rest } = kept.record;
    const { history: _h, ...heldRest } = HELD;
    expect(rest).toEqual(heldRest);
    expect(kept.superseded).toEqual([]);
    const entries = history as { by: string; before: Record<string, unknown>; after: Record<string, unknown> }[];
    expect(entries.map((e) => [e.before.staffId, e.before.hlc])).toEqual([
      ['staffrita1', RITA_STAMP],
      ['staffomar1', FAR_STAMP],
    ]);
    expect(entries[1]).toMatchObject({ at: '2031-11-24T10:00:00.000Z', by: 'manager02', after: { mergeNote: AHEAD_NOTE } });
    const open = openDecisions(kept.record as unknown as DecidableShift);
    expect(open.map((d) => [d.other.fields.staffId, d.current.fields.staffId])).toEqual([
      ['staffrita1', 'staffsam01'],
      ['staffomar1', 'staffsam01'],
    ]);
  });

  it('keeps the same entry twice only once, so keeping it again changes nothing', () => {
    const once = keepRefused('shifts', HELD, FAR, [], NOW)!.record;
    expect(keepRefused('shifts', once, FAR, [], NOW)!.record).toEqual(once);
  });

  it('is not kept twice on the install that wrote it (its own edit come back)', () => {
    expect(keepRefused('shifts', FAR, FAR, [], NOW)).toEqual({ record: FAR, superseded: [] });
  });
});

describe('a refused far-ahead person', () => {
  const person = {
    id: 'staffkim01',
    name: 'Kim',
    contractedHours: 40,
    updatedAt: '2026-01-05T09:00:00.000Z',
    updatedBy: 'manager01',
    rev: 1,
    hlc: stamp(-YEAR / 2, 'mgr1'),
  } as SyncRecord;
  const far = { ...person, contractedHours: 30, rev: 2, base: person.hlc, hlc: FAR_STAMP, origin: 'laptop2' } as SyncRecord;
  const rival = { ...person, contractedHours: 25, rev: 2, base: person.hlc, hlc: RITA_STAMP, origin: 'laptop3' } as SyncRecord;
  const rivalAside: Superseded = {
    key: 'staff/staffkim01/rival',
    kind: 'staff',
    recordId: 'staffkim01',
    keptHlc: FAR_STAMP,
    reason: 'edited-on-two-installs',
    record: rival,
  };

  it('keeps the version it set aside, against the held version’s stamp, and itself as stamped ahead', () => {
    const kept = keepRefused('staff', person, far, [rivalAside], NOW)!;
    expect(kept.record).toBe(person);
    expect(kept.superseded.map((s) => [s.record.contractedHours, s.keptHlc, s.reason])).toEqual([
      [25, person.hlc, 'edited-on-two-installs'],
      [30, person.hlc, 'stamped-ahead'],
    ]);
    // Read again on another install, neither is a reason to refuse: no stamp it checks is ahead.
    expect(kept.superseded.flatMap(checkedStamps)).toEqual([person.hlc, RITA_STAMP, person.hlc]);
  });

  it('merges the record as usual when only a version it carried aside was stamped ahead', () => {
    const newer = { ...rival, contractedHours: 35 } as SyncRecord;
    const aheadAside: Superseded = { ...rivalAside, key: 'staff/staffkim01/far', keptHlc: RITA_STAMP, record: far };
    const kept = keepRefused('staff', person, newer, [aheadAside], NOW)!;
    expect(kept.record).toBe(newer);
    expect(kept.superseded.map((s) => [s.record.contractedHours, s.reason])).toEqual([[30, 'stamped-ahead']]);
  });
});

describe('attendance and incidents', () => {
  it('are left alone: their events are never written over', () => {
    expect(keepRefused('attendance', HELD, FAR, [], NOW)).toBeNull();
    expect(keepRefused('incidents', HELD, FAR, [], NOW)).toBeNull();
  });
});
