import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import fs from 'node:fs';
import { startServer, tempDataDir, type RunningServer } from '../support/server';

interface Fixtures {
  dataDir: string;
  server: RunningServer;
  /** Opens the app and waits until it says it has loaded. */
  openApp: (page: Page, server?: RunningServer) => Promise<void>;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = tempDataDir();
    await use(dir);
    fs.rmSync(dir, { recursive: true, force: true });
  },
  server: async ({ dataDir }, use) => {
    const server = await startServer(dataDir);
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

/** Runs axe on the current screen; serious or critical violations fail the test. */
export const expectAccessible = async (page: Page, screen: string) => {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
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

/** Signs in through the sign-in screen. */
export const signIn = async (page: Page, username: string, password: string) => {
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
};

export { expect };
