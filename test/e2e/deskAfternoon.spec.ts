/**
 * The desk at 16:55: a cleaner who never came for her 07:00–10:00 is past signing in, and her times are
 * recorded with Correct; an officer whose 06:00–18:00 is still running can be signed in, and reads as hours late.
 */
import fs from 'node:fs';
import { DESK_PASSWORD } from '../support/deskWorld';
import { expect, expectAccessible, signIn } from './fixtures';
import { deskTest, serveSeededDesk } from './seed';

const AFTERNOON = '2026-11-25T16:55:00.000Z';
const SHOTS = 'test-results/screens';
const test = deskTest.extend({
  clockAt: AFTERNOON,
  // eslint-disable-next-line no-empty-pattern
  deskServer: async ({}, use) => serveSeededDesk(AFTERNOON, use),
});

test('after a shift has ended the desk offers Correct instead of Sign in; a shift still running signs in late', async ({
  page,
  openDesk,
}) => {
  fs.mkdirSync(SHOTS, { recursive: true });
  await openDesk(page);
  await signIn(page, 'sup.ch', DESK_PASSWORD);
  await expect(page.getByRole('heading', { name: 'Today at County Hall', level: 1 })).toBeVisible();

  const action = page.getByRole('region', { name: /Needs action now/ });
  await action.getByRole('button', { name: 'Sign in Omar Absent' }).click();
  await expect(page.getByText('Omar Absent signed in.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Security' }).getByRole('listitem', { name: /Omar Absent/ })).toContainText(
    /In at 16:5\d · late 10 h 5\d min/,
  );

  await page.getByText(/Later and earlier today/).click();
  const cleo = page.getByRole('listitem', { name: /Cleo Early/ });
  await expect(cleo).toContainText('No-show');
  await expect(cleo.getByRole('button', { name: 'Sign in Cleo Early', exact: true })).toHaveCount(0);
  await expectAccessible(page, 'today at 16:55');
  await page.screenshot({ path: `${SHOTS}/today-1655.png`, fullPage: true });

  await cleo.getByRole('button', { name: 'Correct Cleo Early' }).click();
  const dialog = page.getByRole('dialog', { name: 'Correct Cleo Early’s times' });
  await dialog.getByLabel('Signed in at').fill('07:02');
  await dialog.getByLabel('Signed out at').fill('10:00');
  await dialog.getByLabel('Reason').fill('Worked her shift; nobody was on the desk to sign her in');
  await page.screenshot({ path: `${SHOTS}/correct-no-record.png` });
  await dialog.getByRole('button', { name: 'Save correction' }).click();
  await expect(page.getByText('Cleo Early’s record corrected.')).toBeVisible();
  await expect(cleo).toContainText('Signed out');
  await expect(cleo).toContainText('corrected');
});
