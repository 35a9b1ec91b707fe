/**
 * The manager's Attendance screen at noon on a busy day, at the journeys' 1360×860: times, hours and the
 * arrival and no-show marks each read on one line, whatever the names and corrections beside them.
 */
import type { Page } from '@playwright/test';
import fs from 'node:fs';
import type { AppCore } from '../../main/services/types';
import { newMeta } from '../../main/services/records';
import type { Attendance } from '../../shared/schemas/attendance';
import type { Shift } from '../../shared/schemas/shift';
import { DESK_PASSWORD, DESK_SHIFTS, DESK_STAFF, SEED_CLOCK } from '../support/deskWorld';
import { expect, signIn } from './fixtures';
import { deskTest, serveSeededDesk } from './seed';

const NOON = '2026-11-25T12:00:00.000Z';
const SHOTS = 'test-results/screens';

const record = (id: string, s: Shift, signedInAt: string, signedOutAt: string | null, o: Partial<Attendance> = {}): Attendance => ({
  ...newMeta(SEED_CLOCK, 'seed_system_0001', Date.parse(signedInAt), id),
  shiftId: s.id,
  staffId: s.staffId!,
  site: s.site,
  date: s.date,
  signedInAt,
  signedOutAt,
  noShow: false,
  corrections: [],
  ...o,
});

/**
 * The morning as it went: Sam and Rhea in late, Cleo's shift done and corrected, Omar never came, and Kim not in
 * yet for her 11:40 (the longest mark: "not in yet, 20 min late").
 */
const morning = (app: AppCore) => {
  app.repos.shifts.put([{ ...DESK_SHIFTS.omar, id: 'shift_kim_00001', staffId: DESK_STAFF.kim.id, start: '11:40', end: '19:40' }]);
  app.repos.attendance.put([
    record('att_sam_0000001', DESK_SHIFTS.sam, '2026-11-25T08:20:00.000Z', null),
    record('att_rhea_000001', DESK_SHIFTS.rhea, '2026-11-25T08:35:00.000Z', null),
    record('att_cleo_000001', DESK_SHIFTS.cleo, '2026-11-25T07:02:00.000Z', '2026-11-25T10:00:00.000Z', {
      corrections: [
        {
          at: '2026-11-25T10:05:00.000Z',
          by: 'account_sup_ch01',
          reason: 'Forgot to sign out at the end of her shift',
          field: 'signedOutAt',
          before: null,
          after: '2026-11-25T10:00:00.000Z',
        },
      ],
    }),
    // Nia's night shift, Tue 24 Nov 19:00 to 07:00, signed out after midnight through a correction.
    record('att_night_00001', DESK_SHIFTS.night, '2026-11-24T18:55:00.000Z', '2026-11-25T06:55:00.000Z', {
      corrections: [
        {
          at: '2026-11-25T07:10:00.000Z',
          by: 'account_sup_ch01',
          reason: 'Left at handover without signing out',
          field: 'signedOutAt',
          before: null,
          after: '2026-11-25T06:55:00.000Z',
        },
      ],
    }),
  ]);
};

const test = deskTest.extend({
  clockAt: NOON,
  // eslint-disable-next-line no-empty-pattern
  deskServer: async ({}, use) => serveSeededDesk(NOON, use, morning),
});

/**
 * For each cell of `table` in the columns headed `headings`, the number of lines its text takes on screen, keyed
 * `heading: text`, and for each heading, keyed `heading (heading)`.
 */
const linesIn = (page: Page, table: string, headings: string[]) =>
  page.locator(table).evaluate((t, wanted) => {
    const doc = t.ownerDocument;
    const lines = (el: typeof t): number => {
      const tops: number[] = [];
      const walk = doc.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
      for (let n = walk.nextNode(); n; n = walk.nextNode()) {
        const range = doc.createRange();
        range.selectNodeContents(n);
        for (const r of range.getClientRects()) if (r.width > 0) tops.push(r.top);
      }
      tops.sort((a, b) => a - b);
      return tops.filter((top, i) => i === 0 || top - tops[i - 1] > 6).length;
    };
    const heads = [...t.querySelectorAll('thead th')];
    const out: Record<string, number> = {};
    for (const name of wanted) {
      const col = heads.findIndex((th) => th.textContent === name);
      out[`${name} (heading)`] = lines(heads[col]);
      for (const tr of t.querySelectorAll('tbody tr')) {
        const td = tr.children[col];
        out[`${name}: ${td.textContent}`] = lines(td);
      }
    }
    return out;
  }, headings);

/**
 * For each of `readings` found in a cell of the Shifts table's Corrections column, the number of lines it takes on
 * screen, keyed `name: reading`.
 */
