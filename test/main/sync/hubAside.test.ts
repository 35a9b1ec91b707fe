/**
 * A record document from the hub carries, beside its record, the versions that lost a merge of it
 * (`aside`). Those versions are read with the same care as the record: a CH desk (whose hub account may
 * write only CH records, by their `record.site`) cannot use one to put a record into another site's
 * database, or to write something storage cannot read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDoc } from '../../../main/sync/docs';
import { authHeader, DB_MANAGERS, siteDb } from '../../../main/sync/provision';
import { readSuperseded, supersededOp } from '../../../main/exchange/superseded';
import { asideOf, type SyncRecord } from '../../../shared/domain/sync/merge';
import type { Incident } from '../../../shared/schemas/incident';
import { okData, openTestApp, type TestApp } from '../../support/app';
import { seedDesk } from '../../support/deskWorld';
import {
  BIKE_SHED_INCIDENT,
  closeAll,
  deskCredentials,
  HubProcess,
  managerConfig,
  openSyncApp,
  provision,
  pushedLogEntry,
  signIn,
  until,
} from './world';

const hub = new HubProcess();
let manager: TestApp;
let scratch: TestApp;
let made: Incident;

beforeAll(async () => {
  await hub.start();
  await provision(hub, ['CH', 'HAT']);
  // A CH incident with two history entries, as any CH desk holds one.
  scratch = openTestApp();
  await seedDesk(scratch.opened.app);
  const sup = await signIn(scratch, 'sup.ch');
  const created = okData(await scratch.call('incidents:create', BIKE_SHED_INCIDENT, sup)).incident;
  made = okData(await scratch.call('incidents:update', { id: created.id, rev: 1, patch: { severity: 'medium' } }, sup)).incident;
  manager = openSyncApp();
  await seedDesk(manager.opened.app);
  await signIn(manager, 'manager');
  await manager.opened.app.sync!.connect(managerConfig(hub, ['CH', 'HAT']));
}, 60_000);

afterAll(async () => {
  scratch?.opened.close();
  await closeAll(hub, [manager]);
});

const putAsDesk = async (site: string, doc: Record<string, unknown>) =>
  fetch(`${hub.url}/${siteDb(site)}/${encodeURIComponent(doc._id as string)}`, {
    method: 'PUT',
    headers: { authorization: authHeader(deskCredentials(site)), 'content-type': 'application/json' },
    body: JSON.stringify(doc),
  }).then((r) => r.status);

/** Every incident the manager's storage holds, by site. */
const incidentsHeld = (t: TestApp) => {
  const c = t.opened.app.repos.incidents;
  return c.keys().flatMap((k) => Object.values(c.partition(k)) as Incident[]);
};

describe('versions set aside in a document from the hub', () => {
  it("cannot carry another site's record into that site's storage and hub database", async () => {
    const first = { ...made, history: made.history.slice(0, 1) };
    const hatVersion = { ...made, site: 'HAT', location: 'HAT plant room' } as unknown as SyncRecord;
    // A CH record, as the hub's write rule asks; its set-aside version is HAT's and extends the CH chain.
    const doc = {
      _id: `incidents:${made.id}`,
      kind: 'incidents',
      record: first,
      aside: [
        {
          key: asideOf('incidents', hatVersion, made as unknown as SyncRecord, 'history-diverged').key,
          kind: 'incidents',
          recordId: made.id,
          keptHlc: made.hlc,
          reason: 'history-diverged',
          record: hatVersion,
        },
      ],
    };
    expect(await putAsDesk('CH', doc)).toBe(201);
    const sync = manager.opened.app.sync!;
    await until(
      'the manager has read the document',
      () => sync.status().rejected.some((r) => r.docId === doc._id) || incidentsHeld(manager).some((i) => i.id === made.id),
    );
    await sync.settled();
    await new Promise((r) => setTimeout(r, 1500));
    await sync.settled();

    expect(
      incidentsHeld(manager)
        .filter((i) => i.site === 'HAT')
        .map((i) => i.location),
    ).toEqual([]);
    expect(sync.status().rejected.some((r) => r.docId === doc._id)).toBe(true);
  }, 120_000);

  it('cannot replace a version this install keeps aside by naming its key', async () => {
    const app = manager.opened.app;
    // The manager keeps aside a CH incident history that diverged from the one kept.
    const lost = { ...made, details: 'The lock was cut and a bicycle taken.' } as unknown as SyncRecord;
    const kept = asideOf('incidents', lost, made as unknown as SyncRecord, 'history-diverged');
    app.ds.writeMany([supersededOp(app.ds, [kept])]);
    // A CH log entry whose set-aside version is a CH log entry too, but kept under that incident's key.
    const entry = pushedLogEntry(1, 'CH');
    const doc = {
      _id: `log:${entry.id}`,
      kind: 'log',
      record: entry,
      aside: [
        {
          key: kept.key,
          kind: 'log',
          recordId: entry.id,
          keptHlc: '009999999999999-000000-ffffffffffffffffffff',
          reason: 'edited-on-two-installs',
          record: { ...entry, text: 'Patrol: nothing to report.' },
        },
      ],
    };
    expect(await putAsDesk('CH', doc)).toBe(201);
    const sync = app.sync!;
    await until(
      'the manager has read the document',
      () => sync.status().rejected.some((r) => r.docId === doc._id) || readSuperseded(app.ds)[kept.key]?.kind !== 'incidents',
    );
    await sync.settled();

    expect(readSuperseded(app.ds)[kept.key]).toEqual(kept);
    expect(sync.status().rejected.some((r) => r.docId === doc._id)).toBe(true);
  }, 120_000);
});

describe("a person's set-aside version that came in a rota pack", () => {
  it('is still read: a manager imported it without the pay rate, under the key it had', async () => {
    const { DESK_STAFF } = await import('../../support/deskWorld');
    const sam = DESK_STAFF.sam as unknown as SyncRecord;
    const other = { ...sam, notes: 'Edited on the other laptop.', hlc: '000000000000001-000000-aaaaaaaaaaaaaaaaaaaa' } as SyncRecord;
    const { payRate: _pay, ...withoutPay } = other;
    const aside = { ...asideOf('staff', other, sam, 'edited-on-two-installs'), record: withoutPay as SyncRecord };
    const doc = { _id: `staff:${sam.id}`, kind: 'staff', record: sam, aside: [aside] };
    expect(parseDoc(doc, DB_MANAGERS, null, Date.now())).toMatchObject({ ok: true });
  });
});
