import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  appendHistory,
  creationChanges,
  diffIncident,
  genesisHash,
  hashEntry,
  historyMismatches,
  replayHistory,
  verifyHistory,
  verifyIncidentHistory,
  type HistoryEntry,
  type NewHistoryEntry,
} from '../../../../shared/domain/incidents';
import type { Incident } from '../../../../shared/schemas/incident';
import { makeIncident } from './factories';

const ID = 'inc_000001';
const entry = (i: number, overrides: Partial<NewHistoryEntry> = {}): NewHistoryEntry => ({
  at: `2026-03-02T09:${String(i).padStart(2, '0')}:00.000Z`,
  by: 'user_supervisor1',
  kind: i === 0 ? 'created' : 'updated',
  changes: [{ field: 'details', before: `v${i - 1}`, after: `v${i}` }],
  note: '',
  ...overrides,
});
const chainOf = (n: number, id = ID): HistoryEntry[] => {
  let h: HistoryEntry[] = [];
  for (let i = 0; i < n; i++) h = appendHistory(h, entry(i), id);
  return h;
};
const rehashFrom = (history: HistoryEntry[], from: number, id = ID): HistoryEntry[] => {
  const out = history.slice(0, from);
  for (const e of history.slice(from))
    out.push(...appendHistory(out, { at: e.at, by: e.by, kind: e.kind, changes: e.changes, note: e.note }, id).slice(-1));
  return out;
};

describe('appendHistory', () => {
  it('links the first entry to a genesis string naming the incident', () => {
    const [first] = chainOf(1);
    expect(first.prevHash).toBe(genesisHash(ID));
    expect(genesisHash(ID)).toContain(ID);
  });

  it('links each later entry to the hash before it', () => {
    const h = chainOf(3);
    expect(h[1].prevHash).toBe(h[0].hash);
    expect(h[2].prevHash).toBe(h[1].hash);
  });

  it('hashes are 64 hex characters and differ between entries', () => {
    const h = chainOf(3);
    for (const e of h) expect(e.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set(h.map((e) => e.hash)).size).toBe(3);
  });

  it('does not change the history it is given', () => {
    const h = chainOf(2);
    const copy = structuredClone(h);
    appendHistory(h, entry(2), ID);
    expect(h).toEqual(copy);
  });

  it('hashes the same whatever order the fields were written in, and after a JSON round trip', () => {
    const h = chainOf(2);
    const reordered = Object.fromEntries(Object.entries(h[1]).reverse()) as HistoryEntry;
    expect(hashEntry(reordered)).toBe(h[1].hash);
    expect(verifyHistory(ID, JSON.parse(JSON.stringify(h)))).toEqual({ ok: true });
  });

  it('ignores extra properties on a stored entry rather than trusting them', () => {
    const h = chainOf(1);
    expect(hashEntry({ ...h[0], extra: 'x' } as HistoryEntry)).toBe(h[0].hash);
  });
});

