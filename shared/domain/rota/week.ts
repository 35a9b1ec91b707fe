/** The Monday-to-Sunday week a check reports on, and how far back its rules look. */
import { addDays, weekStart } from '../dates';
import { instantAt } from './instants';
import type { RuleSettings } from './types';

export interface WeekRange {
  /** Monday. */
  start: string;
  /** Sunday. */
  end: string;
  startMs: number;
  /** Midnight at the end of Sunday, London time. */
  endMs: number;
}

/** The week containing `isoDate`; Working Time Regulations 1998 reg. 11(6) starts weeks at Monday 00:00. */
export const weekRange = (isoDate: string): WeekRange => {
  const start = weekStart(isoDate);
  return { start, end: addDays(start, 6), startMs: instantAt(start, '00:00'), endMs: instantAt(addDays(start, 7), '00:00') };
};

/** The earliest shift date any rule needs when checking the week starting `monday`. */
export const lookBackFrom = (monday: string, settings: RuleSettings): string => {
  const weeks = Math.max(settings.referenceWeeks, settings.securityReferenceWeeks, settings.nightReferenceWeeks, 2);
  // One more day than the longest reference period, for a night shift that runs into its first morning.
  return addDays(monday, -7 * (weeks - 1) - 1);
};
