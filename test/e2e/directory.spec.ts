import fs from 'node:fs';
import { createFirstManager, expect, expectAccessible, JOURNEY_NOW, test } from './fixtures';

/** A London calendar date `days` after the journey clock's start, as the app's date fields take it. */
const isoIn = (days: number): string =>
  new Date(Date.parse(JOURNEY_NOW) + days * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
/** The Monday after next, so a week of leave is always in the future. */
// Each journey visits several screens and runs axe on each.
test.describe.configure({ timeout: 180_000 });

const nextMonday = (): number => {
  const dow = new Date(isoIn(0) + 'T12:00:00Z').getUTCDay();
  return ((8 - dow) % 7 || 7) + 7;
};

test('a manager adds a security officer with an SIA licence and a week of leave, and finds them in the list and the licence watch', async ({
  page,
  openApp,
}) => {
  await openApp(page);
  await createFirstManager(page);
  await page.getByRole('button', { name: 'Staff', exact: true }).click();
  await expect(page.getByText('No staff on file yet.')).toBeVisible();
  await expectAccessible(page, 'empty staff list');
  await page.getByRole('button', { name: 'Add person' }).click();

  await page.getByLabel('Name', { exact: true }).fill('Priya Shah');
  await page.getByLabel('Employee number').fill('E-1001');
  await page.getByLabel('Security').check();
  await page.getByLabel('Home site').selectOption('CH');
  await page.getByLabel('Pay rate (£ an hour)').fill('13.25');
  await page.getByLabel('SIA licence number').fill('1234 5678 1234 5678');
  await page.getByLabel('Licence sector').selectOption('security-guarding');
  await page.getByLabel('Licence expiry date').fill(isoIn(20));
  await expect(page.getByRole('status').filter({ hasText: 'days left' })).toBeVisible();
  await expectAccessible(page, 'staff editor');
  await page.getByRole('button', { name: 'Add person' }).click();

  await expect(page.getByRole('heading', { name: 'Priya Shah', level: 1 })).toBeVisible();
  await expect(page.getByText('SIA expires in 20 days')).toBeVisible();
  const from = isoIn(nextMonday());
  await page.getByLabel('First day').fill(from);
  await page.getByLabel('Last day').fill(isoIn(nextMonday() + 4));
  await page.getByRole('button', { name: 'Book absence' }).click();
  await expect(page.getByText(/Annual leave booked/)).toBeVisible();
  await expect(page.getByRole('button', { name: /^Cancel Annual leave/ })).toBeVisible();
  await expectAccessible(page, 'staff page');

  await page.getByRole('button', { name: 'All staff' }).click();
  await page.keyboard.press('/');
  await expect(page.getByLabel(/Search name or employee number/)).toBeFocused();
  await page.keyboard.type('shah');
  const row = page.getByRole('list', { name: 'Staff' }).getByRole('button', { name: /Priya Shah/ });
  await expect(row).toContainText('SIA expires in 20 days');
  await expectAccessible(page, 'staff list');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Priya Shah', level: 1 })).toBeVisible();

  await page.getByRole('button', { name: 'Licence watch' }).click();
  const soon = page.getByRole('region', { name: /Expires within 30 days/ });
  await expect(soon.getByRole('button', { name: 'Priya Shah' })).toBeVisible();
  await expect(page.getByRole('region', { name: /^Expired/ })).toContainText('No security staff have an expired licence.');
  await expectAccessible(page, 'licence watch');

  await page.getByRole('button', { name: 'Team absences' }).click();
  await page.getByLabel('Site (home site of the team)').selectOption('CH');
  if (from.slice(0, 7) !== isoIn(0).slice(0, 7)) await page.getByRole('button', { name: 'Next month' }).click();
  await expect(page.getByRole('row', { name: /Priya Shah/ })).toContainText('Annual leave');
  await expectAccessible(page, 'team absences');
});

test('a manager edits a site’s cover and sees the timeline change', async ({ page, openApp }) => {
  await openApp(page);
  await createFirstManager(page);
  await page.getByRole('button', { name: 'County Hall' }).click();
  const security = page.getByRole('figure', { name: 'Security cover timeline' });
  await expect(security.getByRole('img', { name: /^Mon:/ })).toHaveAttribute(
    'aria-label',
    'Mon: 00:00–07:00 × 1, 07:00–19:00 × 2, 19:00–24:00 × 1',
  );
  await expectAccessible(page, 'site page');

  await page.getByRole('button', { name: 'Edit site and cover' }).click();
  await page.getByRole('tab', { name: 'Security' }).click();
  await page.getByLabel('Security Mon window 2 people').fill('3');
  await expect(
    page.getByRole('figure', { name: 'Security (as edited) cover timeline' }).getByRole('img', { name: /^Mon:/ }),
  ).toHaveAttribute('aria-label', /07:00–19:00 × 3/);

  // Night cover past midnight on Saturday, copied to Sunday.
  await page.getByLabel('Security Sat window 1 to').fill('08:00');
  await page.getByLabel('Security Sat window 1 from').fill('20:00');
  await page.getByRole('button', { name: 'Copy Security Sat to other days' }).click();
  await page.getByRole('dialog').getByLabel('Sun').check();
  await page.getByRole('dialog').getByRole('button', { name: 'Copy', exact: true }).click();
  await expect(page.getByLabel('Security Sun window 1 from')).toHaveValue('20:00');
  await expectAccessible(page, 'cover editor');
  await page.getByRole('button', { name: 'Save site' }).click();

  // Sunday night runs into Monday and adds to Monday's own windows until 08:00.
  await expect(page.getByText('Saved.')).toBeVisible();
  await expect(security.getByRole('img', { name: /^Mon:/ })).toHaveAttribute(
    'aria-label',
    'Mon: 00:00–07:00 × 2, 07:00–08:00 × 4, 08:00–19:00 × 3, 19:00–24:00 × 1; of which 00:00–08:00 × 1 carried over from the night before',
  );
  await expect(security.getByRole('img', { name: /^Sun:/ })).toHaveAttribute(
    'aria-label',
    'Sun: 00:00–08:00 × 1, 20:00–24:00 × 1; of which 00:00–08:00 × 1 carried over from the night before',
  );
  await expect(security).not.toContainText('24/7');
});

test('a manager imports a CSV with two bad rows, reads the errors, fixes them and imports', async ({ page, openApp }) => {
  await openApp(page);
  await createFirstManager(page);
  await page.getByRole('button', { name: 'Staff', exact: true }).click();
  await page.getByRole('button', { name: 'Import CSV' }).click();

  const head = 'Name,Employee number,Services,Home site,Contracted hours,Pay rate,SIA number,SIA sector,SIA expiry';
  const bad = [
    head,
    'Ann Lee,E-2001,cleaning,CH,20,12.10,,,',
    '"Smith, Jo",E-2002,security,FH,40,13,1111 2222 3333 4444,security guarding,31/02/2027',
    'Kay Dee,E-2003,gardening,CH,20,12.10,,,',
  ].join('\r\n');
  await page.getByLabel('Or paste the CSV here').fill(bad);
  await page.getByRole('button', { name: 'Check file' }).click();
  await expect(page.getByText('2 of 3 rows have errors (lines 3, 4)')).toBeVisible();
  await expect(page.getByRole('row', { name: /Smith, Jo/ })).toContainText('SIA expiry: 31/02/2027 is not a date that exists');
  await expect(page.getByRole('row', { name: /Kay Dee/ })).toContainText('Unknown service "gardening"');
  // Every column the file gave is in the preview, so a wrong value is seen where it is.
  for (const column of ['Home site', 'Contracted hours', 'Pay rate', 'SIA number', 'SIA sector', 'SIA expiry'])
    await expect(page.getByRole('columnheader', { name: column })).toBeVisible();
  await expect(page.getByRole('row', { name: /Smith, Jo/ }).getByRole('cell', { name: '31/02/2027', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Import/ })).toBeDisabled();
  await expectAccessible(page, 'import preview');

  const fixed = bad.replace('31/02/2027', '28/02/2027').replace('gardening', 'cleaning');
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: 'hr-list.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${fixed}`) });
  await expect(page.getByText('All 3 rows are ready to import.')).toBeVisible();
  await page.getByRole('button', { name: 'Import 3 people' }).click();
  await expect(page.getByText('Imported 3 people.')).toBeVisible();
  await page.getByRole('button', { name: 'See the staff list' }).click();
  const list = page.getByRole('list', { name: 'Staff' });
  await expect(list.getByRole('button')).toHaveCount(3);
  await expect(list.getByRole('button', { name: /Smith, Jo/ })).toContainText('SIA valid to');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^sitedesk-staff-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = fs.readFileSync((await file.path())!, 'utf8');
  expect(text).toContain('"Smith, Jo"');
  expect(text).toContain('Pay rate');
});

test('a staff file saved by Excel as “CSV (Comma delimited)” keeps its accents in the preview', async ({ page, openApp }) => {
  await openApp(page);
  await createFirstManager(page);
  await page.getByRole('button', { name: 'Staff', exact: true }).click();
  await page.getByRole('button', { name: 'Import CSV' }).click();
  // Excel on an en-GB Windows writes this format in Windows-1252, not UTF-8: ë is the one byte 0xEB.
  const ansi = Buffer.from(
    "Name,Employee number,Services,Contracted hours,Pay rate\r\nZoë Ó'Brien,E-2001,cleaning,20,£12.10\r\n",
    'latin1',
  );
  await page.locator('input[type="file"]').setInputFiles({ name: 'hr-list.csv', mimeType: 'text/csv', buffer: ansi });
  await expect(page.getByText('The row is ready to import.')).toBeVisible();
  await expect(page.getByRole('row', { name: /E-2001/ }).getByRole('cell', { name: "Zoë Ó'Brien", exact: true })).toBeVisible();
});

test('the brief’s own cover, “security 24/7 × 1, plus 07:00–19:00 × 2 on weekdays”, means three officers by day', async ({
  page,
  openApp,
}) => {
  await openApp(page);
  await createFirstManager(page);
  await page.getByRole('button', { name: 'County Hall' }).click();
  await page.getByRole('button', { name: 'Edit site and cover' }).click();
  await page.getByRole('tab', { name: 'Security' }).click();
  // Monday as two layers: all day × 1, and 07:00–19:00 × 2 on top; then the same on Tuesday to Friday.
  await page.getByLabel('Security Mon window 1 to').fill('24:00');
  await page.getByLabel('Security Mon window 2 people').fill('2');
  await page.getByRole('button', { name: 'Remove Security Mon window 3' }).click();
  await expect(page.getByLabel('Security Mon window 3 from')).toHaveCount(0);
  await page.getByRole('button', { name: 'Copy Security Mon to other days' }).click();
  for (const day of ['Tue', 'Wed', 'Thu', 'Fri']) await page.getByRole('dialog').getByLabel(day).check();
  await page.getByRole('dialog').getByRole('button', { name: 'Copy', exact: true }).click();
  const edited = page.getByRole('figure', { name: 'Security (as edited) cover timeline' });
  for (const day of ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'])
    await expect(edited.getByRole('img', { name: new RegExp(`^${day}:`) })).toHaveAttribute(
      'aria-label',
      new RegExp(`^${day}: 00:00–07:00 × 1, 07:00–19:00 × 3, 19:00–24:00 × 1`),
    );
  await expectAccessible(page, 'cover editor with layered windows');
  await edited.screenshot({ path: 'test-results/screens/cover-layers.png' });
  await page.getByRole('button', { name: 'Save site' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();

  // The planner's gap engine asks for the sum: with no one on, Wednesday daytime is three short.
  await page.getByRole('button', { name: 'Rota' }).click();
  await page.getByLabel('Site', { exact: true }).selectOption('CH');
  const security = page.locator('table.rota-grid tr').filter({ has: page.locator('th', { hasText: 'Security' }) });
  await expect(security.locator('td').nth(2).locator('.gap-mark', { hasText: '07:00–19:00' })).toContainText('3 short');
});

test('a mistyped optional date stops the save and says so, rather than saving the person without it', async ({ page, openApp }) => {
  await openApp(page);
  await createFirstManager(page);
  await page.getByRole('button', { name: 'Staff', exact: true }).click();
  await page.getByRole('button', { name: 'Add person' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Jo Young');
  await page.getByLabel('Employee number').fill('E-2001');
  await page.getByLabel('Cleaning').check();
  await page.getByLabel('Pay rate (£ an hour)').fill('11.44');
  // 1990 was not a leap year: the box flags the day, and the person is not saved with no date of birth.
  await page.getByLabel('Date of birth').fill('29/02/1990');
  await expect(page.getByText('That date does not exist')).toBeVisible();
  await page.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByLabel('Date of birth')).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Jo Young', level: 1 })).toHaveCount(0);
  await page.getByLabel('Date of birth').fill('28/02/1990');
  await page.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByRole('heading', { name: 'Jo Young', level: 1 })).toBeVisible();
});
