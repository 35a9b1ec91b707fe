/**
 * The start-up backup no longer holds up opening: it is taken in slices after a delay. These tests
 * prove it still records the folder as it was before this session changed anything.
 */
import Conf from 'conf';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApp } from '../../main/app';
import type { StoreClass } from '../../main/storage/storeClass';
import { openTestApp, withManager } from '../support/app';
import { seedShift } from '../support/records';

const open = (dir: string, startBackupDelayMs: number) =>
  openApp({
    dataDir: dir,
    StoreClass: Conf as unknown as StoreClass,
    mode: 'browser',
    version: '0.0.0-test',
    backupEveryMinutes: 0,
    startBackupDelayMs,
  });

/** A folder with a manager and some shifts in several partitions, closed again. */
const folder = async () => {
  const t = openTestApp();
  await withManager(t);
  const me = t.opened.app.repos.accounts.all()[0];
  for (const date of ['2026-09-01', '2026-10-01', '2026-11-01', '2026-12-01']) seedShift(t.opened.app, me.id, { date });
  t.opened.close();
  return { dir: t.dir, me };
};

const backupsIn = (dir: string) => (fs.existsSync(path.join(dir, 'backups')) ? fs.readdirSync(path.join(dir, 'backups')).sort() : []);
const reasons = (opened: ReturnType<typeof open>) => opened.app.ds.backups.list().map((b) => b.reason);

describe('the start-up backup', () => {
  it('is not taken while opening, then appears in the background and is a complete copy', async () => {
    const { dir } = await folder();
    const before = backupsIn(dir);
    const opened = open(dir, 20);
    expect(backupsIn(dir)).toEqual(before); // opening did not wait for it
    while (reasons(opened)[0] !== 'start') await new Promise((done) => setTimeout(done, 5));
    // Slices leave turns to other work: with one file per slice, other queued work runs between them.
    opened.app.ds.backupSoon('again', 0, 0);
    let otherWork = 0;
    let busy = true;
    const other = () => {
      otherWork += 1;
      if (busy) setImmediate(other);
    };
    setImmediate(other);
    while (reasons(opened)[0] !== 'again') await new Promise((done) => setTimeout(done, 5));
    busy = false;
    expect(otherWork).toBeGreaterThan(10);
    const newest = opened.app.ds.backups.list().find((b) => b.reason === 'start')!;
    const copy = (rel: string) => fs.readFileSync(path.join(dir, 'backups', newest.id, rel), 'utf8');
    expect(copy('partitions/shifts/2026-12/CH.json')).toBe(
      fs.readFileSync(path.join(dir, 'data/partitions/shifts/2026-12/CH.json'), 'utf8'),
    );
    expect(backupsIn(dir).some((b) => b.endsWith('.partial'))).toBe(false);
    opened.close();
  });

  it('is finished first, at once, by a write before it has begun, so it holds the state before the change', async () => {
    const { dir, me } = await folder();
    const opened = open(dir, 60_000);
    const live = path.join(dir, 'data/partitions/shifts/2026-12/CH.json');
    const original = fs.readFileSync(live, 'utf8');
    seedShift(opened.app, me.id, { date: '2026-12-02' });
    expect(fs.readFileSync(live, 'utf8')).not.toBe(original);
    const start = opened.app.ds.backups.list().find((b) => b.reason === 'start')!;
    expect(fs.readFileSync(path.join(dir, 'backups', start.id, 'partitions/shifts/2026-12/CH.json'), 'utf8')).toBe(original);
    opened.close();
  });

  it('is abandoned half-way by a write, leaves no half-made folder, and is taken whole before the write lands', async () => {
    const { dir, me } = await folder();
    const opened = open(dir, 60_000);
    const live = path.join(dir, 'data/partitions/shifts/2026-12/CH.json');
    const original = fs.readFileSync(live, 'utf8');
    // One file per slice, so the write below surely lands while it is half-way.
    opened.app.ds.backupSoon('again', 0, 0);
    // Let it begin: its first slice makes the .partial folder.
    while (!backupsIn(dir).some((b) => b.endsWith('.partial'))) await new Promise((done) => setImmediate(done));
    seedShift(opened.app, me.id, { date: '2026-12-03' });
    await new Promise((done) => setTimeout(done, 20));
    expect(backupsIn(dir).filter((b) => b.endsWith('.partial'))).toEqual([]);
    expect(reasons(opened).filter((r) => r === 'again')).toHaveLength(1);
    const again = opened.app.ds.backups.list().find((b) => b.reason === 'again')!;
    expect(fs.readFileSync(path.join(dir, 'backups', again.id, 'partitions/shifts/2026-12/CH.json'), 'utf8')).toBe(original);
    opened.close();
  });

  it('is taken on close when the session ends before it began, and is listed as soon as anyone asks', async () => {
    const { dir } = await folder();
    const count = (d: string) => backupsIn(d).length;
    const first = open(dir, 60_000);
    const before = count(dir);
    first.close();
    expect(count(dir)).toBe(before + 1);
    const second = open(dir, 60_000);
    const t = { session: { id: 's', userId: null, locked: false, lastActive: Date.now() } };
    const signIn = await second.dispatch('auth:sign-in', { username: 'maria', password: 'correct horse 1' }, t.session);
    expect(signIn.ok).toBe(true);
    const listed = await second.dispatch('backups:list', {}, t.session);
    expect(listed.ok && (listed.data as { reason: string }[])[0].reason).toBe('start');
    second.close();
  });
});
