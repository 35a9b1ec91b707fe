import type { StaffInput } from '../../schemas/staff';
import { licenceStatusOn } from './staffFilters';

/**
 * A person's name as a picker lists them on a given date: an expired SIA licence is said in words
 * wherever someone can be picked, so nobody is put on security work without seeing it.
 */
export const pickerName = (staff: Pick<StaffInput, 'name' | 'sia' | 'services'>, isoDate: string): string => {
  const { status } = licenceStatusOn(staff, isoDate);
  if (status === 'expired') return `${staff.name} — SIA licence expired`;
  if (status === 'none' && staff.services.includes('security')) return `${staff.name} — no SIA licence`;
  return staff.name;
};
