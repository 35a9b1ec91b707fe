import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Attendance } from '../../shared/schemas/attendance';
import { DEFAULT_SETTINGS } from '../../shared/schemas/settings';
import { openTestApp, withManager, type TestApp } from '../support/app';
import { tempDataDir } from '../support/server';
import { makeStaff } from '../shared/domain/directory/factories';
import { makeIncident, makeLogEntry } from '../shared/domain/incidents/factories';
import { makeShift } from '../shared/domain/rota/factories';

/** Every kind of data file, and how the app reads it (which is when a damaged one is noticed). */
const FILES: { rel: string; read: (t: TestApp) => unknown }[] = [
  { rel: 'directory/sites', read: (t) => t.opened.app.repos.sites.all() },
  { rel: 'directory/staff', read: (t) => t.opened.app.repos.staff.all() },
  { rel: 'directory/accounts', read: (t) => t.opened.app.repos.accounts.all() },
  { rel: 'directory/settings', read: (t) => t.opened.app.repos.settings.get() },
  { rel: 'system/meta', read: (t) => t.opened.app.meta },
  { rel: 'partitions/shifts/2026-11/CH', read: (t) => t.opened.app.repos.shifts.partition('2026-11/CH') },
  { rel: 'partitions/incidents/2026-11/CH', read: (t) => t.opened.app.repos.incidents.partition('2026-11/CH') },
  { rel: 'partitions/log/2026-11/CH', read: (t) => t.opened.app.repos.log.partition('2026-11/CH') },
  { rel: 'partitions/attendance/2026-11/CH', read: (t) => t.opened.app.repos.attendance.partition('2026-11/CH') },
];

const DAMAGE: Record<string, (bytes: Buffer) => Buffer> = {
  truncated: (b) => b.subarray(0, Math.floor(b.length / 2)),
  emptied: () => Buffer.alloc(0),
  garbage: (b) => Buffer.from(Array.from({ length: Math.max(64, b.length) }, (_, i) => (i * 7919 + 13) % 256)),
};

describe('a damaged data file', () => {
  const golden = tempDataDir('sitedesk-golden-');
  const expected: Record<string, unknown> = {};

  beforeAll(async () => {
    const t = openTestApp({ dir: golden });
    await withManager(t);
    const { repos } = t.opened.app;
    repos.settings.set({ ...DEFAULT_SETTINGS, idleLockMinutes: 7, lateGraceMinutes: 15, organisationName: 'Golden Council' });
    const staff = makeStaff({ id: 'staff00001' });
    repos.staff.putMany([staff, makeStaff({ id: 'staff00002', name: 'Jo Bloggs' })]);
    const shift = makeShift({ id: 'shift00001', date: '2026-11-24', start: '07:00', end: '15:00', staffId: staff.id });
    repos.shifts.put([shift, makeShift({ id: 'shift00002', date: '2026-11-25', start: '07:00', end: '15:00' })]);
    repos.incidents.put([
      makeIncident({
        id: 'incid00001',
        occurredAt: '2026-11-20T10:00:00.000Z',
        reportedAt: '2026-11-20T10:05:00.000Z',
        ref: 'CH-2026-0001',
      }),
    ]);
    repos.log.put([makeLogEntry({ id: 'logen00001', date: '2026-11-20' })]);
    const attendance: Attendance = {
      id: 'atten00001',
      shiftId: shift.id,
      staffId: staff.id,
      site: 'CH',
      date: shift.date,
      signedInAt: '2026-11-24T07:02:00.000Z',
      signedOutAt: null,
      noShow: false,
      corrections: [],
      createdAt: '2026-11-24T07:02:00.000Z',
      createdBy: 'supervisor',
      updatedAt: '2026-11-24T07:02:00.000Z',
      updatedBy: 'supervisor',
      rev: 1,
    };
    repos.attendance.put([attendance]);
    // The golden folder's last backup holds every file as it is now.
    t.opened.close();
    const again = openTestApp({ dir: golden });
    for (const f of FILES) expected[f.rel] = f.read(again);
    again.opened.close();
  });

  for (const f of FILES) {
    for (const [how, damage] of Object.entries(DAMAGE)) {
      it(`${f.rel}.json ${how}: the app opens, restores the latest good backup, keeps the bad file aside and says so`, async () => {
        const dir = tempDataDir('sitedesk-corrupt-');
        fs.cpSync(golden, dir, { recursive: true });
        const file = path.join(dir, 'data', `${f.rel}.json`);
        const bad = damage(fs.readFileSync(file));
        fs.writeFileSync(file, bad);

        const t = openTestApp({ dir });
        expect(f.read(t)).toEqual(expected[f.rel]);
        const m = t.session();
        expect(await t.call('auth:sign-in', { username: 'maria', password: 'correct horse 1' }, m)).toMatchObject({ ok: true });
        const info = await t.call('system:info', {}, m);
        expect(info.ok && info.data.notices.map((n) => n.message)).toEqual([
          expect.stringMatching(
            new RegExp(`^The file ${f.rel} was damaged .* restored from the backup of \\S+; every change saved to it is there\\.`),
          ),
        ]);
        const quarantined = fs
          .readdirSync(path.join(dir, 'quarantine'), { recursive: true })
          .map(String)
          .filter((q) => q.endsWith(`${f.rel}.json`));
        expect(quarantined).toHaveLength(1);
        expect(fs.readFileSync(path.join(dir, 'quarantine', quarantined[0]))).toEqual(bad);
        t.opened.close();
        fs.rmSync(dir, { recursive: true, force: true });
      });
    }
  }

  it('accounts.json damaged with no backup and no change log left: nothing else is wiped, and no one can make themselves manager', async () => {
    const dir = tempDataDir('sitedesk-corrupt-');
    fs.cpSync(golden, dir, { recursive: true });
    fs.rmSync(path.join(dir, 'backups'), { recursive: true });
    for (const segment of fs.readdirSync(path.join(dir, 'changes'))) fs.rmSync(path.join(dir, 'changes', segment));
    fs.writeFileSync(path.join(dir, 'data/directory/accounts.json'), '{"records": {"ab');
    const t = openTestApp({ dir });
    const s = t.session();
    const status = await t.call('auth:status', {}, s);
    expect(status).toMatchObject({ ok: true, data: { setupNeeded: false, accountsLost: true, user: null } });
    const before = t.snapshot();
    expect(await t.call('auth:setup', { username: 'eve', displayName: 'Eve', password: 'takeover1' }, s)).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(t.snapshot()).toEqual(before);
    expect(t.opened.app.repos.staff.all()).toEqual(expected['directory/staff']);
    expect(t.opened.app.repos.shifts.partition('2026-11/CH')).toEqual(expected['partitions/shifts/2026-11/CH']);
    expect(t.opened.app.ds.notices().map((n) => n.kind)).toEqual(['unrecoverable']);
    t.opened.close();
  });
});
