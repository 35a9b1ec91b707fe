/** Whether a person's SIA licence lets them do security work on a given day. */
import type { Staff } from '../../schemas/staff';
import { daysBetween } from '../dates';
import { dayNumber } from './instants';
import { DEFAULT_RULE_SETTINGS } from './types';

export type LicenceState = 'valid' | 'expiring' | 'expired' | 'none';

export interface LicenceStatus {
  status: LicenceState;
  /** Days from `isoDate` to the expiry date (0 = expires that day, negative = already expired); null with no licence. */
  daysLeft: number | null;
}

/**
 * The SIA licence on `isoDate`. A licence is good up to and including its expiry date; within
 * `warnDays` of it the licence is still valid but flagged 'expiring' so renewal can be chased.
 */
export const licenceStatus = (
  staff: Pick<Staff, 'sia'>,
  isoDate: string,
  warnDays: number = DEFAULT_RULE_SETTINGS.licenceExpiryWarnDays,
): LicenceStatus => {
  if (!staff.sia) return { status: 'none', daysLeft: null };
  // Day numbers differ by the calendar days between them; anything else keeps the date library's answer.
  const fast = dayNumber(staff.sia.expires) - dayNumber(isoDate);
  const daysLeft = fast === fast ? fast : daysBetween(isoDate, staff.sia.expires);
  if (daysLeft < 0) return { status: 'expired', daysLeft };
  return { status: daysLeft <= warnDays ? 'expiring' : 'valid', daysLeft };
};
