import { londonParts } from '../dates';

/** The London calendar date of a UTC instant (`2026-06-30T23:30:00.000Z` is `2026-07-01` in summer time). */
export const londonDateOf = (instant: string): string => londonParts(Date.parse(instant)).date;
