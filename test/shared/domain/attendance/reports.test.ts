import { describe, expect, it } from 'vitest';
import {
  assignmentsOf,
  dayBoard,
  DEFAULT_STATUS_RULES,
  hoursAgainstContract,
  incidentCounts,
  licenceExpiries,
  timesheetRows,
  workingTimeRecords,
} from '../../../../shared/domain/attendance';
import { makeShift, makeSite, makeStaff } from '../rota/factories';
import { DEFAULT_RULE_SETTINGS } from '../../../../shared/domain/rota';
import { at, makeAttendance } from './helpers';

const z = (t: string) => `${t}:00.000Z`;

describe('workingTimeRecords', () => {
  const ana = makeStaff({ name: 'Ana Silva', optOut: { signed: '2025-04-01' } });
  const staff = new Map([[ana.id, ana]]);
  const late = makeShift({ date: '2026-11-23', start: '14:00', end: '22:00', breakMinutes: 30, staffId: ana.id });
  const early = makeShift({ date: '2026-11-24', start: '06:00', end: '14:00', breakMinutes: 30, staffId: ana.id });
  const night = makeShift({ date: '2026-11-26', start: '22:00', end: '06:00', breakMinutes: 0, staffId: ana.id });
  const skipped = makeShift({ date: '2026-11-28', start: '07:00', end: '15:00', staffId: ana.id });
  const records = [
    makeAttendance(late, { signedInAt: z('2026-11-23T14:00'), signedOutAt: z('2026-11-23T22:00') }),
    makeAttendance(early, { signedInAt: z('2026-11-24T06:00'), signedOutAt: z('2026-11-24T14:00') }),
    makeAttendance(night, { signedInAt: z('2026-11-26T22:00'), signedOutAt: z('2026-11-27T06:00') }),
    makeAttendance(skipped, { noShow: true }),
  ];
  const [rec] = workingTimeRecords(
    assignmentsOf([late, early, night, skipped], records),
    staff,
    '2026-11-23',
    '2026-11-29',
    DEFAULT_RULE_SETTINGS,
  );

  it('records hours worked, the shortest rest and rests under 11 hours', () => {
    expect(rec).toMatchObject({
      name: 'Ana Silva',
      shifts: 3,
      workedMinutes: 450 + 450 + 480,
      averageWeeklyMinutes: 1380,
      shortestRestMinutes: 480,
      shortRests: 1,
    });
  });

  it('records night work (23:00–06:00) and the opt-out', () => {
    expect(rec).toMatchObject({ nightShifts: 1, nightMinutes: 420, optOutSigned: '2025-04-01', youngWorker: false });
  });

  it('counts short rests and night shifts against the thresholds in the rule settings', () => {
    const rules = { ...DEFAULT_RULE_SETTINGS, dailyRestHours: 7, nightStart: '22:00', nightWorkerMinHours: 8 };
    const [own] = workingTimeRecords(assignmentsOf([late, early, night, skipped], records), staff, '2026-11-23', '2026-11-29', rules);
    expect(own).toMatchObject({ shortRests: 0, nightShifts: 1, nightMinutes: 480 });
  });
});

describe('hoursAgainstContract', () => {
  it('sets paid hours against contracted hours for the period', () => {
    const a = makeStaff({ name: 'Ana', contractedHours: 37.5, homeSite: 'CH' });
    const b = makeStaff({ name: 'Ben', contractType: 'zero-hours', contractedHours: 0, homeSite: 'CH' });
    const shift = makeShift({ date: '2026-11-25', start: '07:00', end: '15:00', breakMinutes: 30, staffId: a.id });
    const rows = timesheetRows(assignmentsOf([shift], []), new Map([[a.id, a]]), new Map(), at('2026-11-01T00:00'), DEFAULT_STATUS_RULES);
    const people = hoursAgainstContract(rows, [a, b], '2026-11-23', '2026-12-06', ['CH']);
    expect(people.map((p) => [p.name, p.paidMinutes, p.contractMinutes])).toEqual([
      ['Ana', 450, 4500],
      ['Ben', 0, 0],
    ]);
  });
});

