/**
 * A desk imports a week's rota for County Hall from the demo organisation: the preview lists well over a
 * hundred records, grouped by kind and site, in date order, with the person each shift is for, and Apply
 * stays in view however far down the list one reads (issue 15).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Download, Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../../main/seed/demo';
import { startServer, tempDataDir } from '../support/server';
import { expect, expectAccessible, signIn } from './fixtures';
import { DEMO_NOW, demoTest } from './demo';

const NOW = DEMO_NOW;
const SHOTS = 'test-results/screens';
const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

const test = demoTest;

test.describe.configure({ timeout: 300_000 });

const saved = async (download: Download, dir: string) => {
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  return file;
};
const loaded = (page: Page) => page.locator('[data-app-state="loaded"]').waitFor();

test('a desk previews a week’s rota grouped, sorted and named, with Apply always in view', async ({ page, openApp, browser }) => {
  const files = tempDataDir('sitedesk-files-');
  const deskDir = tempDataDir('sitedesk-desk-');
  const desk = await startServer(deskDir, { SITEDESK_CLOCK: NOW });
  try {
    await openApp(page);
    await signIn(page, 'manager', DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Exchange' }).click();
    const enrol = page.getByRole('form', { name: 'Set up a site desk' });
    await enrol.getByLabel('CH · County Hall').check();
    await enrol
      .getByRole('checkbox', { name: /\(CH\)$/ })
      .first()
      .check();
    const [enrolFile] = await Promise.all([
      page.waitForEvent('download'),
      enrol.getByRole('button', { name: 'Make enrolment file' }).click(),
    ]);
    const enrolment = await saved(enrolFile, files);
    const code = (await page.getByTestId('enrolment-code').textContent())!;
    const rota = page.getByRole('form', { name: 'Export a rota pack' });
    await rota.getByLabel('CH · County Hall').check();
    await rota.getByLabel('First week (the Monday)').fill('2026-11-23');
    const [rotaFile] = await Promise.all([page.waitForEvent('download'), rota.getByRole('button', { name: 'Export rota pack' }).click()]);
    const rotaPack = await saved(rotaFile, files);

    const dp = await (await browser.newContext({ acceptDownloads: true })).newPage();
    await dp.clock.install({ time: new Date(NOW) });
    await dp.goto(desk.url);
    await loaded(dp);
    await dp.getByLabel('Set up as a site desk from an enrolment file').check();
    await dp.getByLabel('Enrolment file (.sitedesk-enrolment)').setInputFiles(enrolment);
    await dp.getByLabel('Enrolment code').fill(code);
    await dp.getByRole('button', { name: 'Set up this desk' }).click();
    await signIn(dp, 'sup.ch', DEMO_PASSWORD);
    await dp.getByRole('button', { name: 'Exchange' }).click();
    await dp.getByLabel('Pack file (.sitedesk-pack)').setInputFiles(rotaPack);
    const preview = dp.getByRole('region', { name: /Preview of sitedesk-rota-CH/ });
    await expect(preview).toBeVisible();

    // Apply is on screen at once, though the list runs far below the window.
    const apply = preview.getByRole('button', { name: 'Apply' });
    await expect(apply).toBeInViewport();
    const table = preview.getByRole('table');
    expect((await table.boundingBox())!.height).toBeGreaterThan(2 * 860);

    // Grouped: a heading row per kind and site, with its count (the site itself came with the enrolment, unchanged).
    const groups = await table.getByRole('rowheader').allTextContents();
    expect(groups.map((g) => g.replace(/ · \d+$/, ''))).toEqual(['Staff', 'Shifts at CH']);
    const shiftCount = Number(/ · (\d+)$/.exec(groups[1])![1]);
    expect(shiftCount).toBeGreaterThan(50);

    // Sorted: the shifts run Monday to Sunday, each day by start time, each named.
    const shiftRows = table.getByRole('row').filter({ has: dp.getByRole('cell', { name: 'Shift', exact: true }) });
    await expect(shiftRows).toHaveCount(shiftCount);
    const cells = await shiftRows.evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    const keys = cells.map(([, record]) => {
      const m = /^CH (\w{3}) \d+ \w{3} (\d\d:\d\d)–/.exec(record)!;
      return `${DAYS.indexOf(m[1])} ${m[2]}`;
    });
    expect(keys).toEqual([...keys].sort());
    expect(keys[0].startsWith('0 ')).toBe(true);
    expect(cells.every(([, , who]) => who.length > 0)).toBe(true);
    expect(cells.filter(([, , who]) => who !== 'OPEN').length).toBeGreaterThan(shiftCount / 2);
    fs.mkdirSync(SHOTS, { recursive: true });
    await dp.screenshot({ path: `${SHOTS}/exchange-preview-grouped.png` });
    await expectAccessible(dp, 'import preview, grouped');

    // Read to the end of the list: Apply is still in view, and applies.
    await shiftRows.last().scrollIntoViewIfNeeded();
    await expect(apply).toBeInViewport();
    await dp.screenshot({ path: `${SHOTS}/exchange-preview-end.png` });
    await apply.click();
    await expect(dp.getByText(/Imported .* \d+ added/)).toBeVisible();
  } finally {
    await desk.stop();
    fs.rmSync(files, { recursive: true, force: true });
    fs.rmSync(deskDir, { recursive: true, force: true });
  }
});
