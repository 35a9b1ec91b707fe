import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appendHistory } from '../../../../shared/domain/incidents/history';
import { formatHlc, parseHlc, receive, tick, type Hlc } from '../../../../shared/domain/sync/hlc';
import { canonical, maxHlc, planImport, type RecordSet, type Superseded, type SyncRecord } from '../../../../shared/domain/sync/merge';

/** What one install holds: records by kind and id, and the versions it keeps aside by key (as in superseded.json). */
interface SyncState {
  records: RecordSet;
  superseded: Record<string, Superseded>;
}

/**
 * Importing `incoming` into `local` the way the product does (main/exchange/transfer.ts): planImport over
 * the local versions, what is kept aside already and the pack's set-aside versions; then applyPlan's effect,
 * every planned write upserted and every planned set-aside version added under its key.
 */
const importInto = (local: SyncState, incoming: SyncState): SyncState => {
  const plan = planImport(local.records, incoming.records, Object.values(incoming.superseded), local.superseded);
  const records = structuredClone(local.records);
  for (const [kind, recs] of Object.entries(plan.writes))
    for (const r of recs ?? []) records[kind as 'shifts'] = { ...records[kind as 'shifts'], [r.id]: r };
  const superseded = { ...local.superseded };
  for (const x of plan.superseded) superseded[x.key] = x;
  return { records, superseded };
};
/** A state with its record sets in a fixed order, so two equal states compare equal. */
const sorted = (x: SyncState): SyncState => ({
  records: Object.fromEntries(
    Object.entries(x.records)
      .sort(([p], [q]) => (p < q ? -1 : 1))
      .map(([k, v]) => [k, Object.fromEntries(Object.entries(v ?? {}).sort(([p], [q]) => (p < q ? -1 : 1)))]),
  ),
  superseded: Object.fromEntries(Object.entries(x.superseded).sort(([p], [q]) => (p < q ? -1 : 1))),
});

const SHIFT_IDS = ['shift0001', 'shift0002', 'shift0003'];
const INCIDENT_IDS = ['incid0001', 'incid0002'];
const T0 = Date.parse('2026-11-25T09:00:00Z');

interface Install {
  node: string;
  clock: Hlc;
  skew: number;
  state: SyncState;
}

const base = (): SyncState => ({
  records: {
    shifts: Object.fromEntries(
      SHIFT_IDS.map((id) => [
        id,
        {
          id,
          site: 'CH',
          notes: '',
          staffId: null,
          deleted: false,
          history: [],
          updatedAt: new Date(T0).toISOString(),
          updatedBy: 'manager01',
          hlc: formatHlc({ wall: T0, count: 0, node: 'mgr' }),
          origin: 'mgr',
        } as SyncRecord,
      ]),
    ),
    incidents: Object.fromEntries(
      INCIDENT_IDS.map((id) => [
        id,
        {
          id,
          site: 'CH',
          status: 'open',
          history: appendHistory([], { at: new Date(T0).toISOString(), by: 'desk000001', kind: 'created', changes: [], note: '' }, id),
          updatedAt: new Date(T0).toISOString(),
          updatedBy: 'desk000001',
        } as SyncRecord,
      ]),
    ),
  },
  superseded: {},
});

type Op =
  | { who: 0 | 1; kind: 'edit'; id: number; notes: string; staffId: string | null; at: number }
  | { who: 0 | 1; kind: 'delete'; id: number; at: number }
  | { who: 0 | 1; kind: 'log'; text: string; at: number }
  | { who: 0 | 1; kind: 'incident'; id: number; note: string; at: number }
  | { who: 0 | 1; kind: 'send'; at: number };

