import fs from 'node:fs';
import path from 'node:path';
import type { Download, Page } from '@playwright/test';
import { openTestApp, withManager } from '../support/app';
import { seedActivity, seedShift } from '../support/records';
import { startServer, tempDataDir, type RunningServer } from '../support/server';
import { expect, expectAccessible, JOURNEY_NOW, onJourneyClock, signIn, test } from './fixtures';

const shots = path.resolve('test-results/screenshots');

/** The manager's folder before its server starts: the manager, a supervisor for CH, and a published shift (the planner is another feature). */
const seedManager = async (dir: string) => {
  const t = openTestApp({ dir, start: JOURNEY_NOW });
  const m = await withManager(t);
  const r = await t.call(
    'accounts:create',
    { username: 'sam', displayName: 'Sam Patel', role: 'supervisor', sites: ['CH'], password: 'desk password' },
    m,
  );
  if (!r.ok) throw new Error(r.message);
  const maria = t.opened.app.repos.accounts.all().find((a) => a.role === 'manager')!;
  seedShift(t.opened.app, maria.id, { date: '2026-11-30', start: '07:00', end: '19:00', service: 'security' });
  t.opened.close();
};

const open = async (page: Page, server: RunningServer) => {
  await page.goto(server.url);
  await page.locator('[data-app-state="loaded"]').waitFor();
};

const saved = async (download: Download, dir: string) => {
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  return file;
};

