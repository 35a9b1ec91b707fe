import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { seal } from '../../main/storage/sealedFile';
import { filesOf, openTestApp, withManager, okData } from '../support/app';
import { seedShift } from '../support/records';
import { staffRequest } from '../support/requests';

vi.setConfig({ testTimeout: 90_000 });

const PASS = 'long enough passphrase';

const setUp = async () => {
  const t = openTestApp();
  const m = await withManager(t);
  const me = t.opened.app.repos.accounts.all()[0];
  return { t, m, me };
};

describe('backups screen services', () => {
  it('lists backups with date, reason and size, and takes one by hand', async () => {
    const { t, m } = await setUp();
    t.clock.now += 60_000;
    const taken = okData(await t.call('backups:create', {}, m));
    expect(taken).toMatchObject({ reason: 'Taken by hand', at: '2026-11-25T09:01:00.000Z' });
    expect(taken.bytes).toBeGreaterThan(100);
    expect(okData(await t.call('backups:list', {}, m))[0]).toEqual(taken);
  });

  it('restores a backup, and the restore itself can be undone', async () => {
    const { t, m, me } = await setUp();
    const first = seedShift(t.opened.app, me.id);
    t.clock.now += 60_000;
    const point = okData(await t.call('backups:create', {}, m));
    t.clock.now += 60_000;
    const second = seedShift(t.opened.app, me.id, { date: '2026-12-01' });
    t.clock.now += 60_000;

    const restored = okData(await t.call('backups:restore', { id: point.id }, m));
    expect(restored.undoId).not.toBeNull();
    expect(Object.keys(t.opened.app.repos.shifts.partition('2026-11/CH'))).toEqual([first.id]);
    expect(t.opened.app.repos.shifts.partition('2026-12/CH')).toEqual({});
    expect(okData(await t.call('sites:list', {}, m))).toHaveLength(15);

    t.clock.now += 60_000;
    okData(await t.call('backups:restore', { id: restored.undoId! }, m));
    expect(Object.keys(t.opened.app.repos.shifts.partition('2026-12/CH'))).toEqual([second.id]);
    // The install keeps its own identity whatever it restores.
    const reopened = t.reopen();
    expect(reopened.opened.app.meta.installId).toBe(t.opened.app.meta.installId);
    expect(Object.keys(reopened.opened.app.repos.shifts.partition('2026-12/CH'))).toEqual([second.id]);
  });

  it('never offers a half-written backup as a restore point', async () => {
    const { t, m } = await setUp();
    const backups = path.join(t.dir, 'backups');
    const half = path.join(backups, '2026-11-25T10-00-00-000Z.partial');
    fs.mkdirSync(half, { recursive: true });
    fs.writeFileSync(
      path.join(half, 'backup-info.txt'),
      JSON.stringify({ id: '2026-11-25T10-00-00-000Z', at: '2026-11-25T10:00:00.000Z', reason: 'x', files: 1, bytes: 1 }),
    );
    const list = okData(await t.call('backups:list', {}, m));
    expect(list.map((b) => b.id)).not.toContain('2026-11-25T10-00-00-000Z');
    expect(await t.call('backups:restore', { id: '2026-11-25T10-00-00-000Z' }, m)).toMatchObject({ ok: false, code: 'not_found' });

    // The one-file export is written under a temporary name and renamed only when whole.
    const exported = okData(await t.call('backups:export', { passphrase: PASS }, m));
    const exportsDir = path.join(t.dir, 'exports');
    expect(fs.readdirSync(exportsDir)).toEqual([exported.filename]);
    expect(exported.filename).toMatch(/\.sitedesk-backup$/);
  });

  it('finishes or undoes a restore cut off half-way, never leaving a mix', async () => {
    const { t, me } = await setUp();
    const kept = seedShift(t.opened.app, me.id);
    t.opened.close();
    const root = t.dir;
    // Cut off while staging: the old data stays.
    fs.mkdirSync(path.join(root, 'data.incoming/partitions'), { recursive: true });
    fs.writeFileSync(path.join(root, 'data.incoming/partitions/half.json'), '{"rec');
    let again = openTestApp({ dir: root });
    expect(Object.keys(again.opened.app.repos.shifts.partition('2026-11/CH'))).toEqual([kept.id]);
    expect(fs.existsSync(path.join(root, 'data.incoming'))).toBe(false);
    again.opened.close();

    // Cut off after the old data was moved aside and before the new was moved in: the new (whole) data goes in.
    fs.cpSync(path.join(root, 'data'), path.join(root, 'data.incoming'), { recursive: true });
    fs.rmSync(path.join(root, 'data.incoming/partitions'), { recursive: true });
    fs.renameSync(path.join(root, 'data'), path.join(root, 'data.outgoing'));
    again = openTestApp({ dir: root });
    expect(again.opened.app.repos.shifts.partition('2026-11/CH')).toEqual({});
    expect(fs.existsSync(path.join(root, 'data.outgoing'))).toBe(false);
  });

  it('exports the whole folder as one file and restores it on a new laptop, refusing a damaged one or a wrong passphrase', async () => {
    const { t, m, me } = await setUp();
    const shift = seedShift(t.opened.app, me.id);
    fs.mkdirSync(path.join(t.dir, 'photos/2026'), { recursive: true });
    fs.writeFileSync(path.join(t.dir, 'photos/2026/door.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
    expect(await t.call('backups:export', { passphrase: 'short' }, m)).toMatchObject({
      ok: false,
      code: 'invalid',
      message: expect.stringContaining('at least 10 characters'),
    });
    const file = okData(await t.call('backups:export', { passphrase: PASS }, m));

    const laptop = openTestApp();
    const before = filesOf(laptop.dir);
    const bytes = Buffer.from(file.base64, 'base64');
    bytes[bytes.length - 100] ^= 0xff;
    expect(
      await laptop.call('backups:restore-fresh', { file: bytes.toString('base64'), passphrase: PASS }, laptop.session()),
    ).toMatchObject({ ok: false, message: expect.stringContaining('damaged') });
    expect(
      await laptop.call('backups:restore-fresh', { file: file.base64, passphrase: 'not the passphrase' }, laptop.session()),
    ).toMatchObject({
      ok: false,
      message: expect.stringContaining('passphrase does not open'),
      fields: { passphrase: expect.any(String) },
    });
    expect(filesOf(laptop.dir)).toEqual(before);

    expect(okData(await laptop.call('backups:restore-fresh', { file: file.base64, passphrase: PASS }, laptop.session()))).toMatchObject({
      undoId: null,
    });
    const s = laptop.session();
    okData(await laptop.call('auth:sign-in', { username: 'maria', password: 'correct horse 1' }, s));
    expect(Object.keys(laptop.opened.app.repos.shifts.partition('2026-11/CH'))).toEqual([shift.id]);
    expect(fs.readFileSync(path.join(laptop.dir, 'photos/2026/door.jpg'))).toEqual(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
    expect(laptop.opened.app.meta.installId).not.toBe(t.opened.app.meta.installId);
    // The new laptop is of the same organisation: a file from the old one restores there by a signed-in manager.
    expect(okData(await laptop.call('backups:restore-file', { file: file.base64, passphrase: PASS }, s)).undoId).not.toBeNull();

    // Once set up, the first-run channel refuses, and the manager channel needs a signed-in manager.
    expect(await laptop.call('backups:restore-fresh', { file: file.base64, passphrase: PASS }, laptop.session())).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(await laptop.call('backups:restore-file', { file: file.base64, passphrase: PASS }, laptop.session())).toMatchObject({
      ok: false,
      code: 'signed_out',
    });
  });
});

describe('restoring a backup file is safe at a public desk (issue 12, hole 2)', () => {
  it('refuses a restore from a locked manager session, and changes nothing', async () => {
    const { t, m } = await setUp();
    const file = okData(await t.call('backups:export', { passphrase: PASS }, m));
    okData(await t.call('auth:lock', {}, m));
    const before = filesOf(t.dir);
    for (const channel of ['backups:restore-file', 'backups:restore-fresh']) {
      const r = await t.raw(channel, { file: file.base64, passphrase: PASS }, m);
      expect(r.ok).toBe(false);
    }
    expect(await t.raw('backups:restore-file', { file: file.base64, passphrase: PASS }, m)).toMatchObject({ ok: false, code: 'locked' });
    expect(filesOf(t.dir)).toEqual(before);
  });

  it('in the "accounts lost" state, nobody at the desk can restore a crafted folder with their own manager account', async () => {
    const { t, m, me } = await setUp();
    seedShift(t.opened.app, me.id);
    t.opened.close();
    // The accounts file is damaged, and neither a backup nor the change log holds it.
    fs.rmSync(path.join(t.dir, 'backups'), { recursive: true });
    fs.rmSync(path.join(t.dir, 'changes'), { recursive: true, force: true });
    fs.writeFileSync(path.join(t.dir, 'data/directory/accounts.json'), '{"records": {"ab');
    const desk = openTestApp({ dir: t.dir });
    const s = desk.session();
    expect(okData(await desk.call('auth:status', {}, s))).toMatchObject({ accountsLost: true, setupNeeded: false });

    // Eve crafts a folder on her own laptop with herself as manager.
    const eve = openTestApp();
    const e = await withManager(eve, 'eve', 'eve password 1');
    const crafted = okData(await eve.call('backups:export', { passphrase: PASS }, e));

    const before = filesOf(desk.dir);
    for (const channel of ['backups:restore-fresh', 'backups:restore-file']) {
      for (const payload of [{ file: crafted.base64, passphrase: PASS }, { file: crafted.base64 }]) {
        expect((await desk.raw(channel, payload, s)).ok).toBe(false);
      }
    }
    expect(await desk.call('backups:restore-fresh', { file: crafted.base64, passphrase: PASS }, s)).toMatchObject({
      ok: false,
      code: 'forbidden',
      message: expect.stringContaining('Ask IT support'),
    });
    expect(filesOf(desk.dir)).toEqual(before);
    expect(await desk.call('auth:sign-in', { username: 'eve', password: 'eve password 1' }, s)).toMatchObject({ ok: false });
    desk.opened.close();
    void m;
  });

  it('refuses a file from another organisation with a clear message, before anything on disk changes', async () => {
    const { t, m, me } = await setUp();
    seedShift(t.opened.app, me.id);
    okData(await t.call('backups:export', { passphrase: PASS }, m)); // this install now has its organisation key
    const other = openTestApp();
    const o = await withManager(other, 'olga', 'olga password 1');
    const foreign = okData(await other.call('backups:export', { passphrase: PASS }, o));

    const before = filesOf(t.dir);
    const r = await t.call('backups:restore-file', { file: foreign.base64, passphrase: PASS }, m);
    expect(r).toMatchObject({
      ok: false,
      code: 'invalid',
      message: expect.stringMatching(/not made by Hertfordshire Council Facilities: it comes from another organisation/),
    });
    expect(filesOf(t.dir)).toEqual(before);
  });

  it('keeps the organisation key out of the file: encrypted under the passphrase, its bytes appear nowhere', async () => {
    const { t, m, me } = await setUp();
    okData(await t.call('staff:create', staffRequest(), m));
    seedShift(t.opened.app, me.id);
    const file = Buffer.from(okData(await t.call('backups:export', { passphrase: PASS }, m)).base64, 'base64');
    const org = JSON.parse(fs.readFileSync(path.join(t.dir, 'data/system/org.json'), 'utf8')).org as { key: string };
    const identity = JSON.parse(fs.readFileSync(path.join(t.dir, 'data/system/identity.json'), 'utf8')).identity as { privateKey: string };
    const key = Buffer.from(org.key, 'base64');
    expect(key).toHaveLength(32);
    expect(file.includes(key)).toBe(false);
    expect(file.includes(Buffer.from(org.key))).toBe(false);
    expect(file.includes(Buffer.from(identity.privateKey))).toBe(false);
    expect(file.includes(Buffer.from(identity.privateKey, 'base64'))).toBe(false);
    expect(file.includes(Buffer.from('Zebedee'))).toBe(false);
    expect(file.includes(Buffer.from('passwordHash'))).toBe(false);
  });

  it('refuses an old unencrypted (format 1) backup file with a clear message', async () => {
    const laptop = openTestApp();
    const old = seal('SDBK', {
      format: 'sitedesk-backup',
      version: 1,
      createdAt: '2026-11-01T00:00:00.000Z',
      installId: 'abcdef123',
      schemaVersion: 1,
      files: {},
      photos: {},
    });
    const before = filesOf(laptop.dir);
    expect(await laptop.call('backups:restore-fresh', { file: old.toString('base64'), passphrase: PASS }, laptop.session())).toMatchObject({
      ok: false,
      message: expect.stringContaining('older SiteDesk, which did not encrypt backup files'),
    });
    expect(filesOf(laptop.dir)).toEqual(before);
  });
});
