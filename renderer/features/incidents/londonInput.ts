import { londonInstantIn, londonParts, type LondonZone } from '../../../shared/domain/dates';

/** A UTC instant as the value of a datetime-local input, in London time. */
export const toLocalInput = (iso: string): string => {
  const p = londonParts(Date.parse(iso));
  return `${p.date}T${p.time}`;
};

/** The London date and `hh:mm` of a datetime-local value, or null while it is incomplete. */
export const localParts = (value: string): { date: string; time: string } | null => {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(value);
  return m ? { date: m[1], time: m[2] } : null;
};

/**
 * A datetime-local value (London wall-clock) as a UTC instant, or null when it is incomplete. In the hour the clocks go
 * back (01:00–01:59 happens twice) `zone` says which the person meant: the text alone is the first, BST. `filledFrom`,
 * the instant the input was filled from, is kept, seconds and all, while the input and its zone still stand for it.
 */
export const fromLocalInput = (value: string, zone: LondonZone, filledFrom?: string): string | null => {
  const p = localParts(value);
  if (!p) return null;
  const at = londonInstantIn(p.date, p.time, zone);
  const filled = filledFrom ? Date.parse(filledFrom) : NaN;
  return new Date(at === filled - (filled % 60_000) ? filled : at).toISOString();
};
