import { describe, expect, it } from 'vitest';
import type { RequestOf } from '../../shared/contract';
import type { Shift } from '../../shared/schemas/shift';
import { newMeta } from '../../main/services/records';
import { openTestApp, withManager, type TestApp, withSupervisor } from '../support/app';

type StaffForm = RequestOf<'staff:create'>;

const guard = (over: Partial<StaffForm> = {}): StaffForm => ({
  name: 'Priya Shah',
  employeeNumber: 'E-1001',
  services: ['security'],
  familiarSites: ['FH'],
  homeSite: 'CH',
  contractType: 'full-time',
  contractedHours: 40,
  payRate: 13.25,
  optOut: null,
  youngWorker: false,
  dateOfBirth: null,
  sia: { number: '1234567812345678', sector: 'security-guarding', expires: '2026-12-10' },
  availability: {},
  phone: '',
  notes: '',
  ...over,
});

const add = async (t: TestApp, m: ReturnType<TestApp['session']>, over: Partial<StaffForm> = {}) => {
  const r = await t.call('staff:create', guard(over), m);
  if (!r.ok) throw new Error(r.message);
  return r.data;
};

const CSV_HEAD = 'Name,Employee number,Services,Home site,Contracted hours,Pay rate,SIA number,SIA sector,SIA expiry';

describe('staff permissions are enforced in main', () => {
  it('a supervisor sees only the staff of their own sites, never their pay, and cannot edit', async () => {
    const t = openTestApp();
    const m = await withManager(t);
    const priya = await add(t, m);
    await add(t, m, { name: 'Tom Reed', employeeNumber: 'E-1002', homeSite: 'WAT', familiarSites: [] });
    const s = await withSupervisor(t, m, ['FH']);

    const list = await t.call('staff:list', {}, s);
    expect(list.ok && list.data.map((p) => [p.name, p.payRate])).toEqual([['Priya Shah', null]]);
    const one = await t.call('staff:get', { id: priya.id }, s);
    expect(one).toMatchObject({ ok: true, data: { name: 'Priya Shah', payRate: null } });
    const exported = await t.call('staff:export', { includePay: true }, s);
    expect(exported.ok && exported.data.text).not.toContain('13.25');
    expect(exported.ok && exported.data.text).not.toContain('Pay rate');
    const watch = await t.call('staff:licence-watch', {}, s);
    expect(JSON.stringify(watch)).not.toContain('13.25');

    const before = t.snapshot();
    expect(await t.call('staff:update', { ...guard({ payRate: 20 }), id: priya.id, rev: priya.rev }, s)).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(await t.call('staff:create', guard({ employeeNumber: 'E-9' + '99' }), s)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await t.call('staff:archive', { id: priya.id }, s)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await t.call('staff:import', { csv: `${CSV_HEAD}\nA B,E-2000,cleaning,CH,20,12,,,` }, s)).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(await t.call('sites:update', { ...(await siteForm(t, m, 'FH')), notes: 'x' }, s)).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(t.snapshot()).toEqual(before);

    const managerView = await t.call('staff:get', { id: priya.id }, m);
    expect(managerView).toMatchObject({ ok: true, data: { payRate: 13.25 } });
  });

  it('refuses a duplicate employee number and a stale edit with clear messages', async () => {
    const t = openTestApp();
    const m = await withManager(t);
    const priya = await add(t, m);
    const dup = await t.call('staff:create', guard({ name: 'Other', employeeNumber: 'e-1001' }), m);
    expect(dup).toMatchObject({
      ok: false,
      code: 'invalid',
      fields: { employeeNumber: 'Employee number E-1001 already belongs to Priya Shah' },
    });
    const saved = await t.call('staff:update', { ...guard({ contractedHours: 30 }), id: priya.id, rev: priya.rev }, m);
    expect(saved).toMatchObject({ ok: true, data: { contractedHours: 30, rev: 2 } });
    expect(await t.call('staff:update', { ...guard({ contractedHours: 20 }), id: priya.id, rev: priya.rev }, m)).toMatchObject({
      ok: false,
      code: 'conflict',
    });
  });
});

const siteForm = async (t: TestApp, s: ReturnType<TestApp['session']>, code: string) => {
  const r = await t.call('sites:get', { code }, s);
  if (!r.ok) throw new Error(r.message);
  const { id, rev, code: c, name, address, opening, services, cover, contacts, notes } = r.data;
  return { id, rev, code: c, name, address, opening, services, cover, contacts, notes };
};

