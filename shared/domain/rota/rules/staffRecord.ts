import type { Staff } from '../../../schemas/staff';
import { finding, shiftAtSite } from '../format';
import type { Entry } from '../rotaIndex';
import type { Finding } from '../types';

// Basis: record keeping — pay, SIA and working-time records (WTR 1998 reg. 9) need a current staff record.
/** Shifts given to someone not on the staff list, or to someone who has left (archived). */
export const staffRecordRule = (staffId: string, staff: Staff | undefined, week: readonly Entry[]): Finding[] => {
  if (!staff)
    return week.map((e) =>
      finding('staff-record', 'block', staffId, [e.shift.id], `${shiftAtSite(e.shift)} is given to someone who is not on the staff list`),
    );
  if (!staff.archived) return [];
  return week
    .filter((e) => staff.archivedOn === null || e.shift.date >= staff.archivedOn)
    .map((e) =>
      finding('staff-record', 'block', staffId, [e.shift.id], `${staff.name} has left (archived) but is on ${shiftAtSite(e.shift)}`),
    );
};
