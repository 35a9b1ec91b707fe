/** Paid time on a shift. */
import type { Shift } from '../../schemas/shift';
import { spanMinutes } from '../dates';
import { spanOf } from './instants';

/** Paid minutes: the real span (clock changes included) less the unpaid break, never below zero. */
export const paidMinutes = (shift: Pick<Shift, 'date' | 'start' | 'end' | 'breakMinutes'>): number =>
  Math.max(0, spanMinutes(spanOf(shift.date, shift.start, shift.end)) - shift.breakMinutes);
