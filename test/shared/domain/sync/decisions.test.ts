import { describe, expect, it } from 'vitest';
import { decide, openDecisions, type DecidableShift } from '../../../../shared/domain/sync/decisions';
import { formatHlc } from '../../../../shared/domain/sync/hlc';
import { mergeRecord, type SyncRecord } from '../../../../shared/domain/sync/merge';

/**
 * Which conflicts need a person (docs/sync.md, "Conflicts a person decides"): the version the automatic
 * rule set aside and the version in force disagree on who works the shift, when, where, or whether it
 * happens. The conflicts here are made by the real merge of two versions edited apart from one base.
 */
const T0 = Date.parse('2026-11-25T09:00:00Z');
const stamp = (ms: number, node: string) => formatHlc({ wall: T0 + ms, count: 0, node });

const BASE = {
  id: 'shiftopen1',
  site: 'CH',
  service: 'reception',
  date: '2026-11-30',
  start: '08:00',
  end: '16:00',
  breakMinutes: 30,
  staffId: null,
  notes: '',
  deleted: false,
  status: 'published',
  override: null,
  history: [],
  createdAt: new Date(T0).toISOString(),
  createdBy: 'manager01',
  updatedAt: new Date(T0).toISOString(),
  updatedBy: 'manager01',
  rev: 1,
  hlc: stamp(0, 'mgr1'),
  origin: 'mgr1',
};

/** An edit of the base made on install `node`, `ms` after the base, by `user`. */
const edit = (node: string, ms: number, user: string, change: Record<string, unknown>): SyncRecord => ({
  ...BASE,
  ...change,
  rev: 2,
  updatedAt: new Date(T0 + ms).toISOString(),
  updatedBy: user,
  hlc: stamp(ms, node),
  origin: node,
  base: BASE.hlc,
});

/** The two edits merged by the automatic rule, as every install ends up holding the shift. */
const merged = (a: SyncRecord, b: SyncRecord) => mergeRecord('shifts', a, b).record as unknown as DecidableShift;

describe('which conflicts need a person', () => {
  // Hand-written: the change each laptop made while apart, and the fields a manager must decide on.
  const table: { name: string; laptop1: Record<string, unknown>; laptop2: Record<string, unknown>; differs: string[] }[] = [
    {
      name: 'the open shift given to two different people',
      laptop1: { staffId: 'rhea000001' },
      laptop2: { staffId: 'cleo000001' },
      differs: ['staffId'],
    },
    {
      name: 'given to someone on one, its times moved on the other',
      laptop1: { staffId: 'rhea000001' },
      laptop2: { start: '09:00' },
      differs: ['staffId', 'start'],
    },
    {
      name: 'removed on one, given to someone on the other',
      laptop1: { deleted: true },
      laptop2: { staffId: 'cleo000001' },
      differs: ['staffId', 'deleted'],
    },
    { name: 'moved to different days', laptop1: { date: '2026-12-01' }, laptop2: { date: '2026-12-02' }, differs: ['date'] },
    { name: 'ending at different times', laptop1: { end: '15:00' }, laptop2: { end: '17:00' }, differs: ['end'] },
    { name: 'moved to another site on one only', laptop1: { site: 'FH' }, laptop2: { notes: 'Bring keys' }, differs: ['site'] },
    {
      name: 'the same person given it on both, different notes',
      laptop1: { staffId: 'rhea000001', notes: 'a' },
      laptop2: { staffId: 'rhea000001', notes: 'b' },
      differs: [],
    },
    { name: 'only the notes differ', laptop1: { notes: 'Keys at the front desk' }, laptop2: { notes: 'Alarm code changed' }, differs: [] },
    { name: 'only the break differs', laptop1: { breakMinutes: 0 }, laptop2: { breakMinutes: 45 }, differs: [] },
    { name: 'only the service differs', laptop1: { service: 'cleaning' }, laptop2: { service: 'security' }, differs: [] },
    { name: 'unpublished on one, notes on the other', laptop1: { status: 'draft' }, laptop2: { notes: 'x' }, differs: [] },
  ];
  for (const row of table) {
    it(`${row.name}: ${row.differs.length ? `a person decides (${row.differs.join(', ')})` : 'the automatic rule is enough'}`, () => {
      const one = edit('mgr1', 60_000, 'manager01', row.laptop1);
      const two = edit('mgr2', 120_000, 'manager02', row.laptop2);
      for (const shift of [merged(one, two), merged(two, one)]) {
        const open = openDecisions(shift);
        expect(open.map((d) => d.differs)).toEqual(row.differs.length ? [row.differs] : []);
      }
    });
  }

  it('shows the version in force (the later edit) and the one set aside, with who made each and when', () => {
    const rhea = edit('mgr2', 60_000, 'manager02', { staffId: 'rhea000001' });
    const cleo = edit('mgr1', 120_000, 'manager01', { staffId: 'cleo000001' });
    const [d] = openDecisions(merged(rhea, cleo));
    expect(d.shiftId).toBe('shiftopen1');
    expect(d.conflict).toBe(stamp(60_000, 'mgr2'));
    expect(d.current.fields.staffId).toBe('cleo000001');
    expect(d.current.editedBy).toBe('manager01');
    expect(d.current.editedAt).toBe('2026-11-25T09:02:00.000Z');
    expect(d.other.fields.staffId).toBe('rhea000001');
    expect(d.other.editedBy).toBe('manager02');
    expect(d.other.editedAt).toBe('2026-11-25T09:01:00.000Z');
    expect(d.other.fields.date).toBe('2026-11-30');
  });

  it('asks nothing when one edit was made from the other (an ordinary update)', () => {
    const first = edit('mgr2', 60_000, 'manager02', { staffId: 'rhea000001' });
    const second = { ...first, staffId: 'cleo000001', hlc: stamp(120_000, 'mgr1'), origin: 'mgr1', base: first.hlc };
    expect(openDecisions(merged(first, second))).toEqual([]);
  });

  it('asks nothing of a shift with no history, or with only ordinary edits in it', () => {
    expect(openDecisions({ ...BASE })).toEqual([]);
    const withEdits = {
      ...BASE,
      history: [{ at: '2026-11-25T09:00:00.000Z', by: 'manager01', before: { staffId: null }, after: { staffId: 'rhea000001' } }],
    };
    expect(openDecisions(withEdits)).toEqual([]);
  });

  it('lists a version that lost once, even when its entry reached the shift twice', () => {
    const shift = merged(
      edit('mgr2', 60_000, 'manager02', { staffId: 'rhea000001' }),
      edit('mgr1', 120_000, 'manager01', { staffId: 'cleo000001' }),
    );
    const entry = shift.history[0];
    const twice = { ...shift, history: [entry, { ...entry, after: { ...entry.after, notes: 'edited later' } }] };
    expect(openDecisions(twice)).toHaveLength(1);
  });

  it('lists each version that lost when three laptops gave the shift to three people', () => {
    const a = edit('mgr1', 60_000, 'manager01', { staffId: 'rhea000001' });
    const b = edit('mgr2', 120_000, 'manager02', { staffId: 'cleo000001' });
    const c = edit('mgr3', 180_000, 'manager03', { staffId: 'sam0000001' });
    const shift = mergeRecord('shifts', mergeRecord('shifts', a, b).record, c).record as unknown as DecidableShift;
    const open = openDecisions(shift);
    expect(open.map((d) => d.other.fields.staffId).sort()).toEqual(['cleo000001', 'rhea000001']);
    expect(open.every((d) => d.current.fields.staffId === 'sam0000001')).toBe(true);
  });
});

