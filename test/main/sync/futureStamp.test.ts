/**
 * A record's hybrid-clock stamp decides every merge (the later wins), so a version stamped years ahead — from
 * a desk whose clock is set wrong, or from anyone with a hub account — would win every merge after it, and
 * would drag the clock of every install that took it forward with it. A version stamped more than a day
 * ahead of the receiving install's clock is set aside (kept, not merged) and reported; ordinary skew
 * between two computers' clocks (seconds, minutes) merges as before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendanceEventOf } from '../../../main/sync/docs';
import { authHeader, siteDb } from '../../../main/sync/provision';
import type { SyncRecord } from '../../../shared/domain/sync/merge';
import type { Attendance } from '../../../shared/schemas/attendance';
import { formatHlc, parseHlc } from '../../../shared/domain/sync/hlc';
import type { Shift } from '../../../shared/schemas/shift';
import { touched } from '../../../main/services/records';
import type { TestApp } from '../../support/app';
import { DESK_SHIFTS } from '../../support/deskWorld';
import { closeAll, deskCredentials, HubProcess, hubAdminHeaders, managerOnHub, until } from './world';

const hub = new HubProcess();
let manager: TestApp;

const YEAR_MS = 365 * 24 * 3_600_000;

beforeAll(async () => {
  ({ manager } = await managerOnHub(hub, ['CH']));
  await until('the hub holds the CH shifts', async () => {
    const res = await fetch(`${hub.url}/${siteDb('CH')}/shifts:${DESK_SHIFTS.sam.id}`, { headers: hubAdminHeaders(hub) });
    return res.status === 200;
  });
}, 90_000);

afterAll(() => closeAll(hub, [manager]));

/** The shift as the manager's storage holds it. */
const shiftHeld = (id: string): Shift | undefined => {
  const c = manager.opened.app.repos.shifts;
  for (const k of c.keys()) {
    const r = c.partition(k)[id];
    if (r) return r as Shift;
  }
  return undefined;
};

/** A CH desk's hub account rewrites a shift's document on the hub: new notes, stamped `aheadMs` past the manager's clock. */
const rewriteOnHub = async (id: string, notes: string, aheadMs: number) => {
  const url = `${hub.url}/${siteDb('CH')}/shifts:${id}`;
  const doc = (await (await fetch(url, { headers: hubAdminHeaders(hub) })).json()) as { record: Shift & { hlc: string } };
  const stamp = formatHlc({ wall: manager.opened.app.now() + aheadMs, count: 0, node: 'install_far_desk' });
  doc.record = { ...doc.record, notes, rev: doc.record.rev + 1, base: doc.record.hlc, hlc: stamp, origin: 'install_far_desk' };
  const res = await fetch(url, {
    method: 'PUT',
    headers: { authorization: authHeader(deskCredentials('CH')), 'content-type': 'application/json' },
    body: JSON.stringify(doc),
  });
  expect(res.status).toBe(201);
};

/** The manager edits a shift while its date is five years fast, and its date is then put right (its record clock stays fast). */
const editWhileFiveYearsFast = (id: string, notes: string) => {
  const app = manager.opened.app;
  const today = manager.clock.now;
  manager.clock.now = today + 5 * YEAR_MS;
  app.repos.shifts.put([touched(app.clock, { ...shiftHeld(id)!, notes }, 'manager_user', manager.clock.now)]);
  manager.clock.now = today;
};

