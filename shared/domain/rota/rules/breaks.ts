import { formatMinutes } from '../../dates';
import { finding, shiftAtSite } from '../format';
import type { PersonWeek } from '../personWeek';
import type { Finding } from '../types';

// Basis: Working Time Regulations 1998 reg. 12(1) and (3); security: reg. 21(b) with reg. 24 (compensatory rest).
/**
 * More than 6 hours' working time (paid time) with under 20 minutes' break. Security officers fall under
 * the special case for security and surveillance: the break rule does not apply to them, but they must get
 * equivalent compensatory rest, so for security shifts this is a note rather than a warning.
 */
export const breakRule = (p: PersonWeek): Finding[] => {
  const after = p.settings.breakAfterHours * 60;
  const needed = p.settings.breakMinutes;
  const out: Finding[] = [];
  for (const e of p.week) {
    if (e.paid <= after || e.shift.breakMinutes >= needed) continue;
    const worked = `${shiftAtSite(e.shift)} is ${formatMinutes(e.paid)} of work with a ${e.shift.breakMinutes} min break`;
    out.push(
      e.shift.service === 'security'
        ? finding('break', 'info', p.staff.id, [e.shift.id],
            `${p.staff.name}: ${worked}; as a security officer they may work through, but must get equivalent compensatory rest`)
        : finding('break', 'warn', p.staff.id, [e.shift.id],
            `${p.staff.name}: ${worked}; a ${needed} min break is required after ${formatMinutes(after)}`),
    );
  }
  return out;
};
