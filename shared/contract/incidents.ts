import { z } from 'zod';
import type { RiddorQueueItem, RiddorStatus, VerifyResult } from '../domain/incidents';
import { idSchema, isoDateSchema, siteCodeSchema } from '../schemas/common';
import {
  followUpSchema,
  INCIDENT_CATEGORIES,
  INCIDENT_STATUSES,
  incidentInputSchema,
  SEVERITIES,
  type Incident,
} from '../schemas/incident';
import { channel } from './define';

/** A new follow-up has no id yet; main gives it one. */
const followUpInput = followUpSchema.extend({ id: idSchema.optional() });

/** What the recorder fills in; references, status and history are main's to set. */
export const incidentRequestSchema = incidentInputSchema.extend({ followUps: z.array(followUpInput).default([]) }).strict();

const field = incidentInputSchema.shape;
/**
 * Fields an edit or amendment may change; the site is fixed once a reference has been issued. The
 * input schema's defaults are taken off: under `.partial()` zod would fill an absent field with its
 * default, and a patch that only ticks a follow-up would blank the witnesses.
 */
export const incidentPatchSchema = z
  .object({
    location: field.location,
    occurredAt: field.occurredAt,
    reportedAt: field.reportedAt,
    reportedBy: field.reportedBy,
    reportedTo: field.reportedTo,
    category: field.category,
    severity: field.severity,
    details: field.details,
    peopleInvolved: field.peopleInvolved.unwrap(),
    witnesses: field.witnesses.unwrap(),
    actionTaken: field.actionTaken.unwrap(),
    onwardReports: field.onwardReports.unwrap(),
    followUps: z.array(followUpInput),
    riddor: field.riddor.unwrap(),
  })
  .partial()
  .strict();

export const incidentFilterSchema = z
  .object({
    sites: z.array(siteCodeSchema).optional(),
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
    categories: z.array(z.enum(INCIDENT_CATEGORIES)).optional(),
    severities: z.array(z.enum(SEVERITIES)).optional(),
    statuses: z.array(z.enum(INCIDENT_STATUSES)).optional(),
    riddor: z.enum(['reportable', 'unreported', 'overdue', 'not-reportable']).optional(),
    followUpsOverdue: z.boolean().optional(),
    text: z.string().max(200).optional(),
  })
  .strict();
export type IncidentFilterInput = z.input<typeof incidentFilterSchema>;

/** One line of the incident list: enough to scan and filter, not the whole record. */
export interface IncidentRow {
  id: string;
  ref: string;
  site: string;
  location: string;
  occurredAt: string;
  category: Incident['category'];
  severity: Incident['severity'];
  status: Incident['status'];
  summary: string;
  riddor: RiddorStatus['state'];
  overdueFollowUps: number;
  photos: number;
}

export interface IncidentList {
  rows: IncidentRow[];
  /** How many matched; rows holds the newest `limit` of them. */
  total: number;
}

/** One incident with what the screen shows about it, worked out in main. */
export interface IncidentDetail {
  incident: Incident;
  verification: VerifyResult;
  riddor: RiddorStatus;
  /** Display names of the accounts named in the history. */
  people: Record<string, string>;
  /** Whether the caller may close it (managers), and edit or amend it. */
  canClose: boolean;
  closeBlockers: string[];
  /**
   * Its history is broken and no manager has recorded a decision about it: it cannot be edited,
   * amended, closed or given photos until one does (`incidents:decide`).
   */
  locked: boolean;
  /** Whether the caller may record that decision (managers, while it is locked). */
  canDecide: boolean;
}

/** A file for the renderer to save: binary as base64, text as text. */
import type { BinaryFile, TextFile } from './define';

const byId = z.object({ id: idSchema }).strict();
const revOf = { id: idSchema, rev: z.number().int().min(1) };

/** Photos arrive as base64; 10 MB of image is about 13.4 MB of base64, inside browser mode's 25 MB body. */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

export const incidentChannels = {
  'incidents:list': channel(
    incidentFilterSchema.extend({ limit: z.number().int().min(1).max(20000).default(5000) }),
    'user',
  )<IncidentList>(),
  'incidents:get': channel(byId, 'user')<IncidentDetail>(),
  'incidents:create': channel(incidentRequestSchema, 'user')<IncidentDetail>(),
  /** Edits an open or investigating incident. */
  'incidents:update': channel(z.object({ ...revOf, patch: incidentPatchSchema }).strict(), 'user')<IncidentDetail>(),
  /** Corrects a closed incident: the change is appended as an amendment with its reason. */
  'incidents:amend': channel(
    z.object({ ...revOf, patch: incidentPatchSchema, note: z.string().trim().max(5000) }).strict(),
    'user',
  )<IncidentDetail>(),
  'incidents:set-status': channel(
    z.object({ ...revOf, status: z.enum(INCIDENT_STATUSES), outcome: z.string().max(5000).default('') }).strict(),
    'user',
  )<IncidentDetail>(),
  'incidents:add-photo': channel(
    z
      .object({
        ...revOf,
        name: z.string().max(255),
        base64: z.string().max(Math.ceil((MAX_PHOTO_BYTES * 4) / 3) + 8, 'A photo is at most 10 MB'),
      })
      .strict(),
    'user',
  )<IncidentDetail>(),
  /** A manager's decision to accept a broken history as it is, with the reason; appended to the history. */
  'incidents:decide': channel(
    z
      .object({ ...revOf, reason: z.string().trim().min(10, 'Give the reason for the decision (at least 10 characters)').max(5000) })
      .strict(),
    'manager',
  )<IncidentDetail>(),
  'incidents:photo': channel(z.object({ id: idSchema, photoId: idSchema }).strict(), 'user')<{ dataUrl: string }>(),
  'incidents:riddor-queue': channel(z.object({}).strict(), 'user')<RiddorQueueItem<IncidentRow>[]>(),
  'incidents:export-pdf': channel(byId, 'user')<BinaryFile>(),
  'incidents:export-csv': channel(incidentFilterSchema, 'user')<TextFile>(),
};
