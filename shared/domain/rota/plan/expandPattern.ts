/** Turning a repeating pattern into the shifts it asks for over a date range. */
import type { PatternInput } from '../../../schemas/rotaPlan';
import type { ShiftInput } from '../../../schemas/shift';
import { addDays, daysBetween } from '../../dates';

/** Day of the cycle `isoDate` falls on, counting from the anchor (dates before it count backwards). */
export const cycleDay = (pattern: Pick<PatternInput, 'anchor' | 'cycleDays'>, isoDate: string): number => {
  const n = daysBetween(pattern.anchor, isoDate) % pattern.cycleDays;
  return n < 0 ? n + pattern.cycleDays : n;
};

/** The shifts a pattern creates from `from` to `to` inclusive, in date then line order. */
export const expandPattern = (pattern: PatternInput, from: string, to: string): ShiftInput[] => {
  const out: ShiftInput[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const day = cycleDay(pattern, date);
    for (const line of pattern.lines) {
      if (!line.days.includes(day)) continue;
      for (let i = 0; i < line.count; i += 1) {
        out.push({
          site: pattern.site,
          service: pattern.service,
          date,
          start: line.start,
          end: line.end,
          breakMinutes: line.breakMinutes,
          staffId: i === 0 ? line.staffId : null,
          notes: line.label ? `${pattern.name}: ${line.label}` : pattern.name,
        });
      }
    }
  }
  return out;
};
