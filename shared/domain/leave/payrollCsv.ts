/** Leave balances as CSV for payroll: one row per person with leave terms, in days and hours. */
import Papa from 'papaparse';
import type { Staff } from '../../schemas/staff';
import { leaveBalance } from './balance';

const HEAD = ['Employee number', 'Name', 'Leave year from', 'Leave year to', 'Entitled days', 'Taken days', 'Bank holiday days', 'Remaining days', 'Entitled hours', 'Taken hours', 'Remaining hours'];

const two = (n: number) => n.toFixed(2);

/** The CSV text (header first); people without leave terms are left out. Dates yyyy-mm-dd, figures to 2 dp. */
export const leaveBalancesCsv = (people: readonly Staff[], today: string, bankHolidays: readonly string[]): string => {
  const rows: string[][] = [HEAD];
  for (const p of people) {
    const b = leaveBalance(p, today, bankHolidays);
    if (!b) continue;
    rows.push([p.employeeNumber, p.name, b.year.start, b.year.end, two(b.entitledDays), two(b.takenDays), two(b.bankHolidayDays), two(b.remainingDays), two(b.entitledHours), two(b.takenHours), two(b.remainingHours)]);
  }
  return Papa.unparse(rows);
};
