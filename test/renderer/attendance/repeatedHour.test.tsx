// @vitest-environment happy-dom
/**
 * The Attendance screen's "Actual in" and "Actual out" on the nights the clocks change. On Sun 25 Oct 2026 01:00–01:59
 * happens twice (BST, then GMT an hour later): a sign-out at the second 01:30 is an hour more of work than one at the
 * first, and the manager is told which, as the desk tells the supervisor ("In at 01:30 GMT").
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { AttendanceReport } from '../../../shared/contract/attendance';
import type { TimesheetRow } from '../../../shared/domain/attendance/timesheet';
import '../noServer';
import { mountEach } from '../dom';

const { useStore } = await import('../../../renderer/store/appStore');
const { AttendanceView } = await import('../../../renderer/features/attendance/AttendanceView');

/** A night officer's shift, signed in and out at these instants; `actualIn`/`actualOut` as London wall-clock text. */
const row = (name: string, date: string, inAt: [string, string], outAt: [string, string]): TimesheetRow => ({
  shiftId: `shift_${name}`,
  staffId: `staff_${name}`,
  employeeNumber: 'E-1',
  name,
  date,
  site: 'CH',
  siteName: 'County Hall',
  service: 'security',
  scheduledStart: '22:00',
  scheduledEnd: '06:00',
  actualIn: inAt[1],
  actualOut: outAt[1],
  signedInAt: inAt[0],
  signedOutAt: outAt[0],
  scheduledMinutes: 480,
  paidMinutes: 0,
  paidBasis: 'actual',
  breakMinutes: 0,
  lateMinutes: 0,
  noShow: false,
  corrections: [],
  payRate: 14,
  cost: 0,
});
const sat = ['2026-10-24T21:00:00.000Z', '2026-10-24 22:00'] as [string, string];
const report: AttendanceReport = {
  people: [],
  rows: [
    row('Before', '2026-10-24', sat, ['2026-10-24T23:59:00.000Z', '2026-10-25 00:59']),
    row('First', '2026-10-24', sat, ['2026-10-25T00:30:00.000Z', '2026-10-25 01:30']),
    row('Second', '2026-10-24', sat, ['2026-10-25T01:30:00.000Z', '2026-10-25 01:30']),
    row('After', '2026-10-24', sat, ['2026-10-25T02:00:00.000Z', '2026-10-25 02:00']),
    row('Came', '2026-10-25', ['2026-10-25T01:15:00.000Z', '2026-10-25 01:15'], ['2026-10-25T06:00:00.000Z', '2026-10-25 06:00']),
    row('Nov', '2026-11-24', ['2026-11-24T22:00:00.000Z', '2026-11-24 22:00'], ['2026-11-25T01:30:00.000Z', '2026-11-25 01:30']),
    row('Spring', '2027-03-27', ['2027-03-27T22:00:00.000Z', '2027-03-27 22:00'], ['2027-03-28T00:59:00.000Z', '2027-03-28 00:59']),
    row('Jump', '2027-03-27', ['2027-03-27T22:00:00.000Z', '2027-03-27 22:00'], ['2027-03-28T01:00:00.000Z', '2027-03-28 02:00']),
  ],
};

beforeEach(() => {
  useStore.setState({ loadAttendance: async () => {}, attendance: { status: 'ready', data: report } });
});
mountEach(() => <AttendanceView />);

const cellOf = (heading: string, name: string) => {
  const table = [...document.querySelectorAll('table')].find((t) => t.querySelector('th')?.textContent === 'Date')!;
  const column = [...table.querySelectorAll('th')].findIndex((th) => th.textContent === heading);
  const tr = [...table.querySelectorAll('tbody tr')].find((r) => r.children[1].textContent === name)!;
  return tr.children[column].textContent;
};

describe('actual times on the Attendance screen', () => {
  it.each([
    ['Before', '00:59'],
    ['First', '01:30 BST'],
    ['Second', '01:30 GMT'],
    ['After', '02:00'],
    ['Nov', '01:30'],
    ['Spring', '00:59'],
    ['Jump', '02:00'],
  ])('%s signed out at %s', (name, shown) => {
    expect(cellOf('Actual out', name)).toBe(shown);
  });

  it('says which 01:15 someone signed in at, and leaves an ordinary time as it is', () => {
    expect(cellOf('Actual in', 'Came')).toBe('01:15 GMT');
    expect(cellOf('Actual in', 'First')).toBe('22:00');
  });
});
