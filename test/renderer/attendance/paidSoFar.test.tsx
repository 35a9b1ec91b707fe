// @vitest-environment happy-dom
/**
 * The Attendance screen's Paid hours for a shift still under way (signed in, not out, before its end) are the hours so
 * far and still growing: the cell says so in words ("3.17 so far"), not only by look, and a finished shift's hours read
 * as they are.
 */
import { beforeEach, expect, it } from 'vitest';
import type { AttendanceReport, PersonWeekSummary } from '../../../shared/contract/attendance';
import type { TimesheetRow } from '../../../shared/domain/attendance/timesheet';
import '../noServer';
import { mountEach } from '../dom';

const { useStore } = await import('../../../renderer/store/appStore');
const { AttendanceView } = await import('../../../renderer/features/attendance/AttendanceView');

const row = (name: string, paidMinutes: number, paidBasis: TimesheetRow['paidBasis'], signedOutAt: string | null): TimesheetRow => ({
  shiftId: `shift_${name}`,
  staffId: `staff_${name}`,
  employeeNumber: 'E-1',
  name,
  date: '2026-11-25',
  site: 'CH',
  siteName: 'County Hall',
  service: 'security',
  scheduledStart: '07:00',
  scheduledEnd: '19:00',
  actualIn: '07:00',
  actualOut: signedOutAt ? '10:00' : '',
  signedInAt: '2026-11-25T07:00:00.000Z',
  signedOutAt,
  scheduledMinutes: 690,
  paidMinutes,
  paidBasis,
  breakMinutes: 30,
  lateMinutes: 0,
  noShow: false,
  corrections: [],
  payRate: 12,
  cost: 0,
});
const person = (name: string, paidMinutes: number, soFar = 0): PersonWeekSummary => ({
  staffId: `staff_${name}`,
  name,
  employeeNumber: 'E-1',
  scheduledMinutes: 690,
  paidMinutes,
  shifts: 1,
  late: 0,
  lateMinutes: 0,
  notIn: 0,
  notInMinutes: 0,
  noShows: 0,
  corrections: 0,
  cost: 0,
  soFar,
});
const report: AttendanceReport = {
  people: [person('Sam Guard', 190, 1), person('Cleo Early', 178)],
  rows: [row('Sam Guard', 190, 'so-far', null), row('Cleo Early', 178, 'actual', '2026-11-25T10:00:00.000Z')],
};

beforeEach(() => {
  useStore.setState({ loadAttendance: async () => {}, attendance: { status: 'ready', data: report } });
});
mountEach(() => <AttendanceView />);

/** The text of `el` without that of the elements matching `hidden`. */
const shown = (el: HTMLElement, hidden: string) => {
  const copy = el.cloneNode(true) as HTMLElement;
  copy.querySelectorAll(hidden).forEach((n) => n.remove());
  return copy.textContent;
};

/** Each row of the table whose first heading is `first`: its name and its Paid hours cell. */
const paidCells = (first: string) => {
  const table = [...document.querySelectorAll('table')].find((t) => t.querySelector('th')?.textContent === first)!;
  const column = [...table.querySelectorAll('th')].findIndex((th) => th.textContent === 'Paid hours');
  const name = first === 'Date' ? 1 : 0;
  return [...table.querySelectorAll('tbody tr')]
    .map((tr) => tr.children[column] as HTMLElement)
    .map((td) => ({
      name: td.parentElement!.children[name].textContent,
      text: td.textContent,
      // What is seen (without the words only a screen reader reads) and what a screen reader reads (without marks hidden from it).
      seen: shown(td, '.visually-hidden'),
      heard: shown(td, '[aria-hidden="true"]'),
      title: td.querySelector('[title]')?.getAttribute('title') ?? null,
    }));
};

it('says a running shift’s paid hours are so far, and a finished one’s as they are', () => {
  expect(paidCells('Date')).toEqual([
    {
      name: 'Sam Guard',
      text: '3.17 so far',
      seen: '3.17 so far',
      heard: '3.17 so far',
      title: 'Still signed in: the hours so far, growing until they sign out',
    },
    { name: 'Cleo Early', text: '2.97', seen: '2.97', heard: '2.97', title: null },
  ]);
});

it('marks a person’s total that includes a running shift’s hours so far, briefly, with the words for a screen reader', () => {
  expect(paidCells('Name')).toEqual([
    {
      name: 'Sam Guard',
      text: '3.17+ including hours so far',
      seen: '3.17+',
      heard: '3.17 including hours so far',
      title: 'Includes the hours so far of a shift still under way, growing until they sign out',
    },
    { name: 'Cleo Early', text: '2.97', seen: '2.97', heard: '2.97', title: null },
  ]);
});