describe('verifyHistory', () => {
  it('accepts an untouched chain', () => {
    expect(verifyHistory(ID, chainOf(5))).toEqual({ ok: true });
  });

  it('accepts an empty history', () => {
    expect(verifyHistory(ID, [])).toEqual({ ok: true });
  });

  it('detects an edited note', () => {
    const h = chainOf(5);
    h[2] = { ...h[2], note: 'quietly changed' };
    expect(verifyHistory(ID, h)).toMatchObject({ ok: false, brokenAt: 2, reason: expect.stringMatching(/changed after it was written/) });
  });

  it('detects an edited change value', () => {
    const h = chainOf(5);
    h[3] = { ...h[3], changes: [{ field: 'details', before: 'v2', after: 'something else' }] };
    expect(verifyHistory(ID, h)).toMatchObject({ ok: false, brokenAt: 3 });
  });

  it('detects an edited author or time', () => {
    const byEdited = chainOf(3);
    byEdited[1] = { ...byEdited[1], by: 'user_someoneelse' };
    expect(verifyHistory(ID, byEdited)).toMatchObject({ ok: false, brokenAt: 1 });
    const atEdited = chainOf(3);
    atEdited[0] = { ...atEdited[0], at: '2026-01-01T00:00:00.000Z' };
    expect(verifyHistory(ID, atEdited)).toMatchObject({ ok: false, brokenAt: 0 });
  });

  it('detects an edited entry whose own hash was recomputed, at the entry after it', () => {
    const h = chainOf(5);
    const forged = { ...h[2], note: 'rewritten' };
    h[2] = { ...forged, hash: hashEntry(forged) };
    expect(verifyHistory(ID, h)).toMatchObject({ ok: false, brokenAt: 3, reason: expect.stringMatching(/does not follow/) });
  });

  it('detects a removed middle entry', () => {
    const h = chainOf(5);
    h.splice(2, 1);
    expect(verifyHistory(ID, h)).toMatchObject({ ok: false, brokenAt: 2 });
  });

  it('detects a removed first entry', () => {
    const h = chainOf(5).slice(1);
    expect(verifyHistory(ID, h)).toMatchObject({ ok: false, brokenAt: 0, reason: expect.stringMatching(/first history entry/) });
  });

  it('counts entries in the singular when there is one, in the reason for a length mismatch', () => {
    expect(verifyHistory(ID, chainOf(1), { length: 2 })).toMatchObject({
      ok: false,
      reason: 'The history has 1 entry but 2 were recorded.',
    });
    expect(verifyHistory(ID, chainOf(2), { length: 1 })).toMatchObject({
      ok: false,
      reason: 'The history has 2 entries but 1 was recorded.',
    });
  });

  it('detects a removed last entry only against an anchor', () => {
    const full = chainOf(5);
    const cut = full.slice(0, 4);
    expect(verifyHistory(ID, cut)).toEqual({ ok: true });
    expect(verifyHistory(ID, cut, { length: 5 })).toMatchObject({ ok: false, brokenAt: 4 });
    expect(verifyHistory(ID, cut, { head: full[4].hash })).toMatchObject({ ok: false });
  });

  it('detects two entries swapped', () => {
    const h = chainOf(5);
    [h[1], h[3]] = [h[3], h[1]];
    expect(verifyHistory(ID, h)).toMatchObject({ ok: false, brokenAt: 1 });
  });

  it('detects adjacent entries swapped', () => {
    const h = chainOf(3);
    [h[1], h[2]] = [h[2], h[1]];
    expect(verifyHistory(ID, h)).toMatchObject({ ok: false, brokenAt: 1 });
  });

  it('detects an inserted entry, even one hashed correctly onto its predecessor', () => {
    const h = chainOf(5);
    const [inserted] = appendHistory(h.slice(0, 2), entry(9, { note: 'backdated' }), ID).slice(-1);
    h.splice(2, 0, inserted);
    expect(verifyHistory(ID, h)).toMatchObject({ ok: false, brokenAt: 3 });
  });

  it('detects an entry appended outside the app against an anchor', () => {
    const h = chainOf(3);
    const head = h[2].hash;
    const longer = appendHistory(h, entry(3), ID);
    expect(verifyHistory(ID, longer)).toEqual({ ok: true });
    expect(verifyHistory(ID, longer, { head })).toMatchObject({ ok: false });
    expect(verifyHistory(ID, longer, { length: 3 })).toMatchObject({ ok: false, brokenAt: 3 });
  });

  it('detects a wholesale rewrite only against the head anchor', () => {
    const h = chainOf(4);
    const head = h[3].hash;
    const tampered = [...h];
    tampered[1] = { ...tampered[1], note: 'rewritten' };
    const rewritten = rehashFrom(tampered, 1);
    expect(verifyHistory(ID, rewritten)).toEqual({ ok: true });
    expect(verifyHistory(ID, rewritten, { head, length: 4 })).toMatchObject({ ok: false });
  });

  it('refuses one incident’s history copied onto another', () => {
    expect(verifyHistory('inc_000002', chainOf(3))).toMatchObject({ ok: false, brokenAt: 0 });
  });

  it('accepts a matching anchor', () => {
    const h = chainOf(4);
    expect(verifyHistory(ID, h, { length: 4, head: h[3].hash })).toEqual({ ok: true });
  });
});

