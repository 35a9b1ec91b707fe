/** Which of a person's absences a shift runs into. */
import type { Shift } from '../../schemas/shift';
import type { Absence, Staff } from '../../schemas/staff';
import { absenceInRange } from '../directory/absences';
import { overlaps, type Span } from '../dates';
import { dayAfter, instantAt, spanOf } from './instants';

type ShiftTimes = Pick<Shift, 'date' | 'start' | 'end'>;

const touchesPartDay = (absence: Absence, span: Span, shift: ShiftTimes): boolean => {
  const part = absence.partDay;
  if (!part) return false;
  // A part-day window can run past midnight, so the day before the shift can reach into it.
  for (let d = -1; d <= 1; d += 1) {
    const day = dayAfter(shift.date, d);
    if (day >= absence.from && day <= absence.to && overlaps(span, spanOf(day, part.start, part.end))) return true;
  }
  return false;
};

/** Whether the absence covers any moment of the shift (whole days run midnight to midnight, London time). */
export const absenceOverlaps = (absence: Absence, shift: ShiftTimes): boolean => {
  const span = spanOf(shift.date, shift.start, shift.end);
  if (absence.partDay) return touchesPartDay(absence, span, shift);
  return overlaps(span, { start: instantAt(absence.from, '00:00'), end: instantAt(dayAfter(absence.to, 1), '00:00') });
};

/** The person's absences, approved or not, that the shift runs into. */
export const absencesDuring = (staff: Pick<Staff, 'absences'>, shift: ShiftTimes): Absence[] => {
  if (staff.absences.length === 0) return [];
  // Cheap date test first: a shift lasts at most a day, so nothing outside date−1…date+1 can touch it.
  const first = dayAfter(shift.date, -1);
  const last = dayAfter(shift.date, 1);
  // A loop rather than filter: most shifts meet none of a decade's absences, and then next to nothing is allocated.
  let out: Absence[] | undefined;
  for (const a of staff.absences) if (absenceInRange(a, first, last) && absenceOverlaps(a, shift)) (out ??= []).push(a);
  return out ?? [];
};
