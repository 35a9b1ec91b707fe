/**
 * The organisation file (`system/org`: the organisation's key and its directory of installs, main/exchange/org.ts) is
 * not signed. Whoever can edit it on a desk — the desk's own computer account, or whoever holds the enrolment file and
 * its code — can list a key of their own as a manager's, or give the desk more sites. These tests show what that does
 * not give them: every install checks a pack against its own directory, which never comes from another install after
 * enrolment, so an edited directory changes nothing beyond the install it is on (whose folder that person can already
 * change in every other way). The one way a directory did travel afterwards was a whole-folder backup file, whose proof
 * a desk can make (it holds the organisation key): a manager's laptop now restores only one a manager install signed.
 * See docs/security.md, "The organisation file".
 */
import { scryptSync } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { ensureIdentity } from '../../main/exchange/identity';
import { encodePack, type Pack, type PackHeader } from '../../main/exchange/pack';
import { orgKind, packKeyOf, type Org } from '../../main/exchange/org';
import { collectActivity } from '../../main/exchange/transfer';
import { openEncrypted, sealEncrypted } from '../../main/storage/cipherFile';
import { createSupervisor, okData, openTestApp, SUPERVISOR_PASSWORD, withManager, type TestApp } from '../support/app';
import { seedActivity, seedShift } from '../support/records';

// Password hashing (scrypt) for the accounts and the enrolment code makes these slower than most.
vi.setConfig({ testTimeout: 90_000 });

const orgOf = (t: TestApp): Org => t.opened.app.ds.read('system/org', orgKind).org!;
const editOrg = (t: TestApp, change: (org: Org) => Org) => t.opened.app.ds.write('system/org', orgKind, { org: change(orgOf(t)) });

/** A pack's decrypted body, opened as an install of the organisation would. */
const openPack = (base64: string, key: string): Pack => {
  const opened = openEncrypted<PackHeader>('SDPK', Buffer.from(base64, 'base64'));
  if (!opened.ok) throw new Error(`not a pack: ${opened.why}`);
  return JSON.parse(gunzipSync(opened.body(packKeyOf(key))!).toString('utf8')) as Pack;
};

/** A CH desk enrolled from `manager`'s install with supervisor `username`, signed in. */
const enrolDesk = async (manager: TestApp, m: ReturnType<TestApp['session']>, username: string) => {
  const sup = okData(
    await manager.call(
      'accounts:create',
      { username, displayName: `Supervisor ${username}`, role: 'supervisor', sites: ['CH'], password: SUPERVISOR_PASSWORD },
      m,
    ),
  );
  const enrolment = okData(await manager.call('enrol:create', { sites: ['CH'], supervisors: [sup.id] }, m));
  const t = openTestApp();
  okData(await t.call('enrol:import', { file: enrolment.base64, code: enrolment.code }, t.session()));
  const s = t.session();
  okData(await t.call('auth:sign-in', { username, password: SUPERVISOR_PASSWORD }, s));
  return { t, s };
};

/** Signs `pack` with `t`'s own identity, under the organisation key its organisation file holds. */
const signedBy = (t: TestApp, pack: Pack): string =>
  encodePack({ ...pack, manifest: { ...pack.manifest, installId: t.opened.app.meta.installId } }, orgOf(t), {
    installId: t.opened.app.meta.installId,
    identity: ensureIdentity(t.opened.app),
  }).toString('base64');

describe('an organisation file edited on a desk', () => {
  it('listing the desk’s own key as a manager’s: its rota is still refused by the manager and by another desk', async () => {
    const manager = openTestApp();
    const m = await withManager(manager);
    const desk = await enrolDesk(manager, m, 'sam');
    const other = await enrolDesk(manager, m, 'sam2');
    const managerUser = manager.opened.app.repos.accounts.all().find((a) => a.role === 'manager')!;
    seedShift(manager.opened.app, managerUser.id);
    const deskApp = desk.t.opened.app;
    editOrg(desk.t, (org) => ({
      ...org,
      installs: [
        ...org.installs,
        { installId: deskApp.meta.installId, role: 'manager', publicKey: ensureIdentity(deskApp).publicKey, addedAt: org.createdAt },
      ],
    }));
    // A rota the desk makes itself (the shift given to someone else), signed with the key it listed as a manager's.
    const real = openPack(
      okData(await manager.call('exchange:export-rota', { sites: ['CH'], weeks: ['2026-11-30'] }, m)).base64,
      orgOf(manager).key,
    );
    const [id, shift] = Object.entries(real.payload.records.shifts!)[0];
    const forged = signedBy(desk.t, {
      ...real,
      payload: { ...real.payload, records: { ...real.payload.records, shifts: { [id]: { ...shift, staffId: 'intruder001' } } } },
    });
    for (const [t, s] of [
      [manager, m],
      [other.t, other.s],
    ] as const) {
      const before = t.snapshot();
      for (const channel of ['exchange:preview', 'exchange:apply'] as const)
        expect(await t.call(channel, { file: forged }, s)).toMatchObject({
          ok: false,
          code: 'invalid',
          message: expect.stringContaining('not made on a manager’s install'),
        });
      expect(t.snapshot()).toEqual(before);
      // Their own directories still list only the manager's install as a manager.
      expect(
        orgOf(t)
          .installs.filter((i) => i.role === 'manager')
          .map((i) => i.publicKey),
      ).toEqual([ensureIdentity(manager.opened.app).publicKey]);
    }
  });

  it('giving the desk another site: its activity pack naming that site is still refused by the manager', async () => {
    const manager = openTestApp();
    const m = await withManager(manager);
    const desk = await enrolDesk(manager, m, 'sam');
    const deskApp = desk.t.opened.app;
    const deskKey = ensureIdentity(deskApp).publicKey;
    editOrg(desk.t, (org) => ({
      ...org,
      sites: ['CH', 'HAT'],
      installs: org.installs.map((i) => (i.publicKey === deskKey ? { ...i, sites: ['CH', 'HAT'] } : i)),
    }));
    const supId = deskApp.repos.accounts.all()[0].id;
    seedActivity(deskApp, supId, 'CH', '2026-11-26');
    seedActivity(deskApp, supId, 'HAT', '2026-11-26');
    const real = openPack(
      okData(await desk.t.call('exchange:export-activity', { from: '2026-11-23', to: '2026-11-29' }, desk.s)).base64,
      orgOf(desk.t).key,
    );
    const forged = signedBy(desk.t, {
      manifest: { ...real.manifest, sites: ['CH', 'HAT'] },
      payload: { ...real.payload, records: collectActivity(deskApp, ['CH', 'HAT'], '2026-11-23', '2026-11-29').records },
    });
    const before = manager.snapshot();
    const refused = 'This pack from the CH desk names HAT, a site that desk does not serve. Nothing was imported.';
    expect(await manager.call('exchange:preview', { file: forged }, m)).toMatchObject({ ok: false, code: 'invalid', message: refused });
    expect(await manager.call('exchange:apply', { file: forged }, m)).toMatchObject({ ok: false, code: 'invalid', message: refused });
    expect(manager.snapshot()).toEqual(before);
  });
});

