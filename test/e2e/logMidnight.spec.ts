import { createFirstManager, expect, test } from './fixtures';

// Two minutes to midnight: the night officer opens the log, and writes the next entry just after midnight.
test.use({ clockAt: '2026-11-25T23:58:00.000Z' });

test('an entry with no time written just after midnight goes into the new day at the moment it was written', async ({ page, openApp }) => {
  await openApp(page);
  await createFirstManager(page);
  await page.getByRole('button', { name: 'Occurrence log' }).click();
  await page.getByLabel('Site').selectOption('CH');
  await expect(page.getByLabel('Day', { exact: true })).toHaveValue('25/11/2026');
  await expect(page.getByText('Nothing logged for this day yet.')).toBeVisible();

  // The page stays open across midnight; the entry is written at 00:01 on Thursday.
  await page.clock.fastForward('03:00');
  const entry = page.getByLabel('Entry', { exact: true });
  await entry.fill('Patrol: all doors secure.');
  await entry.press('Enter');

  await expect(page.getByLabel('Day', { exact: true })).toHaveValue('26/11/2026');
  const row = page.getByRole('row').filter({ hasText: 'Patrol: all doors secure.' });
  await expect(row).toContainText('00:01');
  await expect(row).not.toContainText('Back-dated');

  // Wednesday's page holds nothing: the entry was not filed 24 hours early at the top of the old day.
  await page.getByRole('button', { name: 'Previous day' }).click();
  await expect(page.getByLabel('Day', { exact: true })).toHaveValue('25/11/2026');
  await expect(page.getByText('Nothing logged for this day yet.')).toBeVisible();
});
