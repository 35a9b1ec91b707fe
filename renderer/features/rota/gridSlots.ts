import type { Shift } from '../../../shared/schemas/shift';

/** Shifts of one cell that share a start and end, so the grid writes the time once above the people on it. */
export interface Slot {
  time: string;
  shifts: Shift[];
}

/** A cell's shifts (already in time order) grouped by identical times, in that order. */
export const slotsOf = (shifts: readonly Shift[]): Slot[] => {
  const slots: Slot[] = [];
  for (const s of shifts) {
    const time = `${s.start}–${s.end}`;
    const last = slots.at(-1);
    if (last?.time === time) last.shifts.push(s);
    else slots.push({ time, shifts: [s] });
  }
  return slots;
};
