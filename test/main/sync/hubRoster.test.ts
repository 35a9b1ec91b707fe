/**
 * A desk's sign-in accounts after enrolment: the manager's laptop publishes, for each site, a roster of that site's
 * supervisors (`roster:<site>` in the site's hub database), its accounts sealed under the organisation's key and the
 * whole signed with the laptop's own Ed25519 key (over the canonical JSON of `roster`). The desk takes one only if a manager key its enrolment gave it signed it, it is not older than the
 * roster it holds, and it carries only supervisors of the desk's sites (docs/security.md). A leaver disabled on the
 * manager's laptop can no longer sign in at the desk; a roster from another key, changed after signing, replayed, or
 * carrying a manager is refused, reported in the sync status, and leaves the desk's accounts file as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDataFolder } from '../../../main/storage/doctor';
import { newIdentity, readIdentity } from '../../../main/exchange/identity';
import { readOrg } from '../../../main/exchange/org';
import { openRosterAccounts, readRoster, signRoster } from '../../../main/sync/roster';
import { siteDb } from '../../../main/sync/provision';
import type { Session } from '../../../main/services/types';
import type { RosterAccount } from '../../../shared/domain/deskAccounts';
import { formatHlc, parseHlc } from '../../../shared/domain/sync/hlc';
import type { Account } from '../../../shared/schemas/account';
import { filesOf, okData, type TestApp } from '../../support/app';
import { DESK_PASSWORD } from '../../support/deskWorld';
import { closeAll, deskCredentials, HubProcess, hubAdminHeaders, managerOnHub, openSyncApp, until } from './world';

const hub = new HubProcess();
let manager: TestApp;
let m: Session;
let desk: TestApp;
let leaver: { id: string };
let leaverAtDesk: Session;
const LEAVER_PASSWORD = 'leaver password 1';
const ACCOUNTS_FILE = 'data/directory/accounts.json';

interface RosterDoc {
  _id: string;
  _rev?: string;
  kind: 'roster';
  roster: { stamp: string; site: string } & Record<string, unknown>;
  signer: string;
  signature: string;
}

const hubRoster = async (): Promise<RosterDoc | null> => {
  const res = await fetch(`${hub.url}/${siteDb('CH')}/${encodeURIComponent('roster:CH')}`, { headers: hubAdminHeaders(hub) });
  return res.ok ? ((await res.json()) as RosterDoc) : null;
};

/** Puts `doc` on the hub in place of the CH roster there, as someone with the hub's admin password could. */
const putRoster = async (doc: Omit<RosterDoc, '_rev'>) => {
  const held = await hubRoster();
  const res = await fetch(`${hub.url}/${siteDb('CH')}/${encodeURIComponent('roster:CH')}`, {
    method: 'PUT',
    headers: { ...hubAdminHeaders(hub), 'content-type': 'application/json' },
    body: JSON.stringify({ ...doc, ...(held?._rev ? { _rev: held._rev } : {}) }),
  });
  expect(res.status).toBe(201);
};

/** The accounts a roster on the hub carries, opened with the organisation's key (which the hub does not hold). */
const accountsIn = (doc: RosterDoc | null): RosterAccount[] =>
  doc ? (openRosterAccounts(readOrg(manager.opened.app)!, readRoster(doc.roster)!) ?? []) : [];

/** A stamp a second after `stamp`, so a forged roster is never refused only for its age. */
const later = (stamp: string) => {
  const h = parseHlc(stamp);
  return formatHlc({ ...h, wall: h.wall + 1000 });
};

const refusedRosters = () =>
  desk.opened.app
    .sync!.status()
    .rejected.filter((r) => r.docId.startsWith('roster:'))
    .map((r) => r.reason);

const signInAtDesk = (username: string, password: string) => desk.call('auth:sign-in', { username, password }, desk.session());

