/**
 * An install whose record clock was once set years ahead keeps stamping its edits years ahead (a hybrid clock never
 * goes back, see d628e0f). Every other install refuses such an edit and writes the version it holds over the hub's
 * document (5c4bdaa). The install that made the edit then pulls that older version back. The two must not go on
 * writing their versions over each other through the hub: each exchange ends after a round, the hub document stops
 * gaining revisions, neither install stays "Syncing", and each refused version is reported once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteDb } from '../../../main/sync/provision';
import { touched } from '../../../main/services/records';
import { parseHlc } from '../../../shared/domain/sync/hlc';
import type { Shift } from '../../../shared/schemas/shift';
import type { TestApp } from '../../support/app';
import { DESK_SHIFTS } from '../../support/deskWorld';
import { closeAll, deskConfig, hubAdminHeaders, HubProcess, openManagerAndDesk, openSyncApp, signIn, until } from './world';

const hub = new HubProcess();
let fast: TestApp; // the manager's laptop whose date was five years fast for a while
let desk: TestApp; // the CH desk, its clock right all along
let later: TestApp | undefined; // a CH desk that joins afterwards

const YEAR_MS = 365 * 24 * 3_600_000;
const OMAR = DESK_SHIFTS.omar.id;
const RHEA = DESK_SHIFTS.rhea.id;

const shiftOf = (t: TestApp, id: string): Shift | undefined =>
  t.opened.app.repos.shifts.inMonths(['2026-11', '2026-12']).find((s) => s.id === id) as Shift | undefined;

type HubDoc = { _rev: string; _conflicts?: string[]; record: Shift };
const onHub = async (id: string): Promise<HubDoc> =>
  (await (await fetch(`${hub.url}/${siteDb('CH')}/shifts:${id}?conflicts=true`, { headers: hubAdminHeaders(hub) })).json()) as HubDoc;
const revNumber = async (id: string) => Number((await onHub(id))._rev.split('-')[0]);
const refusals = (t: TestApp, id: string) => t.opened.app.sync!.status().rejected.filter((r) => r.docId.startsWith(`shifts:${id}`)).length;
const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));
/** A shift as it is in force: everything but its change history. */
const inForce = (s: Shift | undefined) => {
  const { history: _h, ...rest } = s!;
  return rest;
};
/** The notes of each version a shift's history keeps aside (an edit that lost, or one refused for its stamp). */
const keptNotes = (s: Shift | undefined) =>
  s!.history.filter((e) => e.after && 'mergeNote' in e.after).map((e) => (e.before as { notes?: string }).notes);

/**
 * How many revisions of the hub document numbered above `after`, on any of its branches (a branch another install
 * resolved and deleted included), held a version stamped more than a day ahead of `now`: the versions refused.
 */
const farAheadRevs = async (id: string, after: number, now: number): Promise<number> => {
  const url = `${hub.url}/${siteDb('CH')}/shifts:${id}`;
  const headers = { ...hubAdminHeaders(hub), accept: 'application/json' };
  const leaves = (await (await fetch(`${url}?open_revs=all&revs=true`, { headers })).json()) as {
    ok: { _revisions: { start: number; ids: string[] } };
  }[];
  const revs = new Set(leaves.flatMap(({ ok: { _revisions: r } }) => r.ids.map((h, i) => `${r.start - i}-${h}`)));
  let n = 0;
  for (const rev of [...revs].filter((r) => Number(r.split('-')[0]) > after)) {
    const doc = (await (await fetch(`${url}?rev=${rev}`, { headers })).json()) as Partial<HubDoc>;
    if (doc.record?.hlc && parseHlc(doc.record.hlc).wall > now + 24 * 3_600_000) n += 1;
  }
  return n;
};

/** The hub document's revision, sampled twice four seconds apart once the exchange has had four seconds: the same twice. */
const expectSettled = async (id: string, installs: TestApp[]) => {
  await pause(4_000);
  const first = await revNumber(id);
  await pause(4_000);
  expect(await revNumber(id)).toBe(first);
  await until('no install is stuck syncing', () => installs.every((t) => t.opened.app.sync!.status().state !== 'syncing'), 10_000);
  expect((await onHub(id))._conflicts).toBeUndefined();
};

/** Edits a shift on `t` through its record clock, as a save would. */
const edit = (t: TestApp, id: string, notes: string, by: string) => {
  const app = t.opened.app;
  app.repos.shifts.put([touched(app.clock, { ...shiftOf(t, id)!, notes }, by, t.clock.now)]);
};

beforeAll(async () => {
  ({ manager: fast, desk } = await openManagerAndDesk(hub, ['CH']));
  await until('the desk has the shifts', () => shiftOf(desk, OMAR) !== undefined && shiftOf(desk, RHEA) !== undefined);
  await until('both installs are up to date', () => [fast, desk].every((t) => t.opened.app.sync!.status().state === 'up-to-date'));
  // The laptop's date was five years fast for one edit of another shift, then put right: its record clock stays in 2031.
  const today = fast.clock.now;
  fast.clock.now = today + 5 * YEAR_MS;
  edit(fast, DESK_SHIFTS.sam.id, 'Edited in 2031', 'manager_user');
  fast.clock.now = today;
}, 90_000);

afterAll(() => closeAll(hub, [fast, desk, later]));

