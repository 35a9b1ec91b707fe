import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { PackManifest } from '../../shared/contract/exchange';
import { canonical, SYNC_KINDS, type RecordSet, type Superseded } from '../../shared/domain/sync/merge';
import { AppError } from '../../shared/result';
import { attendanceSchema } from '../../shared/schemas/attendance';
import { incidentSchema } from '../../shared/schemas/incident';
import { logEntrySchema } from '../../shared/schemas/occurrence';
import { shiftSchema } from '../../shared/schemas/shift';
import { siteSchema } from '../../shared/schemas/site';
import { staffSchema } from '../../shared/schemas/staff';
import { safeRel } from '../storage/paths';
import { seal, unseal } from '../storage/sealedFile';
import { keyIdOf, type Org } from './org';

/**
 * A pack is a sealed file (main/storage/sealedFile.ts) under `SDPK` whose envelope holds the manifest,
 * the payload, the sha256 of both (canonical JSON) and an HMAC-SHA256 of that checksum under the
 * organisation's key, which only installs of the organisation hold.
 */
export const PACK_FORMAT_VERSION = 1;
const MAGIC = 'SDPK';

export interface PackPayload {
  records: RecordSet;
  superseded: Superseded[];
  /** Photo files by their path under the data folder's photos/, base64. */
  photos: Record<string, string>;
}

export interface Pack {
  manifest: PackManifest;
  payload: PackPayload;
}

const checksumOf = (manifest: unknown, payload: unknown) => createHash('sha256').update(canonical({ manifest, payload })).digest('hex');
const sign = (key: string, checksum: string) => createHmac('sha256', Buffer.from(key, 'base64')).update(checksum).digest('hex');

/** Seals a pack into file bytes, signed with the organisation's key. */
export const encodePack = (pack: Pack, org: Pick<Org, 'key'>): Buffer => {
  const checksum = checksumOf(pack.manifest, pack.payload);
  return seal(MAGIC, { manifest: pack.manifest, payload: pack.payload, checksum, signature: sign(org.key, checksum) });
};

const refuse = (message: string) => new AppError('invalid', message, { file: message });
const DAMAGED = 'This file is damaged: it is not what was exported (it may have been cut short or changed on the way). Nothing was imported. Ask for the pack to be exported again.';

const manifestSchema = z.object({
  format: z.literal('sitedesk-pack'),
  formatVersion: z.number().int().min(1),
  kind: z.enum(['rota', 'activity']),
  organisationId: z.string(),
  organisationName: z.string(),
  keyId: z.string(),
  installId: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  sites: z.array(z.string()),
  from: z.string(),
  to: z.string(),
  counts: z.record(z.string(), z.number()),
});

const RECORD_SCHEMAS = { sites: siteSchema, staff: staffSchema, shifts: shiftSchema, attendance: attendanceSchema, incidents: incidentSchema, log: logEntrySchema } as const;
const supersededSchema = z.object({
  key: z.string().max(300),
  kind: z.enum(SYNC_KINDS),
  recordId: z.string(),
  keptHlc: z.string(),
  reason: z.enum(['edited-on-two-installs', 'history-diverged']),
  record: z.object({ id: z.string() }).passthrough(),
});

/**
 * Opens pack bytes and checks them in the order that gives the clearest answer: is it a pack at all, is
 * it whole, can this SiteDesk read its format, was it made in this organisation, and does every record
 * match the schemas. Anything wrong throws an AppError saying what and what to do.
 */
export const decodePack = (bytes: Buffer, org: Org): Pack => {
  const opened = unseal(MAGIC, bytes);
  if (!opened.ok) throw refuse(opened.why === 'damaged' ? DAMAGED : 'This is not a SiteDesk pack. Choose the .sitedesk-pack file that was exported from SiteDesk.');
  const envelope = (opened.value ?? {}) as { manifest?: { formatVersion?: unknown }; payload?: unknown; checksum?: unknown; signature?: unknown };
  const version = envelope.manifest?.formatVersion;
  if (typeof version === 'number' && version > PACK_FORMAT_VERSION) {
    throw refuse(`This pack was made by a newer version of SiteDesk (pack format ${version}; this computer reads up to ${PACK_FORMAT_VERSION}). Update SiteDesk on this computer, then import the pack again. Nothing was imported.`);
  }
  const manifest = manifestSchema.safeParse(envelope.manifest);
  if (!manifest.success || typeof envelope.checksum !== 'string' || typeof envelope.signature !== 'string') throw refuse(DAMAGED);
  if (checksumOf(envelope.manifest, envelope.payload) !== envelope.checksum) throw refuse(DAMAGED);
  const expected = Buffer.from(sign(org.key, envelope.checksum), 'hex');
  const given = Buffer.from(envelope.signature, 'hex');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    const other = manifest.data.keyId !== keyIdOf(org.key);
    throw refuse(
      other
        ? `This pack was not made by an install of ${org.name}: it is signed with another organisation’s key (made by “${manifest.data.organisationName}”). Nothing was imported.`
        : 'This pack’s signature does not match: it was changed after it was made. Nothing was imported. Ask for it to be exported again.',
    );
  }
  const payload = z
    .object({
      records: z.object(Object.fromEntries(SYNC_KINDS.map((k) => [k, z.record(z.string(), RECORD_SCHEMAS[k]).optional()]))),
      superseded: z.array(supersededSchema),
      photos: z.record(z.string(), z.string()),
    })
    .safeParse(envelope.payload);
  if (!payload.success) throw refuse(`This pack holds records this SiteDesk cannot read (${payload.error.issues[0]?.path.join('.')}). Nothing was imported.`);
  for (const file of Object.keys(payload.data.photos)) {
    try {
      safeRel(file);
    } catch {
      throw refuse(`This pack names a photo outside the photos folder (${file.slice(0, 80)}). Nothing was imported.`);
    }
  }
  return { manifest: manifest.data as PackManifest, payload: payload.data as unknown as PackPayload };
};
