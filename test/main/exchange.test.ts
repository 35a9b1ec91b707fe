import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { ensureIdentity } from '../../main/exchange/identity';
import { asideOf } from '../../shared/domain/sync/merge';
import { encodePack, MAX_PACK_INFLATED, type Pack, type PackHeader } from '../../main/exchange/pack';
import { orgKind, packKeyOf } from '../../main/exchange/org';
import { openEncrypted, sealEncrypted } from '../../main/storage/cipherFile';
import { checkDataFolder } from '../../main/storage/doctor';
import { seal } from '../../main/storage/sealedFile';
import { touched } from '../../main/services/records';
import { collectActivity } from '../../main/exchange/transfer';
import { openTestApp, withManager, type TestApp, createSupervisor, okData } from '../support/app';
import { seedActivity, seedShift } from '../support/records';
import { makeStaff } from '../shared/domain/rota/factories';
import type { RequestOf } from '../../shared/contract';
import { incidentRequest, staffRequest } from '../support/requests';
import { newMeta } from '../../main/services/records';
import type { LogEntry } from '../../shared/schemas/occurrence';

// Password hashing (scrypt) for the accounts and the enrolment code makes these slower than most.
vi.setConfig({ testTimeout: 90_000 });

/** A manager's install, and a desk enrolled from its enrolment file with supervisor Sam for CH. */
const twoInstalls = async () => {
  const manager = openTestApp();
  const m = await withManager(manager);
  const sam = await createSupervisor(manager, m);
  const enrolment = okData(await manager.call('enrol:create', { sites: ['CH'], supervisors: [sam.id] }, m));
  const desk = openTestApp();
  okData(
    await desk.call('enrol:import', { file: enrolment.base64, code: enrolment.code.toLowerCase().replace(/-/g, ' ') }, desk.session()),
  );
  const s = desk.session();
  okData(await desk.call('auth:sign-in', { username: 'sam', password: 'desk password' }, s));
  return { manager, m, desk, s, managerUser: manager.opened.app.repos.accounts.all().find((a) => a.role === 'manager')! };
};

const changeByte = (base64: string, at: number) => {
  const bytes = Buffer.from(base64, 'base64');
  bytes[at] ^= 0x01;
  return bytes.toString('base64');
};

const orgOf = (t: TestApp) => t.opened.app.ds.read('system/org', orgKind).org!;

/** A pack's readable header and its decrypted body, opened as an install of the organisation would. */
const openPack = (base64: string, key: string): { header: PackHeader; pack: Pack; text: string } => {
  const opened = openEncrypted<PackHeader>('SDPK', Buffer.from(base64, 'base64'));
  if (!opened.ok) throw new Error(`not a pack: ${opened.why}`);
  const text = gunzipSync(opened.body(packKeyOf(key))!).toString('utf8');
  return { header: opened.header, pack: JSON.parse(text) as Pack, text };
};

const exportRota = async (t: TestApp, m: ReturnType<TestApp['session']>) =>
  okData(await t.call('exchange:export-rota', { sites: ['CH'], weeks: ['2026-11-30'] }, m));

const incident = (site: string): RequestOf<'incidents:create'> =>
  incidentRequest({
    site,
    details: 'Visitor refused to sign in.',
    peopleInvolved: '',
    witnesses: '',
    actionTaken: 'Logged.',
    onwardReports: [],
    followUps: [],
    riddor: null,
  });

describe('enrolment makes the desk its sites’ home desk (issue 15)', () => {
  it('issues plain references carrying on from the last the manager knew for the site', async () => {
    const manager = openTestApp();
    const m = await withManager(manager);
    // The manager's laptop has recorded CH-2026-0001 … 0005 (tagged, as a visiting install) and FH-2026-0001 … 0009.
    for (let i = 0; i < 5; i += 1) okData(await manager.call('incidents:create', incident('CH'), m));
    for (let i = 0; i < 9; i += 1) okData(await manager.call('incidents:create', incident('FH'), m));
    const sam = okData(
      await manager.call(
        'accounts:create',
        { username: 'sam', displayName: 'Sam Patel', role: 'supervisor', sites: ['CH'], password: 'desk password' },
        m,
      ),
    );
    const enrolment = okData(await manager.call('enrol:create', { sites: ['CH'], supervisors: [sam.id] }, m));
    const desk = openTestApp();
    okData(await desk.call('enrol:import', { file: enrolment.base64, code: enrolment.code }, desk.session()));
    const s = desk.session();
    okData(await desk.call('auth:sign-in', { username: 'sam', password: 'desk password' }, s));
    expect(okData(await desk.call('incidents:create', incident('CH'), s)).incident.ref).toBe('CH-2026-0006');
    expect(okData(await desk.call('incidents:create', incident('CH'), s)).incident.ref).toBe('CH-2026-0007');
    // The desk restarts and still carries on.
    const again = desk.reopen();
    const s2 = again.session();
    okData(await again.call('auth:sign-in', { username: 'sam', password: 'desk password' }, s2));
    expect(okData(await again.call('incidents:create', incident('CH'), s2)).incident.ref).toBe('CH-2026-0008');
  });
});

