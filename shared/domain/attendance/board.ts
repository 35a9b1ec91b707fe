/** The desk's view of a day at one site: who is on now, who is due next, and who has finished. */
import type { Service } from '../../schemas/common';
import type { Shift } from '../../schemas/shift';
import { londonInstant, addDays } from '../dates';
import { spanOf } from '../rota/instants';
import type { Assignment } from './assignments';
import { attendanceStatus, type AttendanceStatus, type StatusRules } from './status';

export interface BoardRow {
  assignment: Assignment;
  status: AttendanceStatus;
}

export interface ServiceBoard {
  service: Service;
  /** On shift now, due, late, or signed in and not yet out. */
  now: BoardRow[];
  /** Starting later, within the look-ahead. */
  next: BoardRow[];
  /** Finished or no-show earlier today. */
  earlier: BoardRow[];
  /** Shifts in the day with nobody assigned. */
  open: Shift[];
}

/**
 * Sorts the day's assignments at a site into now / next / earlier per service. "Today" is the London date
 * `today`; a shift still running counts as now (a night shift from yesterday, a no-show), and a shift
 * that has ended is earlier. Someone signed in but not
 * out stays on "now" even past the shift's end, so a missed sign-out is seen.
 */
export const dayBoard = (
  services: readonly Service[],
  assignments: readonly Assignment[],
  openShifts: readonly Shift[],
  today: string,
  now: number,
  rules: StatusRules,
  lookAheadHours = 12,
): ServiceBoard[] => {
  const dayStart = londonInstant(today, '00:00');
  const dayEnd = londonInstant(addDays(today, 1), '00:00');
  const horizon = Math.max(dayEnd, now + lookAheadHours * 3_600_000);
  return services.map((service) => {
    const board: ServiceBoard = { service, now: [], next: [], earlier: [], open: [] };
    for (const a of assignments) {
      if (a.shift.service !== service) continue;
      const span = spanOf(a.shift.date, a.shift.start, a.shift.end);
      if (span.end <= dayStart || span.start >= horizon) continue;
      const status = attendanceStatus(a.shift, a.attendance, now, rules);
      const row = { assignment: a, status };
      // A running shift is "on now" until it ends, whoever has or has not turned up for it.
      if (status.state === 'on' || ((status.state === 'due' || status.state === 'late' || status.state === 'no-show') && span.end > now))
        board.now.push(row);
      else if (status.state === 'upcoming') board.next.push(row);
      else if (span.start < dayEnd) board.earlier.push(row);
    }
    for (const s of openShifts) {
      const span = spanOf(s.date, s.start, s.end);
      if (s.service === service && !s.deleted && s.staffId === null && span.end > now && span.start < horizon) board.open.push(s);
    }
    const byStart = (x: BoardRow, y: BoardRow) =>
      spanOf(x.assignment.shift.date, x.assignment.shift.start, x.assignment.shift.end).start -
      spanOf(y.assignment.shift.date, y.assignment.shift.start, y.assignment.shift.end).start;
    board.now.sort(byStart);
    board.next.sort(byStart);
    board.earlier.sort(byStart);
    board.open.sort((x, y) => spanOf(x.date, x.start, x.end).start - spanOf(y.date, y.start, y.end).start);
    return board;
  });
};
