/**
 * A leave request against the balance: the days and hours it takes, counted exactly as the balance counts
 * leave taken (see balance.ts), and the balance of each leave year it touches if it were approved.
 */
import type { Absence, LeaveRequest, Staff } from '../../schemas/staff';
import { addDays } from '../dates';
import { leaveBalance, type LeaveBalance, type LeavePolicy } from './balance';

type Leave = Pick<LeaveRequest, 'id' | 'from' | 'to' | 'partDay' | 'note'>;
type Person = Pick<Staff, 'leave' | 'absences' | 'contractedHours'>;

/** The annual-leave absence a request stands for: unapproved while requested, approved once approved. */
export const absenceOfRequest = (r: Leave & { status: LeaveRequest['status'] }): Absence => ({
  id: r.id,
  kind: 'annual-leave',
  from: r.from,
  to: r.to,
  partDay: r.partDay,
  approved: r.status === 'approved',
  note: r.note,
});

/** What a request would do to one leave year's balance. */
export interface YearEffect {
  year: { start: string; end: string };
  days: number;
  hours: number;
  /** The balance with the request approved. */
  after: LeaveBalance;
}

/** The leave years a request touches, in order (a balance needs a day inside each). */
const yearDays = (person: Person, leave: Leave, holidays: readonly string[], policy?: LeavePolicy): string[] => {
  const days: string[] = [];
  for (let d = leave.from; d <= leave.to;) {
    days.push(d);
    const b = leaveBalance(person, d, holidays, undefined, policy);
    if (!b) break;
    d = addDays(b.year.end, 1);
  }
  return days;
};

/**
 * What approving `leave` would do to each leave year it touches: the days and hours it takes there (bank
 * holidays and non-working days excluded as the balance excludes them) and the balance after. Empty for
 * someone without leave terms. `workedHours` is for irregular-hours workers (reg. 15B), as for the balance.
 */
export const leaveEffect = (
  person: Person,
  leave: Leave,
  holidays: readonly string[],
  workedHours?: number,
  policy?: LeavePolicy,
): YearEffect[] => {
  if (!person.leave) return [];
  const without = { ...person, absences: person.absences.filter((a) => a.id !== leave.id) };
  const withIt = { ...without, absences: [...without.absences, absenceOfRequest({ ...leave, status: 'approved' })] };
  return yearDays(person, leave, holidays, policy).map((day) => {
    const before = leaveBalance(without, day, holidays, workedHours, policy)!;
    const after = leaveBalance(withIt, day, holidays, workedHours, policy)!;
    return {
      year: after.year,
      days: after.takenDays - before.takenDays,
      hours: after.takenHours - before.takenHours,
      after,
    };
  });
};

/** Whether approving would take any leave year's balance below zero (to the nearest minute of leave). */
export const overdrawn = (effects: readonly YearEffect[]): YearEffect | null =>
  effects.find((e) => e.after.remainingHours < -1 / 120 || e.after.remainingDays < -1e-6) ?? null;