beforeAll(async () => {
  ({ manager, session: m } = await managerOnHub(hub, ['CH', 'FH']));
  leaver = okData(
    await manager.call(
      'accounts:create',
      { username: 'lee.leaver', displayName: 'Lee Leaver', role: 'supervisor', sites: ['CH'], password: LEAVER_PASSWORD },
      m,
    ),
  );
  const sup = manager.opened.app.repos.accounts.all().find((a) => a.username === 'sup.ch')!;
  const file = okData(
    await manager.call('enrol:create', { sites: ['CH'], supervisors: [sup.id, leaver.id], hub: deskCredentials('CH') }, m),
  );
  desk = openSyncApp();
  okData(await desk.call('enrol:import', { file: file.base64, code: file.code }, desk.session()));
  leaverAtDesk = desk.session();
  okData(await desk.call('auth:sign-in', { username: 'lee.leaver', password: LEAVER_PASSWORD }, leaverAtDesk));
  okData(await desk.call('sync:status', {}, leaverAtDesk));
}, 90_000);

afterAll(() => closeAll(hub, [manager, desk]));

let beforeDisable: RosterDoc;
let afterDisable: RosterDoc;

describe('the manager’s laptop tells the desk of a leaver', () => {
  it('disables a supervisor on the manager’s laptop: the desk refuses their sign-in, and a password reset reaches it', async () => {
    await until('the hub holds a CH roster with Lee on it', async () =>
      accountsIn(await hubRoster()).some((a) => a.id === leaver.id && !a.disabled),
    );
    beforeDisable = (await hubRoster())!;
    // The hub's administrator cannot read the password hashes it carries.
    const hashes = manager.opened.app.repos.accounts.all().map((a) => a.passwordHash);
    expect(hashes.filter((h) => JSON.stringify(beforeDisable).includes(h) || JSON.stringify(beforeDisable).includes(h.slice(-20)))).toEqual(
      [],
    );

    okData(await manager.call('accounts:update', { id: leaver.id, disabled: true }, m));
    await until('the desk holds Lee disabled', () => desk.opened.app.repos.accounts.get(leaver.id)?.disabled === true);
    expect(await signInAtDesk('lee.leaver', LEAVER_PASSWORD)).toMatchObject({ ok: false });
    // Signed in before: the next call of that session is refused too.
    expect(await desk.call('sync:status', {}, leaverAtDesk)).toMatchObject({ ok: false });
    okData(await signInAtDesk('sup.ch', DESK_PASSWORD));

    const sup = manager.opened.app.repos.accounts.all().find((a) => a.username === 'sup.ch')!;
    okData(await manager.call('accounts:update', { id: sup.id, password: 'a brand new password' }, m));
    await until(
      'the desk holds Dee’s new password',
      () => desk.opened.app.repos.accounts.get(sup.id)?.passwordHash === manager.opened.app.repos.accounts.get(sup.id)?.passwordHash,
    );
    okData(await signInAtDesk('sup.ch', 'a brand new password'));
    expect(await signInAtDesk('sup.ch', DESK_PASSWORD)).toMatchObject({ ok: false });

    // The desk never gives itself an account it was not sent, and nothing it took was refused.
    expect(
      desk.opened.app.repos.accounts
        .all()
        .map((a) => a.username)
        .sort(),
    ).toEqual(['lee.leaver', 'sup.ch']);
    await until('the hub holds the roster with Lee disabled', async () =>
      accountsIn(await hubRoster()).some((a) => a.id === leaver.id && a.disabled),
    );
    afterDisable = (await hubRoster())!;
    expect(refusedRosters()).toEqual([]);
  }, 120_000);
});

