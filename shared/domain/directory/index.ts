/** Sites and staff records: cover and opening hours, validation, search, absences and the HR CSV. */
export type { FieldErrors, PathIssue } from './fieldErrors';
export { toFieldErrors, zodIssues } from './fieldErrors';
export type { Cover, CoverDays, CoverSegment } from './coverWindows';
export {
  DAY_KEYS,
  copyCoverDay,
  copyCoverDayToSites,
  coverPlace,
  coverTimeline,
  dayLabel,
  isTwentyFourSeven,
  validateCover,
  validateCoverDay,
  windowLabel,
  windowMinutes,
} from './coverWindows';
export type { OpeningDay, OpeningHours } from './openingHours';
export { formatOpeningDay, formatOpeningHours, validateOpeningHours } from './openingHours';
export { siteCodeClash, validateSite } from './siteValidation';
export type { StaffRuleOptions, StaffValidation } from './staffValidation';
export { ageOn, employeeNumberClash, employeeNumberKey, staffRuleIssues, validateStaff } from './staffValidation';
export type {
  ContractType,
  FilterableStaff,
  IndexedStaff,
  LicenceState,
  LicenceStatus,
  LicenceWatch,
  LicenceWatchEntry,
  StaffFilter,
  WatchShift,
} from './staffFilters';
export { LICENCE_STATUSES, filterStaff, indexStaff, licenceStatusOn, licenceWatch } from './staffFilters';
export type { AbsenceCalendar, AbsenceCalendarRow, AbsenceKind, AbsenceMark } from './absences';
export { absenceCalendar, absenceOnDate, absenceOverlapsTime, absencesOn, employedOn, monthDates } from './absences';
export type { StaffCsvColumn, StaffCsvOptions, StaffCsvResult, StaffCsvRow } from './staffCsv';
export { STAFF_CSV_COLUMNS, STAFF_CSV_TEMPLATE, parseStaffCsv, siaGroups, staffToCsv } from './staffCsv';
export * from './pickerName';
export * from './staffLabels';