const who = fc.constantFrom<0 | 1>(0, 1);
const at = fc.integer({ min: 0, max: 3_600_000 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    who,
    kind: fc.constant('edit' as const),
    id: fc.nat(SHIFT_IDS.length - 1),
    notes: fc.constantFrom('', 'cover', 'swap', 'late'),
    staffId: fc.constantFrom(null, 'staff00001', 'staff00002'),
    at,
  }),
  fc.record({ who, kind: fc.constant('delete' as const), id: fc.nat(SHIFT_IDS.length - 1), at }),
  fc.record({ who, kind: fc.constant('log' as const), text: fc.string({ minLength: 1, maxLength: 8 }), at }),
  fc.record({ who, kind: fc.constant('incident' as const), id: fc.nat(INCIDENT_IDS.length - 1), note: fc.string({ maxLength: 8 }), at }),
  fc.record({ who, kind: fc.constant('send' as const), at }),
);

let logSeq = 0;
const run = (ops: Op[], skews: [number, number]): [Install, Install] => {
  const installs: [Install, Install] = [
    { node: 'managerA', clock: { wall: 0, count: 0, node: 'managerA' }, skew: skews[0], state: base() },
    { node: 'deskBBBB', clock: { wall: 0, count: 0, node: 'deskBBBB' }, skew: skews[1], state: base() },
  ];
  for (const o of ops) {
    const me = installs[o.who];
    const now = T0 + o.at + me.skew;
    const stamp = (after?: string) => {
      if (after) me.clock = receive(me.clock, parseHlc(after), now, me.node);
      me.clock = tick(me.clock, now, me.node);
      return formatHlc(me.clock);
    };
    const meta = (r: SyncRecord) => ({
      updatedAt: new Date(now).toISOString(),
      updatedBy: me.node,
      base: r.hlc,
      origin: me.node,
      hlc: stamp(r.hlc),
    });
    const shifts = me.state.records.shifts!;
    if (o.kind === 'edit' || o.kind === 'delete') {
      const r = shifts[SHIFT_IDS[o.id]];
      const change = o.kind === 'edit' ? { notes: o.notes, staffId: o.staffId } : { deleted: true };
      shifts[r.id] = { ...r, ...change, ...meta(r) };
    } else if (o.kind === 'log') {
      const id = `log${String((logSeq += 1)).padStart(6, '0')}`;
      me.state.records.log = {
        ...me.state.records.log,
        [id]: { id, text: o.text, updatedAt: new Date(now).toISOString(), updatedBy: me.node, hlc: stamp(), origin: me.node },
      };
    } else if (o.kind === 'incident') {
      const incidents = me.state.records.incidents!;
      const r = incidents[INCIDENT_IDS[o.id]];
      const history = appendHistory(
        r.history as never,
        { at: new Date(now).toISOString(), by: 'desk000001', kind: 'amendment', changes: [], note: o.note },
        r.id,
      );
      incidents[r.id] = { ...r, history, ...meta(r) };
    } else {
      const other = installs[1 - o.who];
      other.state = importInto(other.state, structuredClone(me.state));
      other.clock = receive(other.clock, parseHlc(maxHlc(me.state.records)), T0 + o.at + other.skew, other.node);
    }
  }
  return installs;
};

const same = (x: SyncState, y: SyncState) => expect(canonical(sorted(x))).toBe(canonical(sorted(y)));
const scenario = fc.tuple(
  fc.array(op, { maxLength: 25 }),
  fc.tuple(fc.integer({ min: -7_200_000, max: 7_200_000 }), fc.integer({ min: -7_200_000, max: 7_200_000 })),
);

