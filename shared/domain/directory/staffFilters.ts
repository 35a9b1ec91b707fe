/**
 * Searching and filtering the staff list (about 150 people, kept snappy at thousands), and the SIA
 * licence watch. An SIA licence is valid through its expiry date: on that day the holder may still work
 * security, from the next day they may not.
 */
import type { Service } from '../../schemas/common';
import type { CONTRACT_TYPES, Staff, StaffInput } from '../../schemas/staff';
import { daysBetween } from '../dates';

export const LICENCE_STATUSES = ['valid', 'expiring-60', 'expiring-30', 'expired', 'none'] as const;
export type LicenceStatus = (typeof LICENCE_STATUSES)[number];
export type ContractType = (typeof CONTRACT_TYPES)[number];

/** A licence on a date; `daysLeft` is 0 on the expiry date (its last valid day) and negative after it. */
export interface LicenceState {
  status: LicenceStatus;
  expires: string | null;
  daysLeft: number | null;
}

/** Where a person's SIA licence stands on `isoDate`: expiring-30 is 0–30 days left, expiring-60 is 31–60. */
export const licenceStatusOn = (staff: Pick<StaffInput, 'sia'>, isoDate: string): LicenceState => {
  if (!staff.sia) return { status: 'none', expires: null, daysLeft: null };
  const { expires } = staff.sia;
  const daysLeft = daysBetween(isoDate, expires);
  const status: LicenceStatus = daysLeft < 0 ? 'expired' : daysLeft <= 30 ? 'expiring-30' : daysLeft <= 60 ? 'expiring-60' : 'valid';
  return { status, expires, daysLeft };
};

// Accents, case and punctuation are dropped on both sides, so "obrien" finds O'Brien and "e123" finds E-123.
const fold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, '');

/** What the list filters read; a supervisor's copy of a record (pay stripped) qualifies too. */
export type FilterableStaff = Pick<
  Staff,
  'name' | 'employeeNumber' | 'archived' | 'services' | 'homeSite' | 'familiarSites' | 'contractType' | 'sia'
>;

/** A person with their search text folded once, so each keystroke only does substring tests. */
export interface IndexedStaff<S extends FilterableStaff = Staff> {
  staff: S;
  key: string;
}

/** Builds the search index for a staff list; rebuild it when the list changes, not per keystroke. */
export const indexStaff = <S extends FilterableStaff>(staff: readonly S[]): IndexedStaff<S>[] =>
  staff.map((s) => ({ staff: s, key: fold(`${s.name} ${s.employeeNumber}`) }));

export interface StaffFilter {
  /** Words that must all appear in the name or employee number, in any order. */
  text?: string;
  service?: Service;
  /** A site code the person has as home or familiar site. */
  site?: string;
  /** Any of these licence statuses, on the date passed to `filterStaff`. */
  licence?: readonly LicenceStatus[];
  contractType?: ContractType;
  /** Defaults to people still employed. */
  archived?: 'active' | 'archived' | 'all';
}

/** The people matching every filter given, in list order; licence statuses are judged on `todayIso`. */
export const filterStaff = <S extends FilterableStaff>(index: readonly IndexedStaff<S>[], filter: StaffFilter, todayIso: string): S[] => {
  const words = fold(filter.text ?? '')
    .split(/\s+/)
    .filter(Boolean);
  const archived = filter.archived ?? 'active';
  const out: S[] = [];
  for (const { staff: s, key } of index) {
    if (archived !== 'all' && s.archived !== (archived === 'archived')) continue;
    if (filter.service && !s.services.includes(filter.service)) continue;
    if (filter.site && s.homeSite !== filter.site && !s.familiarSites.includes(filter.site)) continue;
    if (filter.contractType && s.contractType !== filter.contractType) continue;
    if (filter.licence?.length && !filter.licence.includes(licenceStatusOn(s, todayIso).status)) continue;
    if (!words.every((w) => key.includes(w))) continue;
    out.push(s);
  }
  return out;
};

/** A rostered shift, as much of it as the licence watch needs. */
export interface WatchShift {
  id: string;
  staffId: string;
  date: string;
  site: string;
  service: Service;
}

export interface LicenceWatchEntry {
  staff: Staff;
  expires: string | null;
  daysLeft: number | null;
  /** Their security shifts dated on or after the expiry date (all of them when there is no licence). */
  shifts: WatchShift[];
}

export interface LicenceWatch {
  expired: LicenceWatchEntry[];
  within30: LicenceWatchEntry[];
  within60: LicenceWatchEntry[];
  none: LicenceWatchEntry[];
}

/**
 * Security staff whose licence has expired, expires within 30 or 60 days, or who have none, soonest
 * first, each with the security shifts it puts at risk. Shifts on the expiry date itself are listed:
 * the watch sees no shift times, and a night shift that day runs past the licence's last day.
 */
export const licenceWatch = (
  staff: readonly Staff[],
  todayIso: string,
  rosteredSecurityShifts: readonly WatchShift[] = [],
): LicenceWatch => {
  const byStaff = new Map<string, WatchShift[]>();
  for (const shift of rosteredSecurityShifts) {
    if (shift.service !== 'security') continue;
    byStaff.set(shift.staffId, [...(byStaff.get(shift.staffId) ?? []), shift]);
  }
  const watch: LicenceWatch = { expired: [], within30: [], within60: [], none: [] };
  const group: Partial<Record<LicenceStatus, LicenceWatchEntry[]>> = {
    expired: watch.expired,
    'expiring-30': watch.within30,
    'expiring-60': watch.within60,
    none: watch.none,
  };
  for (const s of staff) {
    if (s.archived || !s.services.includes('security')) continue;
    const { status, expires, daysLeft } = licenceStatusOn(s, todayIso);
    const bucket = group[status];
    if (!bucket) continue;
    const shifts = (byStaff.get(s.id) ?? [])
      .filter((sh) => expires === null || sh.date >= expires)
      .sort((a, b) => a.date.localeCompare(b.date));
    bucket.push({ staff: s, expires, daysLeft, shifts });
  }
  for (const list of Object.values(watch))
    list.sort(
      (a: LicenceWatchEntry, b: LicenceWatchEntry) => (a.daysLeft ?? 0) - (b.daysLeft ?? 0) || a.staff.name.localeCompare(b.staff.name),
    );
  return watch;
};
