/**
 * Records are never deleted: a shift is removed by a tombstone edit, an incident never. A document
 * deleted on the hub (by a desk's hub account, or by hand) comes back there from an install that holds
 * the record, so a new desk, or a laptop set up from the hub alone, still gets it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeader, siteDb } from '../../../main/sync/provision';
import type { Session } from '../../../main/services/types';
import { okData, type TestApp } from '../../support/app';
import { DESK_SHIFTS } from '../../support/deskWorld';
import { BIKE_SHED_INCIDENT, closeAll, deskCredentials, hubAdminHeaders, hubEntries, HubProcess, managerOnHub, until } from './world';

const hub = new HubProcess();
let manager: TestApp;
let m: Session;
const db = siteDb('CH');

beforeAll(async () => {
  ({ manager, session: m } = await managerOnHub(hub, ['CH']));
}, 60_000);

afterAll(() => closeAll(hub, [manager]));

const revOf = async (id: string) => {
  const res = await fetch(`${hub.url}/${db}/${encodeURIComponent(id)}`, { headers: hubAdminHeaders(hub) });
  return res.ok ? ((await res.json()) as { _rev: string })._rev : null;
};

const deleteAsDesk = async (id: string) => {
  const rev = await revOf(id);
  const res = await fetch(`${hub.url}/${db}/${encodeURIComponent(id)}?rev=${rev}`, {
    method: 'DELETE',
    headers: { authorization: authHeader(deskCredentials('CH')) },
  });
  expect(res.status).toBe(200);
};

describe('a record document deleted on the hub', () => {
  it('is put back on the hub by the install that holds the record', async () => {
    const incident = okData(await manager.call('incidents:create', BIKE_SHED_INCIDENT, m)).incident;
    const shiftDoc = `shifts:${DESK_SHIFTS.sam.id}`;
    await until(
      'the hub has the shift and the incident',
      async () => (await revOf(shiftDoc)) !== null && (await hubEntries(hub, 'CH', incident.id)).length === 1,
    );
    const q = new URLSearchParams({
      startkey: JSON.stringify(`incident-entry:${incident.id}:`),
      endkey: JSON.stringify(`incident-entry:${incident.id}:\ufff0`),
    });
    const entries = (
      (await (await fetch(`${hub.url}/${db}/_all_docs?${q}`, { headers: hubAdminHeaders(hub) })).json()) as { rows: { id: string }[] }
    ).rows;
    for (const id of [shiftDoc, ...entries.map((r) => r.id)]) await deleteAsDesk(id);
    expect(await revOf(shiftDoc)).toBeNull();
    expect(await hubEntries(hub, 'CH', incident.id)).toEqual([]);

    await until(
      'the hub has them again',
      async () => (await revOf(shiftDoc)) !== null && (await hubEntries(hub, 'CH', incident.id)).length === 1,
      20_000,
    ).catch(() => undefined);
    expect(await revOf(shiftDoc)).not.toBeNull();
    expect(await hubEntries(hub, 'CH', incident.id)).toHaveLength(1);
    // And the laptop still holds both.
    expect(manager.opened.app.repos.shifts.inMonths(['2026-11']).some((s) => s.id === DESK_SHIFTS.sam.id)).toBe(true);
    expect(okData(await manager.call('incidents:get', { id: incident.id }, m)).incident.id).toBe(incident.id);
  }, 120_000);
});
