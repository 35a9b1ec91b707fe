/**
 * `week_view_ms`: the planner in Chromium (browser mode, a real data folder), switched to the previous
 * week the way a manager does it, timed in the page from the click until the new week has rendered
 * (the planner says so with data-week/data-status, then one animation frame for the paint).
 */
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../scripts/chromium-path.mjs';
import { DEMO_PASSWORD } from '../main/seed/demo';
import { OWN_BUILD, startBrowserMode } from './startup';
import { summarise, type Stat } from './stats';

export interface WeekViewBench {
  /** Previous week with a pause between clicks, as someone reads each week (its data prefetched). */
  paced: Stat;
  /** Previous week clicked as soon as the last one rendered: main reads and checks each week while the earlier ones render. */
  rapid: Stat;
}

/**
 * Runs in the page: click "Previous week", resolve with ms until the week before has rendered. Kept as
 * text, since tsx would wrap a compiled function in helpers the page does not have.
 */
const SWITCH_IN_PAGE = `new Promise((resolve) => {
  const section = document.querySelector('section.planner');
  const d = new Date(section.dataset.week + 'T12:00:00Z');
  d.setUTCDate(d.getUTCDate() - 7);
  const want = d.toISOString().slice(0, 10);
  const t0 = performance.now();
  const done = () => {
    const now = document.querySelector('section.planner');
    if (now && now.dataset.week === want && now.dataset.status === 'ready') {
      observer.disconnect();
      requestAnimationFrame(() => resolve(performance.now() - t0));
    }
  };
  const observer = new MutationObserver(done);
  observer.observe(document.body, { subtree: true, attributes: true, childList: true });
  document.querySelector('button[aria-label="Previous week"]').click();
  done();
})`;
const switchInPage = SWITCH_IN_PAGE;

export const weekViewBench = async (dataDir: string, reps: number, build = OWN_BUILD): Promise<WeekViewBench> => {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('No Chromium found (apt-get install chromium)');
  const server = startBrowserMode(dataDir, build);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const url = await server.url;
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.goto(url);
    await page.getByLabel('User name').fill('manager');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Rota', exact: true }).click();
    await page.locator('section.planner[data-status="ready"]').waitFor({ timeout: 120_000 });
    // First switches warm up the look-back partitions in main's cache, as the first minutes of use do.
    for (let i = 0; i < 2; i += 1) await page.evaluate<number>(switchInPage);
    const paced: number[] = [];
    for (let i = 0; i < reps; i += 1) {
      await page.waitForTimeout(1500);
      paced.push(await page.evaluate<number>(switchInPage));
    }
    const rapid: number[] = [];
    for (let i = 0; i < reps; i += 1) rapid.push(await page.evaluate<number>(switchInPage));
    return { paced: summarise(paced), rapid: summarise(rapid) };
  } finally {
    await browser.close();
    await server.stop();
  }
};
