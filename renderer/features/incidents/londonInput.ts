import { londonInstant, londonParts } from '../../../shared/domain/dates';

/** A UTC instant as the value of a datetime-local input, in London time. */
export const toLocalInput = (iso: string): string => {
  const p = londonParts(Date.parse(iso));
  return `${p.date}T${p.time}`;
};

/**
 * A datetime-local value (London wall-clock) as a UTC instant, or null when it is incomplete. `filledFrom`, the
 * instant the input was filled from, is kept while the input still reads as it: in the hour the clocks go back
 * (01:00–01:59 happens twice) the text alone means the first, BST, occurrence, so an incident at 01:30 GMT would
 * otherwise be saved an hour early just by opening and saving the form.
 */
export const fromLocalInput = (value: string, filledFrom?: string): string | null => {
  if (filledFrom && value === toLocalInput(filledFrom)) return new Date(Date.parse(filledFrom)).toISOString();
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(value);
  return m ? new Date(londonInstant(m[1], m[2])).toISOString() : null;
};
