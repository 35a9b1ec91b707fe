import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  assignmentsOf,
  correctionText,
  DEFAULT_STATUS_RULES,
  labourCost,
  timesheetCsv,
  timesheetRows,
  TIMESHEET_COLUMNS,
} from '../../../../shared/domain/attendance';
import { makeShift, makeSite, makeStaff } from '../rota/factories';
import { at, makeAttendance } from './helpers';

const ana = makeStaff({ name: 'Ana Silva', employeeNumber: 'E-101', payRate: 12 });
const ben = makeStaff({ name: '=Ben Cole', employeeNumber: 'E-102', payRate: 15 });
const staff = new Map([ana, ben].map((s) => [s.id, s]));
const sites = new Map([['CH', makeSite()]]);
const now = at('2026-11-27T12:00');

describe('timesheetRows', () => {
  const s1 = makeShift({ date: '2026-11-25', start: '07:00', end: '15:00', breakMinutes: 30, staffId: ana.id });
  const s2 = makeShift({ date: '2026-11-25', start: '22:00', end: '06:00', breakMinutes: 0, service: 'security', staffId: ben.id });
  const a1 = makeAttendance(s1, {
    signedInAt: '2026-11-25T07:25:00.000Z',
    signedOutAt: '2026-11-25T15:00:00.000Z',
    corrections: [
      {
        at: '2026-11-25T15:10:00.000Z',
        by: 'manager-1',
        reason: 'Forgot to sign out',
        field: 'signedOutAt',
        before: null,
        after: '2026-11-25T15:00:00.000Z',
      },
    ],
  });
  const a2 = makeAttendance(s2, { noShow: true });
  const rows = timesheetRows(assignmentsOf([s2, s1], [a1, a2]), staff, sites, now, DEFAULT_STATUS_RULES);

  it('gives one row per person per shift with scheduled and actual times, lateness and cost', () => {
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      employeeNumber: 'E-101',
      name: 'Ana Silva',
      date: '2026-11-25',
      site: 'CH',
      service: 'reception',
      scheduledStart: '07:00',
      scheduledEnd: '15:00',
      actualIn: '2026-11-25 07:25',
      actualOut: '2026-11-25 15:00',
      paidMinutes: 425,
      breakMinutes: 30,
      lateMinutes: 25,
      noShow: false,
      payRate: 12,
      cost: 85,
    });
    expect(rows[0].corrections.map(correctionText)).toEqual(['Sign-out — → 15:00 (Forgot to sign out)']);
    expect(rows[1]).toMatchObject({ name: '=Ben Cole', noShow: true, paidMinutes: 0, cost: 0, actualIn: '' });
  });

  it('writes the payroll CSV with a header, hours to 2 decimals and formula-looking cells escaped', () => {
    const parsed = Papa.parse<string[]>(timesheetCsv(rows)).data;
    expect(parsed[0]).toEqual([...TIMESHEET_COLUMNS]);
    expect(parsed[1].slice(0, 9)).toEqual([
      'E-101',
      'Ana Silva',
      '2026-11-25',
      'CH',
      'Reception',
      '2026-11-25T07:00+00:00',
      '2026-11-25T15:00+00:00',
      '2026-11-25T07:25+00:00',
      '2026-11-25T15:00+00:00',
    ]);
    expect(parsed[1][9]).toBe('7.08');
    // Lateness stays a whole number of minutes for payroll, whatever the screens say.
    expect(parsed[0][11]).toBe('Late minutes');
    expect(parsed[1][11]).toBe('25');
    expect(parsed[1][15]).toBe('85.00');
    expect(parsed[2][1]).toBe("'=Ben Cole");
    expect(parsed[2][12]).toBe('Yes');
    expect(parsed[1][12]).toBe('No');
    expect(parsed[2][4]).toBe('Security');
  });

  it('keeps the no-show on the timesheet at their own times after the shift goes to cover', () => {
    const covered = {
      ...s2,
      staffId: ana.id,
      start: '23:00',
      history: [
        {
          at: '2026-11-25T22:40:00.000Z',
          by: 'sup-1',
          before: { staffId: ben.id, start: '22:00' },
          after: { staffId: ana.id, start: '23:00' },
        },
      ],
    };
    const cover = makeAttendance(covered, { signedInAt: '2026-11-25T22:58:00.000Z', signedOutAt: '2026-11-26T06:00:00.000Z' });
    const r = timesheetRows(assignmentsOf([covered], [a2, cover]), staff, sites, now, DEFAULT_STATUS_RULES);
    expect(r.map((x) => [x.name, x.scheduledStart, x.noShow])).toEqual([
      ['=Ben Cole', '22:00', true],
      ['Ana Silva', '23:00', false],
    ]);
  });
});

