import type { Shift } from '../../../schemas/shift';
import type { Staff } from '../../../schemas/staff';
import { finding, shiftAtSite } from '../format';
import type { PersonWeek } from '../personWeek';
import type { Finding } from '../types';

/** The block for giving `shift` to someone not set up for its service. */
export const serviceFinding = (staff: Pick<Staff, 'id' | 'name'>, shift: Shift): Finding =>
  finding('service', 'block', staff.id, [shift.id], `${staff.name} is not set up for ${shift.service} work: ${shiftAtSite(shift)}`);

// Basis: Management of Health and Safety at Work Regulations 1999 reg. 13(1) (capabilities and training).
/** A shift in a service the person is not set up to work. */
export const serviceRule = (p: PersonWeek): Finding[] =>
  p.week.filter((e) => !p.staff.services.includes(e.shift.service)).map((e) => serviceFinding(p.staff, e.shift));