describe('deciding', () => {
  const rhea = edit('mgr2', 60_000, 'manager02', { staffId: 'rhea000001', notes: 'Rhea covers' });
  const cleo = edit('mgr1', 120_000, 'manager01', { staffId: 'cleo000001', start: '07:30' });
  const shift = merged(rhea, cleo);
  const conflict = stamp(60_000, 'mgr2');
  const AT = '2026-11-25T10:00:00.000Z';

  it('keeping the other version takes all its fields and records which conflict it settles', () => {
    const d = decide(shift, conflict, 'other', 'manager03', AT)!;
    expect(d.fields).toMatchObject({
      staffId: 'rhea000001',
      notes: 'Rhea covers',
      start: '08:00',
      end: '16:00',
      date: '2026-11-30',
      deleted: false,
    });
    expect(d.entry).toMatchObject({ at: AT, by: 'manager03', after: { decided: conflict, kept: 'other', staffId: 'rhea000001' } });
    expect(d.entry.before).toMatchObject({ staffId: 'cleo000001', start: '07:30' });
  });

  it('keeping the version in force changes none of its fields', () => {
    const d = decide(shift, conflict, 'current', 'manager03', AT)!;
    expect(d.fields).toMatchObject({ staffId: 'cleo000001', start: '07:30', notes: '' });
    expect(d.entry.after).toMatchObject({ decided: conflict, kept: 'current' });
  });

  it('once the entry is in the history the conflict is no longer open, and cannot be decided again', () => {
    for (const keep of ['current', 'other'] as const) {
      const d = decide(shift, conflict, keep, 'manager03', AT)!;
      const after = { ...shift, ...d.fields, history: [...shift.history, d.entry] };
      expect(openDecisions(after)).toEqual([]);
      expect(decide(after, conflict, keep, 'manager03', AT)).toBeNull();
    }
  });

  it('refuses a conflict that is not on the shift', () => {
    expect(decide(shift, stamp(999, 'nobody'), 'other', 'manager03', AT)).toBeNull();
    expect(decide({ ...BASE }, conflict, 'current', 'manager03', AT)).toBeNull();
  });

  it('two managers who decide differently while apart are asked again, about their two decisions only', () => {
    const decided = (keep: 'current' | 'other', node: string, ms: number) => {
      const d = decide(shift, conflict, keep, `manager_${node}`, AT)!;
      return {
        ...(shift as unknown as SyncRecord),
        ...d.fields,
        history: [...shift.history, d.entry],
        hlc: stamp(ms, node),
        origin: node,
        base: shift.hlc,
      } as SyncRecord;
    };
    const both = mergeRecord('shifts', decided('other', 'mgr3', 200_000), decided('current', 'mgr4', 300_000))
      .record as unknown as DecidableShift;
    const open = openDecisions(both);
    expect(open).toHaveLength(1);
    expect(open[0].conflict).toBe(stamp(200_000, 'mgr3'));
    expect(open[0].current.fields.staffId).toBe('cleo000001');
    expect(open[0].other.fields.staffId).toBe('rhea000001');
  });

  it('a decision made on one laptop settles the conflict on another once they merge', () => {
    const d = decide(shift, conflict, 'other', 'manager03', AT)!;
    const decidedHere = {
      ...(shift as unknown as SyncRecord),
      ...d.fields,
      history: [...shift.history, d.entry],
      hlc: stamp(200_000, 'mgr3'),
      origin: 'mgr3',
      base: shift.hlc,
    } as SyncRecord;
    const elsewhere = mergeRecord('shifts', shift as unknown as SyncRecord, decidedHere).record as unknown as DecidableShift;
    expect(elsewhere.staffId).toBe('rhea000001');
    expect(openDecisions(elsewhere)).toEqual([]);
  });
});
