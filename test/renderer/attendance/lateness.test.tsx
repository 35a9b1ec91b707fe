// @vitest-environment happy-dom
/**
 * The manager's Attendance screen words lateness per shift as the desk does ("late 1 h 35 min"), with an icon
 * beside the words, not a bare number of minutes; the payroll CSV keeps the minutes (see timesheet.test.ts).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { AttendanceReport } from '../../../shared/contract/attendance';
import type { TimesheetRow } from '../../../shared/domain/attendance/timesheet';
// Every channel answers "not available" (no server in these tests).
import '../noServer';
import { mountEach } from '../dom';

const { useStore } = await import('../../../renderer/store/appStore');
const { AttendanceView } = await import('../../../renderer/features/attendance/AttendanceView');

const row = (name: string, o: Partial<TimesheetRow>): TimesheetRow => ({
  shiftId: `shift_${name}`,
  staffId: `staff_${name}`,
  employeeNumber: 'E-1',
  name,
  date: '2026-11-25',
  site: 'CH',
  siteName: 'County Hall',
  service: 'security',
  scheduledStart: '06:45',
  scheduledEnd: '18:45',
  actualIn: '',
  actualOut: '',
  signedInAt: null,
  signedOutAt: null,
  scheduledMinutes: 690,
  paidMinutes: 0,
  paidBasis: 'missing',
  breakMinutes: 30,
  lateMinutes: 0,
  noShow: false,
  corrections: [],
  payRate: 14,
  cost: 0,
  ...o,
});

const person = (name: string, late: number, lateMinutes: number, o: Record<string, number> = {}) => ({
  staffId: `staff_${name}`,
  name,
  employeeNumber: `E-${name}`,
  scheduledMinutes: 690,
  paidMinutes: 660,
  shifts: 3,
  late,
  lateMinutes,
  notIn: 0,
  notInMinutes: 0,
  noShows: 0,
  corrections: 0,
  cost: 154,
  soFar: 0,
  ...o,
});

const report: AttendanceReport = {
  people: [
    person('Sam', 1, 95),
    person('Ria', 3, 130),
    person('Nia', 0, 0),
    person('Lee', 0, 0, { notIn: 1, notInMinutes: 20 }),
    person('Ada', 2, 50, { notIn: 1, notInMinutes: 20 }),
    person('Omar', 0, 0, { noShows: 1 }),
    person('Tom', 0, 0, { noShows: 2 }),
  ],
  rows: [
    // In at 08:20 for 06:45: 95 minutes late.
    row('Sam', { actualIn: '2026-11-25 08:20', signedInAt: '2026-11-25T08:20:00.000Z', lateMinutes: 95, paidBasis: 'actual' }),
    row('Nia', { actualIn: '2026-11-25 06:40', signedInAt: '2026-11-25T06:40:00.000Z', paidBasis: 'actual' }),
    row('Omar', { noShow: true, paidBasis: 'no-show' }),
    // Shift started at 06:45, nobody signed in at 07:05, not yet a no-show.
    row('Lee', { lateMinutes: 20, paidBasis: 'missing' }),
  ],
};

beforeEach(() => {
  useStore.setState({ loadAttendance: async () => {}, attendance: { status: 'ready', data: report } });
});
mountEach(() => <AttendanceView />);

/** The Shifts table's cell in the column headed `heading`, on the row for `name`. */
const cellOf = (heading: string, name: string) => {
  const table = [...document.querySelectorAll('table')].find((t) => t.querySelector('th')?.textContent === 'Date')!;
  const column = [...table.querySelectorAll('th')].findIndex((th) => th.textContent === heading);
  expect(column, `a column headed ${heading}`).toBeGreaterThanOrEqual(0);
  const tr = [...table.querySelectorAll('tbody tr')].find((r) => r.children[1].textContent === name)!;
  return tr.children[column] as HTMLElement;
};

