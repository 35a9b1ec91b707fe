/**
 * A manager planning Christmas sees which days are bank holidays, in words as well as colour, in both
 * planner views and on the printed week: in 2026 Christmas Day is a Friday, Boxing Day a Saturday, and
 * its substitute day Monday 28 December. A heading too wide for its column wraps cleanly: no line of it
 * starts with a separator, and neither the date nor "Bank holiday" is split.
 */
import fs from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { poppler } from '../support/realTools';
import { demoTest as test, openDemoPlanner } from './demo';
import { expect, expectAccessible } from './fixtures';

const SHOTS = 'test-results/screens';
const WEEK = ['Mon 21 Dec', 'Tue 22 Dec', 'Wed 23 Dec', 'Thu 24 Dec', 'Fri 25 Dec', 'Sat 26 Dec', 'Sun 27 Dec'];
const HOLIDAYS = ['Fri 25 Dec', 'Mon 28 Dec'];

const NARROW = { width: 760, height: 860 };
/** A4 landscape less the printed week's 8 mm margins, in CSS pixels: the width the printed table is laid out at. */
const A4_LANDSCAPE_CONTENT = { width: 1062, height: 764 };
/** What a wrapped line must not start with: a separator left behind by the words before it. */
const SEPARATOR_FIRST = /^[·•|,;:–—-]/;

test.describe.configure({ timeout: 300_000 });

/** The lines a heading shows as laid out, top to bottom: each character placed by where its box is drawn. */
const shownLines = (head: Locator) =>
  head.evaluate((el) => {
    const lines: { top: number; text: string }[] = [];
    const range = el.ownerDocument.createRange();
    const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (let i = 0; i < text.length; i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        // A space the line ended at is collapsed away and has no box.
        const box = [...range.getClientRects()].find((r) => r.width > 0);
        if (!box) continue;
        const line = lines.find((l) => Math.abs(l.top - box.top) < box.height / 2);
        if (line) line.text += text[i];
        else lines.push({ top: box.top, text: text[i] });
      }
    }
    return lines.sort((a, b) => a.top - b.top).map((l) => l.text.trim());
  });

/** Every bank holiday heading in `scope` wraps cleanly as laid out now; returns their lines for the report. */
const expectCleanWraps = async (scope: Locator, days: string[], where: string) => {
  const shown: string[][] = [];
  for (const day of days) {
    const lines = await shownLines(scope.getByRole('columnheader', { name: new RegExp(`^${day}`) }));
    shown.push(lines);
    const said = `${day} ${where}: ${JSON.stringify(lines)}`;
    for (const line of lines) expect(line, said).not.toMatch(SEPARATOR_FIRST);
    expect(
      lines.some((l) => l.includes(day)),
      `${said}: the date on one line`,
    ).toBe(true);
    expect(
      lines.some((l) => l.includes('Bank holiday')),
      `${said}: "Bank holiday" on one line`,
    ).toBe(true);
  }
  return shown;
};

/** Tells the page it is about to be printed, or has been, as the browser's own Print does. */
const printEvent = (page: Page, type: 'beforeprint' | 'afterprint') =>
  page.locator('body').evaluate((body, event) => body.ownerDocument.defaultView!.dispatchEvent(new Event(event)), type);

/** The printed week's headings, laid out as on A4 landscape paper. */
const expectCleanPrintedWraps = async (page: Page, days: string[]) => {
  const screen = page.viewportSize()!;
  await page.setViewportSize(A4_LANDSCAPE_CONTENT);
  await page.emulateMedia({ media: 'print' });
  await printEvent(page, 'beforeprint');
  const printed = page.locator('table.print-week');
  await expect(printed).toBeVisible();
  const shown = await expectCleanWraps(printed, days, 'on paper');
  await printEvent(page, 'afterprint');
  await page.emulateMedia({ media: 'screen' });
  await page.setViewportSize(screen);
  return shown;
};

/** The first printed page's lines as poppler reads them off the paper, each with its words in order. */
const printedLines = (pdf: Buffer) =>
  [...poppler('pdftotext', pdf, ['-bbox-layout', '-l', '1']).matchAll(/<line[^>]*>([\s\S]*?)<\/line>/g)].map((m) =>
    [...m[1].matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => w[1]).join(' '),
  );

