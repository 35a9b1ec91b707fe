/**
 * Set-aside versions of records other than shifts (a person, a site, a log entry, attendance, an incident) are kept in
 * `system/superseded` when two installs edit one record while apart. Before, no screen showed them: they were on disk
 * and nobody could see them. Two managers' laptops, each its own data folder, and a real hub on loopback: the same
 * person edited on both while the hub is down is listed, after they converge, on both laptops by `sync:set-aside`,
 * in words, with both versions of each field that differs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../main/services/types';
import type { SetAsideVersion } from '../../../shared/contract/sync';
import { staffInputSchema, type Staff } from '../../../shared/schemas/staff';
import { DESK_STAFF } from '../../support/deskWorld';
import { okData, type TestApp } from '../../support/app';
import { closeAll, HubProcess, managerConfig, openTwoManagers, signIn, until } from './world';

const SITES = ['CH'];
const CLEO = DESK_STAFF.cleo.id;
const hub = new HubProcess();
let maria: TestApp;
let priya: TestApp;
let m: Session;
let p: Session;

const cleoOn = (t: TestApp): Staff | undefined => t.opened.app.repos.staff.all().find((x) => x.id === CLEO);
const asideOn = async (t: TestApp, s: Session): Promise<SetAsideVersion[]> => okData(await t.call('sync:set-aside', {}, s));

/** The staff form's save of Cleo as held on `t`, with some fields changed. */
const editCleo = async (t: TestApp, s: Session, change: Partial<Staff>) => {
  const held = cleoOn(t)!;
  const { absences: _a, ...form } = staffInputSchema.parse(held);
  okData(await t.call('staff:update', { ...form, ...change, id: held.id, rev: held.rev }, s));
};

beforeAll(async () => {
  ({ maria, priya } = await openTwoManagers(hub, SITES));
  m = await signIn(maria, 'manager');
  p = await signIn(priya, 'priya');
  await maria.opened.app.sync!.connect(managerConfig(hub, SITES, 1));
  await priya.opened.app.sync!.connect(managerConfig(hub, SITES, 2));
  await until(
    'the second laptop holds the sites and Cleo with her pay rate',
    () => cleoOn(priya)?.payRate === 11.5 && priya.opened.app.repos.sites.all().length === maria.opened.app.repos.sites.all().length,
    60_000,
  );
}, 90_000);

afterAll(() => closeAll(hub, [maria, priya]));

describe('versions of a person kept aside after two laptops edited her while apart', () => {
  it('the listing is empty while nothing is set aside', async () => {
    expect(await asideOn(maria, m)).toEqual([]);
    expect(await asideOn(priya, p)).toEqual([]);
  });

  it('lists the person on both laptops, in words, with both versions of each field that differs', async () => {
    await hub.stop();
    // Priya changes Cleo's phone at 09:00; a minute later Maria changes it too, and her contracted hours.
    await editCleo(priya, p, { phone: '07700 900001' });
    maria.clock.now += 60_000;
    await editCleo(maria, m, { phone: '07700 900002', contractedHours: 30 });
    await hub.start();

    await until('both laptops hold Maria’s later edit', () => [maria, priya].every((t) => cleoOn(t)?.phone === '07700 900002'), 60_000);
    await until(
      'both laptops list one set-aside version',
      async () => (await asideOn(maria, m)).length === 1 && (await asideOn(priya, p)).length === 1,
      60_000,
    );

    for (const [t, s] of [
      [maria, m],
      [priya, p],
    ] as const) {
      const [v] = await asideOn(t, s);
      expect(v).toMatchObject({
        kind: 'staff',
        recordId: CLEO,
        what: 'Person',
        title: 'Cleo Early (E-2001)',
        reason: 'edited-on-two-installs',
        why: 'Edited on two computers while they were apart: the later edit is in force and this one was kept aside.',
        lostTo: '2026-11-25T09:01:00.000Z',
        inForce: { editedAt: '2026-11-25T09:01:00.000Z', editedBy: 'Maria Okafor' },
        setAside: { editedAt: '2026-11-25T09:00:00.000Z', editedBy: 'Priya Shah' },
      });
      // Only the fields that differ, each as the staff form labels it; the pay rate, the same on both, is not listed.
      // Read-only, saying what to do instead.
      expect(v.note).toMatch(/^Shown for reference\. To use anything from the set-aside version, change the person in Staff/);
      expect(v.differs).toEqual([
        { label: 'Contracted hours a week', inForce: '30', setAside: '40' },
        { label: 'Phone', inForce: '07700 900002', setAside: '07700 900001' },
      ]);
    }
  }, 150_000);
});
