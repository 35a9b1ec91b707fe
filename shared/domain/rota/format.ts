/** Wording shared by the rules' messages, so every finding reads the same way to a manager. */
import type { Shift } from '../../schemas/shift';
import { formatDateGB, formatDayShort } from '../dates';
import type { Finding, Measure, RuleId, Severity } from './types';

// date-fns formatting is slow next to the rules themselves, and a week's messages reuse a few dates.
const dayNames = new Map<string, string>();

/** `Tue 3 Nov`, cached. */
export const dayShort = (isoDate: string): string => {
  let name = dayNames.get(isoDate);
  if (name === undefined) {
    name = formatDayShort(isoDate);
    if (dayNames.size > 10_000) dayNames.clear();
    dayNames.set(isoDate, name);
  }
  return name;
};

const longNames = new Map<string, string>();

/** `Tue 3 Nov 2026` (formatDateGB), cached like dayShort. */
export const dateGB = (isoDate: string): string => {
  let name = longNames.get(isoDate);
  if (name === undefined) {
    name = formatDateGB(isoDate);
    if (longNames.size > 10_000) longNames.clear();
    longNames.set(isoDate, name);
  }
  return name;
};

/** `Tue 3 Nov 22:00–06:00`. */
export const shiftLabel = (shift: Pick<Shift, 'date' | 'start' | 'end'>): string => `${dayShort(shift.date)} ${shift.start}–${shift.end}`;

/** `Tue 3 Nov 22:00–06:00 at CH`. */
export const shiftAtSite = (shift: Pick<Shift, 'date' | 'start' | 'end' | 'site'>): string => `${shiftLabel(shift)} at ${shift.site}`;

/** A finding, with its shift ids in a stable order. */
export const finding = (
  rule: RuleId,
  severity: Severity,
  staffId: string | null,
  shiftIds: string[],
  message: string,
  measure?: Measure,
): Finding => (measure ? { rule, severity, staffId, shiftIds, message, measure } : { rule, severity, staffId, shiftIds, message });

/** Lists of shifts as `A, B and C`. */
export const listOf = (items: string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
