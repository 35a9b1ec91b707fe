import { addDays, formatMinutes } from '../../dates';
import { compensatoryRest, underReg21 } from '../compensatory';
import { dayShort, finding } from '../format';
import { dayNumber, instantAt } from '../instants';
import type { PersonWeek } from '../personWeek';
import type { Finding, RuleSettings } from '../types';
import { isYoungWorker } from '../youngWorkerAge';

/** Lengths in minutes of the spells free of work between `from` and `to`, in time order. */
export const restSpells = (p: Pick<PersonWeek, 'entries'>, from: number, to: number): number[] => {
  const spells: number[] = [];
  let free = from;
  for (const e of p.entries) {
    if (e.span.start >= to) break;
    if (e.span.end <= free) continue;
    if (e.span.start > free) spells.push(Math.round((e.span.start - free) / 60_000));
    free = Math.max(free, e.span.end);
  }
  if (to > free) spells.push(Math.round((to - free) / 60_000));
  return spells;
};

/**
 * The Monday that starts the fixed 14-day period holding the week of `monday` (reg. 11(6)): fortnights
 * run every other week from `settings.fortnightStarts`, forwards and backwards.
 */
export const fortnightStart = (monday: string, settings: Pick<RuleSettings, 'fortnightStarts'>): string => {
  const weeks = Math.round((dayNumber(monday) - dayNumber(settings.fortnightStarts)) / 7);
  return ((weeks % 2) + 2) % 2 === 0 ? monday : addDays(monday, -7);
};

// Basis: Working Time Regulations 1998 reg. 11(1), (2) and (6).
/**
 * Reg. 11(1): 24 hours' uninterrupted rest in each 7-day period. The periods are fixed, not rolling: under
 * reg. 11(6) they start at the start of each week, Monday 00:00, so rest is counted only inside the week.
 * Reg. 11(2), only where the employer so determines (a setting, off by default): two uninterrupted spells
 * of 24 hours, or one of 48, in each fixed 14-day period instead. A fortnight is judged in its second week,
 * when all of it is on the rota. Young workers are held to reg. 11(3) (youngWeeklyRestRule) instead.
 */
export const weeklyRestRule = (p: PersonWeek): Finding[] => {
  if (p.week.every((e) => isYoungWorker(p.staff, e.shift.date))) return [];
  const s = p.settings;
  const weekly = s.weeklyRestHours * 60;
  const ids = p.week.map((e) => e.shift.id);
  let out: Finding;
  if (!s.fortnightlyWeeklyRest) {
    const longest = Math.max(0, ...restSpells(p, p.range.startMs, p.range.endMs));
    if (longest >= weekly) return [];
    out = finding(
      'weekly-rest',
      'warn',
      p.staff.id,
      ids,
      `${p.staff.name} has no ${formatMinutes(weekly)} break in the week from ${dayShort(p.range.start)} (longest ${formatMinutes(longest)})`,
      { unit: 'minutes', actual: longest, required: weekly, kind: 'min', from: p.range.start, to: p.range.end },
    );
  } else {
    const start = fortnightStart(p.range.start, s);
    if (start === p.range.start) return [];
    const fortnightly = s.fortnightlyRestHours * 60;
    const spells = restSpells(p, instantAt(start, '00:00'), p.range.endMs);
    const longest = Math.max(0, ...spells);
    if (longest >= fortnightly || spells.filter((m) => m >= weekly).length >= 2) return [];
    out = finding(
      'weekly-rest',
      'warn',
      p.staff.id,
      ids,
      `${p.staff.name} has neither ${formatMinutes(fortnightly)} nor two ${formatMinutes(weekly)} breaks in the fortnight from ${dayShort(start)} (longest ${formatMinutes(longest)})`,
      { unit: 'minutes', actual: longest, required: fortnightly, kind: 'min', from: start, to: p.range.end },
    );
  }
  return underReg21(p, p.week) ? [compensatoryRest(p, out)] : [out];
};