describe('importing one install’s records into another (planImport, as the product applies it)', () => {
  it('gives the same result in either order', () => {
    fc.assert(
      fc.property(scenario, ([ops, skews]) => {
        const [a, b] = run(ops, skews);
        same(importInto(a.state, b.state), importInto(b.state, a.state));
      }),
      { numRuns: 300 },
    );
  });

  it('is idempotent: merging the same side again changes nothing', () => {
    fc.assert(
      fc.property(scenario, ([ops, skews]) => {
        const [a, b] = run(ops, skews);
        const merged = importInto(a.state, b.state);
        same(importInto(merged, b.state), merged);
        same(importInto(merged, a.state), merged);
        same(importInto(merged, merged), merged);
      }),
      { numRuns: 300 },
    );
  });

  it('loses no record, no log entry, no incident history entry and no independently edited version', () => {
    fc.assert(
      fc.property(scenario, ([ops, skews]) => {
        const [a, b] = run(ops, skews);
        const merged = importInto(a.state, b.state);
        const kept = canonical(merged);
        for (const side of [a, b]) {
          for (const [kind, recs] of Object.entries(side.state.records)) {
            for (const [id, r] of Object.entries(recs ?? {})) {
              expect(merged.records[kind as 'shifts']?.[id]).toBeDefined();
              for (const e of kind === 'incidents' ? (r.history as { hash: string }[]) : []) expect(kept).toContain(e.hash);
            }
          }
        }
        // Every shift version one side holds is either the merged one, an ancestor it was made from, or recorded in its history.
        for (const id of SHIFT_IDS) {
          const ra = a.state.records.shifts![id];
          const rb = b.state.records.shifts![id];
          const m = merged.records.shifts![id];
          for (const [mine, theirs] of [
            [ra, rb],
            [rb, ra],
          ]) {
            if (mine.hlc === m.hlc) continue;
            const madeFrom = m.base === mine.hlc || (m.origin === mine.origin && mine.origin !== undefined);
            const inHistory = (m.history as { before: { hlc?: string } }[]).some((c) => c.before?.hlc === mine.hlc);
            expect(madeFrom || inHistory || theirs.hlc !== m.hlc).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('plans an import whose preview says what changes, and a second import of the same records changes nothing', () => {
    fc.assert(
      fc.property(scenario, ([ops, skews]) => {
        const [a, b] = run(ops, skews);
        const plan = planImport(a.state.records, b.state.records);
        const after = structuredClone(a.state.records);
        for (const [kind, recs] of Object.entries(plan.writes))
          for (const r of recs ?? []) after[kind as 'shifts'] = { ...after[kind as 'shifts'], [r.id]: r };
        const again = planImport(after, b.state.records, [], Object.fromEntries(plan.superseded.map((s) => [s.key, s])));
        expect(Object.keys(again.writes)).toEqual([]);
        expect(again.superseded).toEqual([]);
        expect(again.rows.every((r) => r.outcome === 'unchanged')).toBe(true);
        expect(plan.rows.filter((r) => r.outcome !== 'unchanged').length).toBe(
          Object.values(plan.writes).flat().length +
            plan.rows.filter(
              (r) =>
                r.outcome === 'conflict' &&
                !Object.values(plan.writes)
                  .flat()
                  .some((w) => w!.id === r.id),
            ).length,
        );
      }),
      { numRuns: 200 },
    );
  });

  it('keeps both versions when two installs edit one shift independently, and flags it as a conflict', () => {
    const [a, b] = run(
      [
        { who: 0, kind: 'edit', id: 0, notes: 'cover', staffId: 'staff00001', at: 1000 },
        { who: 1, kind: 'edit', id: 0, notes: 'swap', staffId: 'staff00002', at: 2000 },
      ],
      [0, 0],
    );
    const plan = planImport(a.state.records, b.state.records);
    expect(plan.rows.find((r) => r.id === 'shift0001')?.outcome).toBe('conflict');
    const winner = plan.writes.shifts![0];
    expect(winner.notes).toBe('swap');
    expect(winner.history).toEqual([
      expect.objectContaining({ before: expect.objectContaining({ notes: 'cover', staffId: 'staff00001' }) }),
    ]);
  });

  it('treats an edit made from the version held as a plain change, and diverged incident histories as a conflict kept aside', () => {
    const [a, b] = run(
      [
        { who: 0, kind: 'edit', id: 1, notes: 'cover', staffId: null, at: 1000 },
        { who: 0, kind: 'send', at: 1500 },
        { who: 1, kind: 'edit', id: 1, notes: 'late', staffId: null, at: 100 },
        { who: 0, kind: 'incident', id: 0, note: 'manager note', at: 2000 },
        { who: 1, kind: 'incident', id: 0, note: 'desk note', at: 2000 },
      ],
      [0, -3_600_000],
    );
    const plan = planImport(a.state.records, b.state.records);
    expect(plan.rows.find((r) => r.id === 'shift0002')?.outcome).toBe('changed');
    expect(plan.writes.shifts![0].notes).toBe('late');
    expect(plan.rows.find((r) => r.id === 'incid0001')?.outcome).toBe('conflict');
    expect(plan.superseded).toHaveLength(1);
    expect(plan.superseded[0]).toMatchObject({ kind: 'incidents', recordId: 'incid0001', reason: 'history-diverged' });
  });

  it('keeps the latest winner’s stamp when one set-aside version lost to different winners on the two installs', () => {
    const loser: SyncRecord = {
      id: 'incid0001',
      hlc: '001795597200000-000000-managerA',
      updatedAt: '2026-11-25T09:00:00.000Z',
      updatedBy: 'managerA',
    };
    const aside = (keptHlc: string) => ({
      key: 'incidents/incid0001/x',
      kind: 'incidents' as const,
      recordId: 'incid0001',
      keptHlc,
      reason: 'history-diverged' as const,
      record: loser,
    });
    const early: SyncState = { records: {}, superseded: { [aside('').key]: aside('001795597200001-000000-deskBBBB') } };
    const late: SyncState = { records: {}, superseded: { [aside('').key]: aside('001795597200001-000003-deskBBBB') } };
    for (const merged of [importInto(early, late), importInto(late, early), importInto(importInto(late, early), early)]) {
      expect(Object.values(merged.superseded).map((x) => x.keptHlc)).toEqual(['001795597200001-000003-deskBBBB']);
    }
  });

  describe('a record saved before SiteDesk stamped records (no hlc: an older folder that joins a hub)', () => {
    const older: SyncRecord = {
      id: 'shift0009',
      site: 'CH',
      notes: '',
      staffId: 'staff00001',
      history: [],
      rev: 2,
      updatedAt: '2026-10-01T09:00:00.000Z',
      updatedBy: 'manager1',
    };
    const edited: SyncRecord = {
      ...older,
      notes: 'bring keys',
      rev: 3,
      updatedAt: '2026-11-25T09:00:00.000Z',
      updatedBy: 'manager1',
      hlc: '001795597200000-000000-managerA',
      origin: 'managerA',
      base: '000000000000000-000000-0000000000000000',
    };

    it('takes its first edit on an install as a plain change, with no "edited on two installs" entry', () => {
      for (const [held, incoming] of [
        [older, edited],
        [edited, older],
      ]) {
        const plan = planImport({ shifts: { shift0009: held } }, { shifts: { shift0009: incoming } });
        expect(plan.rows[0].outcome).toBe(held === older ? 'changed' : 'unchanged');
        const kept = held === older ? plan.writes.shifts![0] : held;
        expect(kept).toMatchObject({ notes: 'bring keys', history: [] });
      }
    });

    it('takes a later edit of it the same way when the edit in between never arrived', () => {
      const later: SyncRecord = { ...edited, notes: 'keys at desk', rev: 4, hlc: '001795597300000-000000-managerA', base: edited.hlc };
      const plan = planImport({ shifts: { shift0009: older } }, { shifts: { shift0009: later } });
      expect(plan.rows[0].outcome).toBe('changed');
      expect(plan.writes.shifts![0]).toMatchObject({ notes: 'keys at desk', history: [] });
    });

    it('still records a clash with another unstamped version of it that had more edits', () => {
      const otherCopy: SyncRecord = { ...older, notes: 'covered by Sam', rev: 5, updatedAt: '2026-10-03T09:00:00.000Z' };
      const plan = planImport({ shifts: { shift0009: otherCopy } }, { shifts: { shift0009: edited } });
      expect(plan.rows[0].outcome).toBe('conflict');
      expect(plan.writes.shifts![0].notes).toBe('bring keys');
      expect(plan.writes.shifts![0].history).toEqual([
        expect.objectContaining({ before: expect.objectContaining({ notes: 'covered by Sam' }) }),
      ]);
    });
  });
});
