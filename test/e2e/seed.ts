/**
 * A Playwright fixture for journeys that start from a prepared rota: the data folder is written through
 * the real repos before the browser-mode server starts, and the server's clock is set to the same moment
 * the page's clock is installed at.
 */
import type { Page } from '@playwright/test';
import fs from 'node:fs';
import type { AppCore } from '../../main/services/types';
import { DESK_NOW, seedDesk } from '../support/deskWorld';
import { startServer, tempDataDir, type RunningServer } from '../support/server';
import { test as base } from './fixtures';
import { openBrowserFolder } from '../support/browserFolder';

interface DeskFixtures {
  /** The browser-mode server over the seeded desk, its clock at DESK_NOW. */
  deskServer: RunningServer;
  /** Opens the app on the desk's server and waits until it has loaded. */
  openDesk: (page: Page) => Promise<void>;
}

/**
 * Writes deskWorld (and whatever `more` adds) into a fresh folder through the real repos, serves it with
 * the server's clock at `now` for one test, then stops the server and removes the folder. Its own folder:
 * the base `server` fixture would hold the lock on `dataDir`.
 */
export const serveSeededDesk = async (now: string, use: (server: RunningServer) => Promise<void>, more?: (app: AppCore) => void) => {
  const dataDir = tempDataDir('sitedesk-desk-');
  const opened = openBrowserFolder(dataDir, now, '0.0.0-seed');
  await seedDesk(opened.app);
  more?.(opened.app);
  opened.close();
  const server = await startServer(dataDir, { SITEDESK_CLOCK: now });
  await use(server);
  await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
};

export const deskTest = base.extend<DeskFixtures>({
  clockAt: DESK_NOW,
  // eslint-disable-next-line no-empty-pattern
  deskServer: async ({}, use) => serveSeededDesk(DESK_NOW, use),
  openDesk: async ({ deskServer }, use) => {
    await use(async (page) => {
      await page.goto(deskServer.url);
      await page.locator('[data-app-state="loaded"]').waitFor();
    });
  },
});

export { DESK_NOW };
