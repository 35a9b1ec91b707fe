import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { serializeWithSum } from '../../main/storage/checksum';
import type { Incident } from '../../shared/schemas/incident';
import { openTestApp, withManager } from '../support/app';
import { startServer, tempDataDir, type RunningServer } from '../support/server';
import { makeStaff } from '../shared/domain/directory/factories';
import { makeShift } from '../shared/domain/rota/factories';
import { expect, signIn, test } from './fixtures';

const NOW = '2026-11-26T08:00:00Z';

/**
 * A desk where, last night, two patrols were logged and then an earlier finding was written late
 * (back-dated), and an incident whose last two history entries were cut off the file on disk with
 * its rev lowered to match (the file's checksum recomputed, as anyone can).
 */
const prepare = async (dir: string) => {
  const t = openTestApp({ dir, start: '2026-11-25T22:01:00Z' });
  const m = await withManager(t);
  const add = async (at: string, time: string, text: string) => {
    t.clock.now = Date.parse(at);
    m.lastActive = t.clock.now;
    const r = await t.call('log:add', { site: 'CH', date: '2026-11-25', time, kind: 'patrol', text, corrects: null }, m);
    if (!r.ok) throw new Error(r.message);
  };
  await add('2026-11-25T22:01:00Z', '22:00', 'Patrol one, all secure.');
  await add('2026-11-25T23:01:00Z', '23:00', 'Patrol two, all secure.');
  await add('2026-11-25T23:40:00Z', '21:30', 'Earlier: side gate found open, closed it.');
  const created = await t.call(
    'incidents:create',
    {
      site: 'CH',
      location: 'Main reception',
      occurredAt: '2026-11-25T21:00:00.000Z',
      reportedAt: '2026-11-25T21:05:00.000Z',
      reportedBy: 'Sam Patel',
      reportedTo: 'Maria Okafor',
      category: 'security',
      severity: 'medium',
      details: 'Visitor refused to sign in.',
    },
    m,
  );
  if (!created.ok) throw new Error(created.message);
  let d = created.data;
  for (const patch of [{ severity: 'high' as const }, { location: 'Car park' }]) {
    const r = await t.call('incidents:update', { id: d.incident.id, rev: d.incident.rev, patch }, m);
    if (!r.ok) throw new Error(r.message);
    d = r.data;
  }
  t.opened.close();
  const file = path.join(dir, 'data/partitions/incidents/2026-11/CH.json');
  const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as { records: Record<string, Incident> };
  const i = stored.records[d.incident.id];
  stored.records[i.id] = { ...i, history: i.history.slice(0, 1), rev: 1, severity: 'medium', location: 'Main reception' };
  fs.writeFileSync(file, serializeWithSum(stored));
  return d.incident.ref;
};