describe('a version from the hub stamped far ahead of this computer’s clock', () => {
  it('does not overwrite the record here, leaves the clock alone and is reported', async () => {
    const before = shiftHeld(DESK_SHIFTS.sam.id)!;
    await rewriteOnHub(DESK_SHIFTS.sam.id, 'Written from a clock five years fast', 5 * YEAR_MS);
    const sync = manager.opened.app.sync!;
    const reported = () => sync.status().rejected.find((r) => r.docId === `shifts:${DESK_SHIFTS.sam.id}`);
    await until('the document reaches the manager', () => Boolean(reported()) || shiftHeld(DESK_SHIFTS.sam.id)?.notes !== before.notes);
    // The version in force is unchanged; the refused edit is kept in the shift's history for a manager to decide on.
    const { history, ...inForce } = shiftHeld(DESK_SHIFTS.sam.id)!;
    const { history: beforeHistory, ...wasInForce } = before;
    expect(inForce).toEqual(wasInForce);
    expect(history.slice(0, beforeHistory.length)).toEqual(beforeHistory);
    expect(history.slice(beforeHistory.length).map((e) => (e.before as { notes?: string }).notes)).toEqual([
      'Written from a clock five years fast',
    ]);
    expect(reported()?.reason).toMatch(/5 years ahead/);
    // The next edit made here is stamped by this computer's clock, not five years on.
    expect(parseHlc(manager.opened.app.clock.value).wall).toBeLessThan(manager.opened.app.now() + 24 * 3_600_000);
  }, 60_000);

  it('is written over on the hub with the version held here, so installs that join later get the record', async () => {
    const held = shiftHeld(DESK_SHIFTS.sam.id)!;
    const url = `${hub.url}/${siteDb('CH')}/shifts:${DESK_SHIFTS.sam.id}`;
    const onHub = async () => ((await (await fetch(url, { headers: hubAdminHeaders(hub) })).json()) as { record: Shift }).record;
    await until('the hub holds the manager’s version again', async () => (await onHub()).hlc === held.hlc, 30_000).catch(() => undefined);
    expect(await onHub()).toEqual(held);
  }, 60_000);

  it('is not folded into an attendance record when it is a sign-out event', async () => {
    const c = manager.opened.app.repos.attendance;
    const key = c.keys().find((k) => c.partition(k).att_carla_00001)!;
    const before = c.partition(key).att_carla_00001 as Attendance;
    const stamp = formatHlc({ wall: manager.opened.app.now() + 5 * YEAR_MS, count: 0, node: 'install_far_desk' });
    const record = {
      ...before,
      signedOutAt: '2031-11-25T09:00:00.000Z',
      rev: before.rev + 1,
      base: before.hlc,
      hlc: stamp,
      origin: 'install_far_desk',
    };
    const event = attendanceEventOf(record as unknown as SyncRecord);
    const res = await fetch(`${hub.url}/${siteDb('CH')}/${encodeURIComponent(event._id)}`, {
      method: 'PUT',
      headers: { authorization: authHeader(deskCredentials('CH')), 'content-type': 'application/json' },
      body: JSON.stringify(event),
    });
    expect(res.status).toBe(201);
    const sync = manager.opened.app.sync!;
    await until(
      'the event reaches the manager',
      () => sync.status().rejected.some((r) => r.docId === event._id) || c.partition(key).att_carla_00001.rev !== before.rev,
    );
    expect(c.partition(key).att_carla_00001).toEqual(before);
    expect(sync.status().rejected.find((r) => r.docId === event._id)?.reason).toMatch(/5 years ahead/);
  }, 60_000);

  it('merges as usual when it is only 30 s ahead (two computers’ clocks a little apart)', async () => {
    await rewriteOnHub(DESK_SHIFTS.rhea.id, 'Bring the visitor badges', 30_000);
    await until('the manager takes the edit in', () => shiftHeld(DESK_SHIFTS.rhea.id)?.notes === 'Bring the visitor badges');
    expect(manager.opened.app.sync!.status().rejected.some((r) => r.docId === `shifts:${DESK_SHIFTS.rhea.id}`)).toBe(false);
  }, 60_000);

  // Last: these leave the manager's record clock five years fast.
  it('an install whose date was years fast and then put right does not keep writing its own edit back to the hub', async () => {
    editWhileFiveYearsFast(DESK_SHIFTS.omar.id, 'Edited in 2031');
    const url = `${hub.url}/${siteDb('CH')}/shifts:${DESK_SHIFTS.omar.id}`;
    const onHub = async () => (await (await fetch(url, { headers: hubAdminHeaders(hub) })).json()) as { _rev: string; record: Shift };
    await until('the hub holds the edit', async () => (await onHub()).record.notes === 'Edited in 2031', 30_000);
    // Its own edit comes back from the hub stamped five years ahead of its (now right) clock, and is refused: sending
    // the same version back over it brings it back again, for ever.
    await new Promise((done) => setTimeout(done, 3_000));
    const settled = (await onHub())._rev;
    await new Promise((done) => setTimeout(done, 3_000));
    expect((await onHub())._rev).toBe(settled);
    expect(shiftHeld(DESK_SHIFTS.omar.id)?.notes).toBe('Edited in 2031');
    expect(
      manager.opened.app.sync!.status().rejected.filter((r) => r.docId === `shifts:${DESK_SHIFTS.omar.id}`).length,
    ).toBeLessThanOrEqual(1);
  }, 60_000);

  it('is said to be this computer’s own, written while its date was wrong, when this install wrote it', async () => {
    editWhileFiveYearsFast(DESK_SHIFTS.night.id, 'Also edited in 2031');
    const reported = () => manager.opened.app.sync!.status().rejected.find((r) => r.docId === `shifts:${DESK_SHIFTS.night.id}`);
    await until('the sync status lists the version come back from the hub', () => Boolean(reported()));
    // Not another computer with the wrong date: the manager would hunt for a desk that is not at fault.
    expect(reported()!.reason).toBe(
      'This computer wrote this version while its date was wrong (stamped 5 years ahead of its clock now): other computers refuse it too. See the notice about this computer’s record clock.',
    );
  }, 60_000);
});
