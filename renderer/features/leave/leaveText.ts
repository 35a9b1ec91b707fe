import { formatDateGB } from '../../../shared/domain/dates';
import type { LeaveRequest } from '../../../shared/schemas/staff';

/** The dates of a request as a person reads them: `Mon 7 Dec 2026 to Wed 9 Dec 2026`, with part-day hours. */
export const leaveDates = (r: Pick<LeaveRequest, 'from' | 'to' | 'partDay'>): string =>
  `${formatDateGB(r.from)}${r.to !== r.from ? ` to ${formatDateGB(r.to)}` : ''}${r.partDay ? `, ${r.partDay.start}–${r.partDay.end}` : ''}`;