describe('lateness on the Attendance screen', () => {
  it('reads as the desk says it, in hours and minutes, under a heading that fits', () => {
    const sam = [...document.querySelectorAll('tbody tr')].find((r) => r.children[1]?.textContent === 'Sam')!;
    expect([...sam.children].map((td) => td.textContent)).toContain('late 1 h 35 min');
    expect(cellOf('Arrival', 'Sam').textContent?.trim()).toBe('late 1 h 35 min');
    expect(document.body.textContent).not.toContain('Late (min)');
  });

  it('is not shown by colour alone: an icon stands beside the words, hidden from screen readers that read the words', () => {
    const icon = cellOf('Arrival', 'Sam').querySelector('svg');
    expect(icon).not.toBeNull();
    expect(icon!.getAttribute('aria-hidden')).toBe('true');
  });

  it('says on time for someone in within the grace, and nothing for a shift with no sign-in', () => {
    expect(cellOf('Arrival', 'Nia').textContent?.trim()).toBe('On time');
    expect(cellOf('Arrival', 'Omar').textContent?.trim()).toBe('—');
  });
});

/** The People table's cell in the column headed `heading`, on the row for `name`. */
const personCell = (heading: string, name: string) => {
  const table = [...document.querySelectorAll('table')].find((t) => t.querySelector('th')?.textContent === 'Name')!;
  const column = [...table.querySelectorAll('th')].findIndex((th) => th.textContent === heading);
  expect(column, `a column headed ${heading}`).toBeGreaterThanOrEqual(0);
  const tr = [...table.querySelectorAll('tbody tr')].find((r) => r.children[0].textContent === name)!;
  return tr.children[column] as HTMLElement;
};

describe('lateness in the People table', () => {
  it('says in words how many late arrivals and how late in all, as the Shifts table does', () => {
    expect(personCell('Late', 'Sam').textContent?.trim()).toBe('1 late arrival, 1 h 35 min');
    expect(personCell('Late', 'Ria').textContent?.trim()).toBe('3 late arrivals, 2 h 10 min in all');
    expect(personCell('Late', 'Nia').textContent?.trim()).toBe('None');
    expect(document.body.textContent).not.toContain('⚠');
  });

  it('is not shown by colour alone: an icon stands beside the words, hidden from screen readers', () => {
    const icon = personCell('Late', 'Ria').querySelector('svg');
    expect(icon).not.toBeNull();
    expect(icon!.getAttribute('aria-hidden')).toBe('true');
    expect(personCell('Late', 'Nia').querySelector('svg')).toBeNull();
  });
});

describe('someone whose shift has started who is not in yet', () => {
  it('is said to be not in yet in the Shifts table, not late as if they had arrived', () => {
    expect(cellOf('Arrival', 'Lee').textContent?.trim()).toBe('not in yet, 20 min late');
    expect(cellOf('Arrival', 'Lee').querySelector('svg')).not.toBeNull();
  });

  it('is counted apart from late arrivals in the People table', () => {
    expect(personCell('Late', 'Lee').textContent?.trim()).toBe('Not in yet, 20 min late');
    expect(personCell('Late', 'Ada').textContent?.trim()).toBe('2 late arrivals, 50 min in all; not in yet, 20 min late');
    expect(personCell('Late', 'Lee').querySelector('svg')).not.toBeNull();
  });
});

describe('no-shows in the People table', () => {
  it('are said in words with an icon, as the Late column is', () => {
    expect(personCell('No-shows', 'Omar').textContent?.trim()).toBe('1 no-show');
    expect(personCell('No-shows', 'Tom').textContent?.trim()).toBe('2 no-shows');
    expect(personCell('No-shows', 'Nia').textContent?.trim()).toBe('None');
    const icon = personCell('No-shows', 'Omar').querySelector('svg');
    expect(icon).not.toBeNull();
    expect(icon!.getAttribute('aria-hidden')).toBe('true');
    expect(personCell('No-shows', 'Nia').querySelector('svg')).toBeNull();
    expect(document.body.textContent).not.toMatch(/✕ \d/);
  });
});
