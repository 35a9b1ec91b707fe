import { z } from 'zod';
import { syncConnectSchema } from './sync';
import { isoDateSchema, siteCodeSchema, idSchema } from '../schemas/common';
import type { ImportOutcome, SyncKind } from '../domain/sync/merge';
import { channel, type BinaryFile } from './define';

/** What a pack says about itself, readable before anything is imported. */
export interface PackManifest {
  format: 'sitedesk-pack';
  formatVersion: number;
  kind: 'rota' | 'activity';
  organisationId: string;
  organisationName: string;
  keyId: string;
  installId: string;
  createdAt: string;
  createdBy: string;
  sites: string[];
  from: string;
  to: string;
  counts: Partial<Record<SyncKind | 'photos' | 'superseded', number>>;
}

export interface ExchangeStatus {
  enrolled: boolean;
  role: 'manager' | 'desk' | null;
  organisationName: string;
  keyId: string | null;
  sites: string[];
  installId: string;
}

export interface PackDownload extends BinaryFile {
  manifest: PackManifest;
}

export interface PreviewRow {
  kind: SyncKind;
  id: string;
  outcome: ImportOutcome;
  /** What the record is, in words: "Shift CH Mon 30 Nov 07:00–19:00 security". */
  label: string;
  /** Who the record is about, for shifts and attendance: the person's name, or OPEN for a shift with no one. */
  who?: string;
  /** The group the preview lists it under: its kind, and its site where it has one ("Shifts at CH"). */
  group: string;
  /** Orders rows within a group: date and time, then name. */
  sort: string;
}

export interface ImportPreview {
  manifest: PackManifest;
  counts: Record<ImportOutcome, number>;
  rows: PreviewRow[];
  /** Warnings that do not stop the import, e.g. the sender's clock looks wrong. */
  warnings: string[];
}

export interface ImportResult {
  counts: Record<ImportOutcome, number>;
  written: number;
}

/** A pack or file as the renderer read it from disk; the browser-mode body limit is 25 MB. */
const fileSchema = z.string().min(4, 'Choose a file').max(25_000_000, 'That file is too large (over 18 MB)');
const weeksSchema = z.array(isoDateSchema).min(1, 'Choose at least one week').max(26, 'At most 26 weeks in one pack');

export const exchangeChannels = {
  'exchange:status': channel(z.object({}).strict(), 'user')<ExchangeStatus>(),
  /** Shifts of the chosen sites and weeks (Mondays), with the sites and staff they need. */
  'exchange:export-rota': channel(
    z.object({ sites: z.array(siteCodeSchema).min(1, 'Choose at least one site'), weeks: weeksSchema }).strict(),
    'manager',
  )<PackDownload>(),
  /** A desk's incidents, occurrence log and attendance for a date range. */
  'exchange:export-activity': channel(
    z
      .object({ from: isoDateSchema, to: isoDateSchema, sites: z.array(siteCodeSchema).optional() })
      .strict()
      .refine((r) => r.from <= r.to, { message: 'The range ends on or after the day it starts', path: ['to'] }),
    'user',
  )<PackDownload>(),
  'exchange:preview': channel(z.object({ file: fileSchema }).strict(), 'user')<ImportPreview>(),
  'exchange:apply': channel(z.object({ file: fileSchema }).strict(), 'user')<ImportResult>(),
  /** A manager makes the file a new site desk is set up from; the code is shown once and protects the file. */
  'enrol:create': channel(
    z
      .object({
        sites: z.array(siteCodeSchema).min(1, 'Choose the desk’s sites'),
        supervisors: z.array(idSchema).min(1, 'Choose at least one supervisor'),
        /**
         * The desk's own hub user (made by council IT), carried inside the encrypted enrolment file so the
         * enrolled desk syncs by itself with the hub this manager's install uses. Checked with the hub first.
         */
        hub: syncConnectSchema.pick({ name: true, password: true }).strict().optional(),
      })
      .strict(),
    'manager',
  )<BinaryFile & { code: string }>(),
  /** First run on a new desk: set it up from an enrolment file and its code. */
  'enrol:import': channel(
    z.object({ file: fileSchema, code: z.string().trim().min(4, 'Enter the enrolment code').max(40) }).strict(),
    'public',
  )<{ organisationName: string; sites: string[]; accounts: number }>(),
};
