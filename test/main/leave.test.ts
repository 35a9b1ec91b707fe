/**
 * Leave requests through the real services and a real data folder. Today is Wed 25 Nov 2026. Figures are
 * worked by hand from the Working Time Regulations 1998 (5.6 weeks, reg. 13 + 13A) and the site's cover.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../main/services/types';
import type { TestApp } from '../support/app';
import { item, okData, rotaWorld } from './rota/setup';
import { nightlySecurityUpdate } from '../support/requests';

const MON = '2026-12-07';
const WED = '2026-12-09';

/** HAT's security cover set to one officer every night, 19:00–07:00, and nothing by day. */
const nightlyAtHat = async (t: TestApp, m: Session) => {
  const hat = okData(await t.call('sites:get', { code: 'HAT' }, m));
  okData(await t.call('sites:update', nightlySecurityUpdate(hat), m));
};

const supervisorOf = async (t: TestApp, m: Session, sites: string[], username = 'sup') => {
  okData(
    await t.call(
      'accounts:create',
      { username, displayName: `Sup ${sites.join('')}`, role: 'supervisor', sites, password: 'desk password' },
      m,
    ),
  );
  const s = t.session();
  okData(await t.call('auth:sign-in', { username, password: 'desk password' }, s));
  return s;
};

/** Three days a week, 36 h (12 h a day), calendar leave year, bank holidays not counted: 5.6 × 3 = 16.8 days. */
const SAM_TERMS = { daysPerWeek: 3, extraDays: 0, carriedDays: 0, bankHolidaysCount: false, started: null, yearStart: '01-01' };

const world = async () => {
  const officer = { services: ['security' as const], homeSite: 'HAT' };
  const w = await rotaWorld({
    Sam: { ...officer, contractedHours: 36, leave: SAM_TERMS },
    Dee: { ...officer, contractedHours: 48 },
    Eve: { ...officer, contractedHours: 44 },
    Ivy: { homeSite: 'HAT', services: ['reception'] },
  });
  await nightlyAtHat(w.t, w.m);
  const nights = okData(
    await w.t.call(
      'rota:save',
      {
        items: ['2026-12-07', '2026-12-08', '2026-12-09'].map((date) =>
          item({ site: 'HAT', date, start: '19:00', end: '07:00', breakMinutes: 60, staffId: w.staff.Sam.id }),
        ),
      },
      w.m,
    ),
  ).after;
  okData(await w.t.call('rota:publish', { week: MON, site: 'HAT' }, w.m));
  return { ...w, nights };
};

const staffFile = (t: TestApp) =>
  JSON.parse(fs.readFileSync(path.join(t.dir, 'data/directory/staff.json'), 'utf8')).records as Record<string, Record<string, unknown>>;

