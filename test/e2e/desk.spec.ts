import { expect, type Page } from '@playwright/test';
import fs from 'node:fs';
import { DESK_PASSWORD } from '../support/deskWorld';
import { expectAccessible, signIn } from './fixtures';
import { dawnTest as test } from './deskDawn';

const SHOTS = 'test-results/screens';

const asSupervisor = async (page: Page) => {
  await signIn(page, 'sup.ch', DESK_PASSWORD);
  await expect(page.getByRole('heading', { name: 'Today at County Hall', level: 1 })).toBeVisible();
};

test('at 05:10 the desk leads with what needs doing: late, no-show, gaps and open shifts, all above the fold, each with its action', async ({
  page,
  openDawn,
}) => {
  fs.mkdirSync(SHOTS, { recursive: true });
  await openDawn(page);
  await asSupervisor(page);
  const action = page.getByRole('region', { name: /Needs action now/ });
  const items = action.getByRole('listitem');
  // From the hand-worked morning: Nick's night shift (21:00–07:00) never started, Lena is 40 min late,
  // cleaning 05:00–07:00 has 2 of 3 with no shift to fill, and reception's 08:00 shift is open.
  await expect(items).toHaveCount(4);
  await expect(items.nth(0)).toHaveAccessibleName('Nick Nightly, 21:00 to 07:00');
  await expect(items.nth(0)).toContainText('No-show');
  await expect(items.nth(0).getByRole('button', { name: 'Find cover Nick Nightly' })).toBeVisible();
  await expect(items.nth(1)).toHaveAccessibleName('Lena Late, 04:30 to 08:30');
  await expect(items.nth(1)).toContainText('Not in yet · late 40 min');
  await expect(items.nth(1).getByRole('button', { name: 'Sign in Lena Late' })).toBeVisible();
  await expect(items.nth(2)).toHaveAccessibleName('Gap in Cleaning cover 05:00 to 07:00');
  await expect(items.nth(2)).toContainText('2 of 3 people');
  await expect(items.nth(2).getByRole('button', { name: /Add a shift in the planner/ })).toBeVisible();
  await expect(items.nth(3)).toHaveAccessibleName('Open Reception shift 08:00 to 18:00');

  // Everything needing action is on screen at 1360×860 without scrolling.
  for (let i = 0; i < 4; i += 1) {
    const box = (await items.nth(i).boundingBox())!;
    expect(box.y + box.height, `action ${i + 1} bottom`).toBeLessThanOrEqual(860);
  }

  // A running shift is on now until it ends: Nia's night shift is, and Security's due-next has the day officers.
  const security = page.getByRole('region', { name: 'Security' });
  await expect(security.getByRole('listitem', { name: /Nia Night/ })).toContainText('In at 18:55');
  await expect(security.getByRole('listitem', { name: /Omar Absent, 06:00/ })).toContainText('Not due yet');
  // Nobody due yet has a Sign in button; signing in early asks first.
  const cleo = page.getByRole('region', { name: 'Cleaning' }).getByRole('listitem', { name: /Cleo Early/ });
  await expect(cleo.getByRole('button', { name: 'Sign in Cleo Early', exact: true })).toHaveCount(0);
  await expectAccessible(page, 'today at 05:10');
  await page.screenshot({ path: `${SHOTS}/today-0510.png` });

  await cleo.getByRole('button', { name: /Sign in early… Cleo Early/ }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Sign in Cleo Early early?' });
  await expect(confirm).toContainText('not due until 07:00');
  await expect(confirm).toContainText('1 h 50 min from now');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(cleo).toContainText('Not due yet');

  // Find cover shows who can come, with the number to ring.
  await items.nth(0).getByRole('button', { name: 'Find cover Nick Nightly' }).click();
  const coverDialog = page.getByRole('dialog');
  await expect(coverDialog.getByRole('listitem').filter({ hasText: 'Rita Relief' }).first()).toContainText('Phone 07700 900123');
  await expectAccessible(page, 'find cover with phone numbers');
  await coverDialog.getByRole('button', { name: 'Close' }).click();

  // The gap with no shift opens the planner at the site and week.
  await items
    .nth(2)
    .getByRole('button', { name: /Add a shift in the planner/ })
    .click();
  await expect(page.getByRole('heading', { name: 'Rota', level: 1 })).toBeVisible();
  await expect(page.locator('.week-label')).toHaveText('Week of Mon 23 Nov 2026');
});

test('quick log entry on Today: type and press Enter', async ({ page, openDawn }) => {
  await openDawn(page);
  await asSupervisor(page);
  const log = page.getByRole('region', { name: 'Occurrence log today' });
  await log.getByLabel('Kind').selectOption('alarm');
  const entry = log.getByRole('textbox', { name: 'Log entry' });
  await entry.fill('Intruder alarm zone 3, reset after check, no entry found');
  await entry.press('Enter');
  await expect(
    log.getByRole('list', { name: "Today's log entries" }).getByRole('listitem').filter({ hasText: 'Intruder alarm zone 3' }),
  ).toContainText(/05:1\d\s*Alarm\s*Intruder alarm zone 3/);
  await expect(entry).toHaveValue('');
  await expect(entry).toBeFocused();
  await entry.press('Enter');
  await expect(log.getByRole('alert')).toHaveText('Entry is required');
  await expectAccessible(page, 'today quick log');
});

test('correcting only the sign-out records one correction, not two', async ({ page, openDawn }) => {
  await openDawn(page);
  await asSupervisor(page);
  const lena = page.getByRole('listitem', { name: /Lena Late/ });
  await lena.getByRole('button', { name: 'Sign in Lena Late' }).click();
  await expect(page.getByText('Lena Late signed in.')).toBeVisible();
  await page
    .getByRole('listitem', { name: /Lena Late/ })
    .getByRole('button', { name: 'Sign out Lena Late' })
    .click();
  await expect(page.getByText('Lena Late signed out.')).toBeVisible();
  await page
    .getByRole('button', { name: 'Later and earlier today' })
    .or(page.getByText(/Later and earlier today/))
    .first()
    .click();
  await page
    .getByRole('listitem', { name: /Lena Late/ })
    .getByRole('button', { name: 'Correct Lena Late' })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Correct Lena Late’s times' });
  // Signed in and out at 05:10; a sign-out can be corrected to any time that has passed (or is within the
  // desk clock's five minutes' grace), not to the shift's 08:30 end while that is still to come.
  await dialog.getByLabel('Signed out at').fill('05:14');
  await dialog.getByLabel('Reason').fill('Forgot to sign out at the end of the shift');
  await dialog.getByRole('button', { name: 'Save correction' }).click();
  await expect(page.getByText('Lena Late’s record corrected.')).toBeVisible();

  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await signIn(page, 'manager', DESK_PASSWORD);
  await page.getByRole('button', { name: 'Attendance' }).click();
  await page.getByLabel('Site').first().selectOption('CH');
  const row = page.getByRole('row', { name: /Lena Late/ }).last();
  // One correction, of the sign-out only, in words.
  await expect(row).toContainText('Sign-out 05:10 → 05:14 (Forgot to sign out at the end of the shift)');
  await expect(row).not.toContainText('Sign-in');
});

test('a night officer’s sign-in corrected to ten minutes earlier stays on the evening she came in', async ({ page, openDawn }) => {
  await openDawn(page);
  await asSupervisor(page);
  // Nia's night shift is 19:00–07:00 from Tuesday; she signed in at 18:55, and the gate log says 18:50.
  const nia = page.getByRole('region', { name: 'Security' }).getByRole('listitem', { name: /Nia Night/ });
  await expect(nia).toContainText('In at 18:55');
  await nia.getByRole('button', { name: 'Correct Nia Night' }).click();
  const dialog = page.getByRole('dialog', { name: 'Correct Nia Night’s times' });
  await dialog.getByLabel('Signed in at').fill('18:50');
  await dialog.getByLabel('Reason').fill('Gate log shows 18:50');
  await dialog.getByRole('button', { name: 'Save correction' }).click();
  await expect(page.getByText('Nia Night’s record corrected.')).toBeVisible();
  await expect(nia).toContainText('In at 18:50');
  await expect(nia).not.toContainText(/late/i);
});

test('Ctrl+I on Today starts the incident at the supervisor’s site', async ({ page, openDawn }) => {
  await openDawn(page);
  await asSupervisor(page);
  await page.keyboard.press('Control+i');
  const form = page.getByRole('dialog', { name: 'Record an incident' });
  await expect(form.getByLabel('Site', { exact: true })).toHaveValue('CH');
  await expect(form.getByLabel('Site', { exact: true }).locator('option:checked')).toHaveText('CH · County Hall');
  await expectAccessible(page, 'incident form from Today');
  await form.getByLabel('Where in the site').fill('Main entrance');
  await page.keyboard.press('Alt+1');
  await expect(form.getByLabel('What happened', { exact: true })).toBeFocused();
  await page.keyboard.type('zone 3 PIR, reset after a walk round');
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/incident-form.png` });
});

test('Ctrl+Enter pressed twice while the incident saves records it once', async ({ page, openDawn }) => {
  await openDawn(page);
  await asSupervisor(page);
  await page.keyboard.press('Control+i');
  const form = page.getByRole('dialog', { name: 'Record an incident' });
  await form.getByLabel('Where in the site').fill('Main entrance');
  await page.keyboard.press('Alt+1');
  await expect(form.getByLabel('What happened', { exact: true })).toBeFocused();
  await page.keyboard.type('zone 3 PIR, reset');
  // A tired supervisor's second press, before the first save has come back.
  await page.keyboard.press('Control+Enter');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('heading', { name: /^CH-2026-\d{4}/ })).toBeVisible();
  await page.getByRole('button', { name: 'All incidents' }).click();
  await expect(page.getByRole('heading', { name: 'Incidents', level: 1 })).toBeVisible();
  // The seeded barrier incident and the one just recorded: no second copy under the next reference.
  await expect(page.getByText(/^\d+ shown$/)).toHaveText('2 shown');
  await expect(page.getByText(/Main entrance/)).toHaveCount(1);
});

test('a photo refused while the new incident is saved is reported on the incident’s page', async ({ page, openDawn }) => {
  await openDawn(page);
  await asSupervisor(page);
  await page.keyboard.press('Control+i');
  const form = page.getByRole('dialog', { name: 'Record an incident' });
  await form.getByLabel('Where in the site').fill('Side door');
  await form.getByLabel('What happened', { exact: true }).fill('Door forced overnight; photo of the lock taken.');
  // Named .png, but not an image: main checks the bytes and refuses it.
  await form.getByLabel('Add photos').setInputFiles({ name: 'lock.png', mimeType: 'image/png', buffer: Buffer.from('not an image') });
  await form.getByRole('button', { name: 'Save incident' }).click();
  await expect(page.getByRole('heading', { name: /^CH-2026-\d{4}/ })).toBeVisible();
  const photos = page.getByRole('region', { name: /Photos/ });
  await expect(photos).toContainText('Photos (0)');
  await expect(photos).toContainText('lock.png: Only JPEG, PNG or WebP images can be attached.');
});

test('the planner: By person hours are the person’s whole week, and the SIA block says how long ago the licence expired', async ({
  page,
  openDawn,
}) => {
  await openDawn(page);
  await signIn(page, 'manager', DESK_PASSWORD);
  await page.getByRole('button', { name: 'Rota' }).click();
  await expect(page.locator('.week-label')).toHaveText('Week of Mon 23 Nov 2026');
  await expect(page.getByRole('button', { name: /^07:00–19:00, Paul Busy/ }).first()).toBeVisible();
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/planner-all-sites.png` });
  await page.getByLabel('Site', { exact: true }).selectOption('CH');
  await page.getByRole('button', { name: 'By person' }).click();
  // Paul: 11.5 h at Farnham House on Wednesday and 11.5 h here on Thursday.
  const paul = page.getByRole('row', { name: /Paul Busy/ });
  await expect(paul.getByRole('rowheader')).toContainText('23 h of 40 h');
  await expectAccessible(page, 'planner by person');

  // The block's reason shows on keyboard focus, not only on hover.
  await page.getByRole('button', { name: 'By site' }).click();
  const ed = page.getByRole('button', { name: /^07:00–19:00, Ed Lapsed/ });
  await page.keyboard.press('Shift');
  await ed.focus();
  await expect(page.getByRole('tooltip').filter({ hasText: "Ed Lapsed's SIA licence expired on 24 Oct" })).toBeVisible();
  await expect(ed).toHaveAccessibleDescription(/SIA licence expired on 24 Oct, 33 days before this shift/);
  await expectAccessible(page, 'planner with a finding shown on focus');
  await ed.click();
  const check = page.getByRole('dialog').getByRole('region', { name: 'Rule check' });
  await expect(check).toContainText("Ed Lapsed's SIA licence expired on 24 Oct, 33 days before this shift");
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

  // Cutting Sam's published day short leaves County Hall one officer short from 12:00: the dialog says so before saving.
  await page.getByRole('button', { name: /^06:45–18:45, Sam Guard/ }).click();
  const edit = page.getByRole('dialog');
  await expect(edit.getByRole('region', { name: 'Rule check' })).not.toContainText('Cover gap');
  await edit.getByLabel('End').fill('12:00');
  await expect(edit.getByRole('list', { name: 'Cover this edit would leave short' })).toContainText(
    'Leaves CH Security short on Wed 25 Nov 12:00–18:00: 1 of 2 people',
  );
  await expectAccessible(page, 'shift edit that opens a gap');
});

