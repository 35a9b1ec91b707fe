/**
 * A manager planning Christmas sees which days are bank holidays, in words as well as colour, in both
 * planner views and on the printed week: in 2026 Christmas Day is a Friday, Boxing Day a Saturday, and
 * its substitute day Monday 28 December.
 */
import fs from 'node:fs';
import { poppler } from '../support/realTools';
import { demoTest as test, openDemoPlanner } from './demo';
import { expect, expectAccessible } from './fixtures';

const SHOTS = 'test-results/screens';
const WEEK = ['Mon 21 Dec', 'Tue 22 Dec', 'Wed 23 Dec', 'Thu 24 Dec', 'Fri 25 Dec', 'Sat 26 Dec', 'Sun 27 Dec'];
const HOLIDAYS = ['Fri 25 Dec', 'Mon 28 Dec'];

test.describe.configure({ timeout: 300_000 });

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
      if (HOLIDAYS.includes(day)) expect(heads[day], day).toMatch(new RegExp(`^${day}\\s*·\\s*Bank holiday`));
      else expect(heads[day], day).not.toMatch(/bank holiday/i);
    }
  };

  // By site: the day headers say it, and a screen reader hears it in the header's name.
  expectMarked(await dayHeads());
  await expect(page.getByRole('columnheader', { name: /^Fri 25 Dec · Bank holiday/ })).toHaveCount(1);
  await expectAccessible(page, 'planner bank holiday headings', '.rota-grid thead');
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/planner-bank-holidays.png` });

  // On paper, the printed week's day headings say it too.
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  fs.writeFileSync(`${SHOTS}/rota-bank-holidays.pdf`, pdf);
  // Read in reading order, not laid out: a heading that wraps in its narrow column still reads as one.
  const firstPage = poppler('pdftotext', pdf, []).split('\f')[0].replace(/\s+/g, ' ');
  for (const day of HOLIDAYS.slice(0, 1)) expect(firstPage).toContain(`${day} · Bank holiday`);
  expect(firstPage.match(/Bank holiday/g)).toHaveLength(1);

  // By person: the same.
  await page.getByRole('button', { name: 'By person' }).click();
  expectMarked(await dayHeads());
  await page.screenshot({ path: `${SHOTS}/planner-bank-holidays-people.png` });

  // The next week starts with the substitute day.
  await page.getByRole('button', { name: 'Next week' }).click();
  await expect(page.locator('.week-label')).toHaveText('Week of Mon 28 Dec 2026');
  await expect(
    page
      .locator('.grid-wrap table')
      .first()
      .getByRole('columnheader', { name: /^Mon 28 Dec · Bank holiday/ }),
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
  expect(nextPage).toContain('Mon 28 Dec · Bank holiday');
});
