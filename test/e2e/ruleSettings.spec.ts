import fs from 'node:fs';
import { createFirstManager, expect, expectAccessible, test } from './fixtures';

const SHOTS = 'test-results/screens';

test.describe.configure({ timeout: 240_000 });

test('a manager sets rota rules with warnings and errors by the field, restores the UK defaults and adds a bank holiday', async ({
  page,
  openApp,
}) => {
  fs.mkdirSync(SHOTS, { recursive: true });
  await openApp(page);
  await createFirstManager(page);
  await page.getByRole('button', { name: 'Settings' }).click();
  const rules = page.getByRole('region', { name: 'Rota rules' });
  await expect(rules).toBeVisible();

  const dailyRest = rules.getByLabel('Daily rest between shifts (hours)');
  await expect(dailyRest).toHaveValue('11');
  await expect(rules.getByText(/reg\. 10\(1\): 11 consecutive hours/)).toBeVisible();

  // Below the statutory minimum is allowed, with the warning by the field and above the form.
  await dailyRest.fill('10');
  await expect(
    rules.getByText('Below the UK statutory minimum: the law sets at least 11 h. Use this only under a collective or workforce agreement.'),
  ).toBeVisible();
  await expect(rules.getByText(/One threshold gives staff less protection/)).toBeVisible();

  // Out of range is refused by the field; keyboard only.
  const reference = rules.getByLabel('Reference period for the average (weeks)');
  await reference.fill('60');
  await reference.press('Enter');
  await expect(rules.getByText('Enter 1–52 weeks')).toBeVisible();
  await expect(reference).toHaveAttribute('aria-invalid', 'true');
  await reference.fill('20');
  await reference.press('Enter');
  await expect(rules.getByText('Saved. Every rota check now uses these rules.')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/settings-rota-rules.png`, fullPage: true });
  await expectAccessible(page, 'rota rules');

  await page.getByRole('button', { name: 'Sites' }).click();
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(rules.getByLabel('Daily rest between shifts (hours)')).toHaveValue('10');
  await rules.getByRole('button', { name: 'Restore UK defaults' }).click();
  await expect(rules.getByLabel('Daily rest between shifts (hours)')).toHaveValue('11');
  await expect(rules.getByLabel('Reference period for the average (weeks)')).toHaveValue('17');
  await expect(rules.getByText(/less protection/)).toBeHidden();
  await rules.getByRole('button', { name: 'Save rules' }).click();
  await expect(rules.getByText('Saved. Every rota check now uses these rules.')).toBeVisible();

  const holidays = rules.getByRole('list', { name: 'Bank holidays (England and Wales)' });
  await expect(holidays.getByText('Christmas Day').first()).toBeVisible();
  await rules.getByLabel('New bank holiday').fill('2027-06-07');
  await rules.getByLabel('Name of the day').fill('Royal event');
  await rules.getByRole('button', { name: 'Add day' }).click();
  await expect(holidays.getByText('Royal event')).toBeVisible();
  await rules.getByLabel('New bank holiday').fill('2026-12-25');
  await rules.getByLabel('Name of the day').fill('Christmas again');
  await rules.getByRole('button', { name: 'Add day' }).click();
  await expect(rules.getByText('Fri 25 Dec 2026 is already a bank holiday')).toBeVisible();
});
