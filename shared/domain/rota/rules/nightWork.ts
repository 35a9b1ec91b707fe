import { formatMinutes } from '../../dates';
import { dateGB, finding } from '../format';
import { dayAfter } from '../instants';
import type { PersonWeek } from '../personWeek';
import type { Finding } from '../types';
import { minutesInDailyWindow } from '../windows';
import { minutesOverWeeks } from './averageHours';

// Basis: Working Time Regulations 1998 reg. 6(1), (3) and (5); night time and night worker defined in reg. 2.
/**
 * A night worker (someone whose shifts this week include at least 3 hours of night time, 23:00–06:00)
 * averaging over 8 hours' work per 24 hours across the reference period. The average divides all paid
 * time by the period's days less one weekly rest day per week. An opt-out does not lift this limit.
 */
export const nightWorkRule = (p: PersonWeek): Finding[] => {
  const { nightStart, nightEnd, nightWorkerMinHours, nightReferenceWeeks: weeks } = p.settings;
  const nights = p.week.filter((e) => minutesInDailyWindow(e.span, e.shift.date, nightStart, nightEnd) >= nightWorkerMinHours * 60);
  if (nights.length === 0) return [];
  const days = weeks * 7 - weeks;
  const total = minutesOverWeeks(p, weeks);
  const limit = p.settings.nightAvgHours * 60;
  if (total <= limit * days) return [];
  const perDay = Math.round(total / days);
  return [
    finding(
      'night-work',
      'warn',
      p.staff.id,
      nights.map((e) => e.shift.id),
      `${p.staff.name} works nights and averages ${formatMinutes(perDay)} a day over the ${weeks} weeks to ${dateGB(p.range.end)}; ` +
        `night workers are limited to ${formatMinutes(limit)}, opt-out or not`,
      {
        unit: 'minutes',
        actual: perDay,
        required: limit,
        kind: 'max',
        from: dayAfter(p.range.start, -7 * (weeks - 1)),
        to: p.range.end,
        weeks,
      },
    ),
  ];
};
