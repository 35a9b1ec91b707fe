import fs from 'node:fs';
import { newMeta } from '../../main/services/records';
import type { Shift } from '../../shared/schemas/shift';
import { DESK_NOW, DESK_PASSWORD, SEED_CLOCK, seedDesk } from '../support/deskWorld';
import { startServer, tempDataDir, type RunningServer } from '../support/server';
import { deskConfig, HubProcess, managerConfig, provision } from '../main/sync/world';
import { expect, expectAccessible, signIn, test, gridCell } from './fixtures';
import { openDraft } from '../support/shifts';
import { enrolledSupervisor, prepareSyncFolder } from './syncFolders';

/**
 * Issue 11: a manager's laptop and the County Hall desk, two browser-mode servers with their own data
 * folders, and a hub. No pack is carried between them. The week the manager publishes reaches the desk's
 * Today; the desk's incident reaches the manager. With the hub down both sides change things, including
 * the same open shift given to two different people; with the hub back they converge, the manager is
 * asked which version stands, and the choice reaches the desk.
 */
const SHOTS = 'test-results/screens';
test.use({ clockAt: DESK_NOW });
test.describe.configure({ timeout: 300_000 });

const LATE_SHIFT = 'shift_late_sec01';

const lateShift = (): Shift => ({
  ...newMeta(SEED_CLOCK, 'seed_system_0001', Date.parse('2026-11-24T16:00:00Z'), LATE_SHIFT),
  site: 'CH',
  service: 'security',
  date: '2026-11-25',
  start: '09:00',
  end: '17:00',
  breakMinutes: 30,
  ...openDraft(),
});

const cell = gridCell;

