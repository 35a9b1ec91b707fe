/**
 * A person's stored codes as people read them, on the staff screens and wherever else a person's record is shown
 * (the set-aside versions on the Conflicts screen): "Security guarding", "Full-time", "Mon 07:00–19:00".
 */
import type { Availability, CONTRACT_TYPES } from '../../schemas/staff';
import { WEEKDAYS, type SiaSector } from '../../schemas/values';
import { dayLabel } from './coverWindows';

export const SECTOR_LABEL: Record<SiaSector, string> = {
  'door-supervision': 'Door supervision',
  'security-guarding': 'Security guarding',
  cctv: 'Public space surveillance (CCTV)',
  'close-protection': 'Close protection',
  'key-holding': 'Key holding',
};

export const CONTRACT_LABEL: Record<(typeof CONTRACT_TYPES)[number], string> = {
  'full-time': 'Full-time',
  'part-time': 'Part-time',
  'zero-hours': 'Zero hours',
  relief: 'Relief',
};

/**
 * A week's availability in one line: "Any time" when none is stated (the rota never warns), else each day with times,
 * "Mon 07:00–19:00; Wed 09:00–13:00, 18:00–22:00; not available on other days".
 */
export const availabilityInWords = (a: Availability): string => {
  if (Object.keys(a).length === 0) return 'Any time';
  const days = WEEKDAYS.filter((d) => (a[d] ?? []).length > 0);
  if (days.length === 0) return 'Not available on any day';
  const parts = days.map((d) => `${dayLabel(d)} ${(a[d] ?? []).map((w) => `${w.start}–${w.end}`).join(', ')}`);
  if (days.length < WEEKDAYS.length) parts.push('not available on other days');
  return parts.join('; ');
};
