import { expect, type Page } from '@playwright/test';
import { DESK_PASSWORD } from '../support/deskWorld';
import { signIn } from './fixtures';
import { dawnTest as test } from './deskDawn';

// A pasted registration list or a stuck key: one "word" far wider than the screen.
const UNBROKEN = `Plates:${'AB12CDE/'.repeat(40)}`;
const pageWidth = (page: Page) => page.locator('html').evaluate((html) => html.scrollWidth);

test('a log entry with no spaces wraps inside its card, on Today and on the log, and the page never scrolls sideways', async ({
  page,
  openDawn,
}) => {
  await openDawn(page);
  await signIn(page, 'sup.ch', DESK_PASSWORD);
  await expect(page.getByRole('heading', { name: 'Today at County Hall', level: 1 })).toBeVisible();
  const box = page.getByRole('region', { name: 'Occurrence log today' }).getByRole('textbox', { name: 'Log entry' });
  await box.fill(UNBROKEN);
  await box.press('Enter');
  const line = page.getByRole('list', { name: "Today's log entries" }).getByRole('listitem').filter({ hasText: 'Plates:' });
  await expect(line).toBeVisible();
  expect(await pageWidth(page)).toBeLessThanOrEqual(1360);

  await page.getByRole('button', { name: 'Occurrence log' }).click();
  await expect(page.getByRole('cell', { name: /Plates:/ })).toBeVisible();
  expect(await pageWidth(page)).toBeLessThanOrEqual(1360);
});
