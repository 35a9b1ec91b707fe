/**
 * A new desk's first sync (issue 11): the hub already holds thousands of the site's documents. The shell
 * must say how far it is in words a person reads — "Syncing 1,240 of 4,000", counting up to everything
 * the hub holds — and what the desk records meanwhile still reaches the hub. Real hub, real store.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteDb } from '../../../main/sync/provision';
import { syncText } from '../../../renderer/features/sync/labels';
import { okData, type TestApp } from '../../support/app';
import { closeAll, deskConfig, fillHubWithLog, HubProcess, hubAdminHeaders, openSyncApp, provision, signIn, until } from './world';
import { seedDesk } from '../../support/deskWorld';

const hub = new HubProcess();
let desk: TestApp;
const ENTRIES = 4000;
const hubDb = (path = '', init: RequestInit = {}) =>
  fetch(`${hub.url}/${siteDb('CH')}${path}`, { ...init, headers: { ...hubAdminHeaders(hub), 'content-type': 'application/json' } });

beforeAll(async () => {
  await hub.start();
  await provision(hub, ['CH']);
  await fillHubWithLog(hub, 'CH', ENTRIES);
}, 60_000);

afterAll(() => closeAll(hub, [desk]));

describe("a new desk's first sync", () => {
  it('says "Syncing n of <all the hub holds>" counting up, and what the desk records meanwhile reaches the hub', async () => {
    const held = ((await (await hubDb()).json()) as { doc_count: number }).doc_count;
    expect(held).toBeGreaterThanOrEqual(ENTRIES);
    const all = new Intl.NumberFormat('en-GB').format(held);

    desk = openSyncApp();
    await seedDesk(desk.opened.app);
    const sup = await signIn(desk, 'sup.ch');
    // The seeded desk's own morning (its log, shifts) is already in its storage: it goes up as well.
    const own = ['shifts', 'attendance', 'incidents', 'log'].reduce(
      (n, k) =>
        n +
        desk.opened.app.repos[k as 'log']
          .keys()
          .reduce((m, key) => m + Object.keys(desk.opened.app.repos[k as 'log'].partitionOnce(key)).length, 0),
      0,
    );
    const shown: string[] = [];
    let logged = false;
    let entryId = '';
    await desk.opened.app.sync!.connect(deskConfig(hub, 'CH'));
    await until(
      'the desk is up to date',
      async () => {
        const text = syncText(okData(await desk.call('sync:status', {}, sup)));
        if (text && shown.at(-1) !== text) shown.push(text);
        // Someone at the desk writes in the log while the first sync runs.
        if (!logged && /^Syncing [1-9]/.test(text ?? '')) {
          logged = true;
          entryId = okData(
            await desk.call('log:add', { site: 'CH', date: '2026-11-25', time: '07:10', kind: 'patrol', text: 'Front desk opened.' }, sup),
          ).entry.id;
        }
        return /^Up to date/.test(text ?? '') && desk.opened.app.repos.log.keys().length > 0 && countLog(desk) >= ENTRIES;
      },
      120_000,
    ).catch((error: Error) => {
      throw new Error(`${error.message}; the status line read: ${shown.join(' | ')}; log entries held: ${countLog(desk)}`);
    });
    const syncing = shown.filter((t) => t.startsWith('Syncing'));
    // Part-way there, in en-GB numbers, out of everything the hub held for this desk plus what the desk had to send.
    const partWay = syncing.filter((t) => !/^Syncing 0 of/.test(t) && !t.startsWith(`Syncing ${all} of`));
    expect(partWay.length, shown.join(' | ')).toBeGreaterThan(0);
    const totals = new Set(partWay.map((t) => Number(/ of ([\d,]+)$/.exec(t)![1].replaceAll(',', ''))));
    for (const total of totals) {
      expect(total, shown.join(' | ')).toBeGreaterThanOrEqual(held);
      expect(total, shown.join(' | ')).toBeLessThanOrEqual(held + own + 2);
    }
    for (const t of partWay) expect(t).toMatch(/^Syncing \d{1,3}(,\d{3})* of \d{1,3}(,\d{3})*$/);
    // From the first line shown, the total is out of everything the hub held — never only the desk's own
    // records going up ("Syncing 0 of 12") — and it never drops back (the desk's own records counted, then not).
    const allTotals = syncing.map((t) => Number(/ of ([\d,]+)$/.exec(t)![1].replaceAll(',', '')));
    for (const total of allTotals) expect(total, shown.join(' | ')).toBeGreaterThanOrEqual(held);
    expect(allTotals, shown.join(' | ')).toEqual([...allTotals].sort((a, b) => a - b));
    // It counts up.
    const dones = syncing.map((t) => Number(/^Syncing ([\d,]+)/.exec(t)![1].replaceAll(',', '')));
    expect(dones, shown.join(' | ')).toEqual([...dones].sort((a, b) => a - b));
    expect(shown.at(-1)).toMatch(/^Up to date · \d{2}:\d{2}$/);

    // Everything the hub had is in the desk's storage, and the entry written meanwhile is on the hub.
    expect(countLog(desk)).toBeGreaterThanOrEqual(ENTRIES);
    expect(logged).toBe(true);
    await until('the hub has the entry written during the first sync', async () => (await hubDb(`/log:${entryId}`)).status === 200, 30_000);
  }, 180_000);
});

const countLog = (t: TestApp) =>
  t.opened.app.repos.log
    .keys()
    .reduce((n, key) => n + (key.endsWith('/CH') ? Object.keys(t.opened.app.repos.log.partitionOnce(key)).length : 0), 0);
