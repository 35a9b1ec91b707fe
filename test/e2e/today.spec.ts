import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { DESK_PASSWORD } from '../support/deskWorld';
import { expect, expectAccessible, signIn } from './fixtures';
import { deskTest as test } from './seed';

const SHOTS = path.resolve('test-results/screens');

test('at 07:05 a supervisor signs in the early cleaner, sees the late officer, covers a no-show; the manager sees it in the timesheet and cover report', async ({
  page,
  openDesk,
}) => {
  test.setTimeout(180_000);
  fs.mkdirSync(SHOTS, { recursive: true });
  await openDesk(page);
  await signIn(page, 'sup.ch', DESK_PASSWORD);

  await expect(page.getByRole('heading', { name: 'Today at County Hall', level: 1 })).toBeVisible();
  const action = page.getByRole('region', { name: /Needs action now/ });
  const cleaning = page.getByRole('region', { name: 'Cleaning' });
  const security = page.getByRole('region', { name: 'Security' });
  await expect(action.getByRole('listitem', { name: /Cleo Early/ })).toContainText('Due now');
  await action
    .getByRole('listitem', { name: /Cleo Early/ })
    .getByRole('button', { name: 'Sign in Cleo Early' })
    .click();
  await expect(page.getByText('Cleo Early signed in.')).toBeVisible();
  // Signed in, Cleo no longer needs action: she is on now under Cleaning.
  // The server's clock runs on from 07:05, so times are matched to the minute they could have reached.
  await expect(cleaning.getByRole('listitem', { name: /Cleo Early/ })).toContainText(/In at 07:\d\d/);

  await expect(action.getByRole('listitem', { name: /Sam Guard/ })).toContainText(/Not in yet · late \d+ min/);
  const omar = page.getByRole('listitem', { name: /Omar Absent/ });
  await expect(omar).toContainText('No-show');
  await expectAccessible(page, 'today');

  await omar.getByRole('button', { name: 'Find cover Omar Absent' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(/Cover from 07:\d\d to 18:00/);
  await expect(dialog.getByText('Paul Busy')).toHaveCount(0);
  await expectAccessible(page, 'find cover');
  await page.screenshot({ path: path.join(SHOTS, 'find-cover.png') });
  await dialog.getByRole('button', { name: 'Assign Rita Relief' }).click();
  await expect(page.getByText(/Rita Relief is now covering Security 06:00–18:00/)).toBeVisible();
  await expect(security.getByRole('listitem', { name: /Rita Relief, 07:\d\d to 18:00/ })).toContainText('Not due yet');
  await expect(omar).toContainText('Covered by Rita Relief');
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: path.join(SHOTS, 'today.png') });

  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await signIn(page, 'manager', DESK_PASSWORD);
  await page.getByRole('button', { name: 'Attendance' }).click();
  await expect(page.getByRole('heading', { name: 'Attendance and timesheets' })).toBeVisible();
  await page.getByLabel('Site').first().selectOption('CH');
  await expect(page.getByRole('row', { name: /Omar Absent/ }).first()).toContainText('1 no-show');
  // Sam, not in yet at 06:45 + 20 minutes: said as not in yet, not as a late arrival he has not made.
  await expect(page.getByRole('row', { name: /Sam Guard/ }).first()).toContainText(/Not in yet, \d+ min late/);
  await expect(page.getByRole('row', { name: /Sam Guard/ }).first()).not.toContainText('late arrival');
  await expectAccessible(page, 'attendance');
  await page.screenshot({ path: path.join(SHOTS, 'timesheet.png'), fullPage: true });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download timesheet CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('timesheet-CH-2026-11-23-to-2026-11-29.csv');
  const csv = Papa.parse<Record<string, string>>(fs.readFileSync(await download.path(), 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data;
  expect(csv.find((r) => r.Name === 'Cleo Early')).toMatchObject({
    'Actual in': expect.stringMatching(/^2026-11-25T07:\d\d\+00:00$/),
    'No-show': 'No',
  });
  expect(csv.find((r) => r.Name === 'Omar Absent')).toMatchObject({
    'Scheduled start': expect.stringMatching(/^\d{4}-\d\d-\d\dT06:00\+00:00$/),
    'No-show': 'Yes',
    'Paid hours': '0.00',
  });
  expect(csv.find((r) => r.Name === 'Rita Relief')).toMatchObject({
    'Scheduled start': expect.stringMatching(/T07:\d\d\+00:00$/),
    'Scheduled end': expect.stringMatching(/T18:00\+00:00$/),
  });

  await page.getByRole('button', { name: 'Reports' }).click();
  await expect(page.getByRole('button', { name: 'Cover achieved', pressed: true })).toBeVisible();
  await page.getByLabel('Site').selectOption('CH');
  const coverRow = page.getByRole('row', { name: /2026-11-23 CH security/ });
  await expect(coverRow).toBeVisible();
  await expect(page.getByRole('img', { name: /Cover for the week of 2026-11-23: .*CH security/ })).toBeVisible();
  // The default range opens three weeks back, before any rota: those weeks have no data, so no row and no "under 95%".
  await expect(
    page.getByText('The report starts at the week of Mon 23 Nov 2026, the first with a rota: earlier weeks have no data.'),
  ).toBeVisible();
  await expect(page.getByRole('row', { name: /^2026-11-(02|09|16) / })).toHaveCount(0);
  await expectAccessible(page, 'cover report');
  await page.screenshot({ path: path.join(SHOTS, 'report-cover.png'), fullPage: true });
  await page.getByRole('button', { name: 'Labour cost' }).click();
  await expect(page.getByRole('row', { name: /2026-11-23 CH/ })).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'report-cost.png'), fullPage: true });
});
