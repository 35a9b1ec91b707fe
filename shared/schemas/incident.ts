import { z } from 'zod';
import { INCIDENT_CATEGORIES, INCIDENT_STATUSES, RIDDOR_KINDS, SEVERITIES } from './values';
import { idSchema, instantSchema, isoDateSchema, nonEmpty, recordMetaSchema, siteCodeSchema } from './common';

export { INCIDENT_CATEGORIES, INCIDENT_STATUSES, RIDDOR_KINDS, SEVERITIES } from './values';

export const followUpSchema = z.object({
  id: idSchema,
  action: nonEmpty('Follow-up', 500),
  owner: nonEmpty('Owner', 120),
  due: isoDateSchema,
  done: z.boolean().default(false),
});

export const incidentInputSchema = z.object({
  site: siteCodeSchema,
  location: nonEmpty('Where in the site', 200),
  occurredAt: instantSchema,
  reportedAt: instantSchema,
  reportedBy: nonEmpty('Reported by', 120),
  reportedTo: nonEmpty('Reported to', 120),
  category: z.enum(INCIDENT_CATEGORIES),
  severity: z.enum(SEVERITIES),
  details: nonEmpty('What happened', 10000),
  peopleInvolved: z.string().max(2000).default(''),
  witnesses: z.string().max(2000).default(''),
  actionTaken: z.string().max(5000).default(''),
  onwardReports: z.array(z.object({ agency: z.enum(['police', 'fire', 'ambulance', 'other']), reference: z.string().max(60) })).default([]),
  followUps: z.array(followUpSchema).default([]),
  riddor: z
    .object({
      kind: z.enum(RIDDOR_KINDS),
      reportedOn: isoDateSchema.nullable().default(null),
      method: z.string().max(120).default(''),
      hseReference: z.string().max(60).default(''),
    })
    .nullable()
    .default(null),
});
export type IncidentInput = z.infer<typeof incidentInputSchema>;

/** One link in the append-only history; `hash` covers this entry and the previous hash. */
export const incidentHistoryEntrySchema = z.object({
  at: instantSchema,
  by: idSchema,
  /** `decision`: a manager's recorded decision to accept a broken history, with the reason in `note`. */
  kind: z.enum(['created', 'updated', 'status', 'amendment', 'photo', 'decision']),
  changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
  note: z.string().max(5000).default(''),
  prevHash: z.string(),
  hash: z.string(),
});

export const incidentSchema = incidentInputSchema
  .extend({
    ref: z.string().regex(/^[A-Z]{2,4}-\d{4}-\d{4,}(-[A-Z0-9]+)?$/),
    status: z.enum(INCIDENT_STATUSES),
    outcome: z.string().max(5000).default(''),
    photos: z.array(z.object({ id: idSchema, file: z.string(), name: z.string(), bytes: z.number().int() })).default([]),
    history: z.array(incidentHistoryEntrySchema),
  })
  .extend(recordMetaSchema.shape);
export type Incident = z.infer<typeof incidentSchema>;
