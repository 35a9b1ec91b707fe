import { lateBy } from '../../../shared/domain/attendance/lateness';
import type { AttendanceState } from '../../../shared/domain/attendance/status';
import { formatClockGB, londonInstant } from '../../../shared/domain/dates';
import type { Gap } from '../../../shared/domain/rota/types';

import { SERVICE_LABEL } from '../../../shared/domain/serviceLabel';

export { SERVICE_LABEL };

/** The words for a state; the icon and colour only repeat them. */
export const stateText = (state: AttendanceState, lateMinutes: number, signedInAt: string | null): string => {
  switch (state) {
    case 'upcoming':
      return 'Not due yet';
    case 'due':
      return 'Due now';
    case 'late':
      return `Not in yet · ${lateBy(lateMinutes)}`;
    case 'on': {
      // `01:30 BST` or `01:30 GMT` on the night the clocks go back, when 01:30 comes twice.
      const inAt = `In at ${formatClockGB(Date.parse(signedInAt!))}`;
      return lateMinutes > 0 ? `${inAt} · ${lateBy(lateMinutes)}` : inAt;
    }
    case 'done':
      return 'Signed out';
    case 'no-show':
      return 'No-show';
  }
};

/** What the Correct dialog says it does: put recorded times right, or record them where nobody signed the person in. */
export const correctionText = (row: { start: string; end: string; attendanceId: string | null }): string =>
  row.attendanceId
    ? `Shift ${row.start}–${row.end}. The original times stay on the record with your reason.`
    : `Shift ${row.start}–${row.end}. Nobody signed them in: enter the times they worked. Your reason is kept with them.`;

/**
 * A cover gap's start and end as the desk says them: `01:30 BST` in the hour the clocks go back, as everywhere else. Its
 * ends are wall-clock times read as the rota's are (the first 01:30), as the board reads them to drop finished gaps.
 */
export const gapTimes = (g: Gap): { start: string; end: string } => ({
  start: formatClockGB(londonInstant(g.date, g.start)),
  end: formatClockGB(londonInstant(g.endDate, g.end)),
});

/** `01:30 BST–02:00: 0 of 1 person`, a gap on the board. */
export const gapText = (g: Gap): string => {
  const { start, end } = gapTimes(g);
  return `${start}–${end}${g.endDate !== g.date ? ' (next day)' : ''}: ${g.present} of ${g.required} ${g.required === 1 ? 'person' : 'people'}`;
};
