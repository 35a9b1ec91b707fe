/**
 * The hub's witness heads are written by installs with access to a site's database. A head in CH's
 * database speaks only for CH's incidents: a CH desk cannot use one to mark a HAT incident's history as
 * broken (and lock it) on a manager's laptop.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headDocId } from '../../../main/sync/docs';
import { authHeader, siteDb } from '../../../main/sync/provision';
import type { Session } from '../../../main/services/types';
import { okData, type TestApp } from '../../support/app';
import { BIKE_SHED_INCIDENT, closeAll, deskCredentials, HubProcess, managerOnHub, until } from './world';

const hub = new HubProcess();
let manager: TestApp;
let m: Session;

beforeAll(async () => {
  ({ manager, session: m } = await managerOnHub(hub, ['CH', 'HAT']));
}, 60_000);

afterAll(() => closeAll(hub, [manager]));

describe("a witness head in another site's database", () => {
  it('does not break or lock a HAT incident', async () => {
    const hat = okData(await manager.call('incidents:create', { ...BIKE_SHED_INCIDENT, site: 'HAT' }, m)).incident;
    // A head of that incident, longer than its chain, as the CH desk can write one into CH's database.
    const head = 'f'.repeat(64);
    const doc = { _id: headDocId(hat.id, 9, head), kind: 'head', incident: hat.id, site: 'CH', length: 9, head };
    const res = await fetch(`${hub.url}/${siteDb('CH')}/${encodeURIComponent(doc._id)}`, {
      method: 'PUT',
      headers: { authorization: authHeader(deskCredentials('CH')), 'content-type': 'application/json' },
      body: JSON.stringify(doc),
    });
    expect(res.status).toBe(201);
    const sync = manager.opened.app.sync!;
    await until('the manager is up to date', () => sync.status().state === 'up-to-date');
    await new Promise((r) => setTimeout(r, 1500));
    await sync.settled();

    const seen = okData(await manager.call('incidents:get', { id: hat.id }, m));
    expect(seen.verification).toEqual({ ok: true });
    expect(seen.locked).toBe(false);
  }, 120_000);
});