test('the week of 21 Dec 2026 marks Christmas Day and the Boxing Day substitute as bank holidays, on screen and on paper', async ({
  page,
  openApp,
}) => {
  await openDemoPlanner(page, openApp);
  await expect(page.locator('.week-label')).toHaveText('Week of Mon 23 Nov 2026');
  for (const week of ['30 Nov', '7 Dec', '14 Dec', '21 Dec']) {
    await page.getByRole('button', { name: 'Next week' }).click();
    await expect(page.locator('.week-label')).toHaveText(`Week of Mon ${week} 2026`);
  }

  const dayHeads = async () => {
    const grid = page.locator('.grid-wrap table').first();
    await expect(grid.getByRole('columnheader').nth(1)).toBeVisible();
    return Object.fromEntries(
      await Promise.all(
        WEEK.map(async (day) => {
          const head = grid.getByRole('columnheader', { name: new RegExp(`^${day}`) });
          await expect(head).toHaveCount(1);
          // Readable in full, not cut off at the column's edge.
          expect(await head.evaluate((th) => th.scrollWidth - th.clientWidth), `${day} fits its column`).toBeLessThanOrEqual(0);
          return [day, (await head.textContent())!.trim()] as const;
        }),
      ),
    );
  };
  const expectMarked = (heads: Record<string, string>) => {
    for (const day of WEEK) {
      if (HOLIDAYS.includes(day)) expect(heads[day], day).toMatch(new RegExp(`^${day}\\b.*\\bBank holiday$`));
      else expect(heads[day], day).not.toMatch(/bank holiday/i);
    }
  };

  // By site: the day headers say it, and a screen reader hears it in the header's name.
  expectMarked(await dayHeads());
  await expect(page.getByRole('columnheader', { name: /^Fri 25 Dec\b.*\bBank holiday$/ })).toHaveCount(1);
  await expectAccessible(page, 'planner bank holiday headings', '.rota-grid thead');
  const grid = page.locator('.grid-wrap table').first();
  console.log('By site, 1360 wide:', JSON.stringify(await expectCleanWraps(grid, ['Fri 25 Dec'], 'by site')));
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/planner-bank-holidays.png` });
  await page.setViewportSize(NARROW);
  // The grid scrolls sideways at this width: bring Christmas Day's column into the picture.
  await grid.getByRole('columnheader', { name: /^Fri 25 Dec/ }).scrollIntoViewIfNeeded();
  console.log('By site, narrow:', JSON.stringify(await expectCleanWraps(grid, ['Fri 25 Dec'], 'by site, narrow')));
  await page.screenshot({ path: `${SHOTS}/planner-bank-holidays-narrow.png` });
  await page.setViewportSize({ width: 1360, height: 860 });

  // On paper, the printed week's day headings say it too.
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  fs.writeFileSync(`${SHOTS}/rota-bank-holidays.pdf`, pdf);
  // Read in reading order, not laid out: a heading that wraps in its narrow column still reads as one.
  const firstPage = poppler('pdftotext', pdf, []).split('\f')[0].replace(/\s+/g, ' ');
  for (const day of HOLIDAYS.slice(0, 1)) expect(firstPage).toMatch(new RegExp(`${day}\\W+Bank holiday`));
  expect(firstPage.match(/Bank holiday/g)).toHaveLength(1);
  // As laid out on the paper: no printed line starts with a separator a wrap left behind.
  const paperLines = printedLines(pdf);
  expect(paperLines.some((l) => l.includes('Bank holiday'))).toBe(true);
  expect(paperLines.filter((l) => SEPARATOR_FIRST.test(l))).toEqual([]);
  console.log('Printed:', JSON.stringify(await expectCleanPrintedWraps(page, ['Fri 25 Dec'])));

  // By person: the same.
  await page.getByRole('button', { name: 'By person' }).click();
  expectMarked(await dayHeads());
  await expectCleanWraps(grid, ['Fri 25 Dec'], 'by person');
  await page.screenshot({ path: `${SHOTS}/planner-bank-holidays-people.png` });
  await page.setViewportSize(NARROW);
  await grid.getByRole('columnheader', { name: /^Fri 25 Dec/ }).scrollIntoViewIfNeeded();
  await expectCleanWraps(grid, ['Fri 25 Dec'], 'by person, narrow');
  await page.screenshot({ path: `${SHOTS}/planner-bank-holidays-people-narrow.png` });
  await page.setViewportSize({ width: 1360, height: 860 });

  // The next week starts with the substitute day.
  await page.getByRole('button', { name: 'Next week' }).click();
  await expect(page.locator('.week-label')).toHaveText('Week of Mon 28 Dec 2026');
  await expect(
    page
      .locator('.grid-wrap table')
      .first()
      .getByRole('columnheader', { name: /^Mon 28 Dec\b.*\bBank holiday$/ }),
  ).toHaveCount(1);
  await expect(
    page
      .locator('.grid-wrap table')
      .first()
      .getByRole('columnheader', { name: /^Tue 29 Dec/ }),
  ).not.toContainText('Bank holiday');
  await page.getByRole('button', { name: 'By site' }).click();
  const nextPdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const nextPage = poppler('pdftotext', nextPdf, []).split('\f')[0].replace(/\s+/g, ' ');
  expect(nextPage).toMatch(/Mon 28 Dec\W+Bank holiday/);
  expect(printedLines(nextPdf).filter((l) => SEPARATOR_FIRST.test(l))).toEqual([]);
  await expectCleanPrintedWraps(page, ['Mon 28 Dec']);
});
