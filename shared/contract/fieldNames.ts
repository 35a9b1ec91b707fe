import { CHOICE_RULES, RULE_LIMITS, TIME_RULE_LABEL } from '../domain/rota/ruleLimits';

/**
 * The words a refusal uses for a request field, as its form labels it. A message names the field this way
 * ("That date does not exist (Date)"), never by its place in the request ("items.0.date"), which means
 * nothing to the person at the desk; the path itself stays in `fields`, where forms find their boxes.
 *
 * A label is found by the field's key, or by its last named parts joined with dots ("optOut.signed") where
 * the key alone says too little: "signed" is only a word on the opt-out's date box. The longest match wins.
 */
const LABELS: Record<string, string> = {
  breakMinutes: 'Unpaid break',
  staffId: 'Person',
  displayName: 'Name',
  username: 'User name',
  idleLockMinutes: 'Lock after idle minutes',
  timeLimitS: 'Time limit',
  override: 'Override reason',
  code: 'Site code',
  // A person's record: the staff form, and staff records in a pack.
  employeeNumber: 'Employee number',
  dateOfBirth: 'Date of birth',
  homeSite: 'Home site',
  contractedHours: 'Contracted hours a week',
  payRate: 'Pay rate',
  'optOut.signed': 'Opt-out signed on',
  'sia.number': 'SIA licence number',
  'sia.sector': 'Licence sector',
  'sia.expires': 'Licence expiry date',
  'leave.daysPerWeek': 'Days worked a week',
  'leave.extraDays': 'Contractual extra days a year',
  'leave.carriedDays': 'Days carried over',
  'leave.started': 'Employment started',
  'leave.yearStart': 'Agreed leave year starts',
  // A site: its opening hours, the people each cover window needs, its contacts.
  securityLicence: 'SIA licence',
  open: 'Opens',
  close: 'Closes',
  min: 'People needed',
  'contacts.name': 'Contact name',
  'contacts.role': 'Contact role',
  'contacts.phone': 'Contact phone',
  // An incident, as its form asks for it.
  location: 'Where in the site',
  occurredAt: 'When it happened',
  reportedAt: 'When it was reported',
  details: 'What happened',
  riddor: 'RIDDOR',
  hseReference: 'HSE reference',
  'riddor.kind': 'RIDDOR kind',
  'riddor.reportedOn': 'Reported to the HSE on',
  'riddor.method': 'How it was reported',
  'followUps.action': 'Follow-up',
  'onwardReports.agency': 'Onward reporting',
  'onwardReports.reference': 'Onward report reference',
  // The rota rules in Settings, by the labels the Settings screen gives them.
  ...Object.fromEntries(
    [
      ...Object.entries(RULE_LIMITS).map(([rule, limit]) => [rule, limit.label]),
      ...Object.entries(TIME_RULE_LABEL),
      ...Object.entries(CHOICE_RULES).map(([rule, choice]) => [rule, choice.label]),
    ].map(([rule, label]) => [`rules.${rule}`, label]),
  ),
};

/** The days of a leave request or an absence, as the forms that book them name their boxes. */
const DAYS_OFF = { from: 'First day', to: 'Last day' };
const SITE = { name: 'Site name' };
const HUB_USER = { name: 'Hub user name', password: 'Hub password' };

/**
 * Where one channel's field means something else than the same key elsewhere: `code` is a site's code on the
 * site screens, but on a new desk's first screen it is the enrolment code the manager gave with the file; the
 * `name` and `password` of a hub connection are the hub user's, not a person's or the signed-in user's.
 */
const CHANNEL_LABELS: Record<string, Record<string, string>> = {
  'enrol:import': { code: 'Enrolment code' },
  'enrol:create': { 'hub.name': HUB_USER.name, 'hub.password': HUB_USER.password },
  'sync:connect': { url: 'Hub address', ...HUB_USER },
  'auth:setup': { displayName: 'Your name' },
  'auth:unlock': { secret: 'Password or PIN' },
  'accounts:change-password': { current: 'Current password', next: 'New password' },
  'accounts:set-pin': { password: 'Current password', pin: 'New PIN' },
  'sites:create': SITE,
  'sites:update': SITE,
  'sites:copy-cover': { day: 'Day to copy from', toDays: 'Days to copy to', toSites: 'Sites to copy to' },
  'settings:update': {
    installTag: 'Tag for other sites’ references',
    'leave.yearStart': 'Leave year starts on',
    'carryOver.maxDays': 'Most days carried',
    'carryOver.expiresAfterMonths': 'Lapse if not taken within',
    'added.name': 'Name of the day',
    removed: 'Removed day',
  },
  'leave:request': { ...DAYS_OFF, 'partDay.start': 'Off from', 'partDay.end': 'Off until' },
  'leave:approve': { override: 'Reason for approving below zero' },
  'leave:refuse': { reason: 'Reason for refusing' },
  'staff:save-absence': { ...DAYS_OFF, 'partDay.start': 'Absent from', 'partDay.end': 'Absent until' },
  'log:add': { text: 'Entry' },
  // A file the person chose, named as what it is, not by how it travels.
  'staff:import-preview': { csv: 'Staff file' },
  'staff:import': { csv: 'Staff file' },
  'incidents:add-photo': { base64: 'Photo' },
  'exchange:export-rota': { weeks: 'Number of weeks' },
};

/** Fields no one types (a record's id): their messages say what is wrong on their own. */
const UNNAMED = new Set(['id']);

/** The label for the longest tail of `named` that a table holds; the channel's own table first at each length. */
const lookUp = (tables: (Record<string, string> | undefined)[], named: readonly string[]): string | undefined => {
  for (let from = 0; from < named.length; from++) {
    const tail = named.slice(from).join('.');
    const table = tables.find((t) => t && Object.hasOwn(t, tail));
    if (table) return table[tail];
  }
  return undefined;
};

/**
 * The field a zod issue path points at, in words, or null for the request as a whole.
 * `channel`, when given, is the request's channel, for a field that channel names differently.
 */
export const fieldName = (path: readonly PropertyKey[], channel?: string): string | null => {
  const named = path.filter((p): p is string => typeof p === 'string');
  const key = named.at(-1);
  if (!key || UNNAMED.has(key)) return null;
  const own = channel !== undefined && Object.hasOwn(CHANNEL_LABELS, channel) ? CHANNEL_LABELS[channel] : undefined;
  const label = lookUp([own, LABELS], named);
  if (label) return label;
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/**
 * A refusal's message with the field it is about named after it ("Enter a date (Opt-out signed on)"), or
 * as it is when it names the field itself already ("Site name is required"), or no field is named.
 */
export const withFieldName = (message: string, path: readonly PropertyKey[], channel?: string): string => {
  const name = fieldName(path, channel);
  return name && !message.toLowerCase().startsWith(name.toLowerCase()) ? `${message} (${name})` : message;
};
