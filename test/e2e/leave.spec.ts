/**
 * Leave that would leave a site short: recorded, shown as such, approved; the clashing nights open and
 * the balance falls by the hours taken. The clock is fixed at Wed 25 Nov 2026 09:00 (JOURNEY_NOW).
 *
 * Figures by hand: Sam works 3 days a week, 36 h (12 h a day), an agreed calendar leave year, bank holidays
 * not counted. 5.6 weeks × 3 days = 16.8 days = 201.6 h (WTR regs. 13 and 13A). Three nights off, Mon 7 to
 * Wed 9 Dec, are 3 working days, 36 h: 13.8 days, 165.6 h (165 h 36 min) left.
 */
import fs from 'node:fs';
import type { Session } from '../../main/services/types';
import type { Channel, RequestOf } from '../../shared/contract';
import { makeStaff } from '../shared/domain/rota/factories';
import { JOURNEY_NOW, tempDataDir } from '../support/server';
import { expect, expectAccessible, signIn, test as base } from './fixtures';
import { openBrowserFolder } from '../support/browserFolder';
import { nightlySecurityUpdate } from '../support/requests';

const SHOTS = 'test-results/screens';

/** A data folder with a manager, HAT needing one security officer every night, and Sam on three of those nights. */
const test = base.extend({
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = tempDataDir();
    const opened = openBrowserFolder(dir, JOURNEY_NOW);
    const s: Session = { id: 'seed', userId: null, locked: false, lastActive: Date.parse(JOURNEY_NOW) };
    const call = async <C extends Channel>(channel: C, payload: RequestOf<C>) => {
      const r = await opened.dispatch(channel, payload, s);
      if (!r.ok) throw new Error(`${channel}: ${r.message}`);
      return r.data as never;
    };
    await call('auth:setup', { username: 'maria', displayName: 'Maria Okafor', password: 'correct horse 1' });
    const hat: { id: string; rev: number; cover: Record<string, unknown> } & Record<string, unknown> = await call('sites:get', {
      code: 'HAT',
    });
    await call('sites:update', nightlySecurityUpdate(hat));
    const officer = { services: ['security' as const], homeSite: 'HAT' };
    const sam = makeStaff({
      ...officer,
      name: 'Sam Officer',
      employeeNumber: 'E-SAM',
      contractedHours: 36,
      leave: { daysPerWeek: 3, extraDays: 0, carriedDays: 0, bankHolidaysCount: false, started: null, yearStart: '01-01' },
    });
    const dee = makeStaff({ ...officer, name: 'Dee Long', employeeNumber: 'E-DEE', contractedHours: 48 });
    const eve = makeStaff({ ...officer, name: 'Eve Hart', employeeNumber: 'E-EVE', contractedHours: 44 });
    // A CH receptionist, and a CH supervisor who records leave for CH's people only.
    const cy = makeStaff({ name: 'Cy Desk', employeeNumber: 'E-CY', homeSite: 'CH', services: ['reception'], contractedHours: 30 });
    opened.app.repos.staff.putMany([sam, dee, eve, cy]);
    await call('accounts:create', {
      username: 'sup',
      displayName: 'Sue Visor',
      role: 'supervisor',
      sites: ['CH'],
      password: 'desk password',
    });
    await call('rota:save', {
      items: ['2026-12-07', '2026-12-08', '2026-12-09'].map((date) => ({
        site: 'HAT',
        service: 'security' as const,
        date,
        start: '19:00',
        end: '07:00',
        breakMinutes: 60,
        staffId: sam.id,
        notes: '',
      })),
    });
    await call('rota:publish', { week: '2026-12-07', site: 'HAT' });
    opened.close();
    await use(dir);
    fs.rmSync(dir, { recursive: true, force: true });
  },
});

test.describe.configure({ timeout: 240_000 });

