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

/**
 * Where one channel's field means something else than the same key elsewhere: `code` is a site's code on the
 * site screens, but on a new desk's first screen it is the enrolment code the manager gave with the file.
 */
const CHANNEL_LABELS: Record<string, Record<string, string>> = {
  'enrol:import': { code: 'Enrolment code' },
};

/** Fields no one types (a record's id): their messages say what is wrong on their own. */
const UNNAMED = new Set(['id']);

/**
 * The field a zod issue path points at, in words (its last named part), or null for the request as a whole.
 * `channel`, when given, is the request's channel, for a key that channel names differently.
 */
export const fieldName = (path: readonly PropertyKey[], channel?: string): string | null => {
  const key = [...path].reverse().find((p): p is string => typeof p === 'string');
  if (!key || UNNAMED.has(key)) return null;
  const own = channel !== undefined && Object.hasOwn(CHANNEL_LABELS, channel) ? CHANNEL_LABELS[channel] : undefined;
  if (own && Object.hasOwn(own, key)) return own[key];
  if (Object.hasOwn(LABELS, key)) return LABELS[key];
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};