describe('enrolment', () => {
  it('sets up a fresh desk with the organisation, its sites and supervisors, and refuses a wrong code', async () => {
    const manager = openTestApp();
    const m = await withManager(manager);
    const sam = await createSupervisor(manager, m);
    const enrolment = okData(await manager.call('enrol:create', { sites: ['CH'], supervisors: [sam.id] }, m));
    expect(enrolment.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(Buffer.from(enrolment.base64, 'base64').toString('latin1')).not.toContain('scrypt$');

    const desk = openTestApp();
    const before = desk.snapshot();
    expect(await desk.call('enrol:import', { file: enrolment.base64, code: 'AAAA-BBBB-CCCC' }, desk.session())).toMatchObject({
      ok: false,
      code: 'invalid',
      message: expect.stringContaining('code does not open'),
    });
    expect(desk.snapshot()).toEqual(before);
    expect(okData(await desk.call('enrol:import', { file: enrolment.base64, code: enrolment.code }, desk.session()))).toEqual({
      organisationName: 'Hertfordshire Council Facilities',
      sites: ['CH'],
      accounts: 1,
    });
    const s = desk.session();
    expect(okData(await desk.call('auth:sign-in', { username: 'sam', password: 'desk password' }, s)).user).toMatchObject({
      role: 'supervisor',
      sites: ['CH'],
    });
    expect(okData(await desk.call('exchange:status', {}, s))).toMatchObject({ enrolled: true, role: 'desk', sites: ['CH'] });
    expect(okData(await desk.call('sites:list', {}, s)).map((x) => x.code)).toEqual(['CH']);
    expect(await desk.call('enrol:import', { file: enrolment.base64, code: enrolment.code }, desk.session())).toMatchObject({
      ok: false,
      code: 'conflict',
    });
  });
});

describe('enrolment code left empty', () => {
  it('asks for the enrolment code by that name, not for a site code', async () => {
    const desk = openTestApp();
    const r = await desk.call('enrol:import', { file: 'c29tZSBmaWxl', code: '' }, desk.session());
    expect(r).toMatchObject({ ok: false, code: 'invalid', fields: { code: 'Enter the enrolment code' } });
    expect(r.ok ? '' : r.message).toBe('Enter the enrolment code (Enrolment code)');
    desk.opened.close();
  });
});

describe('rota and activity packs between two installs', () => {
  it('previews, applies in one step, and changes nothing when the same pack is imported twice', async () => {
    const { manager, m, desk, s, managerUser } = await twoInstalls();
    const shift = seedShift(manager.opened.app, managerUser.id);
    seedShift(manager.opened.app, managerUser.id, { site: 'FH' });
    const pack = await exportRota(manager, m);
    expect(pack.manifest).toMatchObject({
      kind: 'rota',
      sites: ['CH'],
      from: '2026-11-30',
      to: '2026-12-06',
      counts: { shifts: 1, sites: 1 },
    });

    const before = desk.snapshot();
    const preview = okData(await desk.call('exchange:preview', { file: pack.base64 }, s));
    expect(desk.snapshot()).toEqual(before);
    expect(preview.counts).toEqual({ added: 1, changed: 0, unchanged: 1, conflict: 0 });
    expect(preview.rows.find((r) => r.kind === 'shifts')).toMatchObject({
      id: shift.id,
      outcome: 'added',
      label: 'CH Mon 30 Nov 07:00–19:00 Security',
    });

    expect(okData(await desk.call('exchange:apply', { file: pack.base64 }, s))).toMatchObject({ written: 1 });
    expect(desk.opened.app.repos.shifts.partition('2026-11/CH')[shift.id]).toMatchObject({ start: '07:00', hlc: shift.hlc });
    const applied = desk.snapshot();
    expect(okData(await desk.call('exchange:preview', { file: pack.base64 }, s)).counts).toEqual({
      added: 0,
      changed: 0,
      unchanged: 2,
      conflict: 0,
    });
    expect(okData(await desk.call('exchange:apply', { file: pack.base64 }, s))).toMatchObject({ written: 0 });
    expect(desk.snapshot()).toEqual(applied);
  });

  it('brings a desk’s incidents, log and attendance to the manager, and a later edit by the manager arrives as a change, not a conflict', async () => {
    const { manager, m, desk, s, managerUser } = await twoInstalls();
    const shift = seedShift(manager.opened.app, managerUser.id);
    okData(await desk.call('exchange:apply', { file: (await exportRota(manager, m)).base64 }, s));
    const deskUser = desk.opened.app.repos.accounts.all()[0];
    const activity = seedActivity(desk.opened.app, deskUser.id, 'CH', '2026-11-26');

    const pack = okData(await desk.call('exchange:export-activity', { from: '2026-11-23', to: '2026-11-29' }, s));
    expect(pack.manifest).toMatchObject({ kind: 'activity', sites: ['CH'], counts: { incidents: 1, log: 1, attendance: 1 } });
    expect(await desk.call('exchange:preview', { file: pack.base64 }, s)).toMatchObject({ ok: false, code: 'forbidden' });
    const preview = okData(await manager.call('exchange:preview', { file: pack.base64 }, m));
    expect(preview.counts).toEqual({ added: 3, changed: 0, unchanged: 0, conflict: 0 });
    // The manager has the incidents screen open already: its index is in memory before the import.
    expect(okData(await manager.call('incidents:list', {}, m)).total).toBe(0);
    okData(await manager.call('exchange:apply', { file: pack.base64 }, m));
    expect(manager.opened.app.repos.incidents.partition('2026-11/CH')[activity.incident.id].history).toHaveLength(1);
    expect(okData(await manager.call('incidents:list', {}, m)).rows.map((r) => r.id)).toEqual([activity.incident.id]);
    expect(manager.opened.app.repos.log.partition('2026-11/CH')[activity.log.id].text).toBe('External patrol, all secure.');

    // The manager then changes the shift and sends it again: the desk sees a change, not a conflict.
    manager.clock.now += 60_000;
    const edited = touched(manager.opened.app.clock, { ...shift, start: '08:00' }, managerUser.id, manager.clock.now);
    manager.opened.app.repos.shifts.put([edited]);
    const again = await exportRota(manager, m);
    expect(okData(await desk.call('exchange:preview', { file: again.base64 }, s)).counts).toMatchObject({ changed: 1, conflict: 0 });
  });
});

describe('the import preview lists rows as a person reads them (issue 15)', () => {
  it('groups by kind and site, in date and time order, and names who each shift is for', async () => {
    const { manager, m, desk, s, managerUser } = await twoInstalls();
    const app = manager.opened.app;
    const zoe = makeStaff({ name: 'Zoe Young', employeeNumber: 'E-301', familiarSites: ['CH'] });
    const ana = makeStaff({ name: 'Ana Silva', employeeNumber: 'E-302', familiarSites: ['CH'] });
    app.repos.staff.putMany([zoe, ana]);
    // Seeded out of order: Wednesday night first, the open Monday shift before Ana's.
    seedShift(app, managerUser.id, { date: '2026-12-02', start: '19:00', end: '07:00', staffId: zoe.id });
    seedShift(app, managerUser.id, { date: '2026-11-30', staffId: null });
    seedShift(app, managerUser.id, { date: '2026-12-01', staffId: zoe.id, service: 'reception', start: '08:00', end: '16:00' });
    seedShift(app, managerUser.id, { date: '2026-11-30', staffId: ana.id });
    const pack = await exportRota(manager, m);
    const preview = okData(await desk.call('exchange:preview', { file: pack.base64 }, s));
    expect(preview.rows.filter((r) => r.outcome !== 'unchanged').map((r) => [r.group, r.label, r.who ?? ''])).toEqual([
      ['Staff', 'Ana Silva (E-302)', ''],
      ['Staff', 'Zoe Young (E-301)', ''],
      ['Shifts at CH', 'CH Mon 30 Nov 07:00–19:00 Security', 'Ana Silva'],
      ['Shifts at CH', 'CH Mon 30 Nov 07:00–19:00 Security', 'OPEN'],
      ['Shifts at CH', 'CH Tue 1 Dec 08:00–16:00 Reception', 'Zoe Young'],
      ['Shifts at CH', 'CH Wed 2 Dec 19:00–07:00 Security', 'Zoe Young'],
    ]);
  });
});

describe('conflicts', () => {
  it('shows a shift edited on both installs as a conflict, keeps the later edit and records the other in its history', async () => {
    const { manager, m, desk, s, managerUser } = await twoInstalls();
    const shift = seedShift(manager.opened.app, managerUser.id);
    okData(await desk.call('exchange:apply', { file: (await exportRota(manager, m)).base64 }, s));
    const deskUser = desk.opened.app.repos.accounts.all()[0];
    desk.clock.now += 60_000;
    const atDesk = touched(
      desk.opened.app.clock,
      { ...desk.opened.app.repos.shifts.partition('2026-11/CH')[shift.id], notes: 'Swapped at the desk' },
      deskUser.id,
      desk.clock.now,
    );
    desk.opened.app.repos.shifts.put([atDesk]);
    manager.clock.now += 120_000;
    const atManager = touched(manager.opened.app.clock, { ...shift, start: '08:00' }, managerUser.id, manager.clock.now);
    manager.opened.app.repos.shifts.put([atManager]);

    const pack = await exportRota(manager, m);
    const preview = okData(await desk.call('exchange:preview', { file: pack.base64 }, s));
    expect(preview.rows.find((r) => r.id === shift.id)).toMatchObject({ outcome: 'conflict' });
    okData(await desk.call('exchange:apply', { file: pack.base64 }, s));
    const merged = desk.opened.app.repos.shifts.partition('2026-11/CH')[shift.id];
    expect(merged).toMatchObject({ start: '08:00', notes: '' });
    expect(merged.history).toEqual([
      expect.objectContaining({ by: deskUser.id, before: expect.objectContaining({ notes: 'Swapped at the desk' }) }),
    ]);
    expect(okData(await desk.call('exchange:preview', { file: pack.base64 }, s)).counts).toMatchObject({ conflict: 0, changed: 0 });
  });
});

describe('packs that must be refused', () => {
  it('refuses a pack with one byte changed, anywhere, and changes nothing', async () => {
    const { manager, m, desk, s, managerUser } = await twoInstalls();
    seedShift(manager.opened.app, managerUser.id);
    const pack = await exportRota(manager, m);
    const before = desk.snapshot();
    const size = Buffer.from(pack.base64, 'base64').length;
    for (const at of [0, 5, 20, Math.floor(size / 2), size - 40, size - 1]) {
      const r = await desk.call('exchange:apply', { file: changeByte(pack.base64, at) }, s);
      expect(r).toMatchObject({ ok: false, code: 'invalid' });
      expect(!r.ok && r.message).toMatch(/damaged|not a SiteDesk pack/);
    }
    expect(desk.snapshot()).toEqual(before);
  });

  it('refuses a pack re-signed with another organisation’s key, or with its contents changed and the file resealed', async () => {
    const { manager, m, desk, s, managerUser } = await twoInstalls();
    seedShift(manager.opened.app, managerUser.id);
    const key = orgOf(manager).key;
    const { header, pack: original } = openPack((await exportRota(manager, m)).base64, key);
    const before = desk.snapshot();

    const elsewhere = { id: 'elsewhere01', name: 'Elsewhere Ltd', key: Buffer.alloc(32, 7).toString('base64') };
    const forged = encodePack(original, elsewhere, { installId: 'elsewhere-install', identity: ensureIdentity(openTestApp().opened.app) });
    const other = await desk.call('exchange:apply', { file: forged.toString('base64') }, s);
    expect(other).toMatchObject({
      ok: false,
      code: 'invalid',
      message: expect.stringContaining('not made by an install of Hertfordshire Council Facilities'),
    });

    // Someone holding the organisation's key (any desk) changes a shift and keeps the manager's signature.
    const shifts = original.payload.records.shifts!;
    const id = Object.keys(shifts)[0];
    const tampered = {
      ...original,
      payload: {
        ...original.payload,
        records: { ...original.payload.records, shifts: { [id]: { ...shifts[id], staffId: 'intruder001' } } },
      },
    };
    const resealed = sealEncrypted('SDPK', (bodyDigest) => ({ ...header, bodyDigest }), packKeyOf(key), tampered);
    const r = await desk.call('exchange:apply', { file: resealed.toString('base64') }, s);
    expect(r).toMatchObject({ ok: false, code: 'invalid', message: expect.stringContaining('signature does not match') });
    expect(desk.snapshot()).toEqual(before);
  });

  it('refuses a pack from a newer format version with a message to update', async () => {
    const { manager, m, desk, s, managerUser } = await twoInstalls();
    seedShift(manager.opened.app, managerUser.id);
    const key = orgOf(manager).key;
    const { header, pack: original } = openPack((await exportRota(manager, m)).base64, key);
    const newer = sealEncrypted('SDPK', { ...header, formatVersion: 3 }, packKeyOf(key), original);
    const before = desk.snapshot();
    const r = await desk.call('exchange:preview', { file: newer.toString('base64') }, s);
    expect(r).toMatchObject({ ok: false, code: 'invalid', message: expect.stringMatching(/newer version of SiteDesk.*Update SiteDesk/) });
    expect(desk.snapshot()).toEqual(before);
  });

  it('refuses a file that is not a pack, and an install that is not enrolled', async () => {
    const { manager, m: mm, desk, s, managerUser } = await twoInstalls();
    seedShift(manager.opened.app, managerUser.id);
    const pack = await exportRota(manager, mm);
    expect(
      await desk.call(
        'exchange:preview',
        { file: Buffer.from('hello world, not a pack at all, no, not even close to one').toString('base64') },
        s,
      ),
    ).toMatchObject({ ok: false, message: expect.stringContaining('not a SiteDesk pack') });
    const lone = openTestApp();
    const m = await withManager(lone);
    expect(okData(await lone.call('exchange:status', {}, m))).toMatchObject({ enrolled: false });
    const before = lone.snapshot();
    expect(await lone.call('exchange:preview', { file: pack.base64 }, m)).toMatchObject({
      ok: false,
      code: 'conflict',
      message: expect.stringContaining('no organisation key yet'),
    });
    expect(lone.snapshot()).toEqual(before);
    expect(fs.existsSync(path.join(lone.dir, 'data/system/org.json'))).toBe(false);
  });
});

describe('packs are sealed against whoever picks one up (issue 12, hole 7)', () => {
  it('encrypts a rota pack: names are not in the file, and the decrypted content carries no pay rate', async () => {
    const { manager, m, desk, s, managerUser } = await twoInstalls();
    okData(await manager.call('staff:create', staffRequest(), m));
    seedShift(manager.opened.app, managerUser.id);
    const pack = await exportRota(manager, m);
    const file = Buffer.from(pack.base64, 'base64');
    expect(file.toString('latin1')).not.toContain('Zebedee');
    expect(file.toString('latin1')).not.toContain('payRate');

    const { text } = openPack(pack.base64, orgOf(manager).key);
    expect(text).toContain('Zebedee Quartermain');
    expect(text).not.toContain('payRate');
    expect(text).not.toContain('13.75');

    // On the desk the person arrives with no pay; on the manager's install the rate is unchanged.
    okData(await desk.call('exchange:apply', { file: pack.base64 }, s));
    const atDesk = desk.opened.app.repos.staff.all().find((p) => p.name === 'Zebedee Quartermain')!;
    expect(atDesk.payRate).toBe(0);
    expect(manager.opened.app.repos.staff.all().find((p) => p.name === 'Zebedee Quartermain')!.payRate).toBe(13.75);
    // The install's identity and the directory are files the doctor knows.
    expect(checkDataFolder(manager.dir).problems).toEqual([]);
  });

  it('encrypts an activity pack: injury details are not in the file', async () => {
    const { manager, m, desk, s, managerUser } = await twoInstalls();
    seedShift(manager.opened.app, managerUser.id);
    const deskUser = desk.opened.app.repos.accounts.all()[0];
    const activity = seedActivity(desk.opened.app, deskUser.id, 'CH', '2026-11-26');
    const pack = okData(await desk.call('exchange:export-activity', { from: '2026-11-23', to: '2026-11-29' }, s));
    const latin = Buffer.from(pack.base64, 'base64').toString('latin1');
    expect(latin).not.toContain(activity.incident.details.slice(0, 30));
    expect(latin).not.toContain('External patrol');
    expect(openPack(pack.base64, orgOf(desk).key).text).toContain('External patrol');
    expect(okData(await manager.call('exchange:preview', { file: pack.base64 }, m)).counts.added).toBe(3);
  });

  it('a desk holding the organisation key cannot forge a rota: its signed pack is refused by another desk and by the manager', async () => {
    const { manager, m, desk, managerUser } = await twoInstalls();
    seedShift(manager.opened.app, managerUser.id);
    const key = orgOf(manager).key;
    const { pack: real } = openPack((await exportRota(manager, m)).base64, key);
    // A second desk of the same organisation.
    const sam2 = okData(
      await manager.call(
        'accounts:create',
        { username: 'sam2', displayName: 'Sam Two', role: 'supervisor', sites: ['CH'], password: 'desk password' },
        m,
      ),
    );
    const enrolment = okData(await manager.call('enrol:create', { sites: ['CH'], supervisors: [sam2.id] }, m));
    const other = openTestApp();
    okData(await other.call('enrol:import', { file: enrolment.base64, code: enrolment.code }, other.session()));
    const s2 = other.session();
    okData(await other.call('auth:sign-in', { username: 'sam2', password: 'desk password' }, s2));

    // The desk writes a rota of its own (a shift moved to someone else) and signs it with its own identity.
    const shifts = real.payload.records.shifts!;
    const id = Object.keys(shifts)[0];
    const fake: Pack = {
      manifest: { ...real.manifest, installId: desk.opened.app.meta.installId, createdBy: 'Sam Patel' },
      payload: {
        ...real.payload,
        records: { ...real.payload.records, shifts: { [id]: { ...shifts[id], staffId: 'intruder001', hlc: '9999999999999:0000:zzzz' } } },
      },
    };
    const forged = encodePack(fake, orgOf(desk), {
      installId: desk.opened.app.meta.installId,
      identity: ensureIdentity(desk.opened.app),
    }).toString('base64');
    const before = other.snapshot();
    for (const [t, session] of [
      [other, s2],
      [manager, m],
    ] as const) {
      const r = await t.call('exchange:preview', { file: forged }, session);
      expect(r).toMatchObject({ ok: false, code: 'invalid', message: expect.stringContaining('not made on a manager’s install') });
    }
    expect(other.snapshot()).toEqual(before);
    // The manager's own rota still opens at that desk.
    expect(okData(await other.call('exchange:preview', { file: (await exportRota(manager, m)).base64 }, s2)).counts.added).toBeGreaterThan(
      0,
    );
  });

  it('a desk cannot send rota records or other sites’ records in an activity pack', async () => {
    const { manager, m, desk, managerUser } = await twoInstalls();
    seedShift(manager.opened.app, managerUser.id);
    okData(await manager.call('staff:create', staffRequest(), m));
    const { pack: real } = openPack((await exportRota(manager, m)).base64, orgOf(manager).key);
    const shifts = real.payload.records.shifts!;
    const id = Object.keys(shifts)[0];
    const [person] = Object.values(real.payload.records.staff!);
    const later = '009999999999999-000000-ffffffffffffffffffff';
    const deskUser = desk.opened.app.repos.accounts.all()[0];
    const activity = seedActivity(desk.opened.app, deskUser.id, 'CH', '2026-11-26');
    const forgeries: Pack['payload'][] = [
      ...(
        [
          // A shift's notes changed and a person archived: what only a manager's rota may carry.
          { shifts: { [id]: { ...shifts[id], notes: 'Moved by the desk.', hlc: later } } },
          { staff: { [person.id]: { ...person, archived: true, hlc: later } } },
          // An incident of a site the pack does not name.
          { incidents: { [activity.incident.id]: { ...activity.incident, site: 'HAT' } as never } },
        ] as Pack['payload']['records'][]
      ).map((records) => ({ records, superseded: [], photos: {} })),
      // A HAT incident as a version kept aside, which a later merge could take as the incident.
      {
        records: {},
        superseded: [asideOf('incidents', { ...activity.incident, site: 'HAT' } as never, activity.incident as never, 'history-diverged')],
        photos: {},
      },
    ];
    for (const payload of forgeries) {
      const fake: Pack = {
        manifest: { ...real.manifest, kind: 'activity', installId: desk.opened.app.meta.installId, createdBy: 'Sam Patel', sites: ['CH'] },
        payload,
      };
      const forged = encodePack(fake, orgOf(desk), {
        installId: desk.opened.app.meta.installId,
        identity: ensureIdentity(desk.opened.app),
      }).toString('base64');
      const before = manager.snapshot();
      expect(await manager.call('exchange:preview', { file: forged }, m)).toMatchObject({ ok: false, code: 'invalid' });
      expect(await manager.call('exchange:apply', { file: forged }, m)).toMatchObject({ ok: false, code: 'invalid' });
      expect(manager.snapshot()).toEqual(before);
    }
  });

  it('refuses a pack whose photos are not images SiteDesk stores, and writes no file', async () => {
    const { manager, m, desk, s } = await twoInstalls();
    const deskUser = desk.opened.app.repos.accounts.all()[0];
    seedActivity(desk.opened.app, deskUser.id, 'CH', '2026-11-26');
    const { pack: real } = openPack(
      okData(await desk.call('exchange:export-activity', { from: '2026-11-23', to: '2026-11-29' }, s)).base64,
      orgOf(desk).key,
    );
    const page = Buffer.from('<script>alert(1)</script>').toString('base64');
    for (const photos of [{ 'notes.html': page }, { 'abcdef123456.jpg': page }, { 'sub/abcdef123456.jpg': page }] as Record<
      string,
      string
    >[]) {
      const forged = encodePack({ ...real, payload: { ...real.payload, photos } }, orgOf(desk), {
        installId: desk.opened.app.meta.installId,
        identity: ensureIdentity(desk.opened.app),
      }).toString('base64');
      const before = manager.snapshot();
      expect(await manager.call('exchange:apply', { file: forged }, m)).toMatchObject({ ok: false, code: 'invalid' });
      expect(manager.snapshot()).toEqual(before);
    }
  });

  it('after a desk’s first activity pack, another install cannot send activity in that desk’s name', async () => {
    const { manager, m, desk, s } = await twoInstalls();
    const deskUser = desk.opened.app.repos.accounts.all()[0];
    seedActivity(desk.opened.app, deskUser.id, 'CH', '2026-11-26');
    const first = okData(await desk.call('exchange:export-activity', { from: '2026-11-23', to: '2026-11-29' }, s));
    okData(await manager.call('exchange:apply', { file: first.base64 }, m));
    const deskId = desk.opened.app.meta.installId;
    expect(orgOf(manager).installs.find((i) => i.installId === deskId)).toMatchObject({
      role: 'desk',
      publicKey: ensureIdentity(desk.opened.app).publicKey,
    });

    // Someone else with the organisation key (here: a fresh key pair) sends activity naming the desk.
    const { pack } = openPack(first.base64, orgOf(desk).key);
    const impostor = ensureIdentity(openTestApp().opened.app);
    const forged = encodePack(pack, orgOf(desk), { installId: deskId, identity: impostor }).toString('base64');
    const before = manager.snapshot();
    expect(await manager.call('exchange:preview', { file: forged }, m)).toMatchObject({
      ok: false,
      code: 'invalid',
      message: expect.stringContaining('not signed with that install’s key'),
    });
    expect(manager.snapshot()).toEqual(before);
  });

  it('records the sites a desk is enrolled for, and refuses an activity pack from that desk naming another site', async () => {
    const { manager, m, desk, s } = await twoInstalls();
    // Enrolment recorded the desk's key with its sites in the manager's organisation file.
    expect(orgOf(manager).installs.filter((i) => i.role === 'desk')).toEqual([
      expect.objectContaining({ publicKey: ensureIdentity(desk.opened.app).publicKey, sites: ['CH'] }),
    ]);
    // The CH desk makes an activity pack naming HAT too, signed with its own key.
    const deskUser = desk.opened.app.repos.accounts.all()[0];
    seedActivity(desk.opened.app, deskUser.id, 'CH', '2026-11-26');
    seedActivity(desk.opened.app, deskUser.id, 'HAT', '2026-11-26');
    const real = okData(await desk.call('exchange:export-activity', { from: '2026-11-23', to: '2026-11-29' }, s));
    const { pack } = openPack(real.base64, orgOf(desk).key);
    const forged = encodePack(
      {
        manifest: { ...pack.manifest, sites: ['CH', 'HAT'] },
        payload: { ...pack.payload, records: collectActivity(desk.opened.app, ['CH', 'HAT'], '2026-11-23', '2026-11-29').records },
      },
      orgOf(desk),
      { installId: desk.opened.app.meta.installId, identity: ensureIdentity(desk.opened.app) },
    ).toString('base64');
    const before = manager.snapshot();
    const refused = 'This pack from the CH desk names HAT, a site that desk does not serve. Nothing was imported.';
    expect(await manager.call('exchange:preview', { file: forged }, m)).toMatchObject({ ok: false, code: 'invalid', message: refused });
    expect(await manager.call('exchange:apply', { file: forged }, m)).toMatchObject({ ok: false, code: 'invalid', message: refused });
    expect(manager.snapshot()).toEqual(before);
  });

  it('imports a pack from a desk whose sites were never recorded, with a warning in the preview', async () => {
    const { manager, m, desk, s } = await twoInstalls();
    // An organisation file from before desks' sites were recorded: the desk is not in it at all.
    const app = manager.opened.app;
    const org = orgOf(manager);
    app.ds.write('system/org', orgKind, { org: { ...org, installs: org.installs.filter((i) => i.role === 'manager') } });
    const deskUser = desk.opened.app.repos.accounts.all()[0];
    seedActivity(desk.opened.app, deskUser.id, 'CH', '2026-11-26');
    const pack = okData(await desk.call('exchange:export-activity', { from: '2026-11-23', to: '2026-11-29' }, s));
    const preview = okData(await manager.call('exchange:preview', { file: pack.base64 }, m));
    expect(preview.warnings).toContain(
      'This SiteDesk has no record of the sites the desk that made this pack was enrolled for (it was enrolled by an older SiteDesk or on another manager’s computer), so it cannot check that the desk serves CH. Import it only if you expected it from that desk.',
    );
    expect(okData(await manager.call('exchange:apply', { file: pack.base64 }, m)).written).toBe(3);
  });

  it('names what it cannot read in a refused pack in words, not by its place in the file', async () => {
    const { manager, m, desk, s } = await twoInstalls();
    seedShift(manager.opened.app, manager.opened.app.repos.accounts.all()[0].id);
    const { header, pack } = openPack((await exportRota(manager, m)).base64, orgOf(manager).key);
    const shifts = pack.payload.records.shifts!;
    const id = Object.keys(shifts)[0];
    // Signed by the manager's own identity, so only the record is wrong with it.
    const bad = encodePack(
      {
        ...pack,
        payload: { ...pack.payload, records: { ...pack.payload.records, shifts: { [id]: { ...shifts[id], date: '2026-02-30' } } } },
      },
      orgOf(manager),
      { installId: header.signer.installId, identity: ensureIdentity(manager.opened.app) },
    ).toString('base64');
    const before = desk.snapshot();
    expect(await desk.call('exchange:preview', { file: bad }, s)).toMatchObject({
      ok: false,
      code: 'invalid',
      message: 'This pack holds a shift this SiteDesk cannot read: That date does not exist (Date). Nothing was imported.',
    });
    expect(desk.snapshot()).toEqual(before);
  });

  it('refuses a small authenticated pack that would inflate beyond the limit, and keeps serving', async () => {
    const { manager, m, desk, s } = await twoInstalls();
    const key = orgOf(manager).key;
    const { header, pack } = openPack((await exportRota(manager, m)).base64, key);
    // Signed by the manager's own identity, so only the size is wrong with it.
    const identity = ensureIdentity(manager.opened.app);
    const bomb = encodePack(
      { ...pack, payload: { ...pack.payload, photos: { 'x.jpg': 'A'.repeat(MAX_PACK_INFLATED + 1024) } } },
      orgOf(manager),
      { installId: header.signer.installId, identity },
    );
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const before = desk.snapshot();
    const r = await desk.call('exchange:preview', { file: bomb.toString('base64') }, s);
    expect(r).toMatchObject({ ok: false, code: 'invalid', message: expect.stringContaining('too large to open') });
    expect(desk.snapshot()).toEqual(before);
    expect(okData(await desk.call('exchange:status', {}, s))).toMatchObject({ enrolled: true });
  });

  it('refuses an old unencrypted (format 1) pack with a clear message', async () => {
    const { manager, m, desk, s } = await twoInstalls();
    const { pack } = openPack((await exportRota(manager, m)).base64, orgOf(manager).key);
    const old = seal('SDPK', { ...pack, checksum: 'x', signature: 'y' }).toString('base64');
    expect(await desk.call('exchange:preview', { file: old }, s)).toMatchObject({
      ok: false,
      code: 'invalid',
      message: expect.stringContaining('older SiteDesk, which sent packs unencrypted'),
    });
  });
});

describe('edits stamped ahead of this computer’s clock', () => {
  const FIVE_YEARS_ON = Date.parse('2031-12-05T10:00:00Z');
  const clockFile = (t: TestApp) => t.snapshot()['data/system/hlc.json'];

  it('refuses a whole rota pack made on a computer set years ahead: nothing imported, this clock unchanged', async () => {
    const { manager, m, desk, s, managerUser } = await twoInstalls();
    seedShift(manager.opened.app, managerUser.id, { date: '2026-12-01' });
    // The manager's laptop is set to 2031 for one edit, then put right before the pack is made.
    const today = manager.clock.now;
    manager.clock.now = FIVE_YEARS_ON;
    seedShift(manager.opened.app, managerUser.id);
    manager.clock.now = today;
    const pack = await exportRota(manager, m);

    const before = desk.snapshot();
    const refusal =
      'Some edits in this pack are stamped 5 years ahead of this computer’s clock (the latest on Fri 5 Dec 2031), so nothing was imported: the computer that made it has, or had, the wrong date. Check the date and time on that computer and on this one. If both are right now, ask IT support: edits made while a clock was wrong keep their dates.';
    expect(await desk.call('exchange:preview', { file: pack.base64 }, s)).toMatchObject({ ok: false, code: 'invalid', message: refusal });
    expect(await desk.call('exchange:apply', { file: pack.base64 }, s)).toMatchObject({ ok: false, code: 'invalid', message: refusal });
    expect(desk.snapshot()).toEqual(before);
    // The desk's next edit is stamped by its own clock, not five years on.
    const next = seedShift(desk.opened.app, desk.opened.app.repos.accounts.all()[0].id, { date: '2026-12-02' });
    expect(next.hlc!.slice(0, 15)).toBe(String(desk.clock.now).padStart(15, '0'));
  });

  it('refuses a pack whose only stamp ahead is on a set-aside version', async () => {
    const { manager, m, desk, s, managerUser } = await twoInstalls();
    seedShift(manager.opened.app, managerUser.id);
    const { header, pack } = openPack((await exportRota(manager, m)).base64, orgOf(manager).key);
    const [shift] = Object.values(pack.payload.records.shifts!);
    const ahead = { ...shift, notes: 'From the future', hlc: `${String(FIVE_YEARS_ON).padStart(15, '0')}-000000-zzzz` };
    const forged = encodePack(
      { ...pack, payload: { ...pack.payload, superseded: [asideOf('shifts', ahead, shift, 'edited-on-two-installs')] } },
      orgOf(manager),
      { installId: header.signer.installId, identity: ensureIdentity(manager.opened.app) },
    ).toString('base64');
    const before = desk.snapshot();
    expect(await desk.call('exchange:preview', { file: forged }, s)).toMatchObject({
      ok: false,
      message: expect.stringContaining('stamped 5 years ahead of this computer’s clock (the latest on Fri 5 Dec 2031)'),
    });
    expect(await desk.call('exchange:apply', { file: forged }, s)).toMatchObject({ ok: false });
    expect(desk.snapshot()).toEqual(before);
  });

  it('imports a pack stamped hours ahead (a wrong time zone) with the warning, and moves the clock past it', async () => {
    const { manager, m, desk, s, managerUser } = await twoInstalls();
    manager.clock.now += 20 * 3_600_000;
    m.lastActive = manager.clock.now; // the manager is at the keyboard, not away for 20 hours
    const shift = seedShift(manager.opened.app, managerUser.id);
    const pack = await exportRota(manager, m);
    const preview = okData(await desk.call('exchange:preview', { file: pack.base64 }, s));
    expect(preview.warnings).toContain(
      'Some edits in this pack are stamped 20 hours ahead of this computer’s clock: check the date and time on the computer that made it. The edits are still ordered correctly.',
    );
    expect(okData(await desk.call('exchange:apply', { file: pack.base64 }, s)).written).toBe(1);
    expect(desk.opened.app.repos.shifts.partition('2026-11/CH')[shift.id]).toMatchObject({ hlc: shift.hlc });
    expect(clockFile(desk)).toContain(String(manager.clock.now).padStart(15, '0'));
  });

  it('says “1 hour”, not “1 hours”, for a pack stamped just over an hour ahead', async () => {
    const { manager, m, desk, s, managerUser } = await twoInstalls();
    manager.clock.now += 70 * 60_000;
    m.lastActive = manager.clock.now;
    seedShift(manager.opened.app, managerUser.id);
    const preview = okData(await desk.call('exchange:preview', { file: (await exportRota(manager, m)).base64 }, s));
    expect(preview.warnings[0]).toMatch(/^Some edits in this pack are stamped 1 hour ahead of this computer’s clock:/);
  });

  it('a desk whose date was years ahead and then put right still stamps its edits years ahead, and says so', async () => {
    const { manager, m, desk, s } = await twoInstalls();
    desk.clock.now = FIVE_YEARS_ON;
    s.lastActive = desk.clock.now; // Sam is at the keyboard: only the date is wrong
    okData(await desk.call('incidents:create', incidentRequest(), s));
    // The date is put right and SiteDesk restarted.
    const fixed = desk.reopen();
    const s2 = fixed.session();
    okData(await fixed.call('auth:sign-in', { username: 'sam', password: 'desk password' }, s2));
    const later = okData(await fixed.call('incidents:create', incidentRequest({ details: 'Second visitor.' }), s2)).incident;
    // Its hybrid clock never goes back: the edit made today is stamped five years on.
    expect(Number(later.hlc!.slice(0, 15))).toBeGreaterThanOrEqual(FIVE_YEARS_ON);
    const pack = okData(await fixed.call('exchange:export-activity', { from: '2026-11-23', to: '2026-11-29' }, s2));
    expect(await manager.call('exchange:preview', { file: pack.base64 }, m)).toMatchObject({
      ok: false,
      message: expect.stringContaining('stamped 5 years ahead'),
    });
    // The desk is told, on every screen, rather than finding out from the manager.
    const notices = okData(await fixed.call('system:info', {}, s2)).notices;
    expect(notices).toContainEqual(
      expect.objectContaining({
        kind: 'clock-ahead',
        message:
          'This computer’s record clock is 5 years ahead of its date and time (it stands at Fri 5 Dec 2031), so other computers will refuse the edits made here, by sync and in packs: they are kept on this computer only. Check this computer’s date and time. If they are right, ask IT support before making more edits here.',
      }),
    );
  });
});

describe('the import preview on the night the clocks go back', () => {
  /** The preview's log lines for a desk's pack holding patrol entries on 25 Oct 2026 at these times (and zones). */
  const logLinesOf = async (entries: { time: string; zone?: 'GMT' }[]): Promise<string[]> => {
    const { manager, m, desk, s } = await twoInstalls();
    const app = desk.opened.app;
    const by = app.repos.accounts.all()[0].id;
    app.repos.log.put(
      entries.map(({ time, zone }, n): LogEntry => ({
        ...newMeta(app.clock, by, app.now()),
        site: 'CH',
        date: '2026-10-25',
        time,
        kind: 'patrol',
        text: `Patrol ${n + 1}.`,
        corrects: null,
        ...(zone ? { zone } : {}),
      })),
    );
    const pack = okData(await desk.call('exchange:export-activity', { from: '2026-10-19', to: '2026-10-25' }, s));
    const preview = okData(await manager.call('exchange:preview', { file: pack.base64 }, m));
    return preview.rows.filter((r) => r.kind === 'log').map((r) => r.label);
  };

  it('says which 01:30 each log entry is, and an ordinary time as it is', async () => {
    expect(await logLinesOf([{ time: '01:30' }, { time: '01:30', zone: 'GMT' }, { time: '22:00' }])).toEqual([
      'CH Sun 25 Oct 01:30 BST Patrol',
      'CH Sun 25 Oct 01:30 GMT Patrol',
      'CH Sun 25 Oct 22:00 Patrol',
    ]);
  });

  it('lists the log entries of that night in the order they happened: 01:45 BST before 01:30 GMT', async () => {
    // 01:30 GMT is 01:30 UTC, three quarters of an hour after 01:45 BST (00:45 UTC).
    expect(await logLinesOf([{ time: '01:30', zone: 'GMT' }, { time: '01:45' }, { time: '01:10' }])).toEqual([
      'CH Sun 25 Oct 01:10 BST Patrol',
      'CH Sun 25 Oct 01:45 BST Patrol',
      'CH Sun 25 Oct 01:30 GMT Patrol',
    ]);
  });
});

describe('the import preview names an incident’s category as the incident screens do', () => {
  it('lists an incident by its reference and category label, not the stored key', async () => {
    const { manager, m, desk, s } = await twoInstalls();
    const made = okData(await desk.call('incidents:create', { ...incident('CH'), category: 'health-safety' }, s)).incident;
    const pack = okData(await desk.call('exchange:export-activity', { from: '2026-11-23', to: '2026-11-29' }, s));
    const preview = okData(await manager.call('exchange:preview', { file: pack.base64 }, m));
    expect(preview.rows.filter((r) => r.kind === 'incidents').map((r) => r.label)).toEqual([`${made.ref} · Health & safety`]);
  });
});