test('a rota pack travels to an enrolled desk and its activity comes back to the manager', async ({ browser }) => {
  test.setTimeout(360_000);
  const managerDir = tempDataDir('sitedesk-manager-');
  const deskDir = tempDataDir('sitedesk-desk-');
  const files = tempDataDir('sitedesk-files-');
  await seedManager(managerDir);
  const manager = await startServer(managerDir);
  let desk = await startServer(deskDir);
  const mp = await (await browser.newContext({ acceptDownloads: true })).newPage();
  const dp = await (await browser.newContext({ acceptDownloads: true })).newPage();
  await onJourneyClock(mp);
  await onJourneyClock(dp);
  try {
    // The manager makes the enrolment file for the CH desk and exports the week's rota.
    await open(mp, manager);
    await signIn(mp, 'maria', 'correct horse 1');
    await mp.getByRole('button', { name: 'Exchange' }).click();
    const enrol = mp.getByRole('form', { name: 'Set up a site desk' });
    await enrol.getByLabel('CH · County Hall').check();
    await enrol.getByLabel('Sam Patel (CH)').check();
    const [enrolFile] = await Promise.all([
      mp.waitForEvent('download'),
      enrol.getByRole('button', { name: 'Make enrolment file' }).click(),
    ]);
    const enrolment = await saved(enrolFile, files);
    const code = (await mp.getByTestId('enrolment-code').textContent())!;

    const rota = mp.getByRole('form', { name: 'Export a rota pack' });
    await rota.getByLabel('CH · County Hall').check();
    await rota.getByLabel('First week (the Monday)').fill('2026-11-30');
    const [rotaDownload] = await Promise.all([mp.waitForEvent('download'), rota.getByRole('button', { name: 'Export rota pack' }).click()]);
    const rotaPack = await saved(rotaDownload, files);
    await expect(rota.getByRole('status')).toContainText('1 site, 1 shift');
    await expectAccessible(mp, 'exchange (manager)');

    // A fresh desk is set up from the enrolment file, then imports the rota pack after a preview.
    await open(dp, desk);
    await dp.getByLabel('Set up as a site desk from an enrolment file').check();
    await dp.getByLabel('Enrolment file (.sitedesk-enrolment)').setInputFiles(enrolment);
    await dp.getByLabel('Enrolment code').fill(code);
    await expectAccessible(dp, 'first run (desk)');
    await dp.getByRole('button', { name: 'Set up this desk' }).click();
    await expect(dp.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await signIn(dp, 'sam', 'desk password');
    await dp.getByRole('button', { name: 'Exchange' }).click();
    await dp.getByLabel('Pack file (.sitedesk-pack)').setInputFiles(rotaPack);
    await expect(dp.getByRole('region', { name: /Preview of sitedesk-rota-CH/ })).toBeVisible();
    await expect(dp.getByRole('list', { name: 'What the import would do' })).toContainText('1 added');
    await expect(dp.getByRole('row', { name: /Shift CH Mon 30 Nov 07:00–19:00 Security OPEN Added/ })).toBeVisible();
    await expectAccessible(dp, 'import preview');
    await dp.screenshot({ path: path.join(shots, 'exchange-preview.png'), fullPage: true });
    await dp.getByRole('button', { name: 'Apply' }).click();
    await expect(dp.getByText(/Imported .*1 added, 0 changed/)).toBeVisible();

    // Importing the same pack again changes nothing.
    await dp.getByRole('button', { name: 'Done' }).click();
    await dp.getByLabel('Pack file (.sitedesk-pack)').setInputFiles(rotaPack);
    await expect(dp.getByText('Everything in this pack is already here.')).toBeVisible();
    await dp.getByRole('button', { name: 'Cancel' }).click();

    // The desk records an incident, a log entry and attendance (their screens are other features), then exports its activity.
    await desk.stop();
    const seeded = openTestApp({ dir: deskDir, start: JOURNEY_NOW });
    seedActivity(seeded.opened.app, seeded.opened.app.repos.accounts.all()[0].id, 'CH', '2026-11-26');
    seeded.opened.close();
    desk = await startServer(deskDir);
    await open(dp, desk);
    await signIn(dp, 'sam', 'desk password');
    await dp.getByRole('button', { name: 'Exchange' }).click();
    const activity = dp.getByRole('form', { name: 'Export an activity pack' });
    await activity.getByLabel('From').fill('2026-11-23');
    await activity.getByLabel('To').fill('2026-11-29');
    const [activityDownload] = await Promise.all([
      dp.waitForEvent('download'),
      activity.getByRole('button', { name: 'Export activity pack' }).click(),
    ]);
    const activityPack = await saved(activityDownload, files);

    // The manager imports it and sees the incident, the log entry and the attendance.
    await mp.getByLabel('Pack file (.sitedesk-pack)').setInputFiles(activityPack);
    await expect(mp.getByRole('list', { name: 'What the import would do' })).toContainText('3 added');
    await expect(mp.getByRole('row', { name: /Incident CH-2026-0001/ })).toBeVisible();
    await expect(mp.getByRole('row', { name: /Attendance CH Thu 26 Nov attendance/ })).toBeVisible();
    await mp.getByRole('button', { name: 'Apply' }).click();
    await expect(mp.getByText(/Imported .*3 added/)).toBeVisible();

    // A damaged pack is refused with a clear message.
    const bytes = fs.readFileSync(activityPack);
    bytes[Math.floor(bytes.length / 2)] ^= 1;
    const damaged = path.join(files, 'damaged.sitedesk-pack');
    fs.writeFileSync(damaged, bytes);
    await mp.getByRole('button', { name: 'Done' }).click();
    await mp.getByLabel('Pack file (.sitedesk-pack)').setInputFiles(damaged);
    await expect(mp.getByRole('alert')).toContainText('This file is damaged');

    // The backups screen: take one now, and see it listed.
    await mp.getByRole('button', { name: 'Backups' }).click();
    await mp.getByRole('button', { name: 'Back up now' }).click();
    await expect(mp.getByText(/Backup taken/)).toBeVisible();
    await expect(mp.getByRole('cell', { name: 'Taken by hand' })).toBeVisible();
    await expectAccessible(mp, 'backups');
    await mp.screenshot({ path: path.join(shots, 'backups.png'), fullPage: true });
  } finally {
    await manager.stop();
    await desk.stop();
    for (const d of [managerDir, deskDir, files]) fs.rmSync(d, { recursive: true, force: true });
  }
});

test('a backup is restored after a confirmation, and the restore can be undone', async ({ page, dataDir }) => {
  const t = openTestApp({ dir: dataDir, start: JOURNEY_NOW });
  await withManager(t);
  t.opened.close();
  const server = await startServer(dataDir);
  try {
    await open(page, server);
    await signIn(page, 'maria', 'correct horse 1');
    await page.getByRole('button', { name: 'Backups' }).click();
    const first = page.getByRole('button', { name: /Restore the backup of/ }).first();
    await first.click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog).toContainText('A backup of the data as it is now is taken first');
    await expectAccessible(page, 'restore confirmation');
    await dialog.getByRole('button', { name: 'Restore' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Restored' })).toContainText('restore that to undo');
    await expect(page.getByRole('cell', { name: /Before restoring/ })).toBeVisible();
  } finally {
    await server.stop();
  }
});

test('a whole-folder backup file is exported under a passphrase and restored on a new laptop’s first run', async ({ browser }) => {
  test.setTimeout(240_000);
  const CLOCK = '2026-11-25T09:00:00Z';
  const oldDir = tempDataDir('sitedesk-old-laptop-');
  const newDir = tempDataDir('sitedesk-new-laptop-');
  const files = tempDataDir('sitedesk-files-');
  await seedManager(oldDir);
  const oldLaptop = await startServer(oldDir, { SITEDESK_CLOCK: CLOCK });
  const newLaptop = await startServer(newDir, { SITEDESK_CLOCK: CLOCK });
  const op = await (await browser.newContext({ acceptDownloads: true })).newPage();
  const np = await (await browser.newContext({ acceptDownloads: true })).newPage();
  await op.clock.install({ time: new Date(CLOCK) });
  await np.clock.install({ time: new Date(CLOCK) });
  try {
    await open(op, oldLaptop);
    await signIn(op, 'maria', 'correct horse 1');
    await op.getByRole('button', { name: 'Backups' }).click();
    await op.getByLabel('Passphrase for the backup file').fill('river otter lantern');
    await op.getByLabel('Type the passphrase again').fill('river otter lantern');
    const [download] = await Promise.all([
      op.waitForEvent('download'),
      op.getByRole('button', { name: 'Export the whole data folder as one backup file' }).click(),
    ]);
    const file = await saved(download, files);
    await expect(op.getByRole('status').filter({ hasText: 'Saved' })).toContainText('.sitedesk-backup');
    expect(fs.readFileSync(file).includes(Buffer.from('Sam Patel'))).toBe(false);

    await open(np, newLaptop);
    await np.getByLabel('Restore from a backup file (a new laptop)').check();
    await np.getByLabel('Backup file (.sitedesk-backup)').setInputFiles(file);
    await np.getByLabel('Backup file passphrase').fill('wrong passphrase');
    await np.getByRole('button', { name: 'Restore and continue' }).click();
    await expect(np.getByText('That passphrase does not open this backup file', { exact: false }).first()).toBeVisible();
    await expectAccessible(np, 'first-run restore with a wrong passphrase');
    await np.getByLabel('Backup file passphrase').fill('river otter lantern');
    await np.getByRole('button', { name: 'Restore and continue' }).click();
    await signIn(np, 'maria', 'correct horse 1');
    await np.getByRole('button', { name: 'Backups' }).click();
    // Maria's account came with the file: she is signed in on the new laptop.
    await expect(np.getByRole('heading', { name: 'Backups', exact: true })).toBeVisible();
  } finally {
    await oldLaptop.stop();
    await newLaptop.stop();
    for (const d of [oldDir, newDir, files]) fs.rmSync(d, { recursive: true, force: true });
  }
});