describe('a roster the desk must not take', () => {
  const refusedWith = async (doc: Omit<RosterDoc, '_rev'>, words: RegExp) => {
    await desk.opened.app.sync!.settled();
    const before = filesOf(desk.dir)[ACCOUNTS_FILE];
    const count = refusedRosters().length;
    await putRoster(doc);
    await until(`the desk refuses it (${words})`, () =>
      refusedRosters()
        .slice(count)
        .some((r) => words.test(r)),
    );
    await desk.opened.app.sync!.settled();
    expect(filesOf(desk.dir)[ACCOUNTS_FILE]).toBe(before);
    expect(await signInAtDesk('lee.leaver', LEAVER_PASSWORD)).toMatchObject({ ok: false });
  };

  /** The roster after Lee was disabled, with Lee active again and a later stamp, signed with `identity`. */
  const reEnabled = (identity: { publicKey: string; privateKey: string }): Omit<RosterDoc, '_rev'> => {
    const accounts = accountsIn(afterDisable).map((a) => (a.id === leaver.id ? { ...a, disabled: false } : a));
    return signRoster(readOrg(manager.opened.app)!, identity, 'CH', later(afterDisable.roster.stamp), accounts) as unknown as RosterDoc;
  };

  it('refuses one signed with a key the desk was not given at enrolment (even one holding the organisation’s key)', async () => {
    await refusedWith(reEnabled(newIdentity(Date.now())), /not signed by a manager’s laptop this desk trusts/);
  }, 90_000);

  it('refuses one changed after it was signed', async () => {
    const genuine = reEnabled(readIdentity(manager.opened.app)!);
    const { _rev: _r, ...held } = afterDisable;
    // Lee's active version, sealed and signed, under the signature of the roster that disabled him.
    await refusedWith({ ...held, roster: genuine.roster }, /changed after it was signed/);
    // The roster that disabled him, stamped later so it would be taken again.
    await refusedWith({ ...held, roster: { ...held.roster, stamp: later(held.roster.stamp) } }, /changed after it was signed/);
  }, 90_000);

  it('refuses an older signed roster put back on the hub (Lee still active in it)', async () => {
    const { _rev: _old, ...replayed } = beforeDisable;
    await refusedWith(replayed, /older than the roster this desk holds/);
  }, 90_000);

  it('refuses a roster signed by the manager’s own laptop that carries a manager, or a supervisor of another site', async () => {
    const identity = readIdentity(manager.opened.app)!;
    const org = readOrg(manager.opened.app)!;
    const rostered = (a: Account): RosterAccount => {
      const { pinHash: _p, failedAttempts: _f, lastFailedAt: _l, ...rest } = a;
      return rest;
    };
    const all = manager.opened.app.repos.accounts.all();
    const boss = all.find((a) => a.role === 'manager')!;
    const stamp = later(afterDisable.roster.stamp);
    const withBoss = signRoster(org, identity, 'CH', stamp, [...accountsIn(afterDisable), rostered(boss)]) as unknown as RosterDoc;
    await refusedWith(withBoss, new RegExp(`${boss.displayName} \\(${boss.username}\\), who is a manager`));
    expect(await signInAtDesk(boss.username, DESK_PASSWORD)).toMatchObject({ ok: false });

    const frank = all.find((a) => a.username === 'sup.fh')!;
    const withFrank = signRoster(org, identity, 'CH', later(stamp), [...accountsIn(afterDisable), rostered(frank)]) as unknown as RosterDoc;
    await refusedWith(withFrank, /Frank Supervisor \(sup\.fh\), who supervises FH, not CH/);
    expect(desk.opened.app.repos.accounts.all().map((a) => a.username)).not.toContain('sup.fh');
  }, 90_000);
});

describe('the desk’s folder', () => {
  it('is clean to the doctor, with what it took from rosters', async () => {
    await desk.opened.app.sync!.settled();
    expect(Object.keys(filesOf(desk.dir))).toContain('data/system/roster.json');
    // Its system files and directory; the desk world's seeded incident is another matter (its history is made up).
    const own = checkDataFolder(desk.dir).problems.filter((p) => /^data\/(system|directory)\//.test(p.file));
    expect(own.map((p) => `${p.file}: ${p.message}`)).toEqual([]);
  }, 30_000);
});
