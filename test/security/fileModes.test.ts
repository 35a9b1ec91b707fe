/**
 * Issue 12 hole 6: a desk PC has other local users. Every file SiteDesk writes is readable by its own
 * user only (0600) and every folder enterable by its own user only (0700): data, backups, photos and
 * exports. POSIX modes only; on Windows the data folder sits in the user profile, whose ACLs do this.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSupervisor, okData, openTestApp, withManager } from '../support/app';
import { incidentRequest } from '../support/requests';

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5ee4e1a0000000049454e44ae426082',
  'hex',
);

/** Every file and folder under `root` (itself included) with its permission bits, as `ls -l` would show. */
const modes = (root: string) => {
  const out: { path: string; dir: boolean; mode: string }[] = [];
  const walk = (p: string) => {
    const st = fs.lstatSync(p);
    out.push({ path: path.relative(root, p) || '.', dir: st.isDirectory(), mode: (st.mode & 0o777).toString(8) });
    if (st.isDirectory()) for (const e of fs.readdirSync(p)) walk(path.join(p, e));
  };
  walk(root);
  return out;
};

describe.runIf(process.platform !== 'win32')('data folder permissions', () => {
  it('after first run, edits, a backup, a photo and an export, every file is 0600 and every folder 0700', async () => {
    // A parent that anyone may enter, as a home folder often is: the data folder must not rely on it.
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'sitedesk-modes-'));
    fs.chmodSync(parent, 0o755);
    const t = openTestApp({ dir: path.join(parent, 'SiteDesk') });
    const m = await withManager(t);
    const supervisor = await createSupervisor(t, m);
    expect(supervisor.username).toBe('sam');
    const d = okData(await t.call('incidents:create', incidentRequest({ details: 'Visitor refused to sign in.' }), m));
    const withPhoto = okData(
      await t.call('incidents:add-photo', { id: d.incident.id, rev: d.incident.rev, name: 'door.png', base64: PNG.toString('base64') }, m),
    );
    expect(withPhoto.incident.photos).toHaveLength(1);
    okData(
      await t.call(
        'log:add',
        { site: 'CH', date: '2026-11-25', time: '09:00', kind: 'patrol', text: 'Patrol of the car park, all secure.' },
        m,
      ),
    );
    okData(await t.call('settings:update', { idleLockMinutes: 10 }, m));
    okData(await t.call('backups:create', {}, m));
    okData(await t.call('backups:export', { passphrase: 'a long backup passphrase' }, m));
    t.opened.close();

    const all = modes(t.dir);
    const names = all.map((e) => e.path);
    // The sequence above reached every kind of place SiteDesk writes to.
    for (const place of ['data', 'backups', 'photos', 'exports'])
      expect(
        names.some((n) => n === place),
        place,
      ).toBe(true);
    expect(all.filter((e) => !e.dir && e.path.startsWith('photos')).length).toBeGreaterThan(0);
    expect(all.filter((e) => !e.dir && e.path.startsWith('exports')).length).toBeGreaterThan(0);
    expect(all.filter((e) => !e.dir && e.path.startsWith('backups')).length).toBeGreaterThan(0);
    expect(all.filter((e) => !e.dir && e.path.startsWith('data')).length).toBeGreaterThan(5);

    expect(all.filter((e) => e.dir && e.mode !== '700')).toEqual([]);
    expect(all.filter((e) => !e.dir && e.mode !== '600')).toEqual([]);
  });

  it('closes up a data folder an older version left open (0755) when it is opened', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitedesk-modes-'));
    fs.chmodSync(dir, 0o755);
    fs.mkdirSync(path.join(dir, 'data'), { mode: 0o755 });
    fs.chmodSync(path.join(dir, 'data'), 0o755);
    const t = openTestApp({ dir });
    t.opened.close();
    expect((fs.statSync(dir).mode & 0o777).toString(8)).toBe('700');
    expect((fs.statSync(path.join(dir, 'data')).mode & 0o777).toString(8)).toBe('700');
  });
});
