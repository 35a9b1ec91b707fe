/**
 * The words a refusal uses for a request field, as its form labels it. A message names the field this way
 * ("That date does not exist (Date)"), never by its place in the request ("items.0.date"), which means
 * nothing to the person at the desk; the path itself stays in `fields`, where forms find their boxes.
 */
const LABELS: Record<string, string> = {
  breakMinutes: 'Unpaid break',
  staffId: 'Person',
  displayName: 'Name',
  username: 'User name',
  idleLockMinutes: 'Lock after idle minutes',
  timeLimitS: 'Time limit',
  payRate: 'Pay rate',
  securityLicence: 'SIA licence',
  hseReference: 'HSE reference',
  dateOfBirth: 'Date of birth',
  employeeNumber: 'Employee number',
  homeSite: 'Main site',
  code: 'Site code',
};

/** Fields no one types (a record's id): their messages say what is wrong on their own. */
const UNNAMED = new Set(['id']);

/** The field a zod issue path points at, in words (its last named part), or null for the request as a whole. */
export const fieldName = (path: readonly PropertyKey[]): string | null => {
  const key = [...path].reverse().find((p): p is string => typeof p === 'string');
  if (!key || UNNAMED.has(key)) return null;
  if (LABELS[key]) return LABELS[key];
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};
