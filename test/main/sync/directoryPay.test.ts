/**
 * Pay rates stay on managers' installs: the directory every desk reads holds staff without them. That
 * includes the versions of a person's record kept aside after an edit made on two installs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSuperseded, supersededOp } from '../../../main/exchange/superseded';
import { touched } from '../../../main/services/records';
import { DB_DIRECTORY } from '../../../main/sync/provision';
import { asideOf, type SyncRecord } from '../../../shared/domain/sync/merge';
import type { TestApp } from '../../support/app';
import { DESK_STAFF } from '../../support/deskWorld';
import { closeAll, HubProcess, hubAdminHeaders, openManagerAndDesk, until } from './world';

const hub = new HubProcess();
let manager: TestApp;
let desk: TestApp;

beforeAll(async () => {
  ({ manager, desk } = await openManagerAndDesk(hub, ['CH']));
}, 60_000);

afterAll(() => closeAll(hub, [manager, desk]));

describe("a person's set-aside version in the directory", () => {
  it('travels without the pay rate, and the desk still gets the person', async () => {
    const app = manager.opened.app;
    const sam = app.repos.staff.all().find((p) => p.id === DESK_STAFF.sam.id)!;
    // Sam's record was edited on two managers' laptops while apart: the other edit (a pay rise) is kept aside.
    const other = { ...sam, payRate: 21.75, hlc: '000000000000001-000000-aaaaaaaaaaaaaaaaaaaa' } as unknown as SyncRecord;
    app.ds.writeMany([supersededOp(app.ds, [asideOf('staff', other, sam as unknown as SyncRecord, 'edited-on-two-installs')])]);
    app.repos.staff.put(touched(app.clock, { ...sam, notes: 'Keys holder.' }, 'manager_user', app.now()));

    const hubDoc = async () => {
      const res = await fetch(`${hub.url}/${DB_DIRECTORY}/staff:${sam.id}`, { headers: hubAdminHeaders(hub) });
      return res.ok ? ((await res.json()) as { record: { notes?: string } }) : null;
    };
    await until('the hub has the edit', async () => (await hubDoc())?.record.notes === 'Keys holder.');
    expect(JSON.stringify(await hubDoc())).not.toContain('payRate');

    await until('the desk has the edit', () =>
      desk.opened.app.repos.staff.all().some((p) => p.id === sam.id && p.notes === 'Keys holder.'),
    );
    await desk.opened.app.sync!.settled();
    expect(JSON.stringify(readSuperseded(desk.opened.app.ds))).not.toContain('21.75');
    expect(desk.opened.app.sync!.status().rejected).toEqual([]);
  }, 120_000);
});
