import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { openTestApp, withManager } from '../support/app';
import { seedShift } from '../support/records';

vi.setConfig({ testTimeout: 90_000 });

const must = <T>(r: { ok: true; data: T } | { ok: false; message: string }): T => {
  if (!r.ok) throw new Error(r.message);
  return r.data;
};

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
    const taken = must(await t.call('backups:create', {}, m));
    expect(taken).toMatchObject({ reason: 'Taken by hand', at: '2026-11-25T09:01:00.000Z' });
    expect(taken.bytes).toBeGreaterThan(100);
    expect(must(await t.call('backups:list', {}, m))[0]).toEqual(taken);
  });

  it('restores a backup, and the restore itself can be undone', async () => {
    const { t, m, me } = await setUp();
    const first = seedShift(t.opened.app, me.id);
    t.clock.now += 60_000;
    const point = must(await t.call('backups:create', {}, m));
    t.clock.now += 60_000;
    const second = seedShift(t.opened.app, me.id, { date: '2026-12-01' });
    t.clock.now += 60_000;

    const restored = must(await t.call('backups:restore', { id: point.id }, m));
    expect(restored.undoId).not.toBeNull();
    expect(Object.keys(t.opened.app.repos.shifts.partition('2026-11/CH'))).toEqual([first.id]);
    expect(t.opened.app.repos.shifts.partition('2026-12/CH')).toEqual({});
    expect(must(await t.call('sites:list', {}, m))).toHaveLength(15);

    t.clock.now += 60_000;
    must(await t.call('backups:restore', { id: restored.undoId! }, m));
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
    fs.writeFileSync(path.join(half, 'backup-info.txt'), JSON.stringify({ id: '2026-11-25T10-00-00-000Z', at: '2026-11-25T10:00:00.000Z', reason: 'x', files: 1, bytes: 1 }));
    const list = must(await t.call('backups:list', {}, m));
    expect(list.map((b) => b.id)).not.toContain('2026-11-25T10-00-00-000Z');
    expect(await t.call('backups:restore', { id: '2026-11-25T10-00-00-000Z' }, m)).toMatchObject({ ok: false, code: 'not_found' });

    // The one-file export is written under a temporary name and renamed only when whole.
    const exported = must(await t.call('backups:export', {}, m));
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

  it('exports the whole folder as one file and restores it on a new laptop, refusing a damaged one', async () => {
    const { t, m, me } = await setUp();
    const shift = seedShift(t.opened.app, me.id);
    fs.mkdirSync(path.join(t.dir, 'photos/2026'), { recursive: true });
    fs.writeFileSync(path.join(t.dir, 'photos/2026/door.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
    const file = must(await t.call('backups:export', {}, m));

    const laptop = openTestApp();
    const before = laptop.snapshot();
    const bytes = Buffer.from(file.base64, 'base64');
    bytes[Math.floor(bytes.length / 2)] ^= 0xff;
    expect(await laptop.call('backups:restore-file', { file: bytes.toString('base64') }, laptop.session())).toMatchObject({ ok: false, message: expect.stringContaining('damaged') });
    expect(laptop.snapshot()).toEqual(before);

    expect(must(await laptop.call('backups:restore-file', { file: file.base64 }, laptop.session()))).toMatchObject({ undoId: null });
    const s = laptop.session();
    must(await laptop.call('auth:sign-in', { username: 'maria', password: 'correct horse 1' }, s));
    expect(Object.keys(laptop.opened.app.repos.shifts.partition('2026-11/CH'))).toEqual([shift.id]);
    expect(fs.readFileSync(path.join(laptop.dir, 'photos/2026/door.jpg'))).toEqual(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
    expect(laptop.opened.app.meta.installId).not.toBe(t.opened.app.meta.installId);

    // Once set up, only a manager may restore a file over it.
    expect(await laptop.call('backups:restore-file', { file: file.base64 }, laptop.session())).toMatchObject({ ok: false, code: 'signed_out' });
  });
});