test.describe('with the browser in US English', () => {
  test.use({ locale: 'en-US' });

  test('date and time boxes still read en-GB and 24-hour', async ({ page, openDawn }) => {
    await openDawn(page);
    await asSupervisor(page);
    expect(await page.evaluate(() => navigator.language)).toBe('en-US');
    await page
      .getByRole('region', { name: 'Security' })
      .getByRole('listitem', { name: /Nia Night/ })
      .getByRole('button', { name: 'Correct Nia Night' })
      .click();
    const correct = page.getByRole('dialog');
    await expect(correct.getByLabel('Signed in at')).toHaveValue('18:55');
    await correct.getByRole('button', { name: 'Cancel' }).click();

    await page.keyboard.press('Control+i');
    const form = page.getByRole('dialog', { name: 'Record an incident' });
    await expect(form.getByLabel('When it happened')).toHaveValue('25/11/2026 05:10');
    await form.getByLabel('When it happened').fill('12/07/2026 19:05');
    await expect(form.getByLabel('When it happened')).toHaveValue('12/07/2026 19:05');
    await form.getByLabel('When it happened').fill('06/15/2027 07:00');
    await expect(form.getByRole('alert').filter({ hasText: 'Type a date and time as dd/mm/yyyy hh:mm' })).toBeVisible();
    await form.getByLabel('Where in the site').fill('x');
    await expectAccessible(page, 'incident form in en-US');
  });
});
