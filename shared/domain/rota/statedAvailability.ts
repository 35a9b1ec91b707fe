/** Whether a shift falls inside the hours a person says they can work. */
import type { Shift } from '../../schemas/shift';
import type { Staff } from '../../schemas/staff';
import { WEEKDAYS } from '../../schemas/common';
import { weekdayOf, type Span } from '../dates';
import { dayAfter, dayCode, dayNumber, isRegularDay, minutesOf, NO_DAY, spanOf, spanOnDay } from './instants';

/** Whether the person has stated any availability at all; with none, every time is fine. */
export const hasStatedAvailability = (staff: Pick<Staff, 'availability'>): boolean => {
  // Without Object.keys: this is asked for every shift of the week, and each call built an array.
  for (const key in staff.availability) if (Object.hasOwn(staff.availability, key)) return true;
  return false;
};

/**
 * withinAvailability in whole minutes from the shift's midnight, for days with no clock change from the
 * day before the shift to two days after (the furthest a window from the day after can end): there every
 * time is that midnight plus its minutes, so the answer is the same and nothing is allocated. Null when
 * those days or the times do not allow it. Windows are merged by extending the reach until none extends
 * it, which reaches as far as sorting them and sweeping does.
 */
const withinByMinutes = (availability: Staff['availability'], day: number, start: string, end: string): boolean | null => {
  const s = minutesOf(start);
  const e = minutesOf(end);
  if (s < 0 || s >= 1440 || e < 0) return null;
  for (let d = -1; d <= 2; d += 1) if (!isRegularDay(day + d)) return null;
  const to = e <= s ? e + 1440 : e;
  let reached = s;
  for (let moved = true; moved && reached < to;) {
    moved = false;
    for (let d = -1; d <= 1; d += 1) {
      // Day 0, 1 January 1970, was a Thursday.
      for (const w of availability[WEEKDAYS[(((day + d + 3) % 7) + 7) % 7]] ?? []) {
        const ws = minutesOf(w.start);
        const we = minutesOf(w.end);
        if (ws < 0 || ws >= 1440 || we < 0) return null;
        const from = d * 1440 + ws;
        const until = d * 1440 + (we <= ws ? we + 1440 : we);
        if (from <= reached && until > reached) {
          reached = until;
          moved = true;
        }
      }
    }
  }
  return reached >= to;
};

/**
 * Whether the stated availability covers the whole shift. Once any day is stated, a day left out is read
 * as "not available", as is an empty day. Windows may run past midnight and may join across days, so the
 * windows from the day before to the day after are merged before testing.
 */
export const withinAvailability = (staff: Pick<Staff, 'availability'>, shift: Pick<Shift, 'date' | 'start' | 'end'>): boolean => {
  if (!hasStatedAvailability(staff)) return true;
  const day = dayCode(shift.date);
  const quick = day === NO_DAY ? null : withinByMinutes(staff.availability, day, shift.start, shift.end);
  if (quick !== null) return quick;
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
      for (const w of staff.availability[weekdayOf(day) as keyof typeof staff.availability] ?? [])
        windows.push(spanOf(day, w.start, w.end));
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
