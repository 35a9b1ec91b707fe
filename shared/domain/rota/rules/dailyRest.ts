import { formatMinutes } from '../../dates';
import { compensatoryRest, underReg21 } from '../compensatory';
import { finding, shiftLabel } from '../format';
import type { PersonWeek } from '../personWeek';
import type { Finding } from '../types';
import { isYoungWorker } from '../youngWorkerAge';

// Basis: Working Time Regulations 1998 reg. 10(1); where reg. 21(b) applies, compensatory rest (reg. 24).
/**
 * Under 11 hours' rest between one stretch of work and the next. Touching shifts (14:00 then 14:00) are
 * one stretch; young workers are held to the stricter young-daily-rest block instead.
 */
export const dailyRestRule = (p: PersonWeek): Finding[] => {
  const required = p.settings.dailyRestHours * 60;
  const out: Finding[] = [];
  p.week.forEach((e, i) => {
    const prev = p.previous[i];
    if (!prev || isYoungWorker(p.staff, e.shift.date)) return;
    const rest = Math.round((e.span.start - prev.span.end) / 60_000);
    if (rest <= 0 || rest >= required) return;
    const f = finding(
      'daily-rest',
      'warn',
      p.staff.id,
      [prev.shift.id, e.shift.id],
      `${p.staff.name} has ${formatMinutes(rest)} rest between ${shiftLabel(prev.shift)} and ${shiftLabel(e.shift)}; ${formatMinutes(required)} required`,
      { unit: 'minutes', actual: rest, required, kind: 'min' },
    );
    out.push(underReg21(p, [prev, e]) ? compensatoryRest(p, f) : f);
  });
  return out;
};
