/**
 * A site added while sync runs (issue 11): council IT provisions its database on the hub, a manager adds
 * the site in SiteDesk and writes in its log. Without restarting anything, the site's database starts
 * replicating on that laptop and on a second manager's laptop, which learns of the site from the
 * directory. Real hub, real store.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provisionOrganisation, siteDb } from '../../../main/sync/provision';
import type { Session } from '../../../main/services/types';
import { okData, type TestApp } from '../../support/app';
import { seedDesk } from '../../support/deskWorld';
import { closeAll, HubProcess, hubAdminHeaders, managerConfig, openSyncApp, provision, signIn, until } from './world';

const hub = new HubProcess();
let first: TestApp;
let second: TestApp;
let m: Session;

beforeAll(async () => {
  await hub.start();
  await provision(hub, ['CH'], 2);
  first = openSyncApp();
  second = openSyncApp();
  await seedDesk(first.opened.app);
  await seedDesk(second.opened.app);
  m = await signIn(first, 'manager');
  const codes = first.opened.app.repos.sites
    .all()
    .map((s) => s.code)
    .sort();
  await provisionOrganisation(hub.admin, codes, { writeRules: false });
  await first.opened.app.sync!.connect(managerConfig(hub, codes, 1));
  await second.opened.app.sync!.connect(managerConfig(hub, codes, 2));
}, 60_000);

afterAll(() => closeAll(hub, [first, second]));

describe('a site added while sync runs', () => {
  it("starts replicating the new site's database on both managers' laptops without a restart", async () => {
    const replications = [first, second].map((t) => t.opened.app.sync);
    // Council IT adds the new site's database and roles first (safe to run again).
    const codes = [...first.opened.app.repos.sites.all().map((s) => s.code), 'NEW'].sort();
    await provisionOrganisation(hub.admin, codes, { writeRules: false });

    const ch = okData(await first.call('sites:get', { code: 'CH' }, m));
    const { address, opening, services, cover, contacts, notes } = ch;
    okData(await first.call('sites:create', { code: 'NEW', name: 'New House', address, opening, services, cover, contacts, notes }, m));
    const { entry } = okData(
      await first.call(
        'log:add',
        { site: 'NEW', date: '2026-11-25', time: '08:00', kind: 'patrol', text: 'New House opened for the first time.' },
        m,
      ),
    );

    // The entry reaches the hub's NEW database, and the second manager's storage, with no restart.
    await until(
      'the hub has the entry in the new site’s database',
      async () => (await fetch(`${hub.url}/${siteDb('NEW')}/log:${entry.id}`, { headers: hubAdminHeaders(hub) })).status === 200,
      30_000,
    );
    await until(
      'the second laptop has the entry',
      () => second.opened.app.repos.log.inMonths(['2026-11'], ['NEW']).some((e) => e.id === entry.id),
      30_000,
    );
    expect(second.opened.app.repos.sites.all().map((s) => s.code)).toContain('NEW');
    // Still the same running sync services, and both now keep NEW among the sites they sync.
    expect([first, second].map((t) => t.opened.app.sync)).toEqual(replications);
    for (const t of [first, second]) {
      await until('the sync stands up to date', () => t.opened.app.sync!.status().state === 'up-to-date', 30_000);
    }
    // A reopened laptop still follows the new site (the list was saved with the hub settings).
    await second.opened.stopSync();
    second.opened.close();
    second = openSyncApp(second.dir);
    await until('the reopened laptop syncs again', () => second.opened.app.sync!.status().state === 'up-to-date', 30_000);
    const { entry: later } = okData(
      await first.call(
        'log:add',
        { site: 'NEW', date: '2026-11-25', time: '09:00', kind: 'patrol', text: 'Second round at New House.' },
        m,
      ),
    );
    await until(
      'the reopened laptop has the later entry',
      () => second.opened.app.repos.log.inMonths(['2026-11'], ['NEW']).some((e) => e.id === later.id),
      30_000,
    );
  }, 120_000);
});
