/** What the auto-scheduler trades off, in points a manager can read: one point is about a minute's fuss. */
import type { RuleId } from '../types';

export interface AutofillWeights {
  /** Per paid hour of a shift left open: the costliest thing on the rota. */
  gapPerHour: number;
  /** Per warning finding the plan adds, by rule. */
  warning: Partial<Record<RuleId, number>>;
  /** A stretch of work longer than 24 h less the daily rest (13 h by default): under 11 h rest in that 24 h. */
  longDay: number;
  /** Per hour a person's week is away from their contracted hours (pro rata for part weeks). */
  hoursOffContractPerHour: number;
  /** Per night, weekend or bank-holiday shift a person gets above their fair share in the period. */
  unfairShift: number;
  /** Per pound of pay the plan adds. */
  perPound: number;
  /** Taking a movable shift away from the person who holds it now. */
  moveExisting: number;
}

export const DEFAULT_AUTOFILL_WEIGHTS: Readonly<AutofillWeights> = Object.freeze({
  gapPerHour: 100,
  warning: {
    'daily-rest': 40,
    'weekly-rest': 40,
    'average-hours': 40,
    'night-work': 40,
    familiarity: 30,
    break: 20,
    availability: 20,
    'contracted-hours': 10,
    'sia-expiring': 2,
  },
  longDay: 40,
  hoursOffContractPerHour: 1,
  unfairShift: 4,
  perPound: 0.05,
  moveExisting: 20,
});

/** The warning rules the model counts; every other advisory rule only informs. */
export const MODELLED_WARNINGS: readonly RuleId[] = [
  'daily-rest',
  'weekly-rest',
  'average-hours',
  'night-work',
  'familiarity',
  'break',
  'availability',
  'contracted-hours',
  'sia-expiring',
];