describe('verifyHistory property', () => {
  type Mutation =
    | { kind: 'edit'; at: number; field: 'note' | 'by' | 'at' | 'kind' | 'changes' }
    | { kind: 'remove'; at: number }
    | { kind: 'swap'; a: number; b: number }
    | { kind: 'insert'; at: number; rehashed: boolean };

  const mutate = (h: HistoryEntry[], m: Mutation): HistoryEntry[] => {
    const out = [...h];
    const n = h.length;
    switch (m.kind) {
      case 'edit': {
        const i = m.at % n;
        const e = out[i];
        const edits: Record<typeof m.field, Partial<HistoryEntry>> = {
          note: { note: `${e.note}!` },
          by: { by: `${e.by}x` },
          at: { at: e.at.replace(/^2026/, '2025') },
          kind: { kind: e.kind === 'amendment' ? 'updated' : 'amendment' },
          changes: { changes: [...e.changes, { field: 'severity', before: 'low', after: 'high' }] },
        };
        out[i] = { ...e, ...edits[m.field] };
        return out;
      }
      case 'remove':
        out.splice(m.at % n, 1);
        return out;
      case 'swap': {
        const a = m.a % n;
        const b = (a + 1 + (m.b % (n - 1))) % n;
        [out[a], out[b]] = [out[b], out[a]];
        return out;
      }
      case 'insert': {
        const i = m.at % (n + 1);
        const fresh = entry(50, { note: 'inserted' });
        const [linked] = m.rehashed
          ? appendHistory(out.slice(0, i), fresh, ID).slice(-1)
          : [{ ...fresh, prevHash: 'f'.repeat(64), hash: 'e'.repeat(64) }];
        out.splice(i, 0, linked);
        return out;
      }
    }
  };

  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ kind: fc.constant('edit' as const), at: fc.nat(), field: fc.constantFrom('note', 'by', 'at', 'kind', 'changes') }),
    fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), rehashed: fc.boolean() }),
  );

  it('any single edit, removal, swap or insertion is detected (with the length and head kept as anchor)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ note: fc.string({ maxLength: 20 }), value: fc.jsonValue() }), { minLength: 2, maxLength: 12 }),
        mutation,
        (specs, m) => {
          let h: HistoryEntry[] = [];
          specs.forEach((s, i) => {
            h = appendHistory(h, entry(i, { note: s.note, changes: [{ field: 'details', before: null, after: s.value }] }), ID);
          });
          const anchor = { length: h.length, head: h[h.length - 1].hash };
          expect(verifyHistory(ID, h, anchor)).toEqual({ ok: true });
          expect(verifyHistory(ID, mutate(h, m), anchor).ok).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('any single mutation that leaves the last entry in place is detected without an anchor', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 10 }), mutation, (n, m) => {
        const h = chainOf(n);
        const mutated = mutate(h, m);
        fc.pre(mutated[mutated.length - 1] === h[n - 1] && mutated.length === n);
        expect(verifyHistory(ID, mutated).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('diffIncident', () => {
  it('lists nothing when nothing changed', () => {
    const inc = makeIncident();
    expect(diffIncident(inc, structuredClone(inc))).toEqual([]);
  });

  it('lists each changed field with before and after', () => {
    const before = makeIncident();
    const after = { ...before, severity: 'high' as const, location: 'Car park', status: 'investigating' as const };
    expect(diffIncident(before, after)).toEqual([
      { field: 'location', before: 'Main reception', after: 'Car park' },
      { field: 'severity', before: 'low', after: 'high' },
      { field: 'status', before: 'open', after: 'investigating' },
    ]);
  });

  it('compares arrays and objects by value, not identity or key order', () => {
    const before = makeIncident({ onwardReports: [{ agency: 'police', reference: 'CAD-1' }] });
    const same = { ...before, onwardReports: [{ reference: 'CAD-1', agency: 'police' as const }] };
    expect(diffIncident(before, same)).toEqual([]);
    const changed = { ...before, onwardReports: [{ agency: 'police' as const, reference: 'CAD-2' }] };
    expect(diffIncident(before, changed).map((c) => c.field)).toEqual(['onwardReports']);
  });

  it('covers outcome, RIDDOR and follow-ups', () => {
    const before = makeIncident();
    const after: Incident = {
      ...before,
      outcome: 'Resolved',
      riddor: { kind: 'specified-injury', reportedOn: null, method: '', hseReference: '' },
      followUps: [{ id: 'fu_000001', action: 'Fix light', owner: 'Facilities', due: '2026-03-09', done: false }],
    };
    expect(
      diffIncident(before, after)
        .map((c) => c.field)
        .sort(),
    ).toEqual(['followUps', 'outcome', 'riddor']);
  });

  it('ignores meta fields and the history itself', () => {
    const before = makeIncident();
    const after = { ...before, rev: 9, updatedAt: '2027-01-01T00:00:00.000Z', history: [] };
    expect(diffIncident(before, after)).toEqual([]);
  });
});

describe('replay', () => {
  const edit = (inc: Incident, patch: Partial<Incident>, kind: HistoryEntry['kind'] = 'updated'): Incident => {
    const after = { ...inc, ...patch };
    return {
      ...after,
      history: appendHistory(
        inc.history,
        { at: '2026-03-03T10:00:00.000Z', by: 'user_manager01', kind, changes: diffIncident(inc, after), note: '' },
        inc.id,
      ),
    };
  };

  it('a created incident replays to its own fields', () => {
    const inc = makeIncident();
    expect(creationChanges(inc).every((c) => c.before === null)).toBe(true);
    expect(historyMismatches(inc)).toEqual([]);
    expect(verifyIncidentHistory(inc)).toEqual({ ok: true });
  });

  it('edits recorded in history replay to the current fields', () => {
    const inc = edit(edit(makeIncident(), { severity: 'high', details: 'More detail' }), { status: 'closed', outcome: 'Done' }, 'status');
    expect(replayHistory(inc.history)).toMatchObject({ severity: 'high', details: 'More detail', status: 'closed', outcome: 'Done' });
    expect(verifyIncidentHistory(inc)).toEqual({ ok: true });
  });

  it('notices a field changed without a history entry', () => {
    const inc = { ...makeIncident(), location: 'Somewhere else' };
    expect(historyMismatches(inc)).toEqual(['location']);
    expect(verifyIncidentHistory(inc)).toMatchObject({ ok: false, reason: expect.stringMatching(/location does not match/) });
  });

  it('notices the last entry cut off when it had changed a field', () => {
    const inc = edit(makeIncident(), { severity: 'critical' });
    const cut = { ...inc, history: inc.history.slice(0, -1) };
    expect(verifyHistory(cut.id, cut.history)).toEqual({ ok: true });
    expect(verifyIncidentHistory(cut)).toMatchObject({ ok: false });
  });

  it('reports a broken chain before any field mismatch', () => {
    const inc = makeIncident();
    const tampered = { ...inc, history: [{ ...inc.history[0], by: 'user_intruder1' }] };
    expect(verifyIncidentHistory(tampered)).toMatchObject({ ok: false, brokenAt: 0, reason: expect.stringMatching(/changed after/) });
  });
});
