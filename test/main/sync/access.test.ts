/**
 * Access is enforced by the hub itself (CouchDB users, roles and `_security`), not by SiteDesk: these
 * requests go straight to the hub's HTTP API with each role's credentials.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type Hub } from '../../../main/sync/hub';
import {
  authHeader,
  DB_DIRECTORY,
  DB_MANAGERS,
  provisionDesk,
  provisionManager,
  provisionOrganisation,
  siteDb,
} from '../../../main/sync/provision';

let hub: Hub;
const admin = { name: 'council-it', password: 'hub admin pass 1' };
const deskCh = { name: 'desk-ch', password: 'ch desk password 1', sites: ['CH'] };
const deskHat = { name: 'desk-hat', password: 'hat desk password 1', sites: ['HAT'] };
const manager = { name: 'maria', password: 'manager password 1' };

const get = (db: string, who?: { name: string; password: string }) =>
  fetch(`${hub.url}/${db}/_all_docs`, { headers: who ? { authorization: authHeader(who) } : {} }).then((r) => r.status);
const put = (db: string, doc: Record<string, unknown>, who: { name: string; password: string }) =>
  fetch(`${hub.url}/${db}/${doc._id as string}`, {
    method: 'PUT',
    headers: { authorization: authHeader(who), 'content-type': 'application/json' },
    body: JSON.stringify(doc),
  }).then((r) => r.status);
const refused = (status: number) => status === 401 || status === 403;

beforeAll(async () => {
  hub = await startHub({ dir: fs.mkdtempSync(path.join(os.tmpdir(), 'sitedesk-hub-')), port: 0, admin });
  const a = { url: hub.url, ...admin };
  await provisionOrganisation(a, ['CH', 'HAT']);
  await provisionDesk(a, deskCh);
  await provisionDesk(a, deskHat);
  await provisionManager(a, manager);
});
afterAll(() => hub?.close());

describe('the hub enforces who may read and write what', () => {
  it('lets a desk use its own site and read the directory', async () => {
    expect(await get(siteDb('CH'), deskCh)).toBe(200);
    expect(await get(DB_DIRECTORY, deskCh)).toBe(200);
    expect(await put(siteDb('CH'), { _id: 'log:ok-entry', record: { site: 'CH' } }, deskCh)).toBe(201);
  });

  it("refuses a CH desk HAT's database and the managers' database (pay)", async () => {
    expect(refused(await get(siteDb('HAT'), deskCh))).toBe(true);
    expect(refused(await get(DB_MANAGERS, deskCh))).toBe(true);
    expect(refused(await put(siteDb('HAT'), { _id: 'log:sneaky', record: { site: 'HAT' } }, deskCh))).toBe(true);
    expect(refused(await get(siteDb('CH'), deskHat))).toBe(true);
    expect(refused(await get(DB_MANAGERS, deskHat))).toBe(true);
  });

  it('refuses a desk writing to the directory or putting another site’s record in its own database', async () => {
    expect(await put(DB_DIRECTORY, { _id: 'staff:forged', record: { name: 'x' } }, deskCh)).toBe(403);
    expect(await put(siteDb('CH'), { _id: 'log:wrong-site', record: { site: 'HAT' } }, deskCh)).toBe(403);
  });

  it('refuses anonymous requests and a wrong password everywhere', async () => {
    for (const db of [siteDb('CH'), siteDb('HAT'), DB_DIRECTORY, DB_MANAGERS]) {
      expect(refused(await get(db))).toBe(true);
      expect(refused(await get(db, { name: deskCh.name, password: 'not the password' }))).toBe(true);
    }
  });

  it('lets a manager use every database', async () => {
    for (const db of [siteDb('CH'), siteDb('HAT'), DB_DIRECTORY, DB_MANAGERS]) expect(await get(db, manager)).toBe(200);
    expect(await put(DB_DIRECTORY, { _id: 'staff:by-manager', record: { name: 'x' } }, manager)).toBe(201);
  });
});