describe('sites and cover', () => {
  it('saves cover with a window past midnight and refuses a window for no one, keeping the file as it was', async () => {
    const t = openTestApp();
    const m = await withManager(t);
    const form = await siteForm(t, m, 'APC');
    const good = {
      ...form,
      cover: { ...form.cover, security: { ...form.cover.security, sat: [{ start: '20:00', end: '08:00', min: 2 }] } },
    };
    const saved = await t.call('sites:update', good, m);
    expect(saved).toMatchObject({ ok: true, data: { rev: form.rev + 1, updatedBy: expect.any(String) } });

    const before = t.snapshot();
    const fresh = await siteForm(t, m, 'APC');
    const bad = {
      ...fresh,
      cover: {
        ...fresh.cover,
        reception: {
          ...fresh.cover.reception,
          mon: [
            { start: '08:30', end: '17:00', min: 1 },
            { start: '16:00', end: '18:00', min: 0 },
          ],
        },
      },
    };
    const refused = await t.call('sites:update', bad, m);
    expect(refused).toMatchObject({ ok: false, code: 'invalid', fields: { 'cover.reception.mon.1.min': 'At least one person' } });
    expect(await t.call('sites:update', { ...fresh, code: 'XYZ' }, m)).toMatchObject({
      ok: false,
      code: 'invalid',
      fields: { code: expect.stringContaining('cannot change') },
    });
    expect(await t.call('sites:create', { ...fresh, code: 'CH' } as RequestOf<'sites:create'>, m)).toMatchObject({ ok: false });
    expect(t.snapshot()).toEqual(before);
  });

  it('creates a site and copies a day of cover to other sites, all or nothing', async () => {
    const t = openTestApp();
    const m = await withManager(t);
    const form = await siteForm(t, m, 'CH');
    const { id: _id, rev: _rev, ...input } = form;
    const created = await t.call('sites:create', { ...input, code: 'NEW', name: 'New House' }, m);
    expect(created).toMatchObject({ ok: true, data: { code: 'NEW', archived: false } });

    const copied = await t.call(
      'sites:copy-cover',
      { from: 'CH', service: 'cleaning', day: 'mon', toSites: ['FH', 'SAL'], toDays: ['sat'] },
      m,
    );
    expect(copied).toMatchObject({ ok: true, data: { updated: ['FH', 'SAL'].sort(), skipped: [] } });
    const fh = await t.call('sites:get', { code: 'FH' }, m);
    expect(fh.ok && fh.data.cover.cleaning.sat).toEqual(form.cover.cleaning.mon);

    const skipped = await t.call('sites:copy-cover', { from: 'CH', service: 'security', day: 'mon', toSites: ['RH'], toDays: ['mon'] }, m);
    expect(skipped).toMatchObject({ ok: true, data: { updated: [], skipped: [{ code: 'RH' }] } });
  });

  it('names the site, day and window of the cover that stops a copy', async () => {
    const t = openTestApp();
    const m = await withManager(t);
    // FH's Monday security window starts at 24:00 (written before that was refused, or by another install).
    const app = t.opened.app;
    const fh = app.repos.sites.all().find((s) => s.code === 'FH')!;
    app.repos.sites.put({
      ...fh,
      services: [...new Set([...fh.services, 'security' as const])],
      cover: { ...fh.cover, security: { ...fh.cover.security, mon: [{ start: '24:00', end: '06:00', min: 1 }] } },
    });
    const before = t.snapshot();
    const copied = await t.call('sites:copy-cover', { from: 'CH', service: 'security', day: 'tue', toSites: ['FH'], toDays: ['tue'] }, m);
    expect(copied).toMatchObject({
      ok: false,
      code: 'invalid',
      message: 'Nothing was copied. FH, Monday, security 24:00–06:00: A window starts at 00:00, not 24:00.',
    });
    expect(t.snapshot()).toEqual(before);
  });
});

