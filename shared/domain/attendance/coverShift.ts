/** The part of a shift that someone found now could still cover. */
import type { Shift } from '../../schemas/shift';
import { londonParts } from '../dates';
import { spanOf } from '../rota/instants';

const MINUTE = 60_000;

/** How long a person rung now takes to arrive, as the desk's cover assumes. */
export const COVER_LEAD_MINUTES = 30;

/**
 * The shift as cover would work it: from the later of its start and the moment a person called now
 * could arrive (`leadMinutes`, rounded up to the next 5 minutes), to its end. Null when no time is left.
 * Ranking candidates against this trial shift is what restricts the list to people who can be there in
 * time: anyone already working elsewhere in that time is ruled out by the overlap block.
 */
export const coverShiftFor = <T extends Pick<Shift, 'date' | 'start' | 'end'>>(shift: T, now: number, leadMinutes: number): T | null => {
  const span = spanOf(shift.date, shift.start, shift.end);
  const arrive = Math.ceil((now + leadMinutes * MINUTE) / (5 * MINUTE)) * 5 * MINUTE;
  if (arrive <= span.start) return shift;
  if (arrive >= span.end - 15 * MINUTE) return null;
  const at = londonParts(arrive);
  return { ...shift, date: at.date, start: at.time };
};

/** Whether cover could still be found for `shift` at `now`: the desk offers Find cover only then. */
export const coverLeft = (shift: Pick<Shift, 'date' | 'start' | 'end'>, now: number): boolean =>
  coverShiftFor(shift, now, COVER_LEAD_MINUTES) !== null;
