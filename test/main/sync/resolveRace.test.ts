/**
 * A record edited on two installs while apart reaches a replica as a CouchDB conflict, which the replica
 * resolves by writing the merge of both branches and deleting the other branch. If the document moves on
 * meanwhile (replication brings a newer revision of it while the branches are being read), the merge
 * cannot be written; the other branch must then stay, to be merged at the next turn, not be deleted with
 * its edit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteDb } from '../../../main/sync/provision';
import { formatHlc, parseHlc } from '../../../shared/domain/sync/hlc';
import type { Shift } from '../../../shared/schemas/shift';
import { DESK_SHIFTS } from '../../support/deskWorld';
import type { TestApp } from '../../support/app';
import { closeAll, hubAdminHeaders, HubProcess, managerOnHub, until } from './world';

const hub = new HubProcess();
let manager: TestApp;
const ID = `shifts:${DESK_SHIFTS.sam.id}`;
const OTHER_REV = `1-${'0'.repeat(32)}`;

beforeAll(async () => {
  ({ manager } = await managerOnHub(hub, ['CH']));
}, 60_000);

afterAll(() => closeAll(hub, [manager]));

const onHub = async (query = '') => {
  const res = await fetch(`${hub.url}/${siteDb('CH')}/${ID}${query}`, { headers: hubAdminHeaders(hub) });
  return res.ok ? ((await res.json()) as { _rev: string; record: Shift; _conflicts?: string[] }) : null;
};

describe('a conflict resolved while the document moves on', () => {
  it("keeps the other install's edit and brings it in", async () => {
    await until('the hub has the shift', async () => (await onHub()) !== null);
    const held = (await onHub())!;
    // Another laptop's later edit of the same version, on a branch of its own (as replication leaves it).
    const wall = parseHlc(held.record.hlc!).wall + 60_000;
    const other = {
      ...held.record,
      notes: 'Other laptop: bring the radio.',
      hlc: formatHlc({ wall, count: 0, node: 'otherlaptop000000000' }),
      origin: 'otherlaptop000000000',
      base: held.record.hlc,
      rev: held.record.rev + 1,
    };
    // While the manager's replica reads the other branch, a newer revision of its own branch arrives.
    const lane = (manager.opened.app.sync as unknown as { lanes: Map<string, { local: PouchDB }> }).lanes.get(siteDb('CH'))!;
    const get = lane.local.get.bind(lane.local);
    let raced = false;
    lane.local.get = (async (id: string, opts?: { rev?: string }) => {
      if (id === ID && opts?.rev === OTHER_REV && !raced) {
        raced = true;
        const mine = await get(id);
        await lane.local.put({ ...mine, aside: [] });
      }
      return get(id, opts as never);
    }) as typeof lane.local.get;

    const res = await fetch(`${hub.url}/${siteDb('CH')}/_bulk_docs`, {
      method: 'POST',
      headers: { ...hubAdminHeaders(hub), 'content-type': 'application/json' },
      body: JSON.stringify({
        new_edits: false,
        docs: [{ _id: ID, _rev: OTHER_REV, kind: 'shifts', record: other, aside: [] }],
      }),
    });
    expect(res.status).toBe(201);
    await until('the replica has met the branch', () => raced);
    const shift = () => manager.opened.app.repos.shifts.inMonths(['2026-11']).find((s) => s.id === DESK_SHIFTS.sam.id);
    await until("the other laptop's edit reaches the manager", () => shift()?.notes === other.notes, 15_000).catch(() => undefined);
    await manager.opened.app.sync!.settled();
    expect(shift()?.notes).toBe(other.notes);
    // Nor is it lost from the replica, where every later merge starts from.
    const kept = (await get(ID)) as unknown as { record: Shift };
    expect(kept.record.notes).toBe(other.notes);
  }, 120_000);
});
