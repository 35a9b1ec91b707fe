import { formatMinutes } from '../../dates';
import { compensatoryRest, isReg21 } from '../compensatory';
import { finding, shiftAtSite } from '../format';
import type { PersonWeek } from '../personWeek';
import type { Finding } from '../types';
import { isYoungWorker } from '../youngWorkerAge';

// Basis: Working Time Regulations 1998 reg. 12(1) and (3); security with permanent presence: reg. 21(b) with reg. 24.
/**
 * More than 6 hours' working time (paid time) with under 20 minutes' break. Where the site's security
 * needs permanent presence (reg. 21(b), a site setting), the break rule does not apply but equivalent
 * compensatory rest is owed, so the finding becomes rest owed. Young workers are held to reg. 12(4)
 * (youngBreakRule) instead.
 */
export const breakRule = (p: PersonWeek): Finding[] => {
  const after = p.settings.breakAfterHours * 60;
  const needed = p.settings.breakMinutes;
  const out: Finding[] = [];
  for (const e of p.week) {
    if (e.paid <= after || e.shift.breakMinutes >= needed || isYoungWorker(p.staff, e.shift.date)) continue;
    const f = finding(
      'break',
      'warn',
      p.staff.id,
      [e.shift.id],
      `${p.staff.name}: ${shiftAtSite(e.shift)} is ${formatMinutes(e.paid)} of work with a ${e.shift.breakMinutes} min break; a ${needed} min break is required after ${formatMinutes(after)}`,
      { unit: 'minutes', actual: e.shift.breakMinutes, required: needed, kind: 'min' },
    );
    out.push(isReg21(p, e) ? compensatoryRest(p, f) : f);
  }
  return out;
};