const readingLines = (page: Page, readings: string[]) =>
  page.locator('table.attendance-shifts').evaluate((t, wanted) => {
    const doc = t.ownerDocument;
    const col = [...t.querySelectorAll('thead th')].findIndex((th) => th.textContent === 'Corrections');
    const out: Record<string, number> = {};
    for (const tr of t.querySelectorAll('tbody tr')) {
      const td = tr.children[col];
      // The cell's text nodes end to end, so a reading is found whichever elements it is laid out in.
      const walk = doc.createTreeWalker(td, 4 /* NodeFilter.SHOW_TEXT */);
      const nodes: { node: typeof walk.root; from: number }[] = [];
      let text = '';
      for (let n = walk.nextNode(); n; n = walk.nextNode()) {
        nodes.push({ node: n, from: text.length });
        text += n.textContent;
      }
      const at = (i: number) => {
        const hit = nodes.findLast((x) => x.from <= i)!;
        return [hit.node, i - hit.from] as const;
      };
      for (const reading of wanted) {
        const i = text.indexOf(reading);
        if (i < 0) continue;
        const range = doc.createRange();
        range.setStart(...at(i));
        // Ends just after its last character, in the text node that character is in.
        const [last, offset] = at(i + reading.length - 1);
        range.setEnd(last, offset + 1);
        const tops = [...range.getClientRects()].filter((r) => r.width > 0).map((r) => r.top);
        tops.sort((a, b) => a - b);
        out[`${tr.children[1].textContent}: ${reading}`] = tops.filter((top, j) => j === 0 || top - tops[j - 1] > 6).length;
      }
    }
    return out;
  }, readings);

/** What `lines` should be: every cell on one line; headings may wrap between words, as `wrapped` says they do. */
const cellsOnOneLine = (lines: Record<string, number>) =>
  Object.fromEntries(Object.entries(lines).map(([k, n]) => [k, k.endsWith(' (heading)') ? n : 1]));

test('times, hours, arrivals and no-shows on the Attendance screen each stay on one line', async ({ page, openDesk }) => {
  fs.mkdirSync(SHOTS, { recursive: true });
  await openDesk(page);
  await signIn(page, 'manager', DESK_PASSWORD);
  await page.getByRole('button', { name: 'Attendance' }).click();
  await expect(page.getByRole('heading', { name: 'Attendance and timesheets' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Sam Guard/ }).first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/attendance-noon.png`, fullPage: true });
  await page.locator('table.attendance-shifts').screenshot({ path: `${SHOTS}/attendance-noon-shifts.png` });

  const people = await linesIn(page, 'table.attendance-people', [
    'Name',
    'Employee no.',
    'Scheduled hours',
    'Paid hours',
    'Late',
    'No-shows',
    'Cost',
  ]);
  expect.soft(people).toEqual(cellsOnOneLine(people));
  // Sam's, Rhea's and Paul's totals take in their running shifts' hours so far: a short mark ("3.17+") says so, with the
  // words for a screen reader and in its title, each on one line; Cleo's finished shift reads as it is.
  expect([
    people['Paid hours: 3.17+ including hours so far'],
    people['Paid hours: 2.92+ including hours so far'],
    people['Paid hours: 4.50+ including hours so far'],
    people['Paid hours: 2.97'],
  ]).toEqual([1, 1, 1, 1]);
  const sam = page.locator('table.attendance-people').getByRole('row', { name: /Sam Guard/ });
  await expect(sam.getByRole('cell', { name: '3.17 including hours so far' })).toBeVisible();
  await expect(sam.getByTitle('Includes the hours so far of a shift still under way, growing until they sign out')).toHaveText(
    '3.17+ including hours so far',
  );
  const shifts = await linesIn(page, 'table:has(th:text-is("Arrival"))', [
    'Date',
    'Name',
    'Service',
    'Scheduled',
    'Actual in',
    'Actual out',
    'Paid hours',
    'Arrival',
    'No-show',
  ]);
  expect.soft(shifts).toEqual(cellsOnOneLine(shifts));
  // Sam and Rhea are still in (their shifts run past noon): their paid hours are so far, said in words, on one line.
  expect([shifts['Paid hours: 3.17 so far'], shifts['Paid hours: 2.92 so far'], shifts['Paid hours: 2.97']]).toEqual([1, 1, 1]);
  // Wrapped, it broke at its hyphen: "No-" over "show".
  expect(shifts['No-show (heading)']).toBe(1);
  // A correction wraps with its reason, but each time, and the day it names when not the shift's own, reads whole
  // (before, the night's sign-out read "06:55 on Wed 25" over "Nov").
  await expect(page.getByRole('cell', { name: 'Sign-out — → 06:55 on Wed 25 Nov (Left at handover without signing out)' })).toBeVisible();
  expect(await readingLines(page, ['Sign-out', '10:00', '06:55', 'on Wed 25 Nov'])).toEqual({
    'Cleo Early: Sign-out': 1,
    'Cleo Early: 10:00': 1,
    'Nia Night: Sign-out': 1,
    'Nia Night: 06:55': 1,
    'Nia Night: on Wed 25 Nov': 1,
  });
  // Kept whole, not pushed past the window: each table fits the screen's width, and the screen does not scroll sideways.
  const widths = await page.locator('html').evaluate((html) => ({
    page: html.scrollWidth - html.clientWidth,
    tables: [...html.querySelectorAll('table')].map((t) => Math.round(t.getBoundingClientRect().width - t.parentElement!.clientWidth)),
  }));
  expect(widths).toEqual({ page: 0, tables: [0, 0] });
});
