/** Leave balances as CSV for payroll: one row per person with leave terms, in days and hours. */
import type { Staff } from '../../schemas/staff';
import { decimal, toCsv, type CsvCell } from '../csv';
import { leaveBalance, type LeavePolicy } from './balance';

const HEAD = [
  'Employee number',
  'Name',
  'Leave year from',
  'Leave year to',
  'Entitled days',
  'Taken days',
  'Bank holiday days',
  'Remaining days',
  'Entitled hours',
  'Taken hours',
  'Remaining hours',
  'Hours worked (reg. 15B)',
  'Accrued hours (12.07%)',
];

const two = (n: number) => decimal(n, 2);

/** The CSV text (header first); people without leave terms are left out. Dates yyyy-mm-dd, figures to 2 dp. */
export const leaveBalancesCsv = (
  people: readonly Staff[],
  today: string,
  bankHolidays: readonly string[],
  /** Hours worked in the current leave year by person id, from attendance, for irregular-hours workers. */
  workedHours: ReadonlyMap<string, number> = new Map(),
  policy?: LeavePolicy,
): string => {
  const rows: CsvCell[][] = [];
  for (const p of people) {
    const b = leaveBalance(p, today, bankHolidays, p.leave?.irregular ? (workedHours.get(p.id) ?? 0) : undefined, policy);
    if (!b) continue;
    rows.push([
      p.employeeNumber,
      p.name,
      b.year.start,
      b.year.end,
      two(b.entitledDays),
      two(b.takenDays),
      two(b.bankHolidayDays),
      two(b.remainingDays),
      two(b.entitledHours),
      two(b.takenHours),
      two(b.remainingHours),
      b.accrual ? two(b.accrual.workedHours) : '',
      b.accrual ? two(b.accrual.accruedHours) : '',
    ]);
  }
  return toCsv(HEAD, rows);
};