describe('corrections on the timesheet, in words', () => {
  const correctionsOf = (
    shift: ReturnType<typeof makeShift>,
    corrections: { field: string; before: unknown; after: unknown; reason: string }[],
  ) => {
    const record = makeAttendance(shift, {
      corrections: corrections.map((c) => ({ at: '2026-11-27T09:00:00.000Z', by: 'manager-1', ...c })),
    });
    const [row] = timesheetRows(assignmentsOf([shift], [record]), staff, sites, now, DEFAULT_STATUS_RULES);
    return row.corrections;
  };
  const wordsFor = (...args: Parameters<typeof correctionsOf>) => correctionsOf(...args).map(correctionText);

  it('names the time and the day a night shift was signed out after midnight, and the sign-in on its own day by time alone', () => {
    const night = makeShift({ date: '2026-11-25', start: '22:00', end: '06:00', breakMinutes: 0, service: 'security', staffId: ben.id });
    expect(
      wordsFor(night, [
        {
          field: 'signedInAt',
          before: '2026-11-25T21:58:00.000Z',
          after: '2026-11-25T22:00:00.000Z',
          reason: 'Clock on the desk was fast',
        },
        { field: 'signedOutAt', before: null, after: '2026-11-26T06:05:00.000Z', reason: 'Forgot to sign out' },
      ]),
    ).toEqual(['Sign-in 21:58 → 22:00 (Clock on the desk was fast)', 'Sign-out — → 06:05 on Thu 26 Nov (Forgot to sign out)']);
  });

  it('says which 01:30 a sign-out was on the night the clocks go back (Sat 24 to Sun 25 Oct 2026)', () => {
    const night = makeShift({ date: '2026-10-24', start: '22:00', end: '06:00', breakMinutes: 0, service: 'security', staffId: ben.id });
    // 00:30 UTC is the first 01:30 (BST), 01:30 UTC the second (GMT), an hour later.
    expect(
      wordsFor(night, [
        {
          field: 'signedOutAt',
          before: '2026-10-25T00:30:00.000Z',
          after: '2026-10-25T01:30:00.000Z',
          reason: 'Left at the second 01:30',
        },
      ]),
    ).toEqual(['Sign-out 01:30 BST on Sun 25 Oct → 01:30 GMT on Sun 25 Oct (Left at the second 01:30)']);
    const early = makeShift({ date: '2026-10-25', start: '01:00', end: '09:00', breakMinutes: 0, staffId: ana.id });
    expect(
      wordsFor(early, [{ field: 'signedInAt', before: null, after: '2026-10-25T01:05:00.000Z', reason: 'Signed in on paper' }]),
    ).toEqual(['Sign-in — → 01:05 GMT (Signed in on paper)']);
  });

  it('gives the screen each time and its day as pieces to keep whole in a narrow column', () => {
    const night = makeShift({ date: '2026-10-24', start: '22:00', end: '06:00', breakMinutes: 0, service: 'security', staffId: ben.id });
    expect(
      correctionsOf(night, [{ field: 'signedOutAt', before: null, after: '2026-10-25T01:30:00.000Z', reason: 'Forgot to sign out' }]),
    ).toEqual([{ field: 'Sign-out', before: ['—'], after: ['01:30 GMT', 'on Sun 25 Oct'], reason: 'Forgot to sign out' }]);
  });

  it('reads a no-show mark as Yes or No, as the No-show column does', () => {
    const day = makeShift({ date: '2026-11-26', start: '07:00', end: '15:00', staffId: ana.id });
    expect(wordsFor(day, [{ field: 'noShow', before: false, after: true, reason: 'Rang in sick' }])).toEqual([
      'No-show No → Yes (Rang in sick)',
    ]);
  });
});

describe('labourCost', () => {
  it('sums paid hours × pay rate per site per Monday-to-Sunday week', () => {
    const shifts = [
      makeShift({ date: '2026-11-29', start: '07:00', end: '15:00', breakMinutes: 0, staffId: ana.id }),
      makeShift({ date: '2026-11-30', start: '07:00', end: '15:00', breakMinutes: 0, staffId: ana.id }),
      makeShift({ date: '2026-11-30', start: '07:00', end: '11:00', breakMinutes: 0, staffId: ben.id }),
    ];
    const rows = timesheetRows(assignmentsOf(shifts, []), staff, sites, at('2026-11-01T00:00'), DEFAULT_STATUS_RULES);
    expect(labourCost(rows)).toEqual([
      { site: 'CH', week: '2026-11-23', paidMinutes: 480, cost: 96 },
      { site: 'CH', week: '2026-11-30', paidMinutes: 720, cost: 156 },
    ]);
  });
});
