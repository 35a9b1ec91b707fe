/**
 * The fixed lists the schemas are built from, without zod: the renderer's first screen (and the date
 * helpers everything uses) needs the lists, and importing them from the schemas would load and build
 * every schema before the first screen could show.
 */
export const SERVICES = ['reception', 'security', 'cleaning'] as const;
export type Service = (typeof SERVICES)[number];

/** SIA licence sectors; `cctv` is the Public Space Surveillance (CCTV) licence. */
export const SIA_SECTORS = ['door-supervision', 'security-guarding', 'cctv', 'close-protection', 'key-holding'] as const;
export type SiaSector = (typeof SIA_SECTORS)[number];

/** Monday first, as en-GB rotas are read. Index 0 = Monday. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const INCIDENT_CATEGORIES = ['security', 'health-safety', 'fire-alarm', 'facilities-cleaning', 'reception-visitor'] as const;
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export const INCIDENT_STATUSES = ['open', 'investigating', 'closed'] as const;
export const RIDDOR_KINDS = [
  'specified-injury',
  'over-7-day-incapacitation',
  'non-worker-hospital',
  'dangerous-occurrence',
  'occupational-disease',
  'death',
] as const;