describe('an organisation file changed inside an enrolment file', () => {
  it('is refused at the desk by whoever holds the file without its code, and nothing is written', async () => {
    const manager = openTestApp();
    const m = await withManager(manager);
    const sup = await createSupervisor(manager, m);
    const enrolment = okData(await manager.call('enrol:create', { sites: ['CH'], supervisors: [sup.id] }, m));
    const bytes = Buffer.from(enrolment.base64, 'base64');
    const desk = openTestApp();
    const before = desk.snapshot();
    // Each byte of the sealed contents changed in turn (a sample across the file): none opens.
    for (let at = bytes.length - 1; at > bytes.length - 400; at -= 37) {
      const changed = Buffer.from(bytes);
      changed[at] ^= 0x01;
      expect(await desk.call('enrol:import', { file: changed.toString('base64'), code: enrolment.code }, desk.session())).toMatchObject({
        ok: false,
      });
    }
    expect(desk.snapshot()).toEqual(before);
    expect(okData(await desk.call('enrol:import', { file: enrolment.base64, code: enrolment.code }, desk.session()))).toMatchObject({
      sites: ['CH'],
    });
  });
});

describe('an organisation file swapped in through a backup file', () => {
  it('made on a desk (a manager account added to its folder) is refused by the manager’s laptop, and nothing changes', async () => {
    const manager = openTestApp();
    const m = await withManager(manager);
    const desk = await enrolDesk(manager, m, 'sam');
    // Whoever can write the desk's folder adds a manager account of their own and lists the desk's key as a manager's.
    const deskApp = desk.t.opened.app;
    deskApp.repos.accounts.putMany(manager.opened.app.repos.accounts.all().filter((a) => a.role === 'manager'));
    editOrg(desk.t, (org) => ({
      ...org,
      installs: [
        ...org.installs,
        { installId: deskApp.meta.installId, role: 'manager', publicKey: ensureIdentity(deskApp).publicKey, addedAt: org.createdAt },
      ],
    }));
    const ds = desk.t.session();
    okData(await desk.t.call('auth:sign-in', { username: 'maria', password: 'correct horse 1' }, ds));
    const file = okData(await desk.t.call('backups:export', { passphrase: 'a passphrase they chose' }, ds));

    const before = manager.snapshot();
    expect(await manager.call('backups:restore-file', { file: file.base64, passphrase: 'a passphrase they chose' }, m)).toMatchObject({
      ok: false,
      message: expect.stringContaining('was not made on a manager’s laptop'),
    });
    expect(manager.snapshot()).toEqual(before);
    expect(
      orgOf(manager)
        .installs.filter((i) => i.role === 'manager')
        .map((i) => i.publicKey),
    ).toEqual([ensureIdentity(manager.opened.app).publicKey]);
  });

  it('made before backup files were signed is refused by a manager’s laptop, saying what to do, and restores on a new install', async () => {
    const manager = openTestApp();
    const m = await withManager(manager);
    const PASS = 'the manager’s passphrase';
    const signed = Buffer.from(okData(await manager.call('backups:export', { passphrase: PASS }, m)).base64, 'base64');
    // The same file as a SiteDesk before 5 Dec 2026 wrote it: the same header and body, with no signer and no signature.
    const opened = openEncrypted<Record<string, unknown>>('SDBK', signed);
    if (!opened.ok) throw new Error(opened.why);
    const { signer: _s, signature: _g, ...header } = opened.header;
    const key = scryptSync(PASS, Buffer.from(header.salt as string, 'base64'), 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
    const body = JSON.parse(gunzipSync(opened.body(key)!).toString('utf8')) as unknown;
    const unsigned = sealEncrypted('SDBK', (digest) => ({ ...header, bodyDigest: digest }), key, body).toString('base64');

    const before = manager.snapshot();
    expect(await manager.call('backups:restore-file', { file: unsigned, passphrase: PASS }, m)).toMatchObject({
      ok: false,
      message: expect.stringContaining(
        'was made by an older SiteDesk, before backup files were signed, so this laptop cannot check that a manager’s laptop',
      ),
    });
    expect(manager.snapshot()).toEqual(before);
    const laptop = openTestApp();
    expect(okData(await laptop.call('backups:restore-fresh', { file: unsigned, passphrase: PASS }, laptop.session()))).toMatchObject({
      undoId: null,
    });
  });
});
