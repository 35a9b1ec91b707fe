/**
 * The rota rules engine, as a library. Everything here is pure: pass the data and the clock in.
 *
 * - Records: `shiftRecord`, `staffRecord`, `siteRecord` build records shaped as stored (validated, with
 *   defaults); `rotaContext` wraps them with the rule settings (UK statutory defaults unless given).
 * - Look-back: `lookBackFor(rule, week, settings)` is the first shift date a rule reads for a week, and
 *   `lookBackFrom(monday, settings)` the first any rule reads; a context must hold shifts from then on.
 * - One function per rule: `checkRule(rule, ctx, week)` gives that rule's findings alone; `checkWeek`
 *   runs them all, `recheck` only for the people an edit touches.
 * - Findings carry numbers beside the message (`Finding.measure`: actual against required, in minutes,
 *   days, shifts or nights, with the period where there is one), so callers need not read sentences.
 * - `compensatoryRestBalance`: the WTR reg. 24 rest owed, given and outstanding for a security officer
 *   at a site needing permanent presence (reg. 21(b)).
 * - Cover: `coverGaps`; filling: `rankCandidates`, `fillOpenShifts`.
 */
export { DEFAULT_RULE_SETTINGS, RULE_IDS } from './types';
export type { Candidate, Finding, Gap, Measure, MeasureUnit, RotaChange, RotaContext, RuleId, RuleSettings, Severity } from './types';
export { rotaContext, shiftRecord, siteRecord, staffRecord } from './records';
export type { RecordStamp } from './records';
export { checkRule, compensatoryRestBalance, lookBackDays, lookBackFor } from './ruleChecks';
export type { CompensatoryBalance, OwedRest } from './compensatory';
export { lookBackFrom, weekRange } from './week';
export type { WeekRange } from './week';
export { licenceStatus, SECTOR_COVERS, SECTOR_NAMES, sectorFits } from './licence';
export type { LicenceState, LicenceStatus } from './licence';
export { absenceOverlaps, absencesDuring } from './absenceOverlap';
export { hasStatedAvailability, withinAvailability } from './statedAvailability';
export { eighteenthBirthday, isYoungWorker } from './youngWorkerAge';
export { paidMinutes } from './hours';
export { minutesInDailyWindow } from './windows';
export { checkWeek } from './checkWeek';
export { recheck, affectedStaff } from './recheck';
export { coverGaps } from './coverGaps';
export { rankCandidates } from './candidates';
export { fillOpenShifts } from './fillOpenShifts';
export type { FillResult } from './fillOpenShifts';
