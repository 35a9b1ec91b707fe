/**
 * A site's opening hours per weekday and on bank holidays. Sites open and close on the same day (council
 * buildings do not open overnight); a site open round the clock is written 00:00–24:00. A day set to
 * null is closed; a weekday left unset is shown as closed, and an unset bank-holiday line is left out.
 */
import { WEEKDAYS, timeSchema } from '../../schemas/common';
import type { SiteInput } from '../../schemas/site';
import { minutesOfDay } from '../dates';
import { dayLabel, DAY_KEYS } from './coverWindows';
import type { PathIssue } from './fieldErrors';

export type OpeningHours = SiteInput['opening'];
export type OpeningDay = OpeningHours['mon'];

/** Problems in a site's opening hours, with paths from the site (`opening.mon.close`). */
export const validateOpeningHours = (opening: OpeningHours): PathIssue[] => {
  const issues: PathIssue[] = [];
  for (const day of DAY_KEYS) {
    const hours = opening[day];
    if (!hours) continue;
    const at = (field: 'open' | 'close') => `opening.${day}.${field}`;
    const open = timeSchema.safeParse(hours.open);
    const close = timeSchema.safeParse(hours.close);
    if (!open.success) issues.push({ path: at('open'), message: open.error.issues[0].message });
    else if (hours.open === '24:00') issues.push({ path: at('open'), message: 'A site opens at 00:00 at the earliest, not 24:00' });
    if (!close.success) issues.push({ path: at('close'), message: close.error.issues[0].message });
    if (open.success && close.success && minutesOfDay(hours.close) <= minutesOfDay(hours.open)) {
      issues.push({
        path: at('close'),
        message: `${dayLabel(day)}: closing time must be after opening time (${hours.open}–${hours.close})`,
      });
    }
  }
  return issues;
};

/** `08:00–18:00`, `Open 24 hours` or `Closed`. */
export const formatOpeningDay = (hours: OpeningDay | undefined): string => {
  if (!hours) return 'Closed';
  if (hours.open === '00:00' && hours.close === '24:00') return 'Open 24 hours';
  return `${hours.open}–${hours.close}`;
};

/** The week as display lines, runs of days with the same hours joined: `Mon–Fri 08:00–18:00`. */
export const formatOpeningHours = (opening: OpeningHours): { days: string; hours: string }[] => {
  const lines: { days: string; hours: string }[] = [];
  let runStart = 0;
  WEEKDAYS.forEach((day, i) => {
    const hours = formatOpeningDay(opening[day]);
    const next = WEEKDAYS[i + 1];
    if (next && formatOpeningDay(opening[next]) === hours) return;
    const first = dayLabel(WEEKDAYS[runStart]);
    lines.push({ days: runStart === i ? first : `${first}–${dayLabel(day)}`, hours });
    runStart = i + 1;
  });
  if (opening.bankHoliday !== undefined) lines.push({ days: 'Bank holidays', hours: formatOpeningDay(opening.bankHoliday) });
  return lines;
};