test.describe('evidence that cannot be quietly rewritten', () => {
  let dir: string;
  let server: RunningServer;
  let ref: string;
  test.beforeEach(async () => {
    dir = tempDataDir('sitedesk-integrity-e2e-');
    ref = await prepare(dir);
    server = await startServer(dir, { SITEDESK_CLOCK: NOW });
  });
  test.afterEach(async () => {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('the printed log numbers entries in the order written, marks the back-dated one with both times, and says who printed it, when, and page n of m', async ({
    page,
  }, testInfo) => {
    await page.clock.install({ time: new Date(NOW) });
    await page.goto(server.url);
    await page.locator('[data-app-state="loaded"]').waitFor();
    await signIn(page, 'maria', 'correct horse 1');
    await page.getByRole('button', { name: 'Occurrence log' }).click();
    await page.getByLabel('Site', { exact: true }).selectOption('CH');
    await page.getByLabel('Day', { exact: true }).fill('2026-11-25');
    const rows = page.getByRole('table').getByRole('row');
    await expect(rows).toHaveCount(4);
    await expect(rows.nth(1)).toContainText('3');
    await expect(rows.nth(1)).toContainText('Back-dated: occurred Wed 25 Nov 2026 21:30, written 25/11/2026 23:40');
    await expect(rows.nth(2).getByRole('cell').first()).toHaveText('1');
    await expect(rows.nth(3).getByRole('cell').first()).toHaveText('2');

    await page.emulateMedia({ media: 'print' });
    const pdf = testInfo.outputPath('log.pdf');
    await page.pdf({ path: pdf, format: 'A4', displayHeaderFooter: false });
    const layout = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    // The printed rows, in reading order, keep the numbers they were written with.
    expect(
      layout
        .split('\n')
        .filter((l) => /^\s*\d\s+\d\d:\d\d\s/.test(l))
        .map((l) => l.trim().split(/\s+/).slice(0, 2).join(' ')),
    ).toEqual(['3 21:30', '1 22:00', '2 23:00']);
    const text = layout.replace(/\s+/g, ' ');
    expect(text).toContain('Printed by Maria Okafor at 26/11/2026 08:00 (UK time)');
    expect(text).toContain('Back-dated: occurred Wed 25 Nov 2026 21:30, written 25/11/2026 23:40');
    expect(text).toContain('Page 1 of 1');
    expect(text).not.toContain('Export CSV');
  });

  test('an incident whose history was cut short is locked, says why, and a manager’s recorded decision unlocks it', async ({ page }) => {
    await page.clock.install({ time: new Date(NOW) });
    await page.goto(server.url);
    await page.locator('[data-app-state="loaded"]').waitFor();
    await signIn(page, 'maria', 'correct horse 1');
    await page.getByRole('button', { name: 'Incidents' }).click();
    await page
      .getByRole('link', { name: new RegExp(ref) })
      .or(page.getByRole('button', { name: new RegExp(ref) }))
      .first()
      .click();
    await expect(page.getByRole('heading', { level: 1, name: ref })).toBeVisible();
    await expect(page.getByText('Locked: history broken')).toBeVisible();
    await expect(page.getByText('The history has 1 entry, but 3 were recorded as written: entries were cut off the end.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Edit' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /Close incident/ })).toHaveCount(0);

    const decision = page.getByRole('form', { name: 'Manager’s decision' });
    await decision
      .getByLabel('Reason for accepting the history as it stands')
      .fill('Checked with the paper occurrence book; the two missing edits are on file.');
    await decision.getByRole('button', { name: 'Record decision' }).click();
    await expect(page.getByText('Locked: history broken')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Edit' })).toBeVisible();
    await expect(page.getByText('Manager’s decision', { exact: false }).first()).toBeVisible();
    await expect(page.getByText(/Reason: Checked with the paper occurrence book/)).toBeVisible();
  });
});

test('after the staff list is restored, shifts left with someone no longer in it are shown in a notice', async ({ page }) => {
  const dir = tempDataDir('sitedesk-integrity-e2e-');
  // This app stands for a process that dies below: its background read of the staff list must not run
  // later and repair the file before the server under test opens it.
  const t = openTestApp({ dir, start: '2026-11-25T09:00:00Z', warmStaffDelayMs: 3_600_000 });
  await withManager(t);
  const { repos, ds } = t.opened.app;
  repos.staff.put(makeStaff({ id: 'staff00001', name: 'Ann Old' }));
  ds.backupIfChanged('before Bo joined', true);
  repos.staff.put(makeStaff({ id: 'staff00002', name: 'Bo New' }));
  repos.shifts.put([makeShift({ id: 'shift00001', date: '2026-11-27', start: '07:00', end: '15:00', staffId: 'staff00002' })]);
  // The process dies here (no closing backup), and then the staff list is damaged and the change log
  // lost with it: only the older backup can bring it back.
  fs.rmSync(path.join(dir, 'changes'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'changes'));
  fs.writeFileSync(path.join(dir, 'data/directory/staff.json'), '{"records": {"st');
  const server = await startServer(dir, { SITEDESK_CLOCK: NOW });
  try {
    await page.clock.install({ time: new Date(NOW) });
    await page.goto(server.url);
    await page.locator('[data-app-state="loaded"]').waitFor();
    await signIn(page, 'maria', 'correct horse 1');
    await expect(
      page.getByText(/The file directory\/staff was damaged .* changes made to it after that backup may be missing/),
    ).toBeVisible();
    await expect(page.getByText('Needs checking after a recovery')).toBeVisible();
    await expect(
      page.getByText(
        'After the staff list was restored, 1 shift is assigned to someone who is no longer in it: 27/11/2026 07:00–15:00 at CH (staff id staff00002).',
      ),
    ).toBeVisible();
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
