/**
 * A hub document stamped more than a day ahead of this install's clock is refused, and the version held here is
 * written over it (so installs that join later still get the record). The refused document may carry versions a
 * merge set aside for a manager to decide on — a shift's clash in its history, a person's rival version in `aside` —
 * and the refused version is itself somebody's edit. Writing over the document must not lose any of them: each is
 * kept here (where a manager can see it) and on the hub.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSuperseded } from '../../../main/exchange/superseded';
import { DB_MANAGERS, siteDb } from '../../../main/sync/provision';
import type { Session } from '../../../main/services/types';
import { formatHlc, parseHlc } from '../../../shared/domain/sync/hlc';
import type { Shift } from '../../../shared/schemas/shift';
import type { Staff } from '../../../shared/schemas/staff';
import { okData, type TestApp } from '../../support/app';
import { DESK_SHIFTS, DESK_STAFF } from '../../support/deskWorld';
import { closeAll, hubAdminHeaders, HubProcess, managerOnHub, until } from './world';

const hub = new HubProcess();
let manager: TestApp;
let session: Session;

const YEAR_MS = 365 * 24 * 3_600_000;
const HOUR_MS = 3_600_000;
const SAM = DESK_SHIFTS.sam.id;
const KIM = DESK_STAFF.kim.id;

const shiftHeld = (id: string): Shift | undefined =>
  manager.opened.app.repos.shifts.inMonths(['2026-11']).find((s) => s.id === id) as Shift | undefined;
const staffHeld = (id: string): Staff | undefined => manager.opened.app.repos.staff.all().find((p) => p.id === id);

const docUrl = (db: string, id: string) => `${hub.url}/${db}/${encodeURIComponent(id)}`;
const onHub = async <T>(db: string, id: string, query = ''): Promise<T> =>
  (await (await fetch(`${docUrl(db, id)}${query}`, { headers: hubAdminHeaders(hub) })).json()) as T;
const putOnHub = async (db: string, doc: { _id: string; [field: string]: unknown }) => {
  const res = await fetch(docUrl(db, doc._id), {
    method: 'PUT',
    headers: { ...hubAdminHeaders(hub), 'content-type': 'application/json' },
    body: JSON.stringify(doc),
  });
  expect(res.status).toBe(201);
};

beforeAll(async () => {
  ({ manager, session } = await managerOnHub(hub, ['CH']));
  await until('the hub holds Sam’s shift and Kim', async () => {
    const a = await fetch(docUrl(siteDb('CH'), `shifts:${SAM}`), { headers: hubAdminHeaders(hub) });
    const b = await fetch(docUrl(DB_MANAGERS, `staff:${KIM}`), { headers: hubAdminHeaders(hub) });
    return a.status === 200 && b.status === 200;
  });
}, 90_000);

afterAll(() => closeAll(hub, [manager]));

describe('a refused far-ahead hub document written over with the version held here', () => {
  it('keeps the shift versions it held aside, and the far-ahead version, for a manager to decide on', async () => {
    const held = shiftHeld(SAM)!;
    const now = manager.opened.app.now();
    // Another manager's laptop, its date five years fast, gave Sam's shift to Omar; a third laptop had given it to
    // Rita an hour ago. The fast laptop merged the two: its own edit won, Rita's was set aside in the history.
    const ritaStamp = formatHlc({ wall: now - HOUR_MS, count: 0, node: 'install_other_laptop' });
    const farStamp = formatHlc({ wall: now + 5 * YEAR_MS, count: 0, node: 'install_far_laptop' });
    const { history: _h, createdAt: _c, createdBy: _cb, updatedAt: _u, updatedBy: _ub, rev: _r, base: _b, ...fields } = held;
    const ritaVersion = { ...fields, staffId: DESK_STAFF.rita.id, hlc: ritaStamp, origin: 'install_other_laptop' };
    const farFields = { ...fields, staffId: DESK_STAFF.omar.id, hlc: farStamp, origin: 'install_far_laptop' };
    const doc = await onHub<{ _id: string; _rev: string; record: Shift }>(siteDb('CH'), `shifts:${SAM}`);
    await putOnHub(siteDb('CH'), {
      ...doc,
      record: {
        ...held,
        staffId: DESK_STAFF.omar.id,
        rev: held.rev + 2,
        base: held.hlc,
        hlc: farStamp,
        origin: 'install_far_laptop',
        updatedAt: '2031-11-24T10:00:00.000Z',
        updatedBy: 'manager_other',
        history: [
          ...held.history,
          {
            at: '2026-11-25T06:05:00.000Z',
            by: 'manager_third',
            before: ritaVersion,
            after: { ...farFields, mergeNote: 'Edited on two installs: the later edit was kept; this is the edit it replaced.' },
          },
        ],
      },
    });

    const sync = manager.opened.app.sync!;
    await until('the manager refuses the document', () => sync.status().rejected.some((r) => r.docId === `shifts:${SAM}`));
    await until('the hub holds the manager’s version again', async () => {
      const d = await onHub<{ record: Shift }>(siteDb('CH'), `shifts:${SAM}`);
      return d.record.hlc === held.hlc;
    });
    await sync.settled();

    // The hub's document keeps both too, so every other install (and one that joins later) sees them.
    const after = await onHub<{ record: Shift }>(siteDb('CH'), `shifts:${SAM}`);
    const lost = after.record.history.map((e) => (e.before as { staffId?: string } | null)?.staffId);
    expect(lost).toContain(DESK_STAFF.rita.id);
    expect(lost).toContain(DESK_STAFF.omar.id);
    // The version in force here is unchanged: Sam works the shift.
    expect(shiftHeld(SAM)?.staffId).toBe(DESK_STAFF.sam.id);
    // Both versions that lost are there for a manager to decide on: Rita (the laptop set it aside) and Omar (refused here).
    const conflicts = okData(await manager.call('sync:conflicts', {}, session)).filter((c) => c.shiftId === SAM);
    expect(conflicts.map((c) => c.current.person)).toEqual(['Sam Guard', 'Sam Guard']);
    expect(conflicts.map((c) => c.other.person).sort()).toEqual(['Omar Absent', 'Rita Relief']);
  }, 90_000);

  it('lets a manager keep the far-ahead version: Omar works the shift, under a stamp of today that no install refuses', async () => {
    const c = okData(await manager.call('sync:conflicts', {}, session)).find((x) => x.shiftId === SAM && x.other.person === 'Omar Absent')!;
    okData(await manager.call('sync:resolve', { shiftId: SAM, version: c.version, conflict: c.conflict, keep: 'other' }, session));
    const kept = shiftHeld(SAM)!;
    expect(kept.staffId).toBe(DESK_STAFF.omar.id);
    expect(parseHlc(kept.hlc!).wall).toBeLessThanOrEqual(manager.opened.app.now());
    await until(
      'the hub holds the decision',
      async () => (await onHub<{ record: Shift }>(siteDb('CH'), `shifts:${SAM}`)).record.hlc === kept.hlc,
    );
    expect((await onHub<{ record: Shift }>(siteDb('CH'), `shifts:${SAM}`)).record.staffId).toBe(DESK_STAFF.omar.id);
    // Rita's version is still there to decide on.
    expect(okData(await manager.call('sync:conflicts', {}, session)).map((x) => x.other.person)).toEqual(['Rita Relief']);
  }, 60_000);

  it('keeps a far-ahead branch of a conflicted document when the branches are merged', async () => {
    const RHEA = DESK_SHIFTS.rhea.id;
    const held = shiftHeld(RHEA)!;
    const farStamp = formatHlc({ wall: manager.opened.app.now() + 5 * YEAR_MS, count: 0, node: 'install_far_laptop' });
    const doc = await onHub<{ _id: string; _rev: string; kind: string; aside: unknown[] }>(siteDb('CH'), `shifts:${RHEA}`);
    // A laptop five years fast gave Rhea's shift to Kim while apart: its edit reaches the hub as a second branch.
    const branch = {
      _id: doc._id,
      _rev: `99-${'a'.repeat(32)}`,
      kind: 'shifts',
      aside: [],
      record: { ...held, staffId: DESK_STAFF.kim.id, rev: held.rev + 1, base: held.hlc, hlc: farStamp, origin: 'install_far_laptop' },
    };
    const res = await fetch(`${hub.url}/${siteDb('CH')}/_bulk_docs`, {
      method: 'POST',
      headers: { ...hubAdminHeaders(hub), 'content-type': 'application/json' },
      body: JSON.stringify({ docs: [branch], new_edits: false }),
    });
    expect(res.status).toBe(201);
    type Branched = { _conflicts?: string[]; record: Shift };
    const onHubBranched = () => onHub<Branched>(siteDb('CH'), `shifts:${RHEA}`, '?conflicts=true');
    await until('the branches are merged on the hub', async () => {
      const d = await onHubBranched();
      return !d._conflicts?.length && d.record.hlc === held.hlc;
    });
    await manager.opened.app.sync!.settled();
    expect(shiftHeld(RHEA)?.staffId).toBe(DESK_STAFF.rhea.id);
    const kept = (await onHubBranched()).record.history.map((e) => (e.before as { staffId?: string } | null)?.staffId);
    expect(kept).toContain(DESK_STAFF.kim.id);
    const conflicts = okData(await manager.call('sync:conflicts', {}, session)).filter((c) => c.shiftId === RHEA);
    expect(conflicts.map((c) => [c.current.person, c.other.person])).toEqual([['Rhea Desk', 'Kim Expired']]);
  }, 60_000);

  it('keeps a person’s versions set aside in the document, and the far-ahead version, here and on the hub', async () => {
    const held = staffHeld(KIM)!;
    const now = manager.opened.app.now();
    const otherStamp = formatHlc({ wall: now - HOUR_MS, count: 0, node: 'install_other_laptop' });
    const farStamp = formatHlc({ wall: now + 5 * YEAR_MS, count: 0, node: 'install_far_laptop' });
    const otherVersion = {
      ...held,
      contractedHours: 25,
      rev: held.rev + 1,
      base: held.hlc,
      hlc: otherStamp,
      origin: 'install_other_laptop',
    };
    const farVersion = { ...held, contractedHours: 30, rev: held.rev + 1, base: held.hlc, hlc: farStamp, origin: 'install_far_laptop' };
    const doc = await onHub<{ _id: string; _rev: string }>(DB_MANAGERS, `staff:${KIM}`);
    await putOnHub(DB_MANAGERS, {
      ...doc,
      kind: 'staff',
      record: farVersion,
      aside: [
        {
          key: `staff/${KIM}/${otherStamp}/rival`,
          kind: 'staff',
          recordId: KIM,
          keptHlc: farStamp,
          reason: 'edited-on-two-installs',
          record: otherVersion,
        },
      ],
    });

    const sync = manager.opened.app.sync!;
    await until('the manager refuses the document', () => sync.status().rejected.some((r) => r.docId === `staff:${KIM}`));
    await until('the hub holds the manager’s version again', async () => {
      const d = await onHub<{ record: Staff }>(DB_MANAGERS, `staff:${KIM}`);
      return d.record.hlc === held.hlc;
    });
    await sync.settled();

    const after = await onHub<{ aside: { record: Staff }[] }>(DB_MANAGERS, `staff:${KIM}`);
    expect(after.aside.map((a) => a.record.contractedHours).sort()).toEqual([25, 30]);
    expect(staffHeld(KIM)?.contractedHours).toBe(held.contractedHours);
    const keptHere = Object.values(readSuperseded(manager.opened.app.ds))
      .filter((s) => s.recordId === KIM)
      .map((s) => s.record.contractedHours)
      .sort();
    expect(keptHere).toEqual([25, 30]);
  }, 90_000);
});
