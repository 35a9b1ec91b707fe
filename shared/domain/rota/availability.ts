/** Whether a shift falls inside the hours a person says they can work. */
import type { Shift } from '../../schemas/shift';
import type { Staff } from '../../schemas/staff';
import { WEEKDAYS } from '../../schemas/common';
import { weekdayOf, type Span } from '../dates';
import { dayAfter, dayNumber, spanOf, spanOnDay } from './instants';

/** Whether the person has stated any availability at all; with none, every time is fine. */
export const hasStatedAvailability = (staff: Pick<Staff, 'availability'>): boolean => Object.keys(staff.availability).length > 0;

/**
 * Whether the stated availability covers the whole shift. Once any day is stated, a day left out is read
 * as "not available", as is an empty day. Windows may run past midnight and may join across days, so the
 * windows from the day before to the day after are merged before testing.
 */
export const withinAvailability = (staff: Pick<Staff, 'availability'>, shift: Pick<Shift, 'date' | 'start' | 'end'>): boolean => {
  if (!hasStatedAvailability(staff)) return true;
  const span = spanOf(shift.date, shift.start, shift.end);
  const windows: Span[] = [];
  const number = dayNumber(shift.date);
  for (let d = -1; d <= 1; d += 1) {
    if (number === number) {
      // Day 0, 1 January 1970, was a Thursday.
      const day = number + d;
      for (const w of staff.availability[WEEKDAYS[(((day + 3) % 7) + 7) % 7]] ?? []) windows.push(spanOnDay(day, w.start, w.end));
    } else {
      const day = dayAfter(shift.date, d);
      for (const w of staff.availability[weekdayOf(day) as keyof typeof staff.availability] ?? []) windows.push(spanOf(day, w.start, w.end));
    }
  }
  // A handful of windows: insertion sort, stable like Array.prototype.sort but without its work arrays
  // (this runs for every shift of the week).
  for (let i = 1; i < windows.length; i += 1) {
    const w = windows[i];
    let j = i;
    while (j > 0 && windows[j - 1].start > w.start) {
      windows[j] = windows[j - 1];
      j -= 1;
    }
    windows[j] = w;
  }
  let reached = span.start;
  for (const w of windows) {
    if (w.start > reached) break;
    reached = Math.max(reached, w.end);
    if (reached >= span.end) return true;
  }
  return reached >= span.end;
};