describe('incidentCounts', () => {
  it('counts by site, category and London month (23:30 UTC on 30 June is July in BST)', () => {
    const counts = incidentCounts([
      { site: 'CH', category: 'security', occurredAt: '2026-06-30T23:30:00.000Z' },
      { site: 'CH', category: 'security', occurredAt: '2026-07-10T10:00:00.000Z' },
      { site: 'WG', category: 'fire-alarm', occurredAt: '2026-06-30T10:00:00.000Z' },
    ]);
    expect(counts).toEqual([
      { site: 'WG', category: 'fire-alarm', month: '2026-06', count: 1 },
      { site: 'CH', category: 'security', month: '2026-07', count: 2 },
    ]);
  });
});

describe('licenceExpiries', () => {
  it('lists expired licences and those expiring within the window, soonest first', () => {
    const lic = (expires: string) => ({ number: '1234567890123456', sector: 'security-guarding' as const, expires });
    const people = [
      makeStaff({ name: 'Later', sia: lic('2027-06-01') }),
      makeStaff({ name: 'Soon', sia: lic('2026-12-20') }),
      makeStaff({ name: 'Gone', sia: lic('2026-11-01') }),
      makeStaff({ name: 'None', sia: null }),
    ];
    expect(licenceExpiries(people, '2026-11-25', 90).map((l) => [l.name, l.daysLeft, l.status])).toEqual([
      ['Gone', -24, 'expired'],
      ['Soon', 25, 'expiring'],
    ]);
  });
});

describe('dayBoard', () => {
  const site = makeSite();
  const yNight = makeShift({ date: '2026-11-24', start: '22:00', end: '08:00', service: 'security', staffId: 'staff-n1' });
  const early = makeShift({ date: '2026-11-25', start: '05:00', end: '08:00', service: 'cleaning', staffId: 'staff-c1' });
  const day = makeShift({ date: '2026-11-25', start: '06:45', end: '18:45', service: 'security', staffId: 'staff-s1' });
  const late = makeShift({ date: '2026-11-25', start: '14:00', end: '22:00', service: 'security', staffId: 'staff-s2' });
  const open = makeShift({ date: '2026-11-25', start: '07:00', end: '15:00', service: 'reception', staffId: null });
  const done = makeShift({ date: '2026-11-24', start: '08:00', end: '16:00', service: 'security', staffId: 'staff-s3' });
  const records = [
    makeAttendance(yNight, { signedInAt: z('2026-11-24T21:58') }),
    makeAttendance(early, { signedInAt: z('2026-11-25T05:02') }),
  ];
  const board = dayBoard(
    site.services,
    assignmentsOf([yNight, early, day, late, open, done], records),
    [open],
    '2026-11-25',
    at('2026-11-25T07:05'),
    DEFAULT_STATUS_RULES,
  );
  const names = (rows: { assignment: { staffId: string }; status: { state: string } }[]) =>
    rows.map((r) => `${r.assignment.staffId}:${r.status.state}`);

  it('puts last night’s shift and late arrivals on now, later shifts on next', () => {
    const security = board.find((b) => b.service === 'security')!;
    expect(names(security.now)).toEqual(['staff-n1:on', 'staff-s1:late']);
    expect(names(security.next)).toEqual(['staff-s2:upcoming']);
    expect(security.earlier).toEqual([]);
  });

  it('keeps a no-show on a night shift still running on now, and moves it to earlier once it has ended', () => {
    const night = makeShift({ date: '2026-11-24', start: '19:00', end: '07:00', service: 'security', staffId: 'staff-n2' });
    const at0510 = dayBoard(site.services, assignmentsOf([night], []), [], '2026-11-25', at('2026-11-25T05:10'), DEFAULT_STATUS_RULES).find(
      (b) => b.service === 'security',
    )!;
    expect(names(at0510.now)).toEqual(['staff-n2:no-show']);
    expect(at0510.earlier).toEqual([]);
    const at0710 = dayBoard(site.services, assignmentsOf([night], []), [], '2026-11-25', at('2026-11-25T07:10'), DEFAULT_STATUS_RULES).find(
      (b) => b.service === 'security',
    )!;
    expect(names(at0710.earlier)).toEqual(['staff-n2:no-show']);
    expect(at0710.now).toEqual([]);
  });

  it('lists open shifts under their service', () => {
    expect(board.find((b) => b.service === 'reception')!.open.map((s) => s.id)).toEqual([open.id]);
    expect(names(board.find((b) => b.service === 'cleaning')!.now)).toEqual(['staff-c1:on']);
  });
});
