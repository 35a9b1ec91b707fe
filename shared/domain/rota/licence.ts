/** Whether a person's SIA licence lets them do security work on a given day. */
import type { SiaSector } from '../../schemas/common';
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

/**
 * Which posts each SIA front-line licence lets its holder fill (SIA licence integration). Door supervision
 * covers security guarding, not the other way round; Public Space Surveillance (CCTV) covers CCTV and
 * control-room posts only and no other licence covers them. Close protection is taken to cover guarding
 * only: its door supervision integration has conditions (extra training) the app does not record.
 * Front-line guarding licences cover key holding.
 */
export const SECTOR_COVERS: Readonly<Record<SiaSector, readonly SiaSector[]>> = {
  'door-supervision': ['door-supervision', 'security-guarding', 'key-holding'],
  'security-guarding': ['security-guarding', 'key-holding'],
  cctv: ['cctv'],
  'close-protection': ['close-protection', 'security-guarding', 'key-holding'],
  'key-holding': ['key-holding'],
};

/** Whether a licence of sector `held` lets its holder fill a post needing `needed`. */
export const sectorFits = (held: SiaSector, needed: SiaSector): boolean => SECTOR_COVERS[held].includes(needed);

export const SECTOR_NAMES: Readonly<Record<SiaSector, string>> = {
  'door-supervision': 'Door Supervision',
  'security-guarding': 'Security Guarding',
  cctv: 'Public Space Surveillance (CCTV)',
  'close-protection': 'Close Protection',
  'key-holding': 'Key Holding',
};
