/** The working-time record for a period: hours, rest, night work and opt-outs, from what was worked. */
import type { Staff } from '../../schemas/staff';
import { daysBetween, type Span } from '../dates';
import type { RuleSettings } from '../rota/types';
import { minutesInDailyWindow } from '../rota/windows';
import { spanOf } from '../rota/instants';
import type { Assignment } from './assignments';

export interface WorkingTimeRecord {
  staffId: string;
  name: string;
  employeeNumber: string;
  shifts: number;
  /** Minutes worked less unpaid breaks. */
  workedMinutes: number;
  averageWeeklyMinutes: number;
  /** Shortest rest between two stretches of work in the period; null with fewer than two. */
  shortestRestMinutes: number | null;
  /** Rests shorter than the daily rest in the rule settings (11 h by law). */
  shortRests: number;
  /** Shifts with at least the night-shift hours in night time (3 h between 23:00 and 06:00 by default). */
  nightShifts: number;
  nightMinutes: number;
  optOutSigned: string | null;
  youngWorker: boolean;
}

const worked = (a: Assignment): Span | null => {
  const att = a.attendance;
  if (!att?.signedInAt || att.noShow) return null;
  const start = Date.parse(att.signedInAt);
  const end = att.signedOutAt ? Date.parse(att.signedOutAt) : spanOf(a.shift.date, a.shift.start, a.shift.end).end;
  return end > start ? { start, end } : null;
};

/**
 * Per person, what they actually worked in the period from `from` to `to` (dates shifts start on): the
 * record the Working Time Regulations ask employers to keep for two years, measured against the rest and
 * night thresholds in the rule settings. Only signed-in time counts; touching stretches (a double shift)
 * are one stretch for rest.
 */
export const workingTimeRecords = (
  assignments: readonly Assignment[],
  staff: ReadonlyMap<string, Staff>,
  from: string,
  to: string,
  rules: Pick<RuleSettings, 'dailyRestHours' | 'nightStart' | 'nightEnd' | 'nightWorkerMinHours'>,
): WorkingTimeRecord[] => {
  const { dailyRestHours, nightStart, nightEnd, nightWorkerMinHours } = rules;
  const weeks = (daysBetween(from, to) + 1) / 7;
  const byPerson = new Map<string, { a: Assignment; span: Span }[]>();
  for (const a of assignments) {
    if (a.shift.date < from || a.shift.date > to) continue;
    const span = worked(a);
    if (!span) continue;
    byPerson.set(a.staffId, [...(byPerson.get(a.staffId) ?? []), { a, span }]);
  }
  return [...byPerson]
    .map(([staffId, items]) => {
      items.sort((x, y) => x.span.start - y.span.start);
      const person = staff.get(staffId);
      let workedMinutes = 0;
      let nightShifts = 0;
      let nightMinutes = 0;
      let shortest: number | null = null;
      let shortRests = 0;
      let lastEnd: number | null = null;
      for (const { a, span } of items) {
        workedMinutes += Math.max(0, Math.round((span.end - span.start) / 60_000) - a.shift.breakMinutes);
        const night = minutesInDailyWindow(span, a.shift.date, nightStart, nightEnd);
        nightMinutes += night;
        if (night >= nightWorkerMinHours * 60) nightShifts += 1;
        if (lastEnd !== null && span.start > lastEnd) {
          const rest = Math.round((span.start - lastEnd) / 60_000);
          shortest = shortest === null ? rest : Math.min(shortest, rest);
          if (rest < dailyRestHours * 60) shortRests += 1;
        }
        lastEnd = lastEnd === null ? span.end : Math.max(lastEnd, span.end);
      }
      return {
        staffId,
        name: person?.name ?? 'Unknown person',
        employeeNumber: person?.employeeNumber ?? '',
        shifts: items.length,
        workedMinutes,
        averageWeeklyMinutes: Math.round(workedMinutes / weeks),
        shortestRestMinutes: shortest,
        shortRests,
        nightShifts,
        nightMinutes,
        optOutSigned: person?.optOut?.signed ?? null,
        youngWorker: person?.youngWorker ?? false,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
};
