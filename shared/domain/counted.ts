/**
 * A count with its noun, as people read it: "1 entry", "2 entries", "12,345 log entries" (en-GB
 * thousands separators). The plural defaults to the noun with an "s".
 */
export const counted = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** "was" for one, "were" for any other number: "1 was recorded", "3 were recorded". */
export const wasOrWere = (n: number): string => (n === 1 ? 'was' : 'were');
