/**
 * The planner for all sites at 1360×860 over the demo organisation: a one-line toolbar, a jump to any
 * site from the keyboard, at least six site/service rows on screen, drafts told apart by style, and the
 * week's findings in a panel that takes you to each shift.
 */
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, expectAccessible } from './fixtures';
import { demoTest, openDemoPlanner } from './demo';

const SHOTS = 'test-results/screens';

const test = demoTest;

test.describe.configure({ timeout: 300_000 });

/** Rows of the grid whose whole box is on screen: inside the window, and inside the grid's scrolling area below its sticky header. */
const rowsOnScreen = async (page: Page): Promise<number> => {
  const wrap = (await page.locator('.grid-wrap').boundingBox())!;
  const head = (await page.locator('.rota-grid thead').boundingBox())!;
  const top = Math.max(0, wrap.y, head.y + head.height);
  const bottom = Math.min(page.viewportSize()!.height, wrap.y + wrap.height);
  let n = 0;
  for (const row of await page.locator('.rota-grid tbody.site-block tr').all()) {
    const box = await row.boundingBox();
    if (box && box.height > 0 && box.y >= top - 1 && box.y + box.height <= bottom + 1) n += 1;
  }
  return n;
};

test('all sites at 1360×860: one-line toolbar, six rows or more, jump to a site, drafts by style', async ({ page, openApp }) => {
  fs.mkdirSync(SHOTS, { recursive: true });
  await openDemoPlanner(page, openApp);
  await expect(page.locator('.week-label')).toHaveText('Week of Mon 23 Nov 2026');
  await expect(page.locator('.shift-card').first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/planner-grid-demo.png` });

  // The toolbar is a single row at 1360 px: as tall as its tallest control, every control on the same line.
  const toolbar = page.getByRole('toolbar', { name: 'Week' });
  const bar = (await toolbar.boundingBox())!;
  const controls = await toolbar.locator('button, select').all();
  expect(controls.length).toBeGreaterThanOrEqual(8);
  const boxes = await Promise.all(controls.map(async (c) => (await c.boundingBox())!));
  expect(bar.height, 'toolbar height').toBeLessThanOrEqual(Math.max(...boxes.map((b) => b.height)) + 2);
  for (const b of boxes) {
    expect(b.y, 'every control on the toolbar’s one row').toBeGreaterThanOrEqual(bar.y - 1);
    expect(b.y + b.height).toBeLessThanOrEqual(bar.y + bar.height + 1);
    expect(b.x + b.width, 'no control cut off at the right').toBeLessThanOrEqual(1360);
  }
  expect(await rowsOnScreen(page), 'site/service rows wholly on screen').toBeGreaterThanOrEqual(6);
  await expectAccessible(page, 'planner all sites');
  // Full names, never cut: every card's name fits its box.
  const cut = await page
    .locator('.shift-card .shift-who')
    .evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).length);
  expect(cut, 'names cut off').toBe(0);

  // Jump to a site from the keyboard: the menu opens on Enter, End picks the last site, Enter goes there.
  const jump = page.getByRole('button', { name: 'Jump to site' });
  await jump.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu');
  await expect(menu.getByRole('menuitem')).toHaveCount(15);
  await expectAccessible(page, 'jump to site menu');
  await page.keyboard.press('End');
  await expect(menu.getByRole('menuitem').last()).toBeFocused();
  const last = ((await menu.getByRole('menuitem').last().textContent()) ?? '').slice(0, 3);
  await page.keyboard.press('Enter');
  await expect(menu).toBeHidden();
  const head = page.locator(`[data-site-head="${last}"]`);
  await expect(head).toBeFocused();
  await expect(head).toBeInViewport();
  await expect(page.getByRole('rowheader').filter({ hasText: 'APC' })).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/planner-jumped.png` });

  // A new shift is a draft: drawn dashed, with no word on the card; a published card is solid.
  await page.keyboard.press('n');
  const add = page.getByRole('dialog', { name: 'Add a shift' });
  await add.getByRole('button', { name: 'Add shift' }).click();
  await expect(add).toBeHidden();
  // It is at the first site (the dialog's default), at the top of the grid.
  await page.locator('.grid-wrap').evaluate((e) => (e.scrollTop = 0));
  const draft = page.getByRole('button', { name: /, draft/ });
  await expect(draft).toHaveCount(1);
  await draft.scrollIntoViewIfNeeded();
  await expect(draft).not.toContainText(/draft/i);
  await expect(draft).toHaveCSS('border-top-style', 'dashed');
  const published = page.getByRole('button', { name: /, published/ }).first();
  await expect(published).toHaveCSS('border-top-style', 'solid');
  await expect(page.getByRole('button', { name: 'Publish (1)' })).toBeVisible();
});

test('the week’s findings in a panel: each takes the keyboard to its shift, whose reasons show on focus and hover', async ({
  page,
  openApp,
}) => {
  await openDemoPlanner(page, openApp);
  await expect(page.locator('.shift-card').first()).toBeVisible();

  // Hovering a card with a warning shows its reason.
  const warned = page.getByRole('button', { name: /, 1 warning/ }).first();
  await warned.hover();
  await expect(warned.getByRole('tooltip')).toBeVisible();

  const toggle = page.getByRole('button', { name: /^Findings \(\d+\)$/ });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const panel = page.getByRole('complementary', { name: 'Findings this week' });
  const items = panel.getByRole('button').filter({ hasText: /^(Blocked|Warning|Note):/ });
  expect(await items.count()).toBeGreaterThan(1);
  await page.screenshot({ path: `${SHOTS}/planner-findings.png` });
  await expectAccessible(page, 'planner findings panel', '#findings-panel');

  // The last finding is about a site further down the grid than the first screen: clicking it brings it
  // into view and puts the keyboard on the card, whose reason then shows.
  const pick = items.last();
  const said = (await pick.textContent())!;
  await pick.click();
  const focused = page.locator('.shift-card:focus');
  await expect(focused).toHaveCount(1);
  await expect(focused).toBeInViewport();
  const tip = focused.getByRole('tooltip');
  await expect(tip).toBeVisible();
  expect(said).toContain((await tip.locator('.shift-tip-line').first().textContent())!);
  // The card's own name says what the panel said it was about.
  const about = (await pick.locator('.finding-about').textContent())!;
  const name = about.split(' · ').at(-1)!;
  await expect(focused).toHaveAccessibleName(new RegExp(name));

  // A cover gap takes the keyboard to its site's rows.
  const gap = panel.getByRole('button').filter({ hasText: /^Gap:/ }).last();
  const site = ((await gap.textContent()) ?? '').replace(/^Gap: /, '').slice(0, 3);
  await gap.click();
  await expect(page.locator(`[data-site-head="${site}"]`)).toBeFocused();
});
