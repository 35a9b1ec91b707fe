import { formatMinutes } from '../../dates';
import { dayShort, finding } from '../format';
import type { PersonWeek } from '../personWeek';
import type { Finding } from '../types';

// Basis: the contract's normal hours (Employment Rights Act 1996 s.1(4)(c)); extra hours need the person's agreement.
/** More paid hours in the week than the person's contract; zero-hours contracts have no figure to exceed. */
export const contractedHoursRule = (p: PersonWeek): Finding[] => {
  if (p.staff.contractType === 'zero-hours') return [];
  const total = p.week.reduce((sum, e) => sum + e.paid, 0);
  const contract = Math.round(p.staff.contractedHours * 60);
  if (total <= contract) return [];
  return [
    finding(
      'contracted-hours',
      'warn',
      p.staff.id,
      p.week.map((e) => e.shift.id),
      `${p.staff.name} is rostered ${formatMinutes(total)} in the week from ${dayShort(p.range.start)}; their contract is ${formatMinutes(contract)}`,
      { unit: 'minutes', actual: total, required: contract, kind: 'max', from: p.range.start, to: p.range.end },
    ),
  ];
};
