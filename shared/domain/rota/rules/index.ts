/** Every per-person rule, blocks first. */
import type { PersonWeek } from '../personWeek';
import type { Finding } from '../types';
import { absencePendingRule, absenceRule } from './absence';
import { availabilityRule } from './availability';
import { averageHoursRule } from './averageHours';
import { breakRule } from './breaks';
import { compensatoryRestDueRule } from './compensatoryRest';
import { contractedHoursRule } from './contractedHours';
import { dailyRestRule } from './dailyRest';
import { fatigueNightsRule, fatigueShiftLengthRule, fatigueShiftsInRowRule, fatigueWorkingDayRule } from './fatigue';
import { familiarityRule } from './familiarity';
import { nightWorkRule } from './nightWork';
import { overlapRule } from './overlap';
import { serviceRule } from './service';
import { siaExpiringRule, siaLicenceRule, siaSectorRule } from './siaLicence';
import { weeklyRestRule } from './weeklyRest';
import {
  youngBreakRule,
  youngDailyHoursRule,
  youngDailyRestRule,
  youngNightRule,
  youngWeeklyHoursRule,
  youngWeeklyRestRule,
} from './youngWorker';

export type PersonRule = (p: PersonWeek) => Finding[];

/** The rules whose findings block a save. */
export const BLOCK_RULES: readonly PersonRule[] = [
  overlapRule,
  serviceRule,
  siaLicenceRule,
  siaSectorRule,
  absenceRule,
  youngDailyHoursRule,
  youngWeeklyHoursRule,
  youngDailyRestRule,
  youngNightRule,
  youngWeeklyRestRule,
  youngBreakRule,
];

/** The rules that warn or inform. */
export const ADVISORY_RULES: readonly PersonRule[] = [
  dailyRestRule,
  weeklyRestRule,
  averageHoursRule,
  breakRule,
  nightWorkRule,
  contractedHoursRule,
  availabilityRule,
  siaExpiringRule,
  familiarityRule,
  absencePendingRule,
  compensatoryRestDueRule,
  fatigueShiftLengthRule,
  fatigueWorkingDayRule,
  fatigueNightsRule,
  fatigueShiftsInRowRule,
];

export const PERSON_RULES: readonly PersonRule[] = [...BLOCK_RULES, ...ADVISORY_RULES];

export {
  compensatoryRestDueRule,
  fatigueNightsRule,
  fatigueShiftLengthRule,
  fatigueShiftsInRowRule,
  fatigueWorkingDayRule,
  siaSectorRule,
  youngBreakRule,
  youngWeeklyRestRule,
  absencePendingRule,
  absenceRule,
  availabilityRule,
  averageHoursRule,
  breakRule,
  contractedHoursRule,
  dailyRestRule,
  familiarityRule,
  nightWorkRule,
  overlapRule,
  serviceRule,
  siaExpiringRule,
  siaLicenceRule,
  weeklyRestRule,
  youngDailyHoursRule,
  youngDailyRestRule,
  youngNightRule,
  youngWeeklyHoursRule,
};
