/** The rota rules engine: findings for a week, cover gaps, and who can fill a shift. */
export { DEFAULT_RULE_SETTINGS, RULE_IDS } from './types';
export type { Candidate, Finding, Gap, RotaChange, RotaContext, RuleId, RuleSettings, Severity } from './types';
export { licenceStatus } from './licence';
export type { LicenceState, LicenceStatus } from './licence';
export { absenceOverlaps, absencesDuring } from './absence';
export { hasStatedAvailability, withinAvailability } from './availability';
export { eighteenthBirthday, isYoungWorker } from './youngWorker';
export { paidMinutes } from './hours';
export { minutesInDailyWindow } from './windows';
export { checkWeek } from './checkWeek';
export { recheck, affectedStaff } from './recheck';
export { coverGaps } from './coverGaps';
export { rankCandidates } from './candidates';
export { fillOpenShifts } from './fillOpenShifts';
export type { FillResult } from './fillOpenShifts';
