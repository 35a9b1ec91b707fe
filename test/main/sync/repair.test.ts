/**
 * Repair from the hub: a data file damaged on disk — here with the change log damaged too, so the local
 * copy alone cannot bring it back whole — is restored from the newest backup, then what had reached the
 * hub since that backup is replayed into it. Real store, real backup, real hub.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteDb } from '../../../main/sync/provision';
import type { Session } from '../../../main/services/types';
import { okData, type TestApp } from '../../support/app';
import {
  closeAll,
  deskHasDirectory,
  HubProcess,
  hubAdminHeaders,
  hubEntries,
  openManagerAndDesk,
  openSyncApp,
  signIn,
  until,
} from './world';

const SITES = ['CH'];
const hub = new HubProcess();
let manager: TestApp;
let desk: TestApp;
let sup: Session;

const onHub = async (docId: string) =>
  (
    await fetch(`${hub.url}/${siteDb('CH')}/${encodeURIComponent(docId)}`, {
      headers: hubAdminHeaders(hub),
    })
  ).status === 200;
const logAt = (time: string, text: string) =>
  desk.call('log:add', { site: 'CH', date: '2026-11-25', time, kind: 'patrol', text }, sup).then(okData);

beforeAll(async () => {
  ({ manager, desk, sup } = await openManagerAndDesk(hub, SITES));
  await deskHasDirectory(desk);
}, 60_000);

afterAll(() => closeAll(hub, [manager, desk]));

describe('repair from the hub', () => {
  it('restores a damaged log and incident file from the newest backup, then replays what reached the hub since', async () => {
    // The desk holds everything the hub has for CH before its backup is taken.
    const count = (t: TestApp) =>
      ['log', 'incidents'].map((k) => t.opened.app.repos[k as 'log' | 'incidents'].inMonths(['2026-11'], ['CH']).length).join('/');
    await until('the desk has the CH log and incidents', () => count(desk) === count(manager), 30_000);
    const before = await logAt('06:10', 'Opened up; all doors checked.');
    desk.opened.app.ds.backupIfChanged('before the damage', true);
    const backups = desk.opened.app.ds.backups.list();
    expect(backups.length).toBeGreaterThan(0);
    // After the newest backup: two log entries and an incident with two history entries, all sent to the hub.
    const after1 = await logAt('06:20', 'Patrol of the car park.');
    const after2 = await logAt('06:30', 'Delivery accepted at the side door.');
    let d = okData(
      await desk.call(
        'incidents:create',
        {
          site: 'CH',
          location: 'Side door',
          occurredAt: '2026-11-25T06:35:00.000Z',
          reportedAt: '2026-11-25T06:40:00.000Z',
          reportedBy: 'Dee Supervisor',
          reportedTo: 'Site supervisor',
          category: 'security',
          severity: 'low',
          details: 'Side door found unlatched after the delivery.',
        },
        sup,
      ),
    );
    d = okData(await desk.call('incidents:update', { id: d.incident.id, rev: d.incident.rev, patch: { severity: 'medium' } }, sup));
    const incidentId = d.incident.id;
    for (const id of [`log:${after1.entry.id}`, `log:${after2.entry.id}`]) await until(`the hub has ${id}`, () => onHub(id), 30_000);
    // The incident's history entries are each a document of their own on the hub.
    await until('the hub has the incident’s second entry', async () => (await hubEntries(hub, 'CH', incidentId)).length === 2, 30_000);

    // The desk PC goes down hard (no closing backup), and the disk damages both files and the change log.
    const dir = desk.dir;
    await desk.opened.app.sync!.settled();
    await desk.opened.stopSync();
    const logFile = path.join(dir, 'data/partitions/log/2026-11/CH.json');
    const incidentFile = path.join(dir, 'data/partitions/incidents/2026-11/CH.json');
    fs.writeFileSync(logFile, '{"records": {"x": tr');
    fs.writeFileSync(incidentFile, Buffer.alloc(512, 0));
    for (const seg of ['current.log', 'previous.log']) {
      const f = path.join(dir, 'changes', seg);
      if (fs.existsSync(f)) fs.writeFileSync(f, 'damaged by the disk\n');
    }

    desk = openSyncApp(dir);
    sup = await signIn(desk, 'sup.ch');
    const ids = () => desk.opened.app.repos.log.inMonths(['2026-11'], ['CH']).map((e) => e.id);
    // The backup alone has the first entry only (this is all that would come back without the hub) …
    await until('the log file was restored', () => ids().includes(before.entry.id));
    // … and what reached the hub after it is replayed into the restored files.
    await until('every entry that reached the hub is back', () => [after1.entry.id, after2.entry.id].every((id) => ids().includes(id)));
    await until('the incident is back with its whole history', () =>
      desk.opened.app.repos.incidents.inMonths(['2026-11'], ['CH']).some((i) => i.id === incidentId && i.history.length === 2),
    );
    const incident = okData(await desk.call('incidents:get', { id: incidentId }, sup));
    expect([incident.verification.ok, incident.locked, incident.incident.severity]).toEqual([true, false, 'medium']);
    const day = okData(await desk.call('log:day', { site: 'CH', date: '2026-11-25' }, sup));
    expect(day.map((l) => l.entry.text)).toEqual(
      expect.arrayContaining(['Opened up; all doors checked.', 'Patrol of the car park.', 'Delivery accepted at the side door.']),
    );
    // The damaged files are kept for IT support, and the user is told what came back from where.
    const said = () => desk.opened.app.ds.notices().map((n) => n.message);
    const replayed = () => said().filter((n) => n.startsWith('After '));
    await until('both replays are noticed', () => replayed().length === 2).catch(() => undefined);
    expect(said().some((n) => n.startsWith('The file partitions/log/2026-11/CH was damaged'))).toBe(true);
    expect(replayed().sort()).toEqual([
      'After partitions/incidents/2026-11/CH was restored from a backup, 1 record saved since that backup was brought back from the hub.',
      'After partitions/log/2026-11/CH was restored from a backup, 2 records saved since that backup were brought back from the hub.',
    ]);
  }, 120_000);
});
