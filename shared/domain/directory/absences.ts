/**
 * Absences against dates and times. An absence runs from `from` to `to` inclusive; a part-day absence
 * covers only its hours on each of those days (an end at or before the start runs past midnight, as a
 * shift does). Overlaps with times are worked on real London instants, so clock changes count.
 */
import type { Absence, LeaveStatus, Staff } from '../../schemas/staff';
import { ABSENCE_KINDS } from '../../schemas/staff';
import { addDays, londonInstant, monthOf, overlaps, shiftSpan, type Span } from '../dates';

export type AbsenceKind = (typeof ABSENCE_KINDS)[number];
type AbsenceDates = Pick<Absence, 'from' | 'to' | 'partDay'>;

/** Whether the absence touches `isoDate` at all (a part-day absence counts for its days). */
export const absenceOnDate = (absence: Pick<Absence, 'from' | 'to'>, isoDate: string): boolean =>
  absence.from <= isoDate && isoDate <= absence.to;

/** Whether an absence covers any day from `from` to `to` (both inclusive). */
export const absenceInRange = (absence: Pick<Absence, 'from' | 'to'>, from: string, to: string): boolean =>
  absence.from <= to && absence.to >= from;

const absenceSpanOn = (absence: AbsenceDates, day: string): Span =>
  absence.partDay
    ? shiftSpan(day, absence.partDay.start, absence.partDay.end)
    : { start: londonInstant(day, '00:00'), end: londonInstant(addDays(day, 1), '00:00') };

/**
 * Whether the absence overlaps the time from `start` to `end` on `isoDate` (an end at or before the start
 * is the next day). The day before is checked too, for a part-day absence running past midnight.
 */
export const absenceOverlapsTime = (absence: AbsenceDates, isoDate: string, start: string, end: string): boolean => {
  const span = shiftSpan(isoDate, start, end);
  return [addDays(isoDate, -1), isoDate, addDays(isoDate, 1)].some(
    (day) => absenceOnDate(absence, day) && overlaps(absenceSpanOn(absence, day), span),
  );
};

/** Whether a person was still on the books on `isoDate` (archived people drop out from their archive date). */
export const employedOn = (staff: Pick<Staff, 'archived' | 'archivedOn'>, isoDate: string): boolean =>
  !staff.archived || (staff.archivedOn !== null && isoDate < staff.archivedOn);

/** Who is absent on `isoDate` and why; requested (unapproved) absences only when asked for. */
export const absencesOn = (
  staff: readonly Staff[],
  isoDate: string,
  { includePending = false } = {},
): { staff: Staff; absence: Absence }[] =>
  staff
    .filter((s) => employedOn(s, isoDate))
    .flatMap((s) =>
      s.absences.filter((a) => (includePending || a.approved) && absenceOnDate(a, isoDate)).map((absence) => ({ staff: s, absence })),
    );

/** One absence on one calendar day: booked or approved, requested, or a refused leave request. */
export interface AbsenceMark {
  absenceId: string;
  kind: AbsenceKind;
  partDay: Absence['partDay'];
  status: LeaveStatus;
}

export interface AbsenceCalendarRow {
  staffId: string;
  name: string;
  employeeNumber: string;
  /** `days[i]` holds the absences on `dates[i]`; usually none or one. */
  days: AbsenceMark[][];
}

export interface AbsenceCalendar {
  month: string;
  dates: string[];
  rows: AbsenceCalendarRow[];
}

/** The dates of a month, `2028-02` giving 29 of them. */
export const monthDates = (month: string): string[] => {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new RangeError(`Months are written yyyy-mm, not ${month}`);
  const dates: string[] = [];
  for (let d = `${month}-01`; monthOf(d) === month; d = addDays(d, 1)) dates.push(d);
  return dates;
};

/**
 * A site team's absences for a month: everyone whose home site it is and who was employed during the
 * month, by name, with each day's absences (requested ones too), then any refused leave requests, so a
 * team sees what was asked for and turned down as well as what was granted.
 */
export const absenceCalendar = (staff: readonly Staff[], siteCode: string, month: string): AbsenceCalendar => {
  const dates = monthDates(month);
  const rows = staff
    .filter((s) => s.homeSite === siteCode && employedOn(s, dates[0]))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
    .map((s) => {
      const inMonth: (Pick<Absence, 'id' | 'kind' | 'partDay' | 'from' | 'to'> & { status: LeaveStatus })[] = [
        ...s.absences.map((a) => ({ ...a, status: a.approved ? ('approved' as const) : ('requested' as const) })),
        ...(s.leaveRequests ?? []).filter((r) => r.status === 'refused').map((r) => ({ ...r, kind: 'annual-leave' as const })),
      ].filter((a) => absenceInRange(a, dates[0], dates[dates.length - 1]));
      return {
        staffId: s.id,
        name: s.name,
        employeeNumber: s.employeeNumber,
        days: dates.map((d) =>
          inMonth.filter((a) => absenceOnDate(a, d)).map((a) => ({ absenceId: a.id, kind: a.kind, partDay: a.partDay, status: a.status })),
        ),
      };
    });
  return { month, dates, rows };
};
