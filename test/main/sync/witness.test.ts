/**
 * The hub witnesses incident evidence: every history head an install pushes is its own document on the
 * hub. A desk whose chain has its tail cut off — together with its own heads file's tail, so nothing on
 * the machine alone can tell — shows "History broken", and `npm run doctor -- --hub` reports it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeWithSum } from '../../../main/storage/checksum';
import { checkDataFolder } from '../../../main/storage/doctor';
import { siteDb } from '../../../main/sync/provision';
import type { Session } from '../../../main/services/types';
import type { Incident } from '../../../shared/schemas/incident';
import { okData, type TestApp } from '../../support/app';
import { bundleEntry } from '../../support/bundleEntry';
import {
  closeAll,
  deskCredentials,
  deskHasDirectory,
  HubProcess,
  hubAdminHeaders,
  hubEntries,
  openManagerAndDesk,
  openSyncApp,
  signIn,
  until,
} from './world';

const SITES = ['CH', 'FH'];
const hub = new HubProcess();
let manager: TestApp;
let desk: TestApp;
let sup: Session;
let m: Session;

const adminAuth = () => hubAdminHeaders(hub).authorization;
/** The lengths of the heads the hub holds for an incident, asked of the hub itself. */
const hubHeads = async (id: string): Promise<number[]> => {
  const q = new URLSearchParams({
    include_docs: 'true',
    startkey: JSON.stringify(`head:${id}:`),
    endkey: JSON.stringify(`head:${id}:\ufff0`),
  });
  const res = await fetch(`${hub.url}/${siteDb('CH')}/_all_docs?${q}`, { headers: { authorization: adminAuth() } });
  const body = (await res.json()) as { rows: { doc: { length: number } }[] };
  return body.rows.map((r) => r.doc.length).sort((a, b) => a - b);
};
/** `npm run doctor` (main/cli/doctor.ts), bundled once for this file: see `bundleEntry`. */
let DOCTOR = '';
const doctor = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [DOCTOR, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
/** What a doctor run ended with, for a failed expectation to print (a run cut short leaves its stdout empty). */
const ended = (r: ReturnType<typeof doctor>) =>
  `the doctor ended with status ${r.status}${r.signal ? ` (killed: ${r.signal})` : ''}; stderr: ${r.stderr.trim() || '(none)'}`;

beforeAll(async () => {
  DOCTOR = await bundleEntry('main/cli/doctor.ts');
  ({ manager, m, desk, sup } = await openManagerAndDesk(hub, SITES));
  await deskHasDirectory(desk);
}, 60_000);

afterAll(() => closeAll(hub, [manager, desk]));

describe('the hub witnesses incident history heads', () => {
  // Retried: about one run in six (seen on 230fc03 and on tonight's main alike), the reopened desk folds the incident
  // again from the events its own replica still holds and so restores the entries cut off its file before the check
  // (the desk then holds all four and nothing is broken). Which the desk should do is left for planning; until then a
  // run that restored them is tried again, and a desk that neither restores nor flags the cut still fails every try.
  it(
    'reports a tail cut off at a desk, with its heads file, as History broken in the app and in the doctor',
    { retry: 2, timeout: 120_000 },
    async () => {
      let d = okData(
        await desk.call(
          'incidents:create',
          {
            site: 'CH',
            location: 'Main reception',
            occurredAt: '2026-11-25T06:40:00.000Z',
            reportedAt: '2026-11-25T06:45:00.000Z',
            reportedBy: 'Dee Supervisor',
            reportedTo: 'Site supervisor',
            category: 'security',
            severity: 'medium',
            details: 'Visitor refused to sign in and shouted at reception staff.',
          },
          sup,
        ),
      );
      d = okData(await desk.call('incidents:update', { id: d.incident.id, rev: d.incident.rev, patch: { severity: 'high' } }, sup));
      d = okData(await desk.call('incidents:update', { id: d.incident.id, rev: d.incident.rev, patch: { location: 'Car park' } }, sup));
      d = okData(await desk.call('incidents:update', { id: d.incident.id, rev: d.incident.rev, patch: { witnesses: 'Jo Reed' } }, sup));
      const { id, ref } = d.incident;
      expect(d.incident.history).toHaveLength(4);
      await until('the hub has seen all four heads', async () => (await hubHeads(id)).includes(4), 30_000);
      // The manager holds the whole chain, and it is not flagged there.
      await until('the incident reaches the manager', () =>
        manager.opened.app.repos.incidents.inMonths(['2026-11'], ['CH']).some((i) => i.id === id && i.history.length === 4),
      );
      const there = okData(await manager.call('incidents:get', { id }, m));
      expect([there.verification.ok, there.locked]).toEqual([true, false]);

      // At the desk, with SiteDesk closed, someone cuts the last two entries off (rev and fields set back to
      // match, checksum recomputed) and cuts the same heads off the end of the desk's own heads file.
      const dir = desk.dir;
      await desk.opened.stopSync();
      desk.opened.close();
      const file = path.join(dir, 'data/partitions/incidents/2026-11/CH.json');
      const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as { records: Record<string, Incident> };
      const i = stored.records[id];
      stored.records[id] = { ...i, history: i.history.slice(0, 2), rev: 2, location: 'Main reception', witnesses: '' };
      delete (stored as Record<string, unknown>)['~sha256'];
      fs.writeFileSync(file, serializeWithSum(stored));
      const headsFile = path.join(dir, 'evidence/incident-heads.log');
      const lines = fs.readFileSync(headsFile, 'utf8').split('\n').filter(Boolean);
      const cut = lines.findIndex((l) => l.includes(`"id":"${id}"`) && l.includes('"length":3'));
      expect(cut).toBeGreaterThan(0);
      fs.writeFileSync(
        headsFile,
        lines
          .slice(0, cut)
          .map((l) => `${l}\n`)
          .join(''),
      );

      // On its own, the folder shows nothing wrong with this incident: this is the gap the hub closes.
      // (The seeded desk world has an incident of its own with a broken chain; only this one matters here.)
      const about = (lines: string[]) => lines.filter((l) => l.includes(`(${id})`));
      expect(about(checkDataFolder(dir).problems.map((p) => p.message))).toEqual([]);

      desk = openSyncApp(dir);
      sup = await signIn(desk, 'sup.ch');
      await until('the desk has read the hub’s witness', () => desk.opened.app.sync!.witnessed(id).length > 0);
      const seen = okData(await desk.call('incidents:get', { id }, sup));
      expect(seen.verification).toEqual({
        ok: false,
        brokenAt: 2,
        reason: 'The history has 2 entries, but the hub has seen 4: entries were cut off the end on this computer.',
      });
      expect(seen.locked).toBe(true);
      // Syncing again does not paper over it: the hub keeps the whole chain and its heads.
      await desk.opened.app.sync!.settled();
      expect((await hubHeads(id)).at(-1)).toBe(4);
      expect((await hubEntries(hub, 'CH', id)).map((e) => e.split(':')[0])).toEqual(['0', '1', '2', '3']);

      const line = `data/partitions/incidents/2026-11/CH.json: incident ${ref} (${id}): history broken: it has 2 entries but 4 were seen (entries cut off the end), per the hub at ${hub.url}`;
      // With the desk's hub user and the password from the environment …
      const byEnv = doctor(['--dir', dir, '--hub', hub.url, '--hub-user', deskCredentials('CH').name], {
        SITEDESK_HUB_PASSWORD: deskCredentials('CH').password,
      });
      expect(about(byEnv.stdout.split('\n')), ended(byEnv)).toEqual([line]);
      expect(byEnv.status).toBe(1);
      expect(about(doctor(['--dir', dir]).stdout.split('\n'))).toEqual([]);
      // … or with the folder's own saved hub user, so no password is typed at all.
      const bySaved = doctor(['--dir', dir, '--hub', hub.url]);
      expect(about(bySaved.stdout.split('\n')), ended(bySaved)).toEqual([line]);
      expect(bySaved.status).toBe(1);
      // The manager's folder, which holds the whole chain, is healthy against the same hub.
      const managerCheck = doctor(['--dir', manager.dir, '--hub', hub.url, '--sites', 'CH']);
      expect(managerCheck.stdout).toContain(`Checking incident histories against the hub at ${hub.url} for CH.`);
      expect(about(managerCheck.stdout.split('\n'))).toEqual([]);
    },
  );

  it('refuses a wrong hub password and a password on no channel at all, changing nothing', () => {
    const before = desk.snapshot();
    const wrong = doctor(['--dir', desk.dir, '--hub', hub.url, '--hub-user', 'desk-ch'], { SITEDESK_HUB_PASSWORD: 'not the password 1' });
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('The hub refused desk-ch');
    const none = doctor(['--dir', desk.dir, '--hub', hub.url, '--hub-user', 'desk-ch'], { SITEDESK_HUB_PASSWORD: '' });
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('SITEDESK_HUB_PASSWORD');
    expect(desk.snapshot()).toEqual(before);
  }, 60_000);
});