test('a manager and a desk in step through a hub: publish, incident, an outage with a clash, and the manager decides it', async ({
  page,
}) => {
  fs.mkdirSync(SHOTS, { recursive: true });
  const hub = new HubProcess();
  const servers: RunningServer[] = [];
  const dirs = [tempDataDir('sitedesk-mgr-'), tempDataDir('sitedesk-desk-')];
  try {
    await hub.start();
    await provision(hub, ['CH', 'FH'], 1);
    await prepareSyncFolder(
      dirs[0],
      async (app) => {
        await seedDesk(app);
        app.repos.shifts.put([lateShift()]);
      },
      managerConfig(hub, ['CH', 'FH']),
    );
    // The enrolled desk holds its supervisor's account and its hub credentials; everything else comes from the hub.
    const supervisor = await enrolledSupervisor();
    await prepareSyncFolder(dirs[1], async (app) => app.repos.accounts.putMany([supervisor]), deskConfig(hub, 'CH'));
    // The desk's server starts second, so the desk's clock is never ahead of the manager's.
    const managerServer = await startServer(dirs[0], { SITEDESK_CLOCK: DESK_NOW });
    servers.push(managerServer);
    const deskServer = await startServer(dirs[1], { SITEDESK_CLOCK: DESK_NOW });
    servers.push(deskServer);

    // The manager's laptop.
    await page.goto(managerServer.url);
    await page.locator('[data-app-state="loaded"]').waitFor();
    await signIn(page, 'manager', DESK_PASSWORD);
    const managerSync = page.getByRole('navigation', { name: 'Main' }).getByRole('status', { name: 'Sync' });
    await expect(managerSync).toHaveText(/^Up to date · \d{2}:\d{2}$/, { timeout: 60_000 });

    // The desk: its page in the same browser (the same fixed clock), its own server and data folder.
    const desk = await page.context().newPage();
    await desk.goto(deskServer.url);
    await desk.locator('[data-app-state="loaded"]').waitFor();
    await signIn(desk, 'sup.ch', DESK_PASSWORD);
    await expect(desk.getByRole('heading', { name: 'Today at County Hall', level: 1 })).toBeVisible({ timeout: 60_000 });
    const deskAction = desk.getByRole('region', { name: /Needs action now/ });
    const openLate = deskAction.getByRole('listitem', { name: 'Open Security shift 09:00 to 17:00' });
    // The manager's draft has reached the desk's planner as a draft (drafts travel too; see the report).
    await desk.getByRole('button', { name: 'Rota' }).click();
    const deskLate = cell(desk, 'Security', 2).getByRole('button', { name: /^09:00–17:00, OPEN/ });
    await expect(deskLate).toHaveAccessibleName(/draft/, { timeout: 60_000 });

    // 1. The manager publishes the week; the desk's planner and Today show it without any import.
    await page.getByRole('button', { name: 'Rota' }).click();
    await page.getByLabel('Site', { exact: true }).selectOption('CH');
    await expect(page.locator('.week-label')).toHaveText('Week of Mon 23 Nov 2026');
    await page.getByRole('button', { name: /^Publish/ }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Publish' }).click();
    await expect(page.getByText(/Published 1 shift/)).toBeVisible();
    await expect(async () => {
      await desk.getByRole('button', { name: 'Today' }).click();
      await desk.getByRole('button', { name: 'Rota' }).click();
      await expect(deskLate).toHaveAccessibleName(/published/, { timeout: 2_000 });
    }).toPass({ timeout: 45_000 });
    await desk.getByRole('button', { name: 'Today' }).click();
    await expect(openLate).toBeVisible();

    // 2. The desk records an incident; the manager sees it in Incidents.
    await desk.getByRole('button', { name: 'Record incident' }).click();
    const form = desk.getByRole('dialog', { name: 'Record an incident' });
    await form.getByLabel('Where in the site').fill('Rear car park');
    await form.getByLabel('Reported by').fill('Jo Reed (receptionist)');
    await form.getByLabel('Category').selectOption('security');
    await form.getByLabel('Severity').selectOption('low');
    await form.getByLabel('What happened', { exact: true }).fill('Gate to the rear car park found unlocked at 07:00.');
    await form.getByRole('button', { name: 'Save incident' }).click();
    const refHeading = desk.getByRole('heading', { level: 1, name: /^CH-2026-\d{4}/ });
    await expect(refHeading).toBeVisible();
    const ref = (await refHeading.textContent())!.match(/CH-2026-\d{4}/)![0];
    await page.getByRole('button', { name: 'Incidents' }).click();
    await expect(async () => {
      await page.getByRole('button', { name: 'Rota' }).click();
      await page.getByRole('button', { name: 'Incidents' }).click();
      await expect(page.getByText(ref).first()).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 45_000 });
    await expect(page.getByText('Gate to the rear car park found unlocked').first()).toBeVisible();

    // 3. The hub goes down. Both sides keep working and say they are offline.
    await hub.stop();
    await expect(managerSync).toHaveText(/^Offline/, { timeout: 30_000 });
    const deskSync = desk.getByRole('navigation', { name: 'Main' }).getByRole('status', { name: 'Sync' });
    await desk.getByRole('button', { name: 'Today' }).click();
    // The desk puts Rita Relief on the open 09:00 shift.
    await openLate.getByRole('button', { name: /Find cover/ }).click();
    await desk.getByRole('dialog').getByRole('button', { name: 'Assign Rita Relief' }).click();
    await expect(desk.getByText(/Rita Relief is now covering Security/)).toBeVisible();
    // The desk logs a patrol too.
    const log = desk.getByRole('region', { name: 'Occurrence log today' });
    await log.getByLabel('Kind').selectOption('patrol');
    const entry = log.getByRole('textbox', { name: 'Log entry' });
    await entry.fill('Rear gate locked after the incident.');
    await entry.press('Enter');
    await expect(log.getByRole('list', { name: "Today's log entries" })).toContainText('Rear gate locked after the incident.');
    await expect(deskSync).toHaveText(/^Offline — \d+ changes? waiting$/, { timeout: 30_000 });

    // Meanwhile, on the manager's laptop, the same open shift goes to Kim Expired from the planner.
    await page.getByRole('button', { name: 'Rota' }).click();
    await cell(page, 'Security', 2)
      .getByRole('button', { name: /^09:00–17:00, OPEN/ })
      .click();
    await page.getByRole('dialog').getByRole('button', { name: 'Find cover' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Assign Kim Expired' }).click();
    await expect(cell(page, 'Security', 2).getByRole('button', { name: /^09:00–17:00, Kim Expired/ })).toBeVisible();

    // 4. The hub is back: both converge on one version, and the manager is told one conflict waits.
    await hub.start();
    await expect(managerSync).toHaveText(/^Up to date/, { timeout: 90_000 });
    await expect(deskSync).toHaveText(/^Up to date/, { timeout: 90_000 });
    const conflictsLink = page.getByRole('button', { name: '1 conflict to decide' });
    await expect(conflictsLink).toBeVisible({ timeout: 30_000 });
    // The desk's patrol entry reached the manager too.
    await page.getByRole('button', { name: 'Occurrence log' }).click();
    await page.getByLabel('Site').first().selectOption('CH');
    await expect(page.getByText('Rear gate locked after the incident.')).toBeVisible({ timeout: 30_000 });
    // Kim's assignment was made later (the desk's clock is not ahead), so it is in force on both for now.
    await desk.getByRole('button', { name: 'Rota' }).click();
    await desk.getByRole('button', { name: 'Today' }).click();
    await expect(desk.getByRole('listitem', { name: /Kim Expired, 09:00 to 17:00/ })).toBeVisible({ timeout: 30_000 });

    // 5. The Conflicts panel, from the shell (by keyboard): both versions side by side in words.
    await conflictsLink.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Conflicts', level: 1 })).toBeVisible();
    const card = page.getByRole('region', { name: 'Security shift at County Hall, Wed 25 Nov 2026' });
    const row = (label: string) => card.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${label}`) }) });
    await expect(row('Who')).toContainText('differs');
    await expect(row('Who').getByRole('cell').nth(0)).toHaveText('Kim Expired');
    await expect(row('Who').getByRole('cell').nth(1)).toHaveText('Rita Relief');
    await expect(row('Date').getByRole('cell').nth(0)).toHaveText('Wed 25 Nov 2026');
    await expect(row('Time').getByRole('cell').nth(1)).toHaveText('09:00–17:00');
    await expect(row('Changed by').getByRole('cell').nth(0)).toHaveText(/^Maria Okafor, Wed 25 Nov 2026 07:\d\d$/);
    await expect(row('Changed by').getByRole('cell').nth(1)).toHaveText(/^Dee Supervisor, Wed 25 Nov 2026 07:\d\d$/);
    await expect(row('Notes').getByRole('cell').nth(1)).toContainText('Cover by Rita Relief');
    await expectAccessible(page, 'Conflicts panel');
    await page.screenshot({ path: `${SHOTS}/sync-conflicts.png`, fullPage: true });

    // Settings → Sync reaches the same panel and shows the count.
    await page.getByRole('button', { name: 'Settings' }).click();
    const syncForm = page.getByRole('form', { name: 'Sync' });
    await expect(syncForm).toContainText('1 conflict to decide');
    await syncForm.screenshot({ path: `${SHOTS}/sync-settings-conflicts.png` });
    await syncForm.getByRole('button', { name: 'Conflicts' }).click();
    await expect(card).toBeVisible();

    // 6. One click keeps the desk's choice; it is in force on both, and nothing is left to decide.
    await card.getByRole('button', { name: 'Keep the set-aside version' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: /Kept the set-aside version.*Rita Relief/ })).toBeVisible();
    await expect(page.getByText('No conflicts wait for a decision.')).toBeVisible();
    await expect(conflictsLink).toHaveCount(0);
    await page.getByRole('button', { name: 'Rota' }).click();
    await expect(cell(page, 'Security', 2).getByRole('button', { name: /^09:00–17:00, Rita Relief/ })).toBeVisible();
    await expect(desk.getByRole('listitem', { name: /Rita Relief, 09:00 to 17:00/ })).toBeVisible({ timeout: 45_000 });
    await expect(desk.getByRole('listitem', { name: /Kim Expired, 09:00 to 17:00/ })).toHaveCount(0);
    await page.getByRole('button', { name: 'Settings' }).click();
    await expect(syncForm).toContainText('No conflicts to decide');
  } finally {
    for (const s of servers) await s.stop();
    await hub.stop();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  }
});
