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

/** Where and when a shift is: the post it fills, whoever is on it. */
const slotKey = (s: Pick<ShiftInput, 'site' | 'service' | 'date' | 'start' | 'end'>): string =>
  [s.site, s.service, s.date, s.start, s.end].join('|');

/**
 * The copies the week copied to does not have yet, and how many it has already. Counted one for one, so
 * two open shifts copied onto one leave one more, and copying a week twice makes nothing the second time.
 * A copy with someone on it is there when the week has that shift with that person. An open copy (open in
 * the week copied from, or left open for someone away) stands for a post to fill: it is there when the week
 * has that shift at all, open or since given to someone, so copying again does not add a second, open shift
 * beside the one the manager filled.
 */
export const notYetThere = (copies: readonly CopiedShift[], target: readonly Shift[]): { fresh: CopiedShift[]; alreadyThere: number } => {
  // The people (or '' for open) on the week's live shifts, by post, not yet matched to a copy.
  const there = new Map<string, string[]>();
  for (const s of target) if (!s.deleted) there.set(slotKey(s), [...(there.get(slotKey(s)) ?? []), s.staffId ?? '']);
  const take = (c: CopiedShift, fits: (who: string) => boolean): boolean => {
    const left = there.get(slotKey(c.input)) ?? [];
    const i = left.findIndex(fits);
    if (i >= 0) left.splice(i, 1);
    return i >= 0;
  };
  // The same shift first (same person, or open for open), so a filled shift is not used up by an open copy.
  const found = copies.map((c) => take(c, (who) => who === (c.input.staffId ?? '')));
  copies.forEach((c, i) => {
    if (!found[i] && !c.input.staffId) found[i] = take(c, (who) => who !== '');
  });
  const fresh = copies.filter((_, i) => !found[i]);
  return { fresh, alreadyThere: copies.length - fresh.length };
};
