/**
 * Hub passwords at rest, and enrolment carrying a desk's hub user: the settings file never holds a
 * hub password in clear (sealed with AES-256-GCM under the install's device key), and a desk enrolled
 * from a manager's enrolment file syncs by itself. Through the services, against a real hub.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureIdentity } from '../../../main/exchange/identity';
import { serializeWithSum } from '../../../main/storage/checksum';
import type { Session } from '../../../main/services/types';
import { DESK_PASSWORD, DESK_SHIFTS, seedDesk } from '../../support/deskWorld';
import { okData, type TestApp } from '../../support/app';
import { closeAll, deskCredentials, HubProcess, managerCredentials, openSyncApp, provision, until } from './world';

const SITES = ['CH', 'FH'];
const hub = new HubProcess();
let manager: TestApp;
let m: Session;
const opened: TestApp[] = [];

const settingsText = (t: TestApp) => fs.readFileSync(path.join(t.dir, 'data/system/sync.json'), 'utf8');
/** Every file of a folder, as bytes, searched for a secret in clear (and in base64, as a careless store might keep it). */
const holds = (dir: string, secret: string): string[] => {
  const found: string[] = [];
  const b64 = Buffer.from(secret).toString('base64');
  // The replica's database may be writing while this reads: a file it removes between the listing and the
  // read (a compacted log, say) is gone, so it holds nothing at rest.
  const gone = (e: unknown) => (e as NodeJS.ErrnoException).code === 'ENOENT';
  const walk = (d: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch (e) {
      if (gone(e)) return;
      throw e;
    }
    for (const e of entries) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else {
        let bytes: Buffer;
        try {
          bytes = fs.readFileSync(full);
        } catch (err) {
          if (gone(err)) continue;
          throw err;
        }
        if (bytes.includes(secret) || bytes.includes(b64)) found.push(path.relative(dir, full));
      }
    }
  };
  walk(dir);
  return found;
};

beforeAll(async () => {
  await hub.start();
  await provision(hub, SITES, 1);
  manager = openSyncApp();
  opened.push(manager);
  await seedDesk(manager.opened.app);
  m = manager.session();
  okData(await manager.call('auth:sign-in', { username: 'manager', password: DESK_PASSWORD }, m));
}, 60_000);

afterAll(() => closeAll(hub, opened));

describe('hub passwords are sealed at rest', () => {
  it('saves the manager’s hub password sealed, and the reopened install syncs with it by itself', async () => {
    const creds = managerCredentials(1);
    okData(await manager.call('sync:connect', { url: hub.url, ...creds }, m));
    const text = settingsText(manager);
    expect(text).toContain(creds.name);
    expect(text).toContain(hub.url);
    expect(holds(manager.dir, creds.password)).toEqual([]);
    await until('the manager is up to date', () => manager.opened.app.sync!.status().state === 'up-to-date', 30_000);

    await manager.opened.stopSync();
    manager = manager.reopen();
    opened.push(manager);
    await until('the reopened install is up to date with the hub', () => manager.opened.app.sync!.status().state === 'up-to-date', 30_000);
    expect(holds(manager.dir, creds.password)).toEqual([]);
  }, 90_000);

  it('seals a password an earlier SiteDesk saved in clear, the next time the folder opens', async () => {
    const creds = managerCredentials(1);
    const dir = manager.dir;
    await manager.opened.stopSync();
    manager.opened.close();
    const file = path.join(dir, 'data/system/sync.json');
    const legacy = { config: { url: hub.url, name: creds.name, password: creds.password, role: 'manager', sites: SITES } };
    fs.writeFileSync(file, serializeWithSum(legacy));
    expect(holds(dir, creds.password)).toEqual(['data/system/sync.json']);
    manager = openSyncApp(dir);
    opened.push(manager);
    m = manager.session();
    okData(await manager.call('auth:sign-in', { username: 'manager', password: DESK_PASSWORD }, m));
    await until('it syncs with the sealed password', () => manager.opened.app.sync!.status().state === 'up-to-date', 30_000);
    expect(holds(dir, creds.password).filter((f) => f.startsWith('data/system'))).toEqual([]);
  }, 90_000);

  it('reads as refused, not as a crash, when the settings were moved to an install whose device key did not seal them', async () => {
    const other = openSyncApp();
    opened.push(other);
    // Another install, with a device key of its own.
    expect(ensureIdentity(other.opened.app).privateKey).not.toBe(ensureIdentity(manager.opened.app).privateKey);
    const sealed = fs.readFileSync(path.join(manager.dir, 'data/system/sync.json'));
    fs.mkdirSync(path.join(other.dir, 'data/system'), { recursive: true });
    await other.opened.stopSync();
    other.opened.close();
    fs.writeFileSync(path.join(other.dir, 'data/system/sync.json'), sealed);
    const moved = openSyncApp(other.dir);
    opened.push(moved);
    await until('the hub refuses it', () => moved.opened.app.sync!.status().state === 'refused', 30_000);
  }, 60_000);
});

describe('enrolment carries the desk’s hub user', () => {
  it('checks the desk’s hub password with the hub before making the file', async () => {
    const sup = manager.opened.app.repos.accounts.all().find((a) => a.username === 'sup.ch')!;
    const before = manager.snapshot();
    const r = await manager.call(
      'enrol:create',
      { sites: ['CH'], supervisors: [sup.id], hub: { name: deskCredentials('CH').name, password: 'not the desk password' } },
      m,
    );
    expect(r).toMatchObject({ ok: false, code: 'invalid', message: 'The hub refused that name or password.' });
    const after = manager.snapshot();
    expect(Object.keys(after).filter((f) => after[f] !== before[f] && f.startsWith('data/'))).toEqual([]);
  }, 30_000);

  it('enrols a desk that then syncs by itself: the CH rota arrives with no connect at the desk, and no password in clear', async () => {
    const sup = manager.opened.app.repos.accounts.all().find((a) => a.username === 'sup.ch')!;
    const desk = deskCredentials('CH');
    const file = okData(await manager.call('enrol:create', { sites: ['CH'], supervisors: [sup.id], hub: desk }, m));
    expect(Buffer.from(file.base64, 'base64').includes(desk.password)).toBe(false);

    const fresh = openSyncApp();
    opened.push(fresh);
    expect(okData(await fresh.call('enrol:import', { file: file.base64, code: file.code }, fresh.session()))).toMatchObject({
      sites: ['CH'],
    });
    expect(holds(fresh.dir, desk.password)).toEqual([]);
    expect(settingsText(fresh)).toContain(`"name":"${desk.name}"`);
    await until(
      'the desk has the CH rota from the hub',
      () => fresh.opened.app.repos.shifts.inMonths(['2026-11']).some((s) => s.id === DESK_SHIFTS.sam.id),
      30_000,
    );
    expect(fresh.opened.app.repos.shifts.inMonths(['2026-11']).some((s) => s.id === DESK_SHIFTS.paul.id)).toBe(false);
    const s = fresh.session();
    okData(await fresh.call('auth:sign-in', { username: 'sup.ch', password: DESK_PASSWORD }, s));
    const status = okData(await fresh.call('sync:status', {}, s));
    expect(status.hub).toBe(hub.url);
    expect(status.state).not.toBe('refused');
  }, 90_000);
});
