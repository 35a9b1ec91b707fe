import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { siteDb } from '../../main/sync/provision';
import { DESK_NOW, DESK_PASSWORD } from '../support/deskWorld';
import { startServer, tempDataDir, type RunningServer } from '../support/server';
import { deskConfig, fillHubWithLog, HubProcess, provision } from '../main/sync/world';
import { expect, expectAccessible, signIn, test } from './fixtures';
import { enrolledSupervisor, prepareSyncFolder } from './syncFolders';

/**
 * Issue 11: a new County Hall desk joins a hub that already holds thousands of the site's log entries.
 * Its shell says how far the first sync is, with both numbers as a person reads them ("Syncing 1,000 of
 * 8,900"), and then that it is up to date. The desk reaches the hub through a relay in this test that
 * holds back the hub's answers to the desk's document fetches after the first, so the part-way line
 * stays long enough to be read; once they are let through, the sync finishes.
 */
const SHOTS = 'test-results/screens';
const ENTRIES = 8900;
test.use({ clockAt: DESK_NOW });
test.describe.configure({ timeout: 300_000 });

/** Relays requests to `target`; the site database's document fetches (`_bulk_get`) after the first wait until `release`. */
const holdingRelay = async (target: string, db: string) => {
  let passed = 0;
  let held = 0;
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  const server = http.createServer((req, res) => {
    const hold = req.url?.startsWith(`/${db}/_bulk_get`) && passed++ > 0;
    if (hold) held += 1;
    void (hold ? released : Promise.resolve()).then(() => {
      const up = http.request(new URL(req.url ?? '/', target), { method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      up.on('error', () => res.destroy());
      req.pipe(up);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    held: () => held,
    release,
    close: () => {
      release();
      server.closeAllConnections();
      server.close();
    },
  };
};

test('a new desk joining a hub that holds its site shows the first sync counting, then up to date', async ({ page }) => {
  fs.mkdirSync(SHOTS, { recursive: true });
  const hub = new HubProcess();
  let server: RunningServer | null = null;
  let relay: Awaited<ReturnType<typeof holdingRelay>> | null = null;
  const dir = tempDataDir('sitedesk-newdesk-');
  try {
    await hub.start();
    await provision(hub, ['CH'], 1);
    await fillHubWithLog(hub, 'CH', ENTRIES);
    relay = await holdingRelay(hub.url, siteDb('CH'));
    // Enrolled: the supervisor's account and the desk's hub credentials, nothing else.
    const supervisor = await enrolledSupervisor();
    await prepareSyncFolder(dir, async (app) => app.repos.accounts.putMany([supervisor]), { ...deskConfig(hub, 'CH'), url: relay.url });
    server = await startServer(dir, { SITEDESK_CLOCK: DESK_NOW });

    await page.goto(server.url);
    await page.locator('[data-app-state="loaded"]').waitFor();
    await signIn(page, 'sup.ch', DESK_PASSWORD);
    const shellSync = page.getByRole('navigation', { name: 'Main' }).getByRole('status', { name: 'Sync' });

    // Part-way: both numbers in en-GB form, out of at least everything the hub holds.
    await expect(shellSync).toHaveText(/^Syncing \d{1,3}(,\d{3})+ of \d{1,3}(,\d{3})+$/, { timeout: 60_000 });
    const [done, total] = (await shellSync.textContent())!.match(/[\d,]+/g)!.map((n) => Number(n.replaceAll(',', '')));
    expect(done).toBeGreaterThanOrEqual(1000);
    expect(done).toBeLessThan(ENTRIES);
    expect(total).toBeGreaterThanOrEqual(ENTRIES);
    expect(relay.held()).toBeGreaterThan(0);
    // Today has no site yet: it says so as a note, not as an error.
    await expect(page.getByRole('status').filter({ hasText: 'This desk’s sites arrive with its first sync' })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expectAccessible(page, 'Shell during a first sync');
    await page.screenshot({ path: `${SHOTS}/sync-first-progress.png` });

    // The hub's answers go through: the desk catches up and says when (London time, the fixed clock's morning).
    relay.release();
    await expect(shellSync).toHaveText(/^Up to date · 07:\d{2}$/, { timeout: 120_000 });
  } finally {
    await server?.stop();
    relay?.close();
    await hub.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