test('a manager records leave that would leave HAT short, sees the shortfall, approves it; the nights open and the balance falls by 36 h', async ({
  page,
  openApp,
}) => {
  fs.mkdirSync(SHOTS, { recursive: true });
  await openApp(page);
  await signIn(page, 'maria', 'correct horse 1');

  // The balance before, as the person's page shows it.
  await page.getByRole('button', { name: 'Staff' }).click();
  await page.getByRole('button', { name: 'Sam Officer' }).click();
  await expect(page.getByText('16.8 days (201 h 36 min) left of 16.8 days (201 h 36 min)')).toBeVisible();

  await page.getByRole('button', { name: 'Leave requests' }).click();
  await expect(page.getByRole('heading', { name: 'Leave requests', level: 1 })).toBeVisible();
  const form = page.getByRole('form', { name: 'Record a leave request' });
  await form.getByLabel('Person').selectOption({ label: 'Sam Officer (E-SAM)' });
  await form.getByLabel('First day').fill('07/12/2026');
  await form.getByLabel('Last day').fill('09/12/2026');
  await form.getByLabel('Note').fill('Family wedding');
  await form.getByRole('button', { name: 'Record request' }).click();
  await expect(
    page.getByText("Leave requested for Sam Officer: Mon 7 Dec 2026 to Wed 9 Dec 2026, 3 days (36 h). It waits for a manager's decision."),
  ).toBeVisible();
  const waiting = page.getByRole('table', { name: 'Leave waiting for a decision' });
  await expect(waiting.getByRole('row', { name: /Sam Officer/ })).toContainText('Requested');
  await expect(waiting.getByRole('row', { name: /Sam Officer/ })).toContainText('13.8 days (165 h 36 min)');
  await expectAccessible(page, 'leave requests');

  // On the office laptop's 1360×860 screen the whole table, Decide included, is in view with no sideways scrolling.
  await page.setViewportSize({ width: 1360, height: 860 });
  const decide = waiting.getByRole('button', { name: 'Decide leave for Sam Officer, Mon 7 Dec 2026 to Wed 9 Dec 2026' });
  await page.screenshot({ path: `${SHOTS}/leave-1360x860.png` });
  const box = (await decide.boundingBox())!;
  const wrap = (await waiting.locator('xpath=..').boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(Math.max(0, wrap.x));
  expect(box.x + box.width).toBeLessThanOrEqual(Math.min(1360, wrap.x + wrap.width));
  expect(box.y + box.height).toBeLessThanOrEqual(860);
  // Nothing between the table and the page scrolls sideways to get there.
  const sideways = await waiting.evaluate((table) => {
    const out: string[] = [];
    const { documentElement: root, defaultView: view } = table.ownerDocument;
    for (let el = table; el; el = el.parentElement)
      if (el.scrollWidth > el.clientWidth + 1 && view!.getComputedStyle(el).overflowX !== 'visible')
        out.push(`${el.tagName}.${el.className}`);
    if (root.scrollWidth > root.clientWidth + 1) out.push('the page');
    return out;
  });
  expect(sideways).toEqual([]);

  await decide.click();
  const review = page.getByRole('region', { name: 'Decide leave for Sam Officer' });
  await expect(
    review.getByText('Approving leaves HAT Security 1 short on 3 nights; these 2 people could cover: Dee Long, Eve Hart.'),
  ).toBeVisible();
  await expect(review.getByRole('status')).toContainText('Warning');
  await expect(review.getByRole('heading', { name: 'Decide leave for Sam Officer' })).toBeFocused();
  await page.screenshot({ path: `${SHOTS}/leave-approval.png`, fullPage: true });
  await expectAccessible(page, 'leave decision');

  await review.getByRole('button', { name: 'Approve leave' }).click();
  await expect(
    page.getByText(
      'Approved. These 3 shifts are now open and need cover: Mon 7 Dec 2026 19:00–07:00 HAT Security; Tue 8 Dec 2026 19:00–07:00 HAT Security; Wed 9 Dec 2026 19:00–07:00 HAT Security.',
    ),
  ).toBeVisible();
  await expect(page.getByRole('table', { name: 'Leave already decided' }).getByRole('row', { name: /Sam Officer/ })).toContainText(
    'Approved',
  );
  await expect(page.getByText('No leave is waiting for a decision.')).toBeVisible();

  // The planner shows the three nights open.
  await page.getByRole('button', { name: 'Rota' }).click();
  await page.getByLabel('Site', { exact: true }).selectOption('HAT');
  await page.getByRole('button', { name: 'Next week' }).click();
  await page.getByRole('button', { name: 'Next week' }).click();
  await expect(page.locator('.week-label')).toHaveText('Week of Mon 7 Dec 2026');
  await expect(page.getByRole('button', { name: /^19:00–07:00, OPEN/ })).toHaveCount(3);
  await expect(page.getByRole('button', { name: /Sam Officer/ })).toHaveCount(0);

  // The person's page: 36 h less.
  await page.getByRole('button', { name: 'Staff' }).click();
  await page.getByRole('button', { name: 'Sam Officer' }).click();
  await expect(page.getByText('13.8 days (165 h 36 min) left of 16.8 days (201 h 36 min)')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Leave requests' }).getByRole('listitem')).toHaveText([
    /Mon 7 Dec 2026 to Wed 9 Dec 2026\s*Approved/,
  ]);
  await expectAccessible(page, 'person with leave');

  // Two more requests: Dee's refused, Eve's left waiting.
  await page.getByRole('button', { name: 'Leave requests' }).click();
  await form.getByLabel('Person').selectOption({ label: 'Dee Long (E-DEE)' });
  await form.getByLabel('First day').fill('10/12/2026');
  await form.getByLabel('Last day').fill('11/12/2026');
  await form.getByRole('button', { name: 'Record request' }).click();
  await expect(page.getByText(/Leave requested for Dee Long/)).toBeVisible();
  await form.getByLabel('Person').selectOption({ label: 'Eve Hart (E-EVE)' });
  await form.getByLabel('First day').fill('14/12/2026');
  await form.getByLabel('Last day').fill('14/12/2026');
  await form.getByRole('button', { name: 'Record request' }).click();
  await expect(page.getByText(/Leave requested for Eve Hart/)).toBeVisible();
  await waiting.getByRole('button', { name: 'Decide leave for Dee Long, Thu 10 Dec 2026 to Fri 11 Dec 2026' }).click();
  const deeReview = page.getByRole('region', { name: 'Decide leave for Dee Long' });
  await expect(deeReview.getByText('Approving opens no shifts: Dee Long has none planned then.')).toBeVisible();
  await deeReview.getByRole('button', { name: 'Refuse leave' }).click();
  await expect(deeReview.getByText('Say why it is refused (at least 5 characters)')).toBeVisible();
  await deeReview.getByLabel('Reason for refusing').fill('Sam is already off that week');
  await deeReview.getByRole('button', { name: 'Refuse leave' }).click();
  await expect(page.getByText('Refused: Dee Long, Thu 10 Dec 2026 to Fri 11 Dec 2026. The reason is kept with the request.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Leave already decided' }).getByRole('row', { name: /Dee Long/ })).toContainText('Refused');

  // The team calendar tells approved, refused and requested leave apart in words as well as colour.
  await page.getByRole('button', { name: 'Team absences' }).click();
  await page.getByLabel('Site (home site of the team)').selectOption('HAT');
  await page.getByRole('button', { name: 'Next month' }).click();
  const team = page.getByRole('table', { name: 'Absences at HAT in December 2026' });
  await expect(team.getByText('Annual leave, approved')).toHaveCount(3);
  await expect(team.getByText('Annual leave, refused')).toHaveCount(2);
  await expect(team.getByText('Annual leave, requested')).toHaveCount(1);
  await page.screenshot({ path: `${SHOTS}/leave-team-calendar.png`, fullPage: true });
  await expectAccessible(page, 'team absences');

  // The organisation's leave rules in Settings.
  await page.getByRole('button', { name: 'Settings' }).click();
  const rules = page.getByRole('form', { name: 'Annual leave' });
  await rules.getByLabel('Carry unused days into the next leave year').check();
  await rules.getByLabel('Most days carried').fill('5');
  await rules.getByLabel('Lapse if not taken within (months)').fill('3');
  await rules.getByRole('button', { name: 'Save leave rules' }).click();
  await expect(rules.getByText('Saved. Every leave balance now uses these rules.')).toBeVisible();
  await expectAccessible(page, 'leave settings');
});