describe('an edit stamped years ahead by an install whose record clock is stuck ahead', () => {
  it('is refused and written over once by the other install, and then both settle', async () => {
    const deskHeld = shiftOf(desk, OMAR)!;
    // The laptop's next edit, of a shift the desk holds too, is stamped in 2031 as well.
    edit(fast, OMAR, 'Cover the car park', 'manager_user');
    await until('the desk refuses the edit', () => refusals(desk, OMAR) > 0, 30_000);
    await until('the hub holds the desk’s version again', async () => (await onHub(OMAR)).record.hlc === deskHeld.hlc, 30_000);
    await expectSettled(OMAR, [fast, desk]);
    // The laptop's edit, refused; the desk keeps it in the shift's history, and the laptop takes that entry into its
    // copy and sends the same edit once more with it, refused in turn: two versions at most, each reported once.
    expect(refusals(desk, OMAR)).toBeLessThanOrEqual(Math.min(2, await farAheadRevs(OMAR, 0, desk.clock.now)));
    expect(refusals(fast, OMAR)).toBeLessThanOrEqual(2);
    expect(inForce(shiftOf(desk, OMAR))).toEqual(inForce(deskHeld));
    expect(keptNotes(shiftOf(desk, OMAR))).toEqual(['Cover the car park']);
    expect((await onHub(OMAR)).record).toEqual(shiftOf(desk, OMAR));
    // The laptop keeps its edit: nothing it pulled was later than it.
    expect(shiftOf(fast, OMAR)?.notes).toBe('Cover the car park');
  }, 90_000);

  it('settles again when the desk edits that shift afterwards', async () => {
    const before = refusals(desk, OMAR);
    const from = await revNumber(OMAR);
    edit(desk, OMAR, 'Gate code changed', 'sup_ch');
    const deskHeld = shiftOf(desk, OMAR)!;
    await until('the hub holds the desk’s edit', async () => (await onHub(OMAR)).record.notes === 'Gate code changed', 30_000);
    await expectSettled(OMAR, [fast, desk]);
    // The laptop sends its version once more, with the desk's edit in its history; the desk refuses that one version once.
    const versions = await farAheadRevs(OMAR, from, desk.clock.now);
    expect(versions).toBeLessThanOrEqual(1);
    expect(refusals(desk, OMAR) - before).toBeLessThanOrEqual(versions);
    expect(inForce(shiftOf(desk, OMAR))).toEqual(inForce(deskHeld));
    expect((await onHub(OMAR)).record).toEqual(shiftOf(desk, OMAR));
  }, 90_000);

  it('settles when both edit the same shift at once', async () => {
    edit(fast, RHEA, 'Bring a radio', 'manager_user');
    edit(desk, RHEA, 'Late start', 'sup_ch');
    const deskHeld = shiftOf(desk, RHEA)!;
    await until('the desk refuses the laptop’s edit', () => refusals(desk, RHEA) > 0, 30_000);
    await expectSettled(RHEA, [fast, desk]);
    expect(inForce(shiftOf(desk, RHEA))).toEqual(inForce(deskHeld));
    expect(keptNotes(shiftOf(desk, RHEA))).toContain('Bring a radio');
    expect((await onHub(RHEA)).record).toEqual(shiftOf(desk, RHEA));
    // The laptop's edit, and that edit again with the desk's recorded in its history as the one it replaced: each
    // version refused once at most.
    expect(refusals(desk, RHEA)).toBeLessThanOrEqual(await farAheadRevs(RHEA, 0, desk.clock.now));
  }, 90_000);

  it('gives a desk that joins afterwards the versions the first desk holds, and starts no new exchange', async () => {
    later = openSyncApp();
    later.opened.app.repos.accounts.putMany(fast.opened.app.repos.accounts.all().filter((a) => a.username === 'sup.ch'));
    await signIn(later, 'sup.ch');
    const before = [await revNumber(OMAR), await revNumber(RHEA)];
    await later.opened.app.sync!.connect(deskConfig(hub, 'CH'));
    await until('the new desk has the shifts', () => shiftOf(later!, OMAR) !== undefined && shiftOf(later!, RHEA) !== undefined);
    await until('the new desk is up to date', () => later!.opened.app.sync!.status().state === 'up-to-date', 30_000);
    expect(shiftOf(later, OMAR)).toEqual(shiftOf(desk, OMAR));
    expect(shiftOf(later, RHEA)).toEqual(shiftOf(desk, RHEA));
    expect(refusals(later, OMAR) + refusals(later, RHEA)).toBe(0);
    await pause(3_000);
    expect([await revNumber(OMAR), await revNumber(RHEA)]).toEqual(before);
  }, 90_000);

  it('settles when the laptop edits again with two desks refusing it at once', async () => {
    const from = await revNumber(OMAR);
    const before = refusals(desk, OMAR);
    edit(fast, OMAR, 'Cover the car park and the gate', 'manager_user');
    await until('both desks refuse the edit', () => refusals(desk, OMAR) > before && refusals(later!, OMAR) > 0, 30_000);
    await expectSettled(OMAR, [fast, desk, later!]);
    // The laptop's edit, and then (once it has the desk's version in its history as the edit it replaced) that edit
    // again: two versions at most, each refused once by each desk.
    const versions = await farAheadRevs(OMAR, from, desk.clock.now);
    expect(versions).toBeLessThanOrEqual(2);
    expect(refusals(later!, OMAR)).toBeGreaterThan(0);
    expect(refusals(later!, OMAR)).toBeLessThanOrEqual(versions);
    expect(refusals(desk, OMAR) - before).toBeLessThanOrEqual(versions);
    expect(shiftOf(later!, OMAR)).toEqual(shiftOf(desk, OMAR));
    expect((await onHub(OMAR)).record).toEqual(shiftOf(desk, OMAR));
  }, 90_000);
});
