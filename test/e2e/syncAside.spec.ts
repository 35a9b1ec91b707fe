import fs from 'node:fs';
import { SUPERSEDED_FILE, supersededKind } from '../../main/exchange/superseded';
import { formatHlc } from '../../shared/domain/sync/hlc';
import { mergeRecord, type Superseded, type SyncRecord } from '../../shared/domain/sync/merge';
import type { Attendance } from '../../shared/schemas/attendance';
import type { Staff } from '../../shared/schemas/staff';
import { DESK_NOW, DESK_PASSWORD, DESK_STAFF, seedDesk } from '../support/deskWorld';
import { startServer, tempDataDir, type RunningServer } from '../support/server';
import { HubProcess, managerConfig, provision } from '../main/sync/world';
import { expect, expectAccessible, signIn, test } from './fixtures';
import { prepareSyncFolder } from './syncFolders';

/**
 * Settings → Sync → Conflicts also shows the versions of records other than shifts that were set aside when two
 * computers edited them while apart (before, they were kept on disk and no screen showed them). A manager's laptop
 * whose folder holds two such clashes, each merged by the real rule (`mergeRecord`): Cleo's record edited on Priya's
 * laptop and on this one, and Carla's attendance signed out at the desk while the manager corrected her sign-in. Each
 * card names the record, says why and against what it was set aside, shows only the fields that differ side by side,
 * and offers no choice. A folder with nothing set aside says so.
 */
const SHOTS = 'test-results/screens';
test.use({ clockAt: DESK_NOW });

const stamp = (at: string, node: string) => formatHlc({ wall: Date.parse(at), count: 0, node });

/** Two versions of one record written apart from `base`, merged as sync merges them: the later stands, the other is kept aside. */
const clash = <R extends SyncRecord>(kind: 'staff' | 'attendance', a: R, b: R): { record: R; aside: Superseded } => {
  const m = mergeRecord(kind, a, b);
  if (!m.superseded) throw new Error('the two versions did not clash');
  return { record: m.record as R, aside: m.superseded };
};

const edit = <R extends SyncRecord>(base: R, at: string, by: string, node: string, change: Partial<R>): R => ({
  ...base,
  ...change,
  updatedAt: at,
  updatedBy: by,
  rev: Number(base.rev) + 1,
  hlc: stamp(at, node),
  origin: node,
  base: base.hlc,
});

