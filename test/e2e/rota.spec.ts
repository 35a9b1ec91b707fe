import ICAL from 'ical.js';
import fs from 'node:fs';
import { createFirstManager, expect, expectAccessible, test } from './rotaFixtures';
import { gridCell } from './fixtures';

const SHOTS = 'test-results/screens';

// Axe and a whole planning journey take minutes on a busy two-core machine.
test.describe.configure({ timeout: 300_000 });

const cell = gridCell;

test('build next week from a pattern, see a rest warning and a gap, fill it, publish and export a calendar', async ({ page, openApp }) => {
  fs.mkdirSync(SHOTS, { recursive: true });
  await openApp(page);
  await createFirstManager(page);
  await page.getByRole('button', { name: 'Rota' }).click();
  await expect(page.getByRole('heading', { name: 'Rota', level: 1 })).toBeVisible();
  await page.getByLabel('Site', { exact: true }).selectOption('CH');
  await page.getByRole('button', { name: 'Next week' }).click();
  const weekLabel = await page.locator('.week-label').textContent();
  expect(weekLabel).toMatch(/^Week of Mon \d+ \w+ \d{4}$/);

  await page.getByRole('button', { name: 'Week actions' }).click();
  await page.getByRole('menuitem', { name: 'Pattern' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Pattern').selectOption({ label: 'New: 4 on 4 off, 12 h days and nights (24/7 security)' });
  await dialog.getByLabel(/^Days A/).selectOption({ label: 'Ana Silva' });
  await dialog.getByLabel(/^Nights A/).selectOption({ label: 'Ben Carter' });
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await expect(dialog.getByRole('heading', { name: '14 shifts will be created' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Create 14 shifts' }).click();
  await expect(page.getByText(/Created 14 draft shifts/)).toBeVisible();

  // Weekday daytime needs two officers and the pattern gives one: the gap shows where it is.
  await expect(cell(page, 'Security', 0).locator('.gap-mark', { hasText: '07:00–19:00' })).toContainText('Gap 07:00–19:00 · 1 short');
  await page.screenshot({ path: `${SHOTS}/week-one-site.png`, fullPage: false });
  await expectAccessible(page, 'planner');

  // Ana finishes at 19:00 on Thursday; an early start on Friday leaves her 10 h rest.
  await cell(page, 'Security', 4)
    .getByRole('button', { name: /^07:00–19:00, OPEN/ })
    .click();
  const edit = page.getByRole('dialog');
  await edit.getByLabel('Person').selectOption({ label: 'Ana Silva' });
  await expect(edit.getByRole('region', { name: 'Rule check' })).toContainText('rostered 55 h');
  await edit.getByLabel('Start').fill('05:00');
  await expect(edit.getByRole('region', { name: 'Rule check' })).toContainText(/Warning: Ana Silva has 10 h rest/);
  await page.screenshot({ path: `${SHOTS}/shift-dialog.png` });
  await edit.getByRole('button', { name: 'Save shift' }).click();
  await expect(cell(page, 'Security', 4).getByRole('button', { name: /^05:00–19:00, Ana Silva.*warning/ })).toBeVisible();

  // Saturday's day shift is open, so Saturday daytime has no one: fill it from the ranked list.
  await expect(cell(page, 'Security', 5).locator('.gap-mark').first()).toBeVisible();
  await cell(page, 'Security', 5)
    .getByRole('button', { name: /^07:00–19:00, OPEN/ })
    .click();
  await page.getByRole('dialog').getByRole('button', { name: 'Find cover' }).click();
  const fill = page.getByRole('dialog');
  await expect(fill.getByRole('heading', { name: 'Fill open shift' })).toBeVisible();
  const ranked = fill.getByRole('list', { name: 'Ranked people' }).locator(':scope > li');
  await expect(ranked.first()).toContainText('Dev Patel');
  await expect(ranked.first()).toContainText('under contract this week');
  await page.screenshot({ path: `${SHOTS}/fill-panel.png` });
  await expectAccessible(page, 'fill panel');
  await fill.getByRole('button', { name: 'Assign Dev Patel' }).click();
  await expect(cell(page, 'Security', 5).getByRole('button', { name: /^07:00–19:00, Dev Patel/ })).toBeVisible();
  await expect(cell(page, 'Security', 5).locator('.gap-mark', { hasText: '07:00–19:00' })).toHaveCount(0);

  // Undo and redo the assignment from the keyboard.
  await page.keyboard.press('Control+z');
  await expect(cell(page, 'Security', 5).getByRole('button', { name: /^07:00–19:00, OPEN/ })).toBeVisible();
  await page.keyboard.press('Control+Shift+z');
  await expect(cell(page, 'Security', 5).getByRole('button', { name: /^07:00–19:00, Dev Patel/ })).toBeVisible();

  await page.getByRole('button', { name: /^Publish/ }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByText(/Published 14 shifts/)).toBeVisible();
  await expect(cell(page, 'Security', 0).getByRole('button', { name: /Ana Silva, published/ })).toBeVisible();

  // Publishing is undoable like any planner action: the same 14 shifts go back to draft, and come back.
  await page.keyboard.press('Control+z');
  await expect(page.getByText('Publish undone: 14 shifts are drafts again. Redo with Ctrl+Shift+Z.')).toBeVisible();
  await expect(cell(page, 'Security', 0).getByRole('button', { name: /Ana Silva, draft/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Publish (14)' })).toBeVisible();
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByText('Redone: Publish 14 shifts')).toBeVisible();
  await expect(cell(page, 'Security', 0).getByRole('button', { name: /Ana Silva, published/ })).toBeVisible();
  await cell(page, 'Security', 0)
    .getByRole('button', { name: /Ana Silva, published/ })
    .click();
  const history = page.getByRole('dialog').locator('details.history');
  await history.locator('summary').click();
  await expect(history.getByRole('listitem')).toHaveText([
    /by Maria Okafor — was draft; now published/,
    /by Maria Okafor — was published; now draft/,
  ]);
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'By person' }).click();
  await page.getByRole('button', { name: 'Ana Silva', exact: true }).click();
  const person = page.getByRole('dialog');
  await expect(person.getByRole('heading', { name: 'Ana Silva' })).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    person.getByRole('button', { name: 'Export calendar (.ics)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^rota-ana-silva-\d{4}-\d{2}-\d{2}\.ics$/);
  const text = fs.readFileSync(await download.path(), 'utf8');
  const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  expect(events).toHaveLength(5);
  expect(events.every((e) => e.summary === 'Security at County Hall')).toBe(true);
  expect(events.map((e) => (e.endDate.toJSDate().getTime() - e.startDate.toJSDate().getTime()) / 3_600_000)).toEqual([12, 12, 12, 12, 14]);
});

test('all sites at once, keyboard week switching, and a shift made from the keyboard', async ({ page, openApp }) => {
  fs.mkdirSync(SHOTS, { recursive: true });
  await openApp(page);
  await createFirstManager(page);
  await page.getByRole('button', { name: 'Rota' }).click();
  const label = page.locator('.week-label');
  const first = await label.textContent();
  await page.keyboard.press('ArrowRight');
  await expect(label).not.toHaveText(first!);
  await page.keyboard.press('t');
  await expect(label).toHaveText(first!);
  // All 15 sites are on the grid: only the blocks near the view are in the page, the rest as you scroll.
  const grid = page.locator('.grid-wrap');
  await expect(grid.getByRole('rowheader').filter({ hasText: 'APC' })).toBeVisible();
  await grid.evaluate((e) => (e.scrollTop = e.scrollHeight));
  await expect(grid.getByRole('rowheader').filter({ hasText: 'WGC' })).toBeVisible();
  await expect(grid.getByRole('rowheader').filter({ hasText: 'APC' })).toHaveCount(0);
  await grid.evaluate((e) => (e.scrollTop = 0));
  await expect(grid.getByRole('rowheader').filter({ hasText: 'APC' })).toBeVisible();

  await page.keyboard.press('n');
  const dialog = page.getByRole('dialog', { name: 'Add a shift' });
  await dialog.getByLabel('Service').selectOption('security');
  await dialog.getByLabel('Person').selectOption({ label: 'Cara Jones' });
  await expect(dialog.getByRole('region', { name: 'Rule check' })).toContainText('Blocked:');
  await dialog.getByRole('button', { name: 'Add shift' }).click();
  await expect(dialog.getByText(/needs? a manager's override/).first()).toBeVisible();
  await dialog.getByLabel('Override reason').fill('Covering for a sick officer, SIA check pending');
  await dialog.getByRole('button', { name: 'Add shift' }).click();
  await expect(dialog).toBeHidden();
  await page.keyboard.press('n');
  await expectAccessible(page, 'shift dialog');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: /Cara Jones.*overridden/ })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/week-all-sites.png` });
});

test('a saved pattern can be deleted from the pattern dialog, and the deletion undone', async ({ page, openApp }) => {
  await openApp(page);
  await createFirstManager(page);
  await page.getByRole('button', { name: 'Rota' }).click();
  await page.getByLabel('Site', { exact: true }).selectOption('CH');
  await page.getByRole('button', { name: 'Week actions' }).click();
  await page.getByRole('menuitem', { name: 'Pattern' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Pattern').selectOption({ label: 'New: 4 on 4 off, 12 h days and nights (24/7 security)' });
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await expect(dialog.getByRole('heading', { name: /shifts will be created/ })).toBeVisible();
  const saved = dialog.getByLabel('Pattern').locator('option', { hasNotText: /^(Choose…|New: )/ });
  await expect(saved).toHaveCount(1);
  const name = (await saved.textContent())!.trim();

  await dialog.getByRole('button', { name: `Delete the saved pattern “${name}”` }).click();
  await expect(dialog.getByText(`Deleted the saved pattern “${name}”`)).toBeVisible();
  await expect(saved).toHaveCount(0);
  await expectAccessible(page, 'pattern deleted');
  await dialog.getByRole('button', { name: 'Undo' }).click();
  await expect(saved).toHaveCount(1);
  await expect(dialog.getByLabel('Pattern')).not.toHaveValue('');
});

test('a shift template can be deleted from the shift dialog, and the deletion undone', async ({ page, openApp }) => {
  await openApp(page);
  await createFirstManager(page);
  await page.getByRole('button', { name: 'Rota' }).click();
  await page.getByLabel('Site', { exact: true }).selectOption('CH');
  // N makes a shift from anywhere but a form field, so the keyboard leaves the Site box first.
  await page.getByLabel('Site', { exact: true }).blur();
  await page.keyboard.press('n');
  const dialog = page.getByRole('dialog', { name: 'Add a shift' });
  await dialog.getByLabel('Service').selectOption('security');
  await dialog.getByRole('button', { name: 'Save these times as a template' }).click();
  const saved = dialog.getByLabel('Template').locator('option', { hasNotText: /^(Use saved times…|No saved times yet)$/ });
  await expect(saved).toHaveCount(1);
  const name = (await saved.textContent())!.trim();

  await dialog.getByLabel('Template').selectOption({ label: name });
  await dialog.getByRole('button', { name: `Delete the template “${name}”` }).click();
  await expect(dialog.getByRole('status').filter({ hasText: `Deleted the template “${name}”` })).toBeVisible();
  await expect(saved).toHaveCount(0);
  await expectAccessible(page, 'template deleted');
  await dialog.getByRole('button', { name: 'Undo' }).click();
  await expect(saved).toHaveCount(1);
  await expect(saved).toHaveText(name);
});

test('N pressed while the week is still loading opens the new shift once it has loaded', async ({ page, openApp }) => {
  await openApp(page);
  await createFirstManager(page);
  await page.getByRole('button', { name: 'Rota' }).click();
  await expect(page.getByLabel('Site', { exact: true })).toBeVisible();
  // The next week's answer is held back, so N lands while the planner is loading it.
  let release = () => undefined as void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let asked = false;
  await page.route('**/api/rota:week', async (route) => {
    asked = true;
    await held;
    await route.continue();
  });
  await page.getByLabel('Site', { exact: true }).selectOption('CH');
  await page.getByLabel('Site', { exact: true }).blur();
  await expect.poll(() => asked).toBe(true);
  await page.keyboard.press('n');
  const dialog = page.getByRole('dialog', { name: 'Add a shift' });
  await expect(dialog).toHaveCount(0);
  release();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Site')).toHaveValue('CH');
});

test('moving a new shift to a site without its service shows and saves a service the site runs; its patterns offer only those', async ({
  page,
  openApp,
}) => {
  await openApp(page);
  await createFirstManager(page);
  await page.getByRole('button', { name: 'Rota' }).click();
  await page.getByRole('button', { name: 'Add Security shift at APC' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a shift' });
  await expect(dialog.getByLabel('Service')).toHaveValue('security');
  // Bishop's Stortford Register Office runs reception and cleaning, no security.
  await dialog.getByLabel('Site').selectOption('BSR');
  await expect(dialog.getByLabel('Service')).toHaveValue('reception');
  await dialog.getByRole('button', { name: 'Add shift' }).click();
  await expect(dialog).toBeHidden();
  await page.getByLabel('Site', { exact: true }).selectOption('BSR');
  const made = page.locator('table.rota-grid tr').filter({ has: page.locator('th', { hasText: 'Reception' }) });
  await expect(made.getByRole('button', { name: /^07:00–19:00, OPEN.*draft/ })).toHaveCount(1);

  await page.getByRole('button', { name: 'Week actions' }).click();
  await page.getByRole('menuitem', { name: 'Pattern' }).click();
  const patterns = page.getByRole('dialog', { name: 'Build from a pattern' });
  await expect(patterns.getByLabel('Site')).toHaveValue('BSR');
  await expect(patterns.getByLabel('Pattern').locator('option')).toHaveText([
    'Choose…',
    'New: Monday to Friday early cleaning 05:00–08:00',
  ]);
});

test('a shift whose date or start is cleared says which field to fill, and the planner stays up', async ({ page, openApp }) => {
  await openApp(page);
  await createFirstManager(page);
  await page.getByRole('button', { name: 'Rota' }).click();
  await page.getByRole('button', { name: 'Add Security shift at CH' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a shift' });
  await dialog.getByLabel('Date').fill('');
  await expect(dialog.getByRole('region', { name: 'Rule check' })).toContainText('Fill in the date, start and end to check the rules.');
  await dialog.getByRole('button', { name: 'Add shift' }).click();
  await expect(dialog.getByLabel('Date')).toHaveAccessibleDescription(/Enter a date/);
  await dialog.getByLabel('Date').fill('2026-11-26');
  await dialog.getByLabel('Start').fill('');
  await dialog.getByRole('button', { name: 'Add shift' }).click();
  await expect(dialog.getByLabel('Start')).toHaveAccessibleDescription(/Enter a time/);
  await expect(dialog.getByText('Something went wrong')).toHaveCount(0);
  await dialog.getByLabel('Start').fill('07:00');
  await dialog.getByRole('button', { name: 'Add shift' }).click();
  await expect(dialog).toBeHidden();
  await page.getByLabel('Site', { exact: true }).selectOption('CH');
  await expect(gridCell(page, 'Security', 3).getByRole('button', { name: /^07:00–19:00, OPEN/ })).toBeVisible();
});

test('a mistyped date is never saved as the date the box held before', async ({ page, openApp }) => {
  await openApp(page);
  await createFirstManager(page);
  await page.getByRole('button', { name: 'Rota' }).click();
  await page.getByLabel('Site', { exact: true }).selectOption('CH');
  await page.getByRole('button', { name: 'Add Security shift at CH' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a shift' });
  // A letter O for a zero: the box flags it, and Add shift must not quietly use the date shown before.
  await dialog.getByLabel('Date').fill('27/11/2O26');
  await expect(dialog.getByText('Type a date as dd/mm/yyyy')).toBeVisible();
  await dialog.getByRole('button', { name: 'Add shift' }).click();
  await expect(dialog.getByLabel('Date')).toBeFocused();
  await expect(dialog).toBeVisible();
  await expect(page.getByRole('button', { name: /^07:00–19:00, OPEN/ })).toHaveCount(0);
  await dialog.getByLabel('Date').fill('27/11/2026');
  await dialog.getByRole('button', { name: 'Add shift' }).click();
  await expect(dialog).toBeHidden();
  await expect(gridCell(page, 'Security', 4).getByRole('button', { name: /^07:00–19:00, OPEN/ })).toBeVisible();

  await page.getByRole('button', { name: 'Next week' }).click();
  await page.getByRole('button', { name: 'Week actions' }).click();
  await page.getByRole('menuitem', { name: 'Copy week' }).click();
  const copy = page.getByRole('dialog', { name: 'Copy a week' });
  await copy.getByLabel('Copy the week containing').fill('31/11/2026');
  await copy.getByRole('button', { name: 'Copy week' }).click();
  await expect(copy.getByText(/Enter a date/)).toBeVisible();
  await expect(page.getByRole('button', { name: /^07:00–19:00, OPEN/ })).toHaveCount(0);
});

test('a rule finding about someone with a very long name wraps inside the shift dialog', async ({ page, openApp }) => {
  await openApp(page);
  await createFirstManager(page);
  await page.getByRole('button', { name: 'Staff', exact: true }).click();
  await page.getByRole('button', { name: 'Add person' }).click();
  // The longest name the staff record takes (120 characters): a real surname, cut to fit.
  const surname = 'Wolfeschlegelsteinhausenbergerdorffwelchevoralternwarengewissenhaftschaferswessenschafewarenwohlgepflegeundsor';
  await page.getByLabel('Name', { exact: true }).fill(`Hubert ${surname}`);
  await page.getByLabel('Employee number').fill('E-3001');
  await page.getByLabel('Cleaning').check();
  await page.getByLabel('Pay rate (£ an hour)').fill('11.44');
  await page.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByRole('heading', { name: `Hubert ${surname}`, level: 1 })).toBeVisible();

  await page.getByRole('button', { name: 'Rota' }).click();
  await page.getByLabel('Site', { exact: true }).selectOption('CH');
  await page.getByRole('button', { name: 'Add Cleaning shift at CH' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a shift' });
  await dialog.getByLabel('Person').selectOption({ label: `Hubert ${surname}` });
  const finding = dialog.getByRole('region', { name: 'Rule check' }).getByRole('listitem').filter({ hasText: 'does not know County Hall' });
  await expect(finding).toBeVisible();
  // The end of the sentence, what to do about it, is inside the dialog rather than cut off at its edge.
  const box = (await finding.boundingBox())!;
  const frame = (await dialog.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(frame.x + frame.width);
  expect(await finding.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);

  // By person, the name stays in its own column rather than running over the week's shifts.
  await dialog.getByRole('button', { name: 'Add shift' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'By person' }).click();
  const name = page.getByRole('rowheader').getByRole('button', { name: `Hubert ${surname}` });
  await expect(name).toBeVisible();
  const nameBox = (await name.boundingBox())!;
  const column = (await page.getByRole('columnheader', { name: 'Person' }).boundingBox())!;
  expect(nameBox.x + nameBox.width).toBeLessThanOrEqual(column.x + column.width);
});

test('copying a week onto one that already has its shifts copies nothing twice, and Build from cover starts at the site shown', async ({
  page,
  openApp,
}) => {
  fs.mkdirSync(SHOTS, { recursive: true });
  await openApp(page);
  await createFirstManager(page);
  await page.getByRole('button', { name: 'Rota' }).click();
  await page.getByLabel('Site', { exact: true }).selectOption('CH');
  await page.getByRole('button', { name: 'Next week' }).click();
  await expect(page.locator('.week-label')).toHaveText('Week of Mon 30 Nov 2026');
  await page.getByRole('button', { name: 'Week actions' }).click();
  await page.getByRole('menuitem', { name: 'Pattern' }).click();
  const pattern = page.getByRole('dialog');
  await pattern.getByLabel('Pattern').selectOption({ label: 'New: 4 on 4 off, 12 h days and nights (24/7 security)' });
  await pattern.getByLabel(/^Days A/).selectOption({ label: 'Ana Silva' });
  await pattern.getByRole('button', { name: 'Preview' }).click();
  await pattern.getByRole('button', { name: 'Create 14 shifts' }).click();
  await expect(page.locator('.planner-summary')).toContainText('14 shifts');

  const copyFromLastWeek = async () => {
    await page.getByRole('button', { name: 'Week actions' }).click();
    await page.getByRole('menuitem', { name: 'Copy week' }).click();
    const copy = page.getByRole('dialog', { name: 'Copy a week' });
    await copy.getByRole('button', { name: 'Copy week' }).click();
    await expect(copy).toBeHidden();
  };
  await page.getByRole('button', { name: 'Next week' }).click();
  await expect(page.locator('.week-label')).toHaveText('Week of Mon 7 Dec 2026');
  await copyFromLastWeek();
  await expect(page.getByText('Copied 14 shifts.')).toBeVisible();
  await expect(page.locator('.planner-summary')).toContainText('14 shifts');

  // The same week again: nothing is new, so nothing is made and nothing asks for an override.
  await copyFromLastWeek();
  await expect(page.getByText('Nothing to copy: every shift of the week of Mon 30 Nov is already in the week of Mon 7 Dec.')).toBeVisible();
  await expect(page.locator('.planner-summary')).toContainText('14 shifts');
  await page.screenshot({ path: `${SHOTS}/copy-week-already-there.png` });

  // One undo takes back the one copy that made shifts.
  await page.getByRole('button', { name: /^Undo/ }).click();
  await expect(page.locator('.planner-summary')).toContainText('0 shifts');

  await page.getByRole('button', { name: 'Week actions' }).click();
  await page.getByRole('menuitem', { name: 'Build from cover' }).click();
  const build = page.getByRole('dialog', { name: 'Build from cover' });
  await expect(build.getByRole('group', { name: 'Sites (1 of 15)' })).toBeVisible();
  await expect(build.getByRole('checkbox', { name: /^CH · / })).toBeChecked();
  await expect(build.getByRole('checkbox', { checked: true })).toHaveCount(1);
  await page.screenshot({ path: `${SHOTS}/build-from-cover-one-site.png` });
});
