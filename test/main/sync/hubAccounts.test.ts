/**
 * Accounts reach a desk only in its enrolment file (test/security/enrolRoles.test.ts): sign-in accounts are not a
 * replicated kind (docs/sync.md, Documents). A hub that holds a manager's account anyway — put there by someone with
 * the hub's admin password, or by a future bug — gives a desk no manager sign-in: each such document is refused and
 * reported, and the desk's accounts file does not change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_DIRECTORY, siteDb } from '../../../main/sync/provision';
import { filesOf, type TestApp } from '../../support/app';
import { DESK_PASSWORD } from '../../support/deskWorld';
import { closeAll, HubProcess, hubAdminHeaders, openManagerAndDesk, until } from './world';

const hub = new HubProcess();
let manager: TestApp;
let desk: TestApp;

beforeAll(async () => {
  ({ manager, desk } = await openManagerAndDesk(hub, ['CH']));
}, 60_000);

afterAll(() => closeAll(hub, [manager, desk]));

const ACCOUNTS_FILE = 'data/directory/accounts.json';

describe('a manager’s account on the hub', () => {
  it('is refused by the desk, as an account or passed off as a person, and the desk’s accounts do not change', async () => {
    const boss = manager.opened.app.repos.accounts.all().find((a) => a.role === 'manager')!;
    const before = filesOf(desk.dir)[ACCOUNTS_FILE];
    const put = (db: string, docs: object[]) =>
      fetch(`${hub.url}/${db}/_bulk_docs`, {
        method: 'POST',
        headers: { ...hubAdminHeaders(hub), 'content-type': 'application/json' },
        body: JSON.stringify({ docs }),
      }).then((r) => r.status);
    const asAccount = { _id: `accounts:${boss.id}`, kind: 'accounts', record: boss, aside: [] };
    const asPerson = { _id: `staff:${boss.id}`, kind: 'staff', record: boss, aside: [] };
    expect(await put(DB_DIRECTORY, [asAccount, asPerson])).toBe(201);
    expect(await put(siteDb('CH'), [asAccount])).toBe(201);

    const refused = () => desk.opened.app.sync!.status().rejected.map((r) => `${r.db} ${r.docId}`);
    const expected = [`${DB_DIRECTORY} accounts:${boss.id}`, `${DB_DIRECTORY} staff:${boss.id}`, `${siteDb('CH')} accounts:${boss.id}`];
    await until('the desk has refused all three', () => expected.every((e) => refused().includes(e)));
    await desk.opened.app.sync!.settled();

    expect(filesOf(desk.dir)[ACCOUNTS_FILE]).toBe(before);
    expect(desk.opened.app.repos.accounts.all().map((a) => a.username)).toEqual(['sup.ch']);
    expect(await desk.call('auth:sign-in', { username: boss.username, password: DESK_PASSWORD }, desk.session())).toMatchObject({
      ok: false,
    });
  }, 120_000);
});
