/**
 * A Playwright fixture for journeys that start from a prepared rota: the data folder is written through
 * the real repos before the browser-mode server starts, and the server's clock is set to the same moment
 * the page's clock is installed at.
 */
import type { Page } from '@playwright/test';
import Conf from 'conf';
import fs from 'node:fs';
import { openApp } from '../../main/app';
import type { StoreClass } from '../../main/storage/storeClass';
import { DESK_NOW, seedDesk } from '../support/deskWorld';
import { startServer, tempDataDir, type RunningServer } from '../support/server';
import { test as base } from './fixtures';

interface DeskFixtures {
  /** The browser-mode server over the seeded desk, its clock at DESK_NOW. */
  deskServer: RunningServer;
  /** Opens the app on the desk's server and waits until it has loaded. */
  openDesk: (page: Page) => Promise<void>;
}

export const deskTest = base.extend<DeskFixtures>({
  clockAt: DESK_NOW,
  // Its own folder: the base `server` fixture would hold the lock on `dataDir`.
  // eslint-disable-next-line no-empty-pattern
  deskServer: async ({}, use) => {
    const dataDir = tempDataDir('sitedesk-desk-');
    const opened = openApp({
      dataDir,
      StoreClass: Conf as unknown as StoreClass,
      mode: 'browser',
      version: '0.0.0-seed',
      now: () => Date.parse(DESK_NOW),
      backupEveryMinutes: 0,
    });
    await seedDesk(opened.app);
    opened.close();
    const server = await startServer(dataDir, { SITEDESK_CLOCK: DESK_NOW });
    await use(server);
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
  openDesk: async ({ deskServer }, use) => {
    await use(async (page) => {
      await page.goto(deskServer.url);
      await page.locator('[data-app-state="loaded"]').waitFor();
    });
  },
});

export { DESK_NOW };
