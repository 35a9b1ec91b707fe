/**
 * Sign-ins, sign-outs, corrections and incident history entries travel as one immutable document per
 * event, so two installs that add to the same record while apart never conflict on the hub, every
 * event is kept, and every install folds the same record from them. Checked on the hub itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonical } from '../../../shared/domain/sync/merge';
import { verifyHistory } from '../../../shared/domain/incidents';
import type { Incident } from '../../../shared/schemas/incident';
import { readSuperseded } from '../../../main/exchange/superseded';
import { siteDb } from '../../../main/sync/provision';
import type { Session } from '../../../main/services/types';
import { okData, type TestApp } from '../../support/app';
import { DESK_SHIFTS } from '../../support/deskWorld';
import { closeAll, deskConfig, deskHasDirectory, HubProcess, hubAdminHeaders, openManagerAndDesk, openSyncApp, until } from './world';

const SITES = ['CH'];
const hub = new HubProcess();
let manager: TestApp;
let desk: TestApp;
let sup: Session;
let m: Session;
/** The incident updated on both installs while apart (second test). */
let lift = '';

const CARLA = 'att_carla_00001'; // seeded: Carla signed in at 04:58 for her 05:00–08:00 cleaning shift
const db = () => `${hub.url}/${siteDb('CH')}`;

interface HubDoc {
  _id: string;
  _rev: string;
  _conflicts?: string[];
  kind?: string;
  record?: Record<string, unknown> & { id?: string };
  incident?: string;
  index?: number;
  entry?: { hash: string; changes: { field: string; after: unknown }[] };
}

/** Every document in CH's hub database, read with its conflicts. */
const hubDocs = async (): Promise<HubDoc[]> => {
  const res = await fetch(`${db()}/_all_docs?include_docs=true&conflicts=true`, { headers: hubAdminHeaders(hub) });
  return ((await res.json()) as { rows: { doc: HubDoc }[] }).rows.map((r) => r.doc);
};

/** Every leaf revision the hub keeps of a document, deleted branches included. */
const leaves = async (id: string): Promise<{ rev: string; deleted: boolean }[]> => {
  const res = await fetch(`${db()}/${encodeURIComponent(id)}?open_revs=all`, {
    headers: { ...hubAdminHeaders(hub), accept: 'application/json' },
  });
  const body = (await res.json()) as { ok?: { _rev: string; _deleted?: boolean } }[];
  return body.flatMap((b) => (b.ok ? [{ rev: b.ok._rev, deleted: Boolean(b.ok._deleted) }] : []));
};

/** Each document was written once: one leaf, revision 1, no conflict kept or resolved away. */
const writtenOnce = async (docs: HubDoc[]) => {
  const found = [];
  for (const d of docs) found.push({ id: d._id, conflicts: d._conflicts ?? [], leaves: await leaves(d._id) });
  return found.filter((f) => f.conflicts.length || f.leaves.length !== 1 || f.leaves[0].deleted || !f.leaves[0].rev.startsWith('1-'));
};

/** Both installs have sent and taken in everything. */
const quiet = () =>
  until('both installs are up to date', () => [desk, manager].every((t) => t.opened.app.sync!.status().state === 'up-to-date'), 40_000);

const attendanceOn = (t: TestApp) => t.opened.app.repos.attendance.inMonths(['2026-11'], ['CH']).find((a) => a.id === CARLA);
const incidentOn = (t: TestApp, id: string) => t.opened.app.repos.incidents.inMonths(['2026-11'], ['CH']).find((i) => i.id === id);
const asideOf = (t: TestApp, id: string) => Object.values(readSuperseded(t.opened.app.ds)).filter((s) => s.recordId === id);

beforeAll(async () => {
  ({ manager, m, desk, sup } = await openManagerAndDesk(hub, SITES));
  await deskHasDirectory(desk);
}, 60_000);

afterAll(() => closeAll(hub, [manager, desk]));

