// @vitest-environment happy-dom
/** The Attendance screen's Service column names each service as every other screen and export does: "Security", not "security". */
import { beforeEach, expect, it } from 'vitest';
import type { AttendanceReport } from '../../../shared/contract/attendance';
import type { TimesheetRow } from '../../../shared/domain/attendance/timesheet';
import '../noServer';
import { mountEach } from '../dom';

const { useStore } = await import('../../../renderer/store/appStore');
const { AttendanceView } = await import('../../../renderer/features/attendance/AttendanceView');

const row = (name: string, service: TimesheetRow['service']): TimesheetRow => ({
  shiftId: `shift_${name}`,
  staffId: `staff_${name}`,
  employeeNumber: 'E-1',
  name,
  date: '2026-11-25',
  site: 'CH',
  siteName: 'County Hall',
  service,
  scheduledStart: '07:00',
  scheduledEnd: '15:00',
  actualIn: '',
  actualOut: '',
  signedInAt: null,
  signedOutAt: null,
  scheduledMinutes: 450,
  paidMinutes: 0,
  paidBasis: 'actual',
  breakMinutes: 30,
  lateMinutes: 0,
  noShow: false,
  corrections: [],
  payRate: 12,
  cost: 0,
});
const report: AttendanceReport = {
  people: [],
  rows: [row('Sam Guard', 'security'), row('Rhea Desk', 'reception'), row('Cleo Early', 'cleaning')],
};

beforeEach(() => {
  useStore.setState({ loadAttendance: async () => {}, attendance: { status: 'ready', data: report } });
});
mountEach(() => <AttendanceView />);

it('names the service of each shift in words', () => {
  const table = [...document.querySelectorAll('table')].find((t) => t.querySelector('th')?.textContent === 'Date')!;
  const column = [...table.querySelectorAll('th')].findIndex((th) => th.textContent === 'Service');
  const cells = [...table.querySelectorAll('tbody tr')].map((tr) => [tr.children[1].textContent, tr.children[column].textContent]);
  expect(cells).toEqual([
    ['Sam Guard', 'Security'],
    ['Rhea Desk', 'Reception'],
    ['Cleo Early', 'Cleaning'],
  ]);
});