test('the Conflicts screen lists a person’s and an attendance record’s set-aside versions in words, read-only', async ({ page }) => {
  fs.mkdirSync(SHOTS, { recursive: true });
  const hub = new HubProcess();
  // The laptop with nothing set aside has a hub of its own: two folders seeded apart hold the same records under
  // different seed stamps, which would clash through one hub.
  const emptyHub = new HubProcess();
  const servers: RunningServer[] = [];
  const dirs = [tempDataDir('sitedesk-aside-'), tempDataDir('sitedesk-none-')];
  try {
    await hub.start();
    await provision(hub, ['CH'], 1);
    await emptyHub.start();
    await provision(emptyHub, ['CH'], 1);
    await prepareSyncFolder(
      dirs[0],
      async (app) => {
        await seedDesk(app);
        const cleo = DESK_STAFF.cleo as unknown as SyncRecord;
        // Priya's laptop changed Cleo's phone at 07:00; Maria, here, her phone and hours at 07:01.
        const person = clash(
          'staff',
          edit(cleo, '2026-11-25T07:01:00.000Z', 'account_manager1', 'laptopmaria', { phone: '07700 900002', contractedHours: 30 }),
          edit(cleo, '2026-11-25T07:00:00.000Z', 'account_manager2', 'laptoppriya', { phone: '07700 900001' }),
        );
        app.repos.staff.putMany([person.record as unknown as Staff]);
        // The desk signed Carla out at 07:02; Maria corrected her sign-in to 05:00 at 07:03, from the copy before.
        const carla = app.repos.attendance.inMonths(['2026-11']).find((r) => r.id === 'att_carla_00001')! as unknown as SyncRecord;
        const attendance = clash(
          'attendance',
          edit(carla, '2026-11-25T07:02:00.000Z', 'account_sup_ch01', 'deskch', { signedOutAt: '2026-11-25T07:02:00.000Z' }),
          edit(carla, '2026-11-25T07:03:00.000Z', 'account_manager1', 'laptopmaria', {
            signedInAt: '2026-11-25T05:00:00.000Z',
            corrections: [
              {
                at: '2026-11-25T07:03:00.000Z',
                by: 'account_manager1',
                reason: 'Gate log shows 05:00',
                field: 'signedInAt',
                before: '2026-11-25T04:58:00.000Z',
                after: '2026-11-25T05:00:00.000Z',
              },
            ],
          }),
        );
        app.repos.attendance.put([attendance.record as unknown as Attendance]);
        app.ds.write(SUPERSEDED_FILE, supersededKind, {
          entries: { [person.aside.key]: person.aside, [attendance.aside.key]: attendance.aside },
        });
      },
      managerConfig(hub, ['CH']),
    );
    await prepareSyncFolder(dirs[1], seedDesk, managerConfig(emptyHub, ['CH']));
    const shellSync = page.getByRole('navigation', { name: 'Main' }).getByRole('status', { name: 'Sync' });
    const syncForm = page.getByRole('form', { name: 'Sync' });
    const kept = page.getByRole('region', { name: 'Other versions kept aside' });
    const openConflicts = async (dir: string) => {
      const server = await startServer(dir, { SITEDESK_CLOCK: DESK_NOW });
      servers.push(server);
      await page.goto(server.url);
      await page.locator('[data-app-state="loaded"]').waitFor();
      await signIn(page, 'manager', DESK_PASSWORD);
      await expect(shellSync).toHaveText(/^Up to date · \d{2}:\d{2}$/, { timeout: 60_000 });
      await page.getByRole('button', { name: 'Settings' }).click();
      await expect(syncForm).toContainText('No conflicts to decide');
      await syncForm.getByRole('button', { name: 'Conflicts' }).click();
      await expect(page.getByRole('heading', { name: 'Conflicts', level: 1 })).toBeVisible();
      await expect(page.getByText('No conflicts wait for a decision.')).toBeVisible();
    };

    // A laptop with nothing set aside says so.
    await openConflicts(dirs[1]);
    await expect(kept.getByRole('status')).toHaveText('No other versions have been kept aside.');
    await servers.pop()!.stop();

    // The laptop with the two clashes: no shift waits for a decision, and the two set-aside versions are listed.
    await openConflicts(dirs[0]);

    const person = kept.getByRole('region', { name: 'Person: Cleo Early (E-2001)' });
    await expect(person).toContainText(
      'Edited on two computers while they were apart: the later edit is in force and this one was kept aside. It was set aside against the version written Wed 25 Nov 2026 07:01.',
    );
    const row = (card: typeof person, label: string) =>
      card.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${label}`) }) });
    await expect(row(person, 'Contracted hours a week')).toContainText('differs');
    await expect(row(person, 'Contracted hours a week').getByRole('cell')).toHaveText(['30', '40']);
    await expect(row(person, 'Phone').getByRole('cell')).toHaveText(['07700 900002', '07700 900001']);
    await expect(row(person, 'Changed by').getByRole('cell')).toHaveText([
      'Maria Okafor, Wed 25 Nov 2026 07:01',
      'someone on another install, Wed 25 Nov 2026 07:00',
    ]);
    // Only the fields that differ, and who changed each: the name, pay and services are the same and not listed.
    await expect(person.getByRole('row')).toHaveCount(4);
    await expect(person).toContainText('change the person in Staff');
    await expect(person.getByRole('button')).toHaveCount(0);

    const attendance = kept.getByRole('region', { name: 'Attendance: Carla Brush at County Hall, Wed 25 Nov 2026' });
    await expect(row(attendance, 'Signed in').getByRole('cell')).toHaveText(['Wed 25 Nov 2026 05:00', 'Wed 25 Nov 2026 04:58']);
    await expect(row(attendance, 'Signed out').getByRole('cell')).toHaveText(['—', 'Wed 25 Nov 2026 07:02']);
    await expect(row(attendance, 'Corrections').getByRole('cell')).toHaveText([
      '1 correction; the last: “Gate log shows 05:00”, Maria Okafor, Wed 25 Nov 2026 07:03',
      'None',
    ]);
    await expect(row(attendance, 'Changed by').getByRole('cell')).toHaveText([
      'Maria Okafor, Wed 25 Nov 2026 07:03',
      'Dee Supervisor, Wed 25 Nov 2026 07:02',
    ]);
    await expect(kept.getByRole('button')).toHaveCount(0);
    await expectAccessible(page, 'Conflicts with set-aside versions');
    await page.screenshot({ path: `${SHOTS}/sync-set-aside.png`, fullPage: true });
  } finally {
    for (const s of servers) await s.stop();
    await hub.stop();
    await emptyHub.stop();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  }
});
