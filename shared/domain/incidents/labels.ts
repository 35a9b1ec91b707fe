/** How incident and log values read to people, the same on screen, in the PDF and in CSV files. */
import type { Incident } from '../../schemas/incident';
import type { LogEntry } from '../../schemas/occurrence';
import type { RiddorKind } from './riddor';

/** Each kind of entry in an incident's history, as its history list and PDF name it. */
export const HISTORY_KIND_LABEL: Record<Incident['history'][number]['kind'], string> = {
  created: 'Recorded',
  updated: 'Edited',
  status: 'Status changed',
  amendment: 'Amendment',
  photo: 'Photo added',
  decision: 'Manager’s decision',
};

export const CATEGORY_LABEL: Record<Incident['category'], string> = {
  security: 'Security',
  'health-safety': 'Health & safety',
  'fire-alarm': 'Fire / alarm',
  'facilities-cleaning': 'Facilities / cleaning',
  'reception-visitor': 'Reception / visitor',
};

export const SEVERITY_LABEL: Record<Incident['severity'], string> = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' };

export const STATUS_LABEL: Record<Incident['status'], string> = { open: 'Open', investigating: 'Investigating', closed: 'Closed' };

export const RIDDOR_LABEL: Record<RiddorKind, string> = {
  'specified-injury': 'Specified injury',
  'over-7-day-incapacitation': 'Over-7-day incapacitation',
  'non-worker-hospital': 'Non-worker taken to hospital',
  'dangerous-occurrence': 'Dangerous occurrence',
  'occupational-disease': 'Occupational disease',
  death: 'Death',
};

export const AGENCY_LABEL: Record<Incident['onwardReports'][number]['agency'], string> = {
  police: 'Police',
  fire: 'Fire service',
  ambulance: 'Ambulance',
  other: 'Other',
};

export const LOG_KIND_LABEL: Record<LogEntry['kind'], string> = {
  patrol: 'Patrol',
  alarm: 'Alarm',
  keys: 'Keys',
  visitor: 'Visitor',
  handover: 'Handover',
  other: 'Other',
};

/** The names of incident fields in history lines. */
export const FIELD_LABEL: Record<string, string> = {
  site: 'Site',
  location: 'Where',
  occurredAt: 'When it happened',
  reportedAt: 'When reported',
  reportedBy: 'Reported by',
  reportedTo: 'Reported to',
  category: 'Category',
  severity: 'Severity',
  details: 'What happened',
  peopleInvolved: 'People involved',
  witnesses: 'Witnesses',
  actionTaken: 'Action taken',
  onwardReports: 'Onward reporting',
  followUps: 'Follow-ups',
  riddor: 'RIDDOR',
  ref: 'Reference',
  status: 'Status',
  outcome: 'Outcome',
  photos: 'Photos',
};

/** A history value as one readable line of text. */
export const describeValue = (field: string, value: unknown, formatInstant: (iso: string) => string): string => {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) {
    if (!value.length) return 'none';
    if (field === 'followUps')
      return value.map((f: Incident['followUps'][number]) => `${f.done ? '✓' : '○'} ${f.action} (${f.owner}, due ${f.due})`).join('; ');
    if (field === 'onwardReports')
      return value.map((r: Incident['onwardReports'][number]) => `${AGENCY_LABEL[r.agency]} ${r.reference}`.trim()).join('; ');
    if (field === 'photos') return value.map((p: Incident['photos'][number]) => p.name).join('; ');
  }
  if (field === 'riddor' && typeof value === 'object') {
    const r = value as NonNullable<Incident['riddor']>;
    return [
      RIDDOR_LABEL[r.kind],
      r.reportedOn ? `reported ${r.reportedOn}` : 'not yet reported',
      r.method,
      r.hseReference && `HSE ${r.hseReference}`,
    ]
      .filter(Boolean)
      .join(', ');
  }
  if (typeof value === 'string') {
    if ((field === 'occurredAt' || field === 'reportedAt') && /^\d{4}-\d{2}-\d{2}T/.test(value)) return formatInstant(value);
    if (field === 'category') return CATEGORY_LABEL[value as Incident['category']] ?? value;
    if (field === 'severity') return SEVERITY_LABEL[value as Incident['severity']] ?? value;
    if (field === 'status') return STATUS_LABEL[value as Incident['status']] ?? value;
    return value;
  }
  return JSON.stringify(value);
};
