/**
 * The planner toolbar's Site picker shows the chosen site's whole name at 1360×860 (the demo's longest is
 * "BSR · Bishop's Stortford Register Office"), and a long name pushes nothing else off the toolbar.
 */
import type { Locator } from '@playwright/test';
import { demoTest as test, openDemoPlanner } from './demo';
import { expect } from './fixtures';

const SHOTS = 'test-results/screens';
/** Room at the right of a closed select that its arrow takes and text never runs under (Chromium's is about 19 px). */
const ARROW = 16;

/** How many pixels of `text`, the chosen option's, the closed select cannot show (0 when it all shows). */
const hiddenText = (select: Locator, text: string) =>
  select.evaluate(
    (s, [chosen, arrow]) => {
      const doc = s.ownerDocument;
      const css = doc.defaultView!.getComputedStyle(s);
      const probe = doc.createElement('span');
      probe.style.font = css.font;
      probe.style.whiteSpace = 'pre';
      probe.textContent = chosen;
      doc.body.append(probe);
      const width = probe.getBoundingClientRect().width;
      probe.remove();
      const room = s.clientWidth - parseFloat(css.paddingLeft) - parseFloat(css.paddingRight) - arrow;
      return Math.max(0, Math.ceil(width - room));
    },
    [text, ARROW] as const,
  );

test('every site’s whole name shows in the planner’s Site picker at 1360×860, and the toolbar stays on screen', async ({
  page,
  openApp,
}) => {
  await openDemoPlanner(page, openApp);
  const select = page.getByLabel('Site', { exact: true });
  const toolbar = page.getByRole('toolbar', { name: 'Week' });
  await expect(select.locator('option')).toHaveCount(16);
  const options = await select.locator('option').evaluateAll((os) => os.map((o) => o.getAttribute('value') ?? ''));
  for (const value of options) {
    await select.selectOption(value);
    // Settled: the site is chosen, its week shown, and the toolbar's controls for one site or all in place.
    await expect(select).toHaveValue(value);
    await expect(page.locator('.planner')).toHaveAttribute('data-status', 'ready');
    await expect(page.getByRole('button', { name: 'Jump to site' })).toHaveCount(value ? 0 : 1);
    const name = (await select.locator('option:checked').textContent())!;
    expect(await hiddenText(select, name), `"${name}" shown whole`).toBe(0);
    const boxes = await Promise.all((await toolbar.locator('button, select').all()).map(async (c) => (await c.boundingBox())!));
    for (const b of boxes) {
      expect(b.x, `with ${name}: no control pushed off the left`).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width, `with ${name}: no control cut off at the right`).toBeLessThanOrEqual(1360);
    }
    if (value === 'BSR') await page.screenshot({ path: `${SHOTS}/planner-site-longest.png` });
  }
});
