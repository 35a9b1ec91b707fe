/**
 * The printed week with the names a county council really has: long double-barrelled Welsh and Irish
 * names. Each must stay inside its day's column, wrapped onto more lines if need be, never running over
 * the next day's shifts, and read back whole from the PDF.
 */
import { poppler } from '../support/realTools';
import { startServer } from '../support/server';
import { openBrowserFolder } from '../support/browserFolder';
import { expect, test as base } from './fixtures';
import { openDemoPlanner, writeDemo } from './demo';

const NOW = '2026-11-25T12:00:00Z';
const LONG_NAMES = [
  'Llŷr Ó’Súilleabháin-Featherstonehaugh ap Gwilym',
  'Zoë Ó’Brien-Montgomery-Fitzwilliam',
  'Siân Cadwaladr-Llewellyn ap Rhys-Vaughan',
  'Aoife Nic Giolla Phádraig-Ó Ceallaigh',
  'Gwenllian Prydderch-Wynne-Hughes',
  'Maximilian Featherstonehaugh-Cholmondeley',
  'Rhiannon Llywelyn-Bowen ap Dafydd',
];
const WEEK = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29'];

const test = base.extend<{ renamed: string[] }>({
  // The demo organisation, with someone working each day of the week given a long name.
  renamed: async ({ dataDir }, use) => {
    await writeDemo(dataDir);
    const opened = openBrowserFolder(dataDir);
    const shifts = opened.app.repos.shifts.inMonths(['2026-11']).filter((s) => !s.deleted && s.staffId);
    const chosen: string[] = [];
    for (const day of WEEK) {
      const id = shifts.find((s) => s.date === day && !chosen.includes(s.staffId!))?.staffId;
      if (id) chosen.push(id);
    }
    const staff = opened.app.repos.staff.all();
    opened.app.repos.staff.putMany(chosen.map((id, i) => ({ ...staff.find((s) => s.id === id)!, name: LONG_NAMES[i] })));
    opened.close();
    await use(LONG_NAMES.slice(0, chosen.length));
  },
  server: async ({ dataDir, renamed }, use) => {
    void renamed;
    const server = await startServer(dataDir, { SITEDESK_CLOCK: NOW });
    await use(server);
    await server.stop();
  },
});

test.describe.configure({ timeout: 300_000 });

test('a week of long names prints inside the page, every name whole', async ({ page, openApp, renamed }) => {
  await page.clock.install({ time: new Date(NOW) });
  await openDemoPlanner(page, openApp);
  await expect(page.locator('.shift-card').first()).toBeVisible();
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });

  // Nothing printed past the right margin (8 mm, 22.7 pt, of A4 landscape), where the page cuts it off; the
  // bottom margin holds only 'Page n of m'.
  const [width, height] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(poppler('pdfinfo', pdf))!.slice(1).map(Number);
  const words = [
    ...poppler('pdftotext', pdf, ['-bbox']).matchAll(/<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g),
  ].map(([, xMax, yMax, word]) => ({ xMax: Number(xMax), yMax: Number(yMax), word }));
  expect(words.length).toBeGreaterThan(100);
  const cutOff = words.filter((w) => w.xMax > width - 22.7 && w.yMax < height - 22.7).map((w) => w.word);
  expect(cutOff).toEqual([]);

  // Each long name whole, wherever a line broke it (after a hyphen, or at a space).
  const text = poppler('pdftotext', pdf, ['-raw']).replace(/-\s+/g, '-').replace(/\s+/g, ' ');
  for (const name of renamed) expect(text).toContain(name);
});
