import { formatMinutes } from '../../dates';
import { dayShort, finding, shiftAtSite, shiftLabel } from '../format';
import type { PersonWeek } from '../personWeek';
import type { Entry } from '../rotaIndex';
import type { Finding } from '../types';
import { minutesInDailyWindow } from '../windows';
import { restSpells } from './weeklyRest';
import { isYoungWorker } from '../youngWorkerAge';

const youngShifts = (p: PersonWeek): Entry[] => p.week.filter((e) => isYoungWorker(p.staff, e.shift.date));

// Basis: Working Time Regulations 1998 reg. 5A(1)(a).
/** A young worker working more than 8 hours on one day. */
export const youngDailyHoursRule = (p: PersonWeek): Finding[] => {
  const byDay = new Map<string, Entry[]>();
  for (const e of youngShifts(p)) byDay.set(e.shift.date, [...(byDay.get(e.shift.date) ?? []), e]);
  const limit = p.settings.youngDailyHours * 60;
  const out: Finding[] = [];
  for (const [day, entries] of byDay) {
    const total = entries.reduce((sum, e) => sum + e.paid, 0);
    if (total > limit)
      out.push(
        finding(
          'young-daily-hours',
          'block',
          p.staff.id,
          entries.map((e) => e.shift.id),
          `${p.staff.name} is under 18 and is rostered ${formatMinutes(total)} on ${dayShort(day)}; the limit is ${formatMinutes(limit)} a day`,
          { unit: 'minutes', actual: total, required: limit, kind: 'max', from: day, to: day },
        ),
      );
  }
  return out;
};

// Basis: Working Time Regulations 1998 reg. 5A(1)(b).
/** A young worker working more than 40 hours in the week. */
export const youngWeeklyHoursRule = (p: PersonWeek): Finding[] => {
  const entries = youngShifts(p);
  const total = entries.reduce((sum, e) => sum + e.paid, 0);
  const limit = p.settings.youngWeeklyHours * 60;
  if (total <= limit) return [];
  return [
    finding(
      'young-weekly-hours',
      'block',
      p.staff.id,
      entries.map((e) => e.shift.id),
      `${p.staff.name} is under 18 and is rostered ${formatMinutes(total)} in the week from ${dayShort(p.range.start)}; the limit is ${formatMinutes(limit)}`,
      { unit: 'minutes', actual: total, required: limit, kind: 'max', from: p.range.start, to: p.range.end },
    ),
  ];
};

// Basis: Working Time Regulations 1998 reg. 10(2).
/** A young worker with under 12 hours' rest before a shift. */
export const youngDailyRestRule = (p: PersonWeek): Finding[] => {
  const required = p.settings.youngDailyRestHours * 60;
  const out: Finding[] = [];
  p.week.forEach((e, i) => {
    const prev = p.previous[i];
    if (!prev || !isYoungWorker(p.staff, e.shift.date)) return;
    const rest = Math.round((e.span.start - prev.span.end) / 60_000);
    // Touching shifts are one stretch of work and overlapping ones are the overlap rule's business.
    if (rest <= 0 || rest >= required) return;
    out.push(
      finding(
        'young-daily-rest',
        'block',
        p.staff.id,
        [prev.shift.id, e.shift.id],
        `${p.staff.name} is under 18 and has ${formatMinutes(rest)} rest between ${shiftLabel(prev.shift)} and ${shiftLabel(e.shift)}; ${formatMinutes(required)} required`,
        { unit: 'minutes', actual: rest, required, kind: 'min' },
      ),
    );
  });
  return out;
};

// Basis: Working Time Regulations 1998 reg. 6A.
/**
 * A young worker working in the restricted period: 22:00–06:00 (the setting), or 23:00–07:00 for someone
 * whose contract has them work after 22:00.
 */
export const youngNightRule = (p: PersonWeek): Finding[] => {
  const [from, to] = p.staff.youngLateContract ? ['23:00', '07:00'] : [p.settings.youngNoWorkStart, p.settings.youngNoWorkEnd];
  return youngShifts(p)
    .map((e) => ({ e, minutes: minutesInDailyWindow(e.span, e.shift.date, from, to) }))
    .filter(({ minutes }) => minutes > 0)
    .map(({ e, minutes }) =>
      finding(
        'young-night',
        'block',
        p.staff.id,
        [e.shift.id],
        `${p.staff.name} is under 18 and cannot work between ${from} and ${to}: ${shiftAtSite(e.shift)}`,
        { unit: 'minutes', actual: minutes, required: 0, kind: 'max' },
      ),
    );
};

// Basis: Working Time Regulations 1998 reg. 11(3) and (6).
/** A young worker without 48 hours' uninterrupted rest in the fixed week, Monday 00:00 to Monday 00:00. */
export const youngWeeklyRestRule = (p: PersonWeek): Finding[] => {
  const entries = youngShifts(p);
  if (entries.length === 0) return [];
  const required = p.settings.youngWeeklyRestHours * 60;
  const longest = Math.max(0, ...restSpells(p, p.range.startMs, p.range.endMs));
  if (longest >= required) return [];
  return [
    finding(
      'young-weekly-rest',
      'block',
      p.staff.id,
      entries.map((e) => e.shift.id),
      `${p.staff.name} is under 18 and has no ${formatMinutes(required)} break in the week from ${dayShort(p.range.start)} (longest ${formatMinutes(longest)})`,
      { unit: 'minutes', actual: longest, required, kind: 'min', from: p.range.start, to: p.range.end },
    ),
  ];
};

// Basis: Working Time Regulations 1998 reg. 12(4).
/** A young worker on a shift of over 4½ hours' working time with under 30 minutes' break. */
export const youngBreakRule = (p: PersonWeek): Finding[] => {
  const after = p.settings.youngBreakAfterMinutes;
  const needed = p.settings.youngBreakMinutes;
  return youngShifts(p)
    .filter((e) => e.paid > after && e.shift.breakMinutes < needed)
    .map((e) =>
      finding(
        'young-break',
        'block',
        p.staff.id,
        [e.shift.id],
        `${p.staff.name} is under 18: ${shiftAtSite(e.shift)} is ${formatMinutes(e.paid)} of work with a ${e.shift.breakMinutes} min break; ${needed} min is required after ${formatMinutes(after)}`,
        { unit: 'minutes', actual: e.shift.breakMinutes, required: needed, kind: 'min' },
      ),
    );
};
