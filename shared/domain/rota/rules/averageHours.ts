import { formatMinutes } from '../../dates';
import { dateGB, finding } from '../format';
import { dayAfter, dayNumber, instantAt } from '../instants';
import type { PersonWeek } from '../personWeek';
import { earlierMinutesFrom } from '../rotaIndex';
import type { Finding } from '../types';

/** Paid minutes of the person's shifts dated in the `weeks` weeks that end with the checked week. */
export const minutesOverWeeks = (p: PersonWeek, weeks: number): number => {
  const monday = dayAfter(p.range.start, -7 * (weeks - 1));
  const from = instantAt(monday, '00:00');
  let total = 0;
  // Dated in the period is the same as starting in it, and numbers compare faster than date strings.
  for (let i = p.first + p.week.length - 1; i >= 0 && p.entries[i].span.start >= from; i -= 1) total += p.entries[i].paid;
  // The older shifts the index only summed, by the week they start in.
  return total + earlierMinutesFrom(p.earlier, dayNumber(monday));
};

// Basis: Working Time Regulations 1998 reg. 4(1)–(3); 26 weeks for security by reg. 4(5) with reg. 21(b); opt-out reg. 5.
/**
 * Average weekly paid hours over the reference period ending with this week above 48, for someone who has
 * not opted out by the end of the week. Security staff average over 26 weeks.
 */
export const averageHoursRule = (p: PersonWeek): Finding[] => {
  const { optOut } = p.staff;
  if (optOut && optOut.signed <= p.range.end) return [];
  const weeks = p.staff.services.includes('security') ? p.settings.securityReferenceWeeks : p.settings.referenceWeeks;
  const total = minutesOverWeeks(p, weeks);
  const limit = p.settings.averageWeeklyHours * 60;
  if (total <= limit * weeks) return [];
  const average = Math.round(total / weeks);
  return [
    finding(
      'average-hours',
      'warn',
      p.staff.id,
      p.week.map((e) => e.shift.id),
      `${p.staff.name} averages ${formatMinutes(average)} a week over the ${weeks} weeks to ${dateGB(p.range.end)}; ` +
        `the limit is ${formatMinutes(limit)} without a signed opt-out`,
      {
        unit: 'minutes',
        actual: average,
        required: limit,
        kind: 'max',
        from: dayAfter(p.range.start, -7 * (weeks - 1)),
        to: p.range.end,
        weeks,
      },
    ),
  ];
};
