import { _electron as electron, expect, test } from '@playwright/test';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { tempDataDir } from '../support/server';

const require = createRequire(import.meta.url);
const electronDir = path.dirname(require.resolve('electron/package.json'));
const pathFile = path.join(electronDir, 'path.txt');
const binary = fs.existsSync(pathFile) ? path.join(electronDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim()) : null;
const hasElectron = Boolean(binary && fs.existsSync(binary));

test('the desktop app starts, is sandboxed, and shows first run', async () => {
  if (!hasElectron)
    console.log('Electron smoke test skipped: no Electron binary is installed on this machine (it cannot be downloaded here).');
  test.skip(
    !hasElectron,
    'No Electron binary on this machine (it cannot be downloaded here); browser mode covers the same renderer and services.',
  );
  const app = await electron.launch({ executablePath: binary!, args: ['.'], env: { ...process.env, SITEDESK_DATA_DIR: tempDataDir() } });
  const page = await app.firstWindow();
  await page.locator('[data-app-state="loaded"]').waitFor();
  await expect(page.getByRole('heading', { name: 'Set up SiteDesk' })).toBeVisible();
  expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
  expect(
    await page.evaluate(
      () => typeof (globalThis as unknown as { sitedesk?: { api: Record<string, unknown> } }).sitedesk?.api['auth:status'],
    ),
  ).toBe('function');
  await app.close();
});