describe('leave requests', () => {
  it('a supervisor records a request for their site’s officer; it is on disk as requested leave, and a supervisor of another site cannot see them', async () => {
    const { t, m, staff } = await world();
    const hatSup = await supervisorOf(t, m, ['HAT']);
    const r = okData(await t.call('leave:request', { staffId: staff.Sam.id, from: MON, to: WED, note: 'Family visit' }, hatSup));
    // Mon, Tue, Wed are working days for a 3-day week; 12 h each.
    expect(r).toMatchObject({ status: 'requested', name: 'Sam', days: 3, hours: 36, overdrawn: false, requestedByName: 'Sup HAT' });
    const onDisk = staffFile(t)[staff.Sam.id] as { leaveRequests: { id: string; status: string }[]; absences: unknown[] };
    expect(onDisk.leaveRequests.map((x) => [x.id, x.status])).toEqual([[r.id, 'requested']]);
    expect(onDisk.absences).toEqual([
      { id: r.id, kind: 'annual-leave', from: MON, to: WED, partDay: null, approved: false, note: 'Family visit' },
    ]);

    const chSup = await supervisorOf(t, m, ['CH'], 'chsup');
    const before = t.snapshot();
    expect(await t.call('leave:request', { staffId: staff.Sam.id, from: MON, to: WED }, chSup)).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    expect(okData(await t.call('leave:list', {}, chSup))).toEqual([]);
    expect(t.snapshot()).toEqual(before);
    expect(okData(await t.call('leave:list', {}, m)).map((x) => x.id)).toEqual([r.id]);
  });

  it('the manager sees that approving leaves HAT Security 1 short on 3 nights, with who could cover; approving opens the nights and takes 36 h off the balance', async () => {
    const { t, m, staff, nights } = await world();
    const r = okData(await t.call('leave:request', { staffId: staff.Sam.id, from: MON, to: WED }, m));

    const impact = okData(await t.call('leave:impact', { staffId: staff.Sam.id, requestId: r.id }, m));
    // Dee (48 h) is further under contract than Eve (44 h); Ivy does not work security.
    expect(impact.summary).toBe('Approving leaves HAT Security 1 short on 3 nights; these 2 people could cover: Dee, Eve.');
    expect(impact.opened.map((s) => s.date)).toEqual(['2026-12-07', '2026-12-08', '2026-12-09']);

    // Before: 16.8 days, 201.6 h.
    const csvRow = async () => okData(await t.call('staff:leave-csv', {}, m)).text.split('\r\n')[1];
    expect(await csvRow()).toBe('E-SAM,Sam,2026-01-01,2026-12-31,16.80,0.00,0.00,16.80,201.60,0.00,201.60,,');

    const decision = okData(await t.call('leave:approve', { staffId: staff.Sam.id, requestId: r.id }, m));
    expect(decision.notice).toBe(
      'Approved. These 3 shifts are now open and need cover: Mon 7 Dec 2026 19:00–07:00 HAT Security; Tue 8 Dec 2026 19:00–07:00 HAT Security; Wed 9 Dec 2026 19:00–07:00 HAT Security.',
    );
    expect(decision.request).toMatchObject({ status: 'approved', decidedByName: 'Maria Okafor', openedShiftIds: nights.map((s) => s.id) });

    // On disk: the nights are open, each published one with its history; the absence is approved.
    const week = okData(await t.call('rota:week', { week: MON, site: 'HAT' }, m));
    for (const n of nights) {
      const s = week.shifts.find((x) => x.id === n.id)!;
      expect(s.staffId).toBeNull();
      expect(s.history.at(-1)).toMatchObject({ before: { staffId: staff.Sam.id }, after: { staffId: null } });
    }
    expect(week.gaps.filter((g) => g.service === 'security').length).toBeGreaterThan(0);
    expect((staffFile(t)[staff.Sam.id].absences as { approved: boolean }[])[0].approved).toBe(true);
    // After: 3 days, 36 h less.
    expect(await csvRow()).toBe('E-SAM,Sam,2026-01-01,2026-12-31,16.80,3.00,0.00,13.80,201.60,36.00,165.60,,');

    // Approved leave blocks shifts exactly as an absence does.
    const again = await t.call(
      'rota:save',
      { items: [item({ site: 'HAT', date: MON, start: '19:00', end: '07:00', breakMinutes: 60, staffId: staff.Sam.id })] },
      m,
    );
    expect(again).toMatchObject({ ok: false, code: 'blocked' });
    expect(!again.ok && again.message).toContain('approved');
    // A decided request cannot be decided again.
    expect(await t.call('leave:refuse', { staffId: staff.Sam.id, requestId: r.id, reason: 'Changed my mind' }, m)).toMatchObject({
      ok: false,
      code: 'conflict',
    });
  });

  it('approving below zero is refused unless the manager gives a reason, which is recorded', async () => {
    // Una: 5 days, 40 h, 28 days a year; 25 days already taken in January and February, 3 left.
    const w = await rotaWorld({
      Una: {
        contractedHours: 40,
        leave: { ...SAM_TERMS, daysPerWeek: 5 },
        absences: [{ kind: 'annual-leave', from: '2026-01-05', to: '2026-02-06', approved: true }],
      },
    });
    const { t, m } = w;
    const una = w.staff.Una;
    // Mon 7 to Fri 11 Dec: 5 days, 40 h; 3 − 5 = −2 days, −16 h.
    const r = okData(await t.call('leave:request', { staffId: una.id, from: MON, to: '2026-12-11' }, m));
    expect(r).toMatchObject({ days: 5, hours: 40, overdrawn: true, years: [{ remainingDays: -2, remainingHours: -16 }] });

    const before = t.snapshot();
    const refused = await t.call('leave:approve', { staffId: una.id, requestId: r.id }, m);
    expect(refused).toMatchObject({ ok: false, code: 'blocked', fields: { override: 'Give a reason to approve below zero' } });
    expect(!refused.ok && refused.message).toBe(
      "Approving takes Una's leave for Thu 1 Jan 2026 to Thu 31 Dec 2026 to −2 days (−16 h), below zero. Refuse it, or approve with a reason for going below zero.",
    );
    expect(await t.call('leave:approve', { staffId: una.id, requestId: r.id, override: 'no' }, m)).toMatchObject({
      ok: false,
      code: 'invalid',
    });
    expect(t.snapshot()).toEqual(before);

    const ok = okData(await t.call('leave:approve', { staffId: una.id, requestId: r.id, override: 'Bereavement, agreed by HR' }, m));
    expect(ok.request).toMatchObject({ status: 'approved', override: 'Bereavement, agreed by HR' });
    expect((staffFile(t)[una.id].leaveRequests as { override: string }[])[0].override).toBe('Bereavement, agreed by HR');
  });

  it('refusing keeps the reason and removes the requested leave from the person’s absences; it needs a reason', async () => {
    const { t, m, staff, nights } = await world();
    const r = okData(await t.call('leave:request', { staffId: staff.Sam.id, from: MON, to: WED }, m));
    expect(await t.call('leave:refuse', { staffId: staff.Sam.id, requestId: r.id, reason: '' }, m)).toMatchObject({
      ok: false,
      code: 'invalid',
    });
    const refused = okData(
      await t.call('leave:refuse', { staffId: staff.Sam.id, requestId: r.id, reason: 'Three others are off that week' }, m),
    );
    expect(refused).toMatchObject({ status: 'refused', refusal: 'Three others are off that week', decidedByName: 'Maria Okafor' });
    const rec = staffFile(t)[staff.Sam.id] as { absences: unknown[]; leaveRequests: { status: string; refusal: string }[] };
    expect(rec.absences).toEqual([]);
    expect(rec.leaveRequests[0]).toMatchObject({ status: 'refused', refusal: 'Three others are off that week' });
    // The nights stay Sam's.
    const week = okData(await t.call('rota:week', { week: MON, site: 'HAT' }, m));
    expect(nights.map((n) => week.shifts.find((s) => s.id === n.id)!.staffId)).toEqual([staff.Sam.id, staff.Sam.id, staff.Sam.id]);
    expect(okData(await t.call('leave:list', { status: 'all' }, m)).map((x) => x.status)).toEqual(['refused']);
    expect(okData(await t.call('leave:list', {}, m))).toEqual([]);
  });

  it('bad requests change nothing: dates the wrong way round, a clash with other leave, a supervisor deciding, editing the request’s absence by hand', async () => {
    const { t, m, staff } = await world();
    const r = okData(await t.call('leave:request', { staffId: staff.Sam.id, from: MON, to: WED }, m));
    const sup = await supervisorOf(t, m, ['HAT']);
    const before = t.snapshot();
    expect(await t.call('leave:request', { staffId: staff.Sam.id, from: WED, to: MON }, m)).toMatchObject({
      ok: false,
      code: 'invalid',
      message: 'Leave ends on or after the day it starts (Last day)',
    });
    const clash = await t.call('leave:request', { staffId: staff.Sam.id, from: '2026-12-09', to: '2026-12-10' }, m);
    expect(clash).toMatchObject({ ok: false, code: 'invalid' });
    expect(!clash.ok && clash.fields?.from).toBe('Sam is already off from 2026-12-07 to 2026-12-09 (annual leave, requested)');
    expect(await t.call('leave:request', { staffId: staff.Sam.id, from: MON, to: '2027-03-01' }, m)).toMatchObject({
      ok: false,
      code: 'invalid',
    });
    expect(await t.call('leave:approve', { staffId: staff.Sam.id, requestId: r.id }, sup)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await t.call('leave:impact', { staffId: staff.Sam.id, requestId: r.id }, sup)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await t.call('leave:approve', { staffId: staff.Sam.id, requestId: 'nope-nope' }, m)).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    expect(await t.call('staff:remove-absence', { staffId: staff.Sam.id, absenceId: r.id }, m)).toMatchObject({
      ok: false,
      code: 'conflict',
    });
    expect(
      await t.call(
        'staff:save-absence',
        { staffId: staff.Sam.id, absence: { id: r.id, kind: 'annual-leave', from: MON, to: MON } as never },
        m,
      ),
    ).toMatchObject({ ok: false, code: 'conflict' });
    expect(t.snapshot()).toEqual(before);
  });
});