describe('append-only records as one immutable document per event', () => {
  it('keeps a sign-out and a correction made on two installs while apart, with no conflict on the hub', async () => {
    await until(
      'the desk holds Carla’s shift and attendance',
      () =>
        attendanceOn(desk) !== undefined &&
        desk.opened.app.repos.shifts.inMonths(['2026-11'], ['CH']).some((s) => s.id === DESK_SHIFTS.carla.id),
      30_000,
    );
    await hub.stop();
    // The desk signs Carla out; a minute later the manager, on a laptop cut off from the desk, corrects her sign-in.
    const out = okData(await desk.call('today:sign-out', { shiftId: DESK_SHIFTS.carla.id }, sup));
    expect(out.signedOutAt).toBe('2026-11-25T09:00:00.000Z');
    manager.clock.now += 60_000;
    const fixed = okData(
      await manager.call(
        'today:correct',
        { attendanceId: CARLA, signedInAt: '2026-11-25T04:50:00.000Z', reason: 'Seen arriving on the car park camera' },
        m,
      ),
    );
    await hub.start();

    // Both installs hold the same record: the later write (the manager's correction) …
    await until(
      'both installs agree on Carla’s attendance',
      () => canonical(attendanceOn(desk)) === canonical(attendanceOn(manager)) && attendanceOn(desk)?.hlc === fixed.hlc,
      40_000,
    );
    expect(attendanceOn(desk)).toMatchObject({
      signedInAt: '2026-11-25T04:50:00.000Z',
      corrections: [{ reason: 'Seen arriving on the car park camera' }],
    });
    // … and the desk's sign-out, written apart from it, is kept aside on both, whole.
    for (const t of [desk, manager]) {
      await until(
        'the sign-out is kept aside',
        () => asideOf(t, CARLA).some((s) => s.record.signedOutAt === '2026-11-25T09:00:00.000Z'),
        20_000,
      );
      expect(asideOf(t, CARLA).map((s) => [s.reason, s.keptHlc, s.record.hlc])).toEqual([['edited-on-two-installs', fixed.hlc, out.hlc]]);
    }

    // On the hub, every document that carries Carla's record was written once: no branch, kept or resolved away …
    await quiet();
    expect(await writtenOnce((await hubDocs()).filter((d) => d.record?.id === CARLA))).toEqual([]);
    // … and they are the seeded sign-in, the sign-out and the correction, each its own document.
    await until('the hub has both events', async () => {
      const mine = (await hubDocs()).filter((d) => d.record?.id === CARLA);
      return [out.hlc, fixed.hlc].every((h) => mine.some((d) => d.record?.hlc === h));
    });
    const mine = (await hubDocs()).filter((d) => d.record?.id === CARLA);
    const shown = mine.map((d) => `${String(d.record?.signedInAt)} to ${String(d.record?.signedOutAt)}`);
    expect(shown.sort()).toEqual([
      '2026-11-25T04:50:00.000Z to null',
      '2026-11-25T04:58:00.000Z to 2026-11-25T09:00:00.000Z',
      '2026-11-25T04:58:00.000Z to null',
    ]);
    expect((await hubDocs()).filter((d) => d._conflicts?.length).map((d) => d._id)).toEqual([]);
  });

  it('keeps history entries appended on two installs while apart, the losing chain whole aside, with no conflict', async () => {
    const made = okData(
      await desk.call(
        'incidents:create',
        {
          site: 'CH',
          location: 'Goods lift',
          occurredAt: '2026-11-25T08:40:00.000Z',
          reportedAt: '2026-11-25T08:45:00.000Z',
          reportedBy: 'Dee Supervisor',
          reportedTo: 'Site supervisor',
          category: 'health-safety',
          severity: 'low',
          details: 'Lift stopped between floors with a trolley inside.',
        },
        sup,
      ),
    );
    const id = made.incident.id;
    lift = id;
    await until('the manager has the incident', () => incidentOn(manager, id) !== undefined, 30_000);
    await hub.stop();
    const d = okData(await desk.call('incidents:update', { id, rev: 1, patch: { severity: 'medium' } }, sup));
    manager.clock.now += 60_000;
    const n = okData(await manager.call('incidents:update', { id, rev: 1, patch: { location: 'Goods lift, level 2' } }, m));
    expect(d.incident.history[1].hash).not.toBe(n.incident.history[1].hash);
    await hub.start();

    // Both hold the later chain (the manager's); the desk's is kept whole aside on both, and still verifies.
    await until(
      'both installs agree on the incident',
      () => canonical(incidentOn(desk, id)) === canonical(incidentOn(manager, id)) && incidentOn(desk, id)?.hlc === n.incident.hlc,
      40_000,
    );
    expect(incidentOn(desk, id)).toMatchObject({ location: 'Goods lift, level 2', severity: 'low' });
    for (const t of [desk, manager]) {
      await until('the desk’s chain is kept aside', () => asideOf(t, id).length > 0, 20_000);
      expect(asideOf(t, id).map((s) => [s.reason, s.keptHlc, canonical(s.record)])).toEqual([
        ['history-diverged', n.incident.hlc, canonical(d.incident)],
      ]);
    }
    // The kept chain verifies on its own, and the manager's incident (whose chain won) verifies.
    expect(verifyHistory(id, asideOf(desk, id)[0].record.history as Incident['history'])).toEqual({ ok: true });
    expect(okData(await manager.call('incidents:get', { id }, m)).verification).toEqual({ ok: true });

    // On the hub, every document that carries this incident or its history was written once …
    await quiet();
    expect(await writtenOnce((await hubDocs()).filter((x) => x.incident === id || x.record?.id === id))).toEqual([]);
    // … among them the created entry and each install's second entry, each its own document.
    await until('the hub has both second entries', async () => {
      const hashes = (await hubDocs()).filter((x) => x.incident === id).map((x) => x.entry?.hash);
      return [d.incident.history[1].hash, n.incident.history[1].hash].every((h) => hashes.includes(h));
    });
    const entries = (await hubDocs()).filter((x) => x.kind === 'incident-entry' && x.incident === id);
    expect([...new Set(entries.map((x) => `${x.index}:${x.entry?.hash}`))].sort()).toEqual(
      [`0:${made.incident.history[0].hash}`, `1:${d.incident.history[1].hash}`, `1:${n.incident.history[1].hash}`].sort(),
    );
    expect((await hubDocs()).filter((x) => x._conflicts?.length).map((x) => x._id)).toEqual([]);
  });

  it("a new desk's first sync folds the same records and keeps the same versions aside, and writes nothing back", async () => {
    expect(lift).not.toBe('');
    await quiet();
    const onHub = async () => (await hubDocs()).map((x) => `${x._id}@${x._rev}`).sort();
    const before = await onHub();
    // An empty folder, as a desk enrolled today: everything it holds comes from the hub's event documents.
    const fresh = openSyncApp();
    try {
      await fresh.opened.app.sync!.connect(deskConfig(hub, 'CH'));
      await until(
        'the new desk holds Carla’s attendance and the lift incident as the manager does',
        () =>
          fresh.opened.app.sync!.status().state === 'up-to-date' &&
          canonical(attendanceOn(fresh)) === canonical(attendanceOn(manager)) &&
          canonical(incidentOn(fresh, lift)) === canonical(incidentOn(manager, lift)),
        60_000,
      );
      expect(attendanceOn(fresh)).toMatchObject({ signedInAt: '2026-11-25T04:50:00.000Z' });
      expect(incidentOn(fresh, lift)).toMatchObject({ location: 'Goods lift, level 2', severity: 'low' });
      for (const id of [CARLA, lift]) {
        const kept = (t: TestApp) => asideOf(t, id).map(canonical).sort();
        expect(kept(fresh)).toHaveLength(1);
        expect(kept(fresh)).toEqual(kept(manager));
      }
      // It took everything from the hub and had nothing of its own: it wrote nothing back.
      await fresh.opened.app.sync!.settled();
      expect(fresh.opened.app.sync!.status().waiting).toBe(0);
      expect(await onHub()).toEqual(before);
    } finally {
      await fresh.opened.stopSync();
      fresh.opened.close();
    }
  });

  it('sets aside an event document from the hub that does not read, changing nothing', async () => {
    await desk.opened.app.sync!.settled();
    const before = desk.snapshot();
    const held = attendanceOn(desk)!;
    const put = (id: string, body: object) =>
      fetch(`${db()}/${encodeURIComponent(id)}`, {
        method: 'PUT',
        headers: { ...hubAdminHeaders(hub), 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    // An entry with no time, and a later sign-out whose id does not name its content.
    const badEntry = 'incident-entry:incident_ch_0001:000001:forged:0000000000000000';
    expect(
      (
        await put(badEntry, {
          kind: 'incident-entry',
          incident: 'incident_ch_0001',
          site: 'CH',
          index: 1,
          entry: { by: 'someone', kind: 'updated', changes: [], prevHash: 'seed', hash: 'forged' },
        })
      ).status,
    ).toBe(201);
    const forged = { ...held, signedOutAt: '2026-11-25T23:59:00.000Z', hlc: '999999999999999-000000-zz' };
    const badEvent = `attendance-event:${CARLA}:${forged.hlc}:0000000000000000`;
    expect((await put(badEvent, { kind: 'attendance-event', site: 'CH', record: forged })).status).toBe(201);

    await until('the desk reports both', () =>
      [badEntry, badEvent].every((id) => desk.opened.app.sync!.status().rejected.some((r) => r.docId === id)),
    );
    const reasons = desk.opened.app.sync!.status().rejected.filter((r) => [badEntry, badEvent].includes(r.docId));
    expect(reasons.map((r) => r.reason).sort()).toEqual([
      expect.stringMatching(/^not a SiteDesk incident history entry \(entry\.at /),
      'the document id does not name its event',
    ]);
    await desk.opened.app.sync!.settled();
    const after = desk.snapshot();
    expect(Object.keys(after).filter((f) => after[f] !== before[f] && (f.includes('partitions') || f.includes('superseded')))).toEqual([]);
    expect(attendanceOn(desk)).toEqual(held);
  });
});
