/**
 * Journeys over the demo organisation (seed 1) as it stands at noon on Wed 25 Nov 2026, written into
 * the test's data folder before the browser-mode server starts.
 */
import Conf from 'conf';
import type { StoreClass } from '../../main/storage/storeClass';
import { londonInstant } from '../../shared/domain/dates';
import { startServer } from '../support/server';
import type { Page } from '@playwright/test';
import { DEMO_PASSWORD, generateDemo } from '../../main/seed/demo';
import { expect, signIn, test as base } from './fixtures';

export const DEMO_NOW = '2026-11-25T12:00:00.000Z';

/** Writes the demo organisation into `dataDir`; `staff` overrides its head count. */
export const writeDemo = (dataDir: string, staff?: number) =>
  generateDemo({
    dataDir,
    StoreClass: Conf as unknown as StoreClass,
    scale: 'demo',
    seed: 1,
    ...(staff === undefined ? {} : { staff }),
    now: londonInstant('2026-11-25', '12:00'),
    version: '0.0.0-test',
  });

/** The base fixtures with the page's and the server's clocks at DEMO_NOW over the demo organisation. */
export const demoTest = base.extend({
  clockAt: DEMO_NOW,
  server: async ({ dataDir }, use) => {
    await writeDemo(dataDir);
    const server = await startServer(dataDir, { SITEDESK_CLOCK: DEMO_NOW });
    await use(server);
    await server.stop();
  },
});

/** Opens the app, signs the demo's manager in and shows the planner for all sites. */
export const openDemoPlanner = async (page: Page, openApp: (page: Page) => Promise<void>) => {
  await openApp(page);
  await signIn(page, 'manager', DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Rota' }).click();
  await expect(page.getByRole('heading', { name: 'Rota', level: 1 })).toBeVisible();
  await page.getByLabel('Site', { exact: true }).selectOption('');
};
