import { addDays, formatMinutes } from '../../dates';
import { dayShort, finding } from '../format';
import { instantAt } from '../instants';
import type { PersonWeek } from '../personWeek';
import type { Finding } from '../types';

/** Lengths in minutes of the spells free of work between `from` and `to`, in time order. */
const restSpells = (p: PersonWeek, from: number, to: number): number[] => {
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

// Basis: Working Time Regulations 1998 reg. 11(1) and (2).
/**
 * No 24 hours' unbroken rest in the week, and not 48 hours (or two spells of 24) in the fortnight made of
 * it and the week before; either one is enough. Weeks start Monday 00:00.
 */
export const weeklyRestRule = (p: PersonWeek): Finding[] => {
  const weekly = p.settings.weeklyRestHours * 60;
  const fortnightly = p.settings.fortnightlyRestHours * 60;
  const inWeek = restSpells(p, p.range.startMs, p.range.endMs);
  const longest = Math.max(0, ...inWeek);
  if (longest >= weekly) return [];
  const fortnightStart = addDays(p.range.start, -7);
  const inFortnight = restSpells(p, instantAt(fortnightStart, '00:00'), p.range.endMs);
  if (inFortnight.some((m) => m >= fortnightly) || inFortnight.filter((m) => m >= weekly).length >= 2) return [];
  return [
    finding('weekly-rest', 'warn', p.staff.id, p.week.map((e) => e.shift.id),
      `${p.staff.name} has no ${formatMinutes(weekly)} break in the week from ${dayShort(p.range.start)} (longest ${formatMinutes(longest)}), ` +
        `nor ${formatMinutes(fortnightly)} in the fortnight from ${dayShort(fortnightStart)}`),
  ];
};