describe('the organisation’s leave rules', () => {
  it('a leave year from 1 April and a 5-day carry-over are saved and used by the payroll file; bad rules change nothing', async () => {
    // Ana: 5 days, 37.5 h, started 1 Apr 2025, bank holidays not counted; 20 days taken in 2025-26, so 8 unused.
    const { t, m } = await rotaWorld({
      Ana: {
        contractedHours: 37.5,
        createdAt: '2025-03-01T09:00:00.000Z',
        leave: { daysPerWeek: 5, extraDays: 0, carriedDays: 0, bankHolidaysCount: false, started: '2025-04-01', yearStart: null },
        absences: [{ kind: 'annual-leave', from: '2025-06-02', to: '2025-06-27' }],
      },
    });
    const row = async () => okData(await t.call('staff:leave-csv', {}, m)).text.split('\r\n')[1];
    // The law's default: the anniversary of 1 Apr 2025, so the same dates here; no carry-over rule, nothing carried.
    expect(await row()).toBe('E-ANA,Ana,2026-04-01,2027-03-31,28.00,0.00,0.00,28.00,210.00,0.00,210.00,,');

    const before = t.snapshot();
    const bad = await t.call('settings:update', { leave: { yearStart: '13-01', carryOver: { maxDays: -1, expiresAfterMonths: null } } }, m);
    expect(bad).toMatchObject({ ok: false, code: 'invalid' });
    expect(t.snapshot()).toEqual(before);

    okData(await t.call('settings:update', { leave: { yearStart: '01-01', carryOver: { maxDays: 5, expiresAfterMonths: null } } }, m));
    // Calendar years now: 2025 ran 1 Apr to 31 Dec (28 × 275/365 = 21.096 days), 20 taken, 1.096 unused and carried.
    // 2026: 28 + 1.096 = 29.096 days (29.10), × 7.5 h = 218.22 h.
    expect(okData(await t.call('settings:get', {}, m)).leave).toEqual({
      yearStart: '01-01',
      carryOver: { maxDays: 5, expiresAfterMonths: null },
    });
    expect(await row()).toBe('E-ANA,Ana,2026-01-01,2026-12-31,29.10,0.00,0.00,29.10,218.22,0.00,218.22,,');
  });
});
