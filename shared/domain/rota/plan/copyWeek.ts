/** Copying a week's shifts to another week, leaving open the shifts of people who cannot work then. */
import type { Shift, ShiftInput } from '../../../schemas/shift';
import type { Staff } from '../../../schemas/staff';
import { absenceOverlapsTime, employedOn } from '../../directory/absences';
import { addDays, daysBetween } from '../../dates';

export interface CopiedShift {
  input: ShiftInput;
  /** Set when the person on the source shift was left off, with why. */
  leftOpen: { staffId: string; reason: string } | null;
}

/** Why a person cannot take a copied shift (approved absence, left the company), or null. */
const unavailable = (staff: Staff | undefined, s: ShiftInput): string | null => {
  if (!staff || !employedOn(staff, s.date)) return 'no longer on the staff list';
  const away = staff.absences.find((a) => a.approved && absenceOverlapsTime(a, s.date, s.start, s.end));
  return away ? `${staff.name} is away (${away.kind.replace('-', ' ')})` : null;
};

/** The live shifts dated in the week from `fromMonday`, moved to the week from `toMonday`. */
export const copyWeek = (
  shifts: readonly Shift[],
  fromMonday: string,
  toMonday: string,
  staff: ReadonlyMap<string, Staff>,
): CopiedShift[] => {
  const shift = daysBetween(fromMonday, toMonday);
  const last = addDays(fromMonday, 6);
  return shifts
    .filter((s) => !s.deleted && s.date >= fromMonday && s.date <= last)
    .sort((a, b) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start) || a.site.localeCompare(b.site))
    .map((s) => {
      const input: ShiftInput = {
        site: s.site,
        service: s.service,
        date: addDays(s.date, shift),
        start: s.start,
        end: s.end,
        breakMinutes: s.breakMinutes,
        staffId: s.staffId,
        notes: s.notes,
      };
      const why = s.staffId ? unavailable(staff.get(s.staffId), input) : null;
      return why && s.staffId
        ? { input: { ...input, staffId: null }, leftOpen: { staffId: s.staffId, reason: why } }
        : { input, leftOpen: null };
    });
};

/** What makes two shifts the same for a copy: where, what, when, and who (or open). */
const sameShiftKey = (s: Pick<ShiftInput, 'site' | 'service' | 'date' | 'start' | 'end' | 'staffId'>): string =>
  [s.site, s.service, s.date, s.start, s.end, s.staffId ?? ''].join('|');

/**
 * The copies the week copied to does not have yet, and how many it has already. Counted one for one, so
 * two open shifts copied onto one leave one more, and copying a week twice makes nothing the second time.
 */
export const notYetThere = (copies: readonly CopiedShift[], target: readonly Shift[]): { fresh: CopiedShift[]; alreadyThere: number } => {
  const there = new Map<string, number>();
  for (const s of target) if (!s.deleted) there.set(sameShiftKey(s), (there.get(sameShiftKey(s)) ?? 0) + 1);
  const fresh = copies.filter((c) => {
    const key = sameShiftKey(c.input);
    const n = there.get(key) ?? 0;
    if (n > 0) there.set(key, n - 1);
    return n === 0;
  });
  return { fresh, alreadyThere: copies.length - fresh.length };
};
