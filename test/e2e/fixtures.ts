import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import fs from 'node:fs';
import { JOURNEY_NOW, startServer, tempDataDir, type RunningServer } from '../support/server';

/** Starts a page's clock at `at` (ISO), where the journey's server clock starts too; time then runs on. */
export const onJourneyClock = (page: Page, at: string = JOURNEY_NOW): Promise<void> => page.clock.install({ time: new Date(at) });

interface Fixtures {
  /** The moment the page's and the server's clocks start at: JOURNEY_NOW unless a journey chooses another. */
  clockAt: string;
  dataDir: string;
  server: RunningServer;
  /** Opens the app and waits until it says it has loaded. */
  openApp: (page: Page, server?: RunningServer) => Promise<void>;
}

export const test = base.extend<Fixtures>({
  clockAt: [JOURNEY_NOW, { option: true }],
  // Every journey's page runs on the journey clock, never the real date.
  page: async ({ page, clockAt }, use) => {
    await onJourneyClock(page, clockAt);
    await use(page);
  },
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = tempDataDir();
    await use(dir);
    fs.rmSync(dir, { recursive: true, force: true });
  },
  server: async ({ dataDir, clockAt }, use) => {
    const server = await startServer(dataDir, { SITEDESK_CLOCK: clockAt });
    await use(server);
    await server.stop();
  },
  openApp: async ({ server }, use) => {
    await use(async (page, target = server) => {
      await page.goto(target.url);
      await page.locator('[data-app-state="loaded"]').waitFor();
    });
  },
});

/**
 * Runs axe on the current screen; serious or critical violations fail the test.
 *
 * While a modal dialog or a menu is open, the page behind it is hidden from assistive technology (Radix sets
 * aria-hidden on everything else) and out of reach, so what is checked is the dialog or menu: what a user
 * can reach. Each page is checked in its own state by the journey that shows it. `within` narrows a check to
 * a part that has just changed on a page checked a moment before. On the planner's 15-site grid a whole-page
 * check took 8 s; the journeys' 64 checks took 186 s of the journeys' 636 worker-seconds (3 Dec).
 */
export const expectAccessible = async (page: Page, screen: string, within?: string) => {
  // Legacy mode runs axe in the page itself. The default opens a blank page for every check, to merge the results of
  // frames from other origins, which the app has none of; that page cost about half of each check.
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).setLegacyMode();
  const layer = '[role="dialog"], [role="alertdialog"], [role="menu"]';
  const scope = within ?? ((await page.locator(layer).count()) > 0 ? layer : undefined);
  if (scope) builder.include(scope);
  const results = await builder.analyze();
  if (scope) expect(results.passes.length, `${screen}: axe found nothing to check in ${scope}`).toBeGreaterThan(0);
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${screen}: ${v.id} — ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`)).toEqual([]);
};

/** Creates the first manager through the first-run screen. */
export const createFirstManager = async (page: Page, name = 'Maria Okafor', username = 'maria', password = 'correct horse 1') => {
  await expect(page.getByRole('heading', { name: 'Set up SiteDesk' })).toBeVisible();
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('Confirm password').fill(password);
  await page.getByRole('button', { name: 'Create manager account' }).click();
  await expect(page.getByRole('heading', { name: 'Sites', level: 1 })).toBeVisible();
};

/**
 * A manager adds Sam Patel, a CH supervisor with the password 'desk password', in Settings;
 * `beforeSave` runs with the filled dialog still open (to check it, say).
 */
export const addSupervisor = async (page: Page, beforeSave?: () => Promise<void>) => {
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Add account' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name', { exact: true }).fill('Sam Patel');
  await dialog.getByLabel('User name').fill('sam');
  await dialog.getByLabel('Password').fill('desk password');
  await dialog.getByLabel('CH · County Hall').check();
  await beforeSave?.();
  await dialog.getByRole('button', { name: 'Add account' }).click();
  await expect(page.getByRole('cell', { name: 'Sam Patel' })).toBeVisible();
};

/** Signs in through the sign-in screen. */
export const signIn = async (page: Page, username: string, password: string) => {
  // Wait for the sign-in screen itself: straight after "Sign out" the old screen (Settings has its own
  // "User name" box, for the hub) can still be up, and typing there signs no one in.
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
};

/** The planner grid's cell for a service row on a day of the shown week, Monday = 0. */
export const gridCell = (page: Page, service: string, day: number): Locator =>
  page
    .locator('table.rota-grid tr')
    .filter({ has: page.locator('th', { hasText: service }) })
    .locator('td')
    .nth(day);

export { expect, JOURNEY_NOW };