describe('archiving and importing change only what they should', () => {
  it('archives a leaver without deleting them: shifts still point at them, and undo restores them', async () => {
    const t = openTestApp();
    const m = await withManager(t);
    const priya = await add(t, m);
    const shift: Shift = {
      ...newMeta(t.opened.app.clock, priya.id, t.clock.now),
      site: 'CH',
      service: 'security',
      date: '2026-11-20',
      start: '07:00',
      end: '19:00',
      breakMinutes: 60,
      staffId: priya.id,
      notes: '',
      status: 'published',
      override: null,
      history: [],
      deleted: false,
    };
    t.opened.app.repos.shifts.put([shift]);

    const archived = await t.call('staff:archive', { id: priya.id }, m);
    expect(archived).toMatchObject({ ok: true, data: { archived: true, archivedOn: '2026-11-25' } });
    const active = await t.call('staff:list', { includeArchived: false }, m);
    expect(active.ok && active.data).toHaveLength(0);
    const all = await t.call('staff:list', { includeArchived: true }, m);
    expect(all.ok && all.data.map((p) => p.name)).toEqual(['Priya Shah']);
    expect(t.opened.app.repos.shifts.inMonths(['2026-11'])[0].staffId).toBe(priya.id);
    expect(await t.call('staff:get', { id: priya.id }, m)).toMatchObject({ ok: true, data: { name: 'Priya Shah', archived: true } });

    expect(await t.call('staff:restore', { id: priya.id }, m)).toMatchObject({ ok: true, data: { archived: false, archivedOn: null } });
  });

  it('a bad import changes nothing on disk; the fixed file imports every row in one go', async () => {
    const t = openTestApp();
    const m = await withManager(t);
    await add(t, m);
    const bad = [
      CSV_HEAD,
      'Ann Lee,E-2001,cleaning,CH,20,12.10,,,',
      '"Smith, Jo",E-1001,security,FH,40,13,1111222233334444,security guarding,31/01/2027',
      'Kay Dee,E-2003,gardening,CH,20,12.10,,,',
    ].join('\r\n');
    const before = t.snapshot();
    const preview = await t.call('staff:import-preview', { csv: bad }, m);
    expect(preview.ok && preview.data.rows.map((r) => r.errors.map((e) => e.column))).toEqual([[], ['Employee number'], ['Services']]);
    expect(await t.call('staff:import', { csv: bad }, m)).toMatchObject({
      ok: false,
      code: 'invalid',
      message: expect.stringContaining('lines 3, 4'),
    });
    expect(t.snapshot()).toEqual(before);

    const fixed = bad.replace('E-1001,security', 'E-2002,security').replace('gardening', 'cleaning');
    expect(await t.call('staff:import', { csv: fixed }, m)).toMatchObject({ ok: true, data: { imported: 3 } });
    const list = await t.call('staff:list', {}, m);
    expect(list.ok && list.data.map((p) => p.name)).toEqual(['Ann Lee', 'Kay Dee', 'Priya Shah', 'Smith, Jo']);
    const exported = await t.call('staff:export', { includePay: true }, m);
    expect(exported.ok && exported.data.text.split('\r\n')).toHaveLength(5);
  });
});

describe('absences and the licence watch', () => {
  it('books a week of leave, refuses an overlapping one, and shows it in the team month', async () => {
    const t = openTestApp();
    const m = await withManager(t);
    const priya = await add(t, m);
    const booked = await t.call(
      'staff:save-absence',
      {
        staffId: priya.id,
        absence: { kind: 'annual-leave', from: '2026-12-07', to: '2026-12-11', partDay: null, approved: true, note: '' },
      },
      m,
    );
    expect(booked.ok && booked.data.absences).toHaveLength(1);
    const clash = await t.call(
      'staff:save-absence',
      { staffId: priya.id, absence: { kind: 'sickness', from: '2026-12-11', to: '2026-12-12', partDay: null, approved: true, note: '' } },
      m,
    );
    expect(clash).toMatchObject({ ok: false, code: 'invalid', fields: { from: expect.stringContaining('already off') } });
    const backwards = await t.call(
      'staff:save-absence',
      { staffId: priya.id, absence: { kind: 'training', from: '2026-12-20', to: '2026-12-19', partDay: null, approved: true, note: '' } },
      m,
    );
    expect(backwards).toMatchObject({ ok: false, code: 'invalid', fields: { to: 'An absence ends on or after the day it starts' } });

    const cal = await t.call('staff:absence-calendar', { site: 'CH', month: '2026-12' }, m);
    expect(cal.ok && cal.data.rows[0].days.filter((d) => d.length > 0)).toHaveLength(5);
  });

  it('lists expired and expiring licences with the security shifts rostered after expiry', async () => {
    const t = openTestApp();
    const m = await withManager(t);
    const officer = (name: string, employeeNumber: string, number: string, expires: string) =>
      add(t, m, { name, employeeNumber, sia: { number, sector: 'security-guarding', expires } });
    const expired = await officer('Ex Pired', 'E-1', '1234567812345678', '2026-11-01');
    await officer('Soon', 'E-2', '1234567812345679', '2026-12-10');
    await officer('Later', 'E-3', '1234567812345670', '2027-01-10');
    await officer('Fine', 'E-4', '1234567812345671', '2028-01-10');
    const base = {
      site: 'CH',
      service: 'security' as const,
      start: '19:00',
      end: '07:00',
      breakMinutes: 0,
      staffId: expired.id,
      notes: '',
      status: 'draft' as const,
      override: null,
      history: [],
      deleted: false,
    };
    t.opened.app.repos.shifts.put([
      { ...newMeta(t.opened.app.clock, expired.id, t.clock.now), ...base, date: '2026-10-30' },
      { ...newMeta(t.opened.app.clock, expired.id, t.clock.now), ...base, date: '2026-12-02' },
    ]);
    const watch = await t.call('staff:licence-watch', {}, m);
    expect(watch.ok).toBe(true);
    if (!watch.ok) return;
    expect(watch.data.expired.map((e) => [e.name, e.shifts.map((s) => s.date)])).toEqual([['Ex Pired', ['2026-12-02']]]);
    expect(watch.data.within30.map((e) => e.name)).toEqual(['Soon']);
    expect(watch.data.within60.map((e) => e.name)).toEqual(['Later']);
  });
});
