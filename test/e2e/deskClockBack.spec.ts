/**
 * The desk at County Hall at 01:40 GMT on Sun 25 Oct 2026, the night the clocks go back: 01:00–01:59 has come twice,
 * first in BST, then in GMT. Nia's 19:00–01:30 night ended at the first 01:30; she left at the second without signing
 * out. The board's clock and gaps say which 01:30 they mean, a quick log entry made now is kept as GMT, the supervisor
 * records her sign-out at 01:30 GMT, and the manager's Attendance shows it; an incident typed in at 01:15 GMT is kept at
 * 01:15 GMT.
 */
import fs from 'node:fs';
import { newMeta } from '../../main/services/records';
import type { Attendance } from '../../shared/schemas/attendance';
import type { Shift } from '../../shared/schemas/shift';
import { DESK_PASSWORD, DESK_SHIFTS, DESK_STAFF, SEED_CLOCK } from '../support/deskWorld';
import { expect, expectAccessible, signIn } from './fixtures';
import { deskTest, serveSeededDesk } from './seed';

const NIGHT = '2026-10-25T01:40:00.000Z';
const SHOTS = 'test-results/screens';
const SYSTEM = 'seed_system_0001';
const nia: Shift = {
  ...DESK_SHIFTS.night,
  ...newMeta(SEED_CLOCK, SYSTEM, Date.parse('2026-10-19T09:00:00Z'), 'shift_nia_oct24'),
  date: '2026-10-24',
  start: '19:00',
  end: '01:30',
};
const signedIn: Attendance = {
  ...newMeta(SEED_CLOCK, SYSTEM, Date.parse('2026-10-24T18:00:00Z'), 'att_nia_oct2401'),
  shiftId: nia.id,
  staffId: DESK_STAFF.nia.id,
  site: 'CH',
  date: nia.date,
  signedInAt: '2026-10-24T18:00:00.000Z',
  signedOutAt: null,
  noShow: false,
  corrections: [],
};

const test = deskTest.extend({
  clockAt: NIGHT,
  // eslint-disable-next-line no-empty-pattern
  deskServer: async ({}, use) =>
    serveSeededDesk(NIGHT, use, (app) => {
      app.repos.shifts.put([nia]);
      app.repos.attendance.put([signedIn]);
    }),
});

test('on the night the clocks go back the desk says which 01:30, and a sign-out and an incident at the second 01:30 are kept there', async ({
  page,
  openDesk,
}) => {
  fs.mkdirSync(SHOTS, { recursive: true });
  await openDesk(page);
  await signIn(page, 'sup.ch', DESK_PASSWORD);
  await expect(page.getByRole('heading', { name: 'Today at County Hall', level: 1 })).toBeVisible();
  await expect(page.getByLabel(/^Time now 01:4\d GMT$/)).toBeVisible();
  // Nobody on security since Nia's shift ended at the first 01:30, 70 minutes ago, not 10.
  const action = page.getByRole('region', { name: /Needs action now/ });
  await expect(action.getByRole('listitem', { name: 'Gap in Security cover 01:30 BST to 00:00' })).toContainText(
    '01:30 BST–00:00 (next day): 0 of 1 person',
  );
  await expectAccessible(page, 'today at 01:40 GMT');
  await page.screenshot({ path: `${SHOTS}/today-clock-back.png`, fullPage: true });

  // A quick log entry made now, in the second pass of the hour, is kept as GMT by itself.
  const quick = page.getByRole('form', { name: 'Quick log entry' });
  await quick.getByLabel('Log entry').fill('Patrol of the rear car park, all secure');
  await quick.getByRole('button', { name: 'Add' }).click();
  const logged = page.getByRole('list', { name: "Today's log entries" }).getByRole('listitem');
  await expect(logged.first()).toContainText(/^01:4\d GMT Patrol Patrol of the rear car park, all secure$/);
  await page.getByRole('region', { name: 'Occurrence log today' }).screenshot({ path: `${SHOTS}/quick-log-clock-back.png` });

  // On the log screen a time typed in that hour asks which; the quick entry above reads as the second pass there too.
  await page.getByRole('button', { name: 'Occurrence log' }).click();
  const entryForm = page.getByRole('form', { name: 'New log entry' });
  await entryForm.getByLabel('Time', { exact: true }).fill('01:30');
  await entryForm.getByRole('group', { name: 'Time: which 01:30?' }).getByLabel('01:30 GMT (second, an hour later)').check();
  await entryForm.getByLabel('Entry', { exact: true }).fill('Rear gate found open, closed it');
  await expectAccessible(page, 'log entry in the repeated hour');
  await page.screenshot({ path: `${SHOTS}/log-clock-back.png`, fullPage: true });
  await entryForm.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByRole('row', { name: /Rear gate found open/ })).toContainText('01:30 GMT');
  await expect(page.getByRole('row', { name: /Patrol of the rear car park/ })).toContainText(/01:4\d GMT/);
  await page.screenshot({ path: `${SHOTS}/log-clock-back-saved.png`, fullPage: true });
  await page.getByRole('button', { name: 'Today', exact: true }).first().click();
  await expect(page.getByRole('heading', { name: 'Today at County Hall', level: 1 })).toBeVisible();

  await page.getByRole('button', { name: 'Correct Nia Night' }).click();
  const dialog = page.getByRole('dialog', { name: 'Correct Nia Night’s times' });
  await dialog.getByLabel('Signed out at').fill('01:30');
  const which = dialog.getByRole('group', { name: 'Signed out at: which 01:30?' });
  await expect(which.getByLabel('01:30 BST (first)')).toBeChecked();
  await which.getByLabel('01:30 GMT (second, an hour later)').check();
  await dialog.getByLabel('Reason').fill('Left at the second 01:30 without signing out');
  await expectAccessible(page, 'correct in the repeated hour');
  await page.screenshot({ path: `${SHOTS}/correct-clock-back.png` });
  await dialog.getByRole('button', { name: 'Save correction' }).click();
  await expect(page.getByText('Nia Night’s record corrected.')).toBeVisible();

  await page.getByRole('button', { name: 'Record incident' }).click();
  const form = page.getByRole('dialog', { name: 'Record an incident' });
  await form.getByLabel('Where in the site').fill('Rear car park');
  await form.getByLabel('When it happened').fill('25/10/2026 01:15');
  await form.getByRole('group', { name: 'When it happened: which 01:15?' }).getByLabel('01:15 GMT (second, an hour later)').check();
  await form.getByLabel('What happened', { exact: true }).fill('Car alarm sounding; owner found and it was switched off.');
  await expectAccessible(page, 'incident in the repeated hour');
  await form.getByRole('group', { name: 'Where and when' }).screenshot({ path: `${SHOTS}/incident-clock-back.png` });
  await form.getByRole('button', { name: 'Save incident' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^CH-2026-/ })).toBeVisible();
  await expect(page.getByText('Sun 25 Oct 2026 01:15 GMT')).toBeVisible();

  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await signIn(page, 'manager', DESK_PASSWORD);
  await page.getByRole('button', { name: 'Attendance' }).click();
  await page.getByLabel('Site').first().selectOption('CH');
  const row = page.getByRole('row', { name: /Nia Night/ }).last();
  await expect(row).toContainText('19:00');
  await expect(row).toContainText('01:30 GMT');
  // The correction in words: the second 01:30, on the day after the shift's own.
  await expect(
    row.getByRole('cell', { name: 'Sign-out — → 01:30 GMT on Sun 25 Oct (Left at the second 01:30 without signing out)' }),
  ).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/timesheet-clock-back.png`, fullPage: true });
});
