import { lateBy } from '../../../shared/domain/attendance/lateness';
import type { AttendanceState } from '../../../shared/domain/attendance/status';
import { formatClockGB } from '../../../shared/domain/dates';

import { SERVICE_LABEL } from '../../../shared/domain/serviceLabel';

export { SERVICE_LABEL };

/** `07:05` in London time for an instant, as a time box holds it. */
export const clockOf = (iso: string): string =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    Date.parse(iso),
  );

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
