import { londonInstant, londonParts } from '../../../shared/domain/dates';

/** A UTC instant as the value of a datetime-local input, in London time. */
export const toLocalInput = (iso: string): string => {
  const p = londonParts(Date.parse(iso));
  return `${p.date}T${p.time}`;
};

/** A datetime-local value (London wall-clock) as a UTC instant, or null when it is incomplete. */
export const fromLocalInput = (value: string): string | null => {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(value);
  return m ? new Date(londonInstant(m[1], m[2])).toISOString() : null;
};