test('a supervisor records leave for their site’s receptionist; it waits for a manager, with no decision for the supervisor to make', async ({
  page,
  openApp,
}) => {
  await openApp(page);
  await signIn(page, 'sup', 'desk password');
  await page.getByRole('button', { name: 'Leave requests' }).click();
  const form = page.getByRole('form', { name: 'Record a leave request' });
  const person = form.getByLabel('Person');
  // Only CH's people are offered; HAT's officers are not the supervisor's.
  await expect(person.locator('option')).toHaveText(['Choose…', 'Cy Desk (E-CY)']);
  await person.selectOption({ label: 'Cy Desk (E-CY)' });
  await form.getByLabel('First day').fill('21/12/2026');
  await form.getByLabel('Last day').fill('23/12/2026');
  await form.getByRole('button', { name: 'Record request' }).click();
  await expect(page.getByText(/Leave requested for Cy Desk: Mon 21 Dec 2026 to Wed 23 Dec 2026, no leave terms on file/)).toBeVisible();
  const row = page.getByRole('table', { name: 'Leave waiting for a decision' }).getByRole('row', { name: /Cy Desk/ });
  await expect(row).toContainText('Requested');
  await expect(page.getByRole('button', { name: /^Decide leave/ })).toHaveCount(0);
  await expectAccessible(page, 'leave requests (supervisor)');
});
