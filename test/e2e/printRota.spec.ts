/**
 * The week's rota for all sites, printed as a site would pin it up: landscape, rota on page 1, full
 * names, a bounded number of pages. Printed to PDF by Chromium on a fixed clock and read with poppler.
 */
import fs from 'node:fs';
import path from 'node:path';
import { poppler } from '../support/realTools';
import { startServer } from '../support/server';
import { expect, test as base } from './fixtures';
import { writeDemo, openDemoPlanner } from './demo';
import { openBrowserFolder } from '../support/browserFolder';

const NOW = '2026-11-25T12:00:00Z';
const OUT = 'test-results/print';

const WEEK = ['2026-11-23', '2026-11-29'];

const test = base.extend<{ weekNames: string[] }>({
  // The demo organisation at noon on Wed 25 Nov 2026, and the names of everyone on that week's rota.
  weekNames: async ({ dataDir }, use) => {
    await writeDemo(dataDir);
    const opened = openBrowserFolder(dataDir);
    const ids = new Set(
      opened.app.repos.shifts
        .inMonths(['2026-11'])
        .filter((s) => !s.deleted && s.staffId && s.date >= WEEK[0] && s.date <= WEEK[1])
        .map((s) => s.staffId!),
    );
    const names = opened.app.repos.staff
      .all()
      .filter((s) => ids.has(s.id))
      .map((s) => s.name);
    opened.close();
    await use(names);
  },
  server: async ({ dataDir, weekNames }, use) => {
    void weekNames;
    const server = await startServer(dataDir, { SITEDESK_CLOCK: NOW });
    await use(server);
    await server.stop();
  },
});

test.describe.configure({ timeout: 300_000 });

test('prints every site’s week in landscape, rota from page 1, full names, a handful of pages', async ({ page, openApp, weekNames }) => {
  await page.clock.install({ time: new Date(NOW) });
  await openDemoPlanner(page, openApp);
  await expect(page.locator('.week-label')).toHaveText('Week of Mon 23 Nov 2026');
  await expect(page.locator('.shift-card').first()).toBeVisible();

  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(path.join(OUT, 'rota-all-sites.pdf'), pdf);

  const pages = poppler('pdftotext', pdf, ['-layout'])
    .split('\f')
    .filter((p) => p.trim());
  const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(poppler('pdfinfo', pdf))!;
  console.log(`Printed rota, all sites: ${pages.length} pages, ${size[1]} x ${size[2]} pt`);
  expect(Number(size[1])).toBeGreaterThan(Number(size[2]));
  expect(pages.length).toBeLessThanOrEqual(8);
  // The rota only: its title, week and sites, then the grid; none of the app's header, buttons or counts.
  const head = pages[0].split('\n').filter((l) => l.trim());
  expect(head[0].trim()).toBe('Rota');
  expect(head[1]).toContain('Week of Mon 23 Nov 2026 · 15 sites');
  expect(pages.join('\n')).not.toMatch(/Publish|Week actions|Findings|Keys|dashed = draft/);
  // Page 1 carries rota content, not only a title.
  expect(pages[0]).toMatch(/\d\d:\d\d–\d\d:\d\d/);

  // Printed by the browser's own Print as well: no button of the app shows on paper.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button').filter({ visible: true })).toHaveCount(0);
  await page.emulateMedia({ media: 'screen' });

  // Every person on this week's rota appears with their whole name.
  expect(weekNames.length).toBeGreaterThan(10);
  const printed = pages.join('\n').replace(/\s+/g, ' ');
  expect(weekNames.filter((n) => !printed.includes(n))).toEqual([]);
});
