/**
 * A folder that existed before SiteDesk stamped its records (no hybrid-clock stamp on them) joins a hub.
 * Editing one of its shifts on that laptop is a plain change everywhere: the shift's history gains no
 * "Edited on two installs" entry on the laptop, on the desk or on the hub, and nothing waits for a
 * decision. (Before, every such shift's first edit was recorded as a clash with the laptop's own copy.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { touched } from '../../../main/services/records';
import { siteDb } from '../../../main/sync/provision';
import type { Shift } from '../../../shared/schemas/shift';
import { seedDesk } from '../../support/deskWorld';
import type { TestApp } from '../../support/app';
import { closeAll, deskConfig, HubProcess, hubAdminHeaders, managerConfig, openSyncApp, provision, signIn, until } from './world';

const hub = new HubProcess();
let manager: TestApp;
let desk: TestApp;
let older: Shift;

beforeAll(async () => {
  await hub.start();
  await provision(hub, ['CH']);
  manager = openSyncApp();
  await seedDesk(manager.opened.app);
  // One CH shift as an older SiteDesk saved it: no stamp, no origin, no base.
  const shifts = manager.opened.app.repos.shifts;
  const seeded = shifts
    .keys()
    .filter((k) => k.endsWith('/CH'))
    .flatMap((k) => Object.values(shifts.partition(k)))
    .find((s) => !s.deleted)!;
  const { hlc: _h, origin: _o, base: _b, ...unstamped } = seeded;
  older = { ...unstamped, rev: 2, notes: '' } as Shift;
  shifts.put([older], [seeded]);
  desk = openSyncApp();
  desk.opened.app.repos.accounts.putMany(manager.opened.app.repos.accounts.all().filter((a) => a.username === 'sup.ch'));
  await signIn(manager, 'manager');
  await manager.opened.app.sync!.connect(managerConfig(hub, ['CH']));
  await desk.opened.app.sync!.connect(deskConfig(hub, 'CH'));
}, 60_000);

afterAll(() => closeAll(hub, [manager, desk]));

const held = (t: TestApp) => {
  const shifts = t.opened.app.repos.shifts;
  return shifts.partition(shifts.partitionOf(older))[older.id];
};

describe('a shift saved before records were stamped', () => {
  it('edited on the laptop that had it, is a plain change on the laptop, the desk and the hub', async () => {
    await until('the desk has the older shift', () => held(desk)?.id === older.id, 60_000);
    const app = manager.opened.app;
    app.repos.shifts.put(
      [touched(app.clock, { ...held(manager), notes: 'Bring the keys to reception.' }, 'manager_user', app.now())],
      [held(manager)],
    );
    await until('the desk has the edit', () => held(desk)?.notes === 'Bring the keys to reception.', 60_000);
    await until(
      'both are up to date',
      () => manager.opened.app.sync!.status().state === 'up-to-date' && desk.opened.app.sync!.status().state === 'up-to-date',
      60_000,
    );
    await manager.opened.app.sync!.settled();
    await desk.opened.app.sync!.settled();

    for (const t of [manager, desk]) {
      expect(held(t).notes).toBe('Bring the keys to reception.');
      expect(held(t).history).toEqual([]);
    }
    expect(manager.opened.app.sync!.status().conflicts).toBe(0);
    const onHub = (await (await fetch(`${hub.url}/${siteDb('CH')}/shifts:${older.id}`, { headers: hubAdminHeaders(hub) })).json()) as {
      record: Shift;
    };
    expect(onHub.record.notes).toBe('Bring the keys to reception.');
    expect(onHub.record.history).toEqual([]);
  }, 120_000);
});
