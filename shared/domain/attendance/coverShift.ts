/** The part of a shift that someone found now could still cover. */
import type { Shift } from '../../schemas/shift';
import { londonInstant, londonParts } from '../dates';
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
  const start = firstWrittenFrom(arrive);
  if (start >= span.end - 15 * MINUTE) return null;
  const at = londonParts(start);
  return { ...shift, date: at.date, start: at.time };
};

/**
 * The first moment from `ms` that a shift's wall-clock start can say: every one but the second pass of the
 * hour the clocks go back (01:00–01:59 GMT on the last Sunday of October), which reads back as the first
 * pass, in BST, an hour earlier. Cover arriving then starts at 02:00 GMT, the first time after it that
 * happens once, so it never starts before the moment it was arranged.
 */
const firstWrittenFrom = (ms: number): number => {
  let t = ms;
  // The repeated hour is 12 steps of 5 minutes; the bound only keeps a bad clock from spinning.
  for (let i = 0; i <= 12; i += 1) {
    const p = londonParts(t);
    if (londonInstant(p.date, p.time) === t) return t;
    t = (Math.floor(t / (5 * MINUTE)) + 1) * 5 * MINUTE;
  }
  return t;
};

/** Whether cover could still be found for `shift` at `now`: the desk offers Find cover only then. */
export const coverLeft = (shift: Pick<Shift, 'date' | 'start' | 'end'>, now: number): boolean =>
  coverShiftFor(shift, now, COVER_LEAD_MINUTES) !== null;
