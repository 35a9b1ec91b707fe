import { z } from 'zod';
import type { PackManifest } from '../../shared/contract/exchange';
import {
  asideKey,
  canonical,
  SUPERSEDED_REASONS,
  SYNC_KINDS,
  type RecordSet,
  type Superseded,
  type SyncKind,
  type SyncRecord,
} from '../../shared/domain/sync/merge';
import { withFieldName } from '../../shared/contract/fieldNames';
import { AppError } from '../../shared/result';
import { attendanceSchema } from '../../shared/schemas/attendance';
import { incidentSchema } from '../../shared/schemas/incident';
import { logEntrySchema } from '../../shared/schemas/occurrence';
import { shiftSchema } from '../../shared/schemas/shift';
import { siteSchema } from '../../shared/schemas/site';
import { staffSchema } from '../../shared/schemas/staff';
import { MAX_PHOTO_BYTES } from '../../shared/contract/incidents';
import { imageTypeOf } from '../services/photos';
import { PHOTO_FILE } from '../sync/docs';
import { digestOf, inflateJson, openEncrypted, sealEncrypted, TooLarge } from '../storage/cipherFile';
import { signWith, verifyWith, type Identity } from './identity';
import { keyIdOf, packKeyOf, type Org } from './org';

/**
 * A pack is an encrypted file (main/storage/cipherFile.ts) under `SDPK`. Its readable header names the
 * organisation and the install that signed it; its body (the manifest and the payload) is encrypted
 * with AES-256-GCM under a key derived from the organisation's key, so only installs of the
 * organisation can read it. The header, including the sha256 of the compressed body, is signed with
 * the sending install's Ed25519 key. A reader checks, in this order and before inflating anything:
 * the organisation, the GCM tag, the body digest, the signature and, for a rota, that the signer is a
 * manager's install in the organisation's directory. Only then is the body inflated, with a limit.
 */
export const PACK_FORMAT_VERSION = 2;
const MAGIC = 'SDPK';
/** The most a pack's body may inflate to (the largest real pack, 26 weeks or a desk's photos, is far less). */
export const MAX_PACK_INFLATED = 96 * 1024 * 1024;

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

/** A checked pack, with the install that signed it. */
export interface OpenedPack extends Pack {
  signer: { installId: string; publicKey: string };
}

/** The signed header: the manifest's identity fields, who signed, and over what. */
export interface PackHeader extends Pick<
  PackManifest,
  'format' | 'formatVersion' | 'kind' | 'organisationId' | 'organisationName' | 'keyId'
> {
  signer: { installId: string; publicKey: string };
  bodyDigest: string;
  signature: string;
}

/** The bytes a pack's signature covers: the whole header but the signature, in canonical JSON. */
const signedBytes = (header: Omit<PackHeader, 'signature'> & { signature?: string }) => {
  const { signature: _ignored, ...rest } = header;
  void _ignored;
  return Buffer.from(canonical(rest), 'utf8');
};

export interface PackSigner {
  installId: string;
  identity: Pick<Identity, 'publicKey' | 'privateKey'>;
}

/** Encrypts a pack under the organisation's key and signs it with this install's identity. */
export const encodePack = (pack: Pack, org: Pick<Org, 'key' | 'id' | 'name'>, signer: PackSigner): Buffer =>
  sealEncrypted(
    MAGIC,
    (bodyDigest) => {
      const header: Omit<PackHeader, 'signature'> = {
        format: 'sitedesk-pack',
        formatVersion: PACK_FORMAT_VERSION,
        kind: pack.manifest.kind,
        organisationId: org.id,
        organisationName: org.name,
        keyId: keyIdOf(org.key),
        signer: { installId: signer.installId, publicKey: signer.identity.publicKey },
        bodyDigest,
      };
      return { ...header, signature: signWith(signer.identity, signedBytes(header)) };
    },
    packKeyOf(org.key),
    { manifest: pack.manifest, payload: pack.payload },
  );

/** Site codes as a sentence reads them: "CH", "CH and FH", "CH, FH and HAT". */
const listed = (codes: string[]) => (codes.length < 2 ? codes.join('') : `${codes.slice(0, -1).join(', ')} and ${codes.at(-1)}`);
const refuse = (message: string) => new AppError('invalid', message, { file: message });

/** A record of each kind, as a person names it. */
const RECORD_WORD: Record<SyncKind, string> = {
  sites: 'a site',
  staff: 'a staff record',
  shifts: 'a shift',
  attendance: 'an attendance record',
  incidents: 'an incident',
  log: 'a log entry',
};

/** Why a pack's contents cannot be read, in words: the record's kind and the field, never its place in the file. */
const unreadable = (issue: z.core.$ZodIssue | undefined): string => {
  const [part, kind] = issue?.path ?? [];
  const what = part === 'records' && typeof kind === 'string' && kind in RECORD_WORD ? RECORD_WORD[kind as SyncKind] : 'something';
  const why = issue ? `: ${part === 'records' ? withFieldName(issue.message, issue.path.slice(3)) : issue.message}` : '';
  return `This pack holds ${what} this SiteDesk cannot read${why}. Nothing was imported.`;
};
const newer = (version: string) =>
  `This pack was made by a newer version of SiteDesk (pack format ${version}; this computer reads up to ${PACK_FORMAT_VERSION}). Update SiteDesk on this computer, then import the pack again. Nothing was imported.`;
const DAMAGED =
  'This file is damaged: it is not what was exported (it may have been cut short or changed on the way). Nothing was imported. Ask for the pack to be exported again.';

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

// Pay rates never travel in a pack: a staff record arrives without one (main/exchange/transfer.ts keeps the local rate).
const packStaffSchema = staffSchema.omit({ payRate: true });
const RECORD_SCHEMAS = {
  sites: siteSchema,
  staff: packStaffSchema,
  shifts: shiftSchema,
  attendance: attendanceSchema,
  incidents: incidentSchema,
  log: logEntrySchema,
} as const;
const supersededSchema = z.object({
  key: z.string().max(300),
  kind: z.enum(SYNC_KINDS),
  recordId: z.string(),
  keptHlc: z.string(),
  reason: z.enum(SUPERSEDED_REASONS),
  record: z.object({ id: z.string() }).passthrough(),
});

const headerSchema = z.object({
  format: z.literal('sitedesk-pack'),
  formatVersion: z.number().int().min(1),
  kind: z.enum(['rota', 'activity']),
  organisationId: z.string(),
  organisationName: z.string().max(200),
  keyId: z.string().max(64),
  signer: z.object({ installId: z.string().max(100), publicKey: z.string().max(200) }),
  bodyDigest: z.string().regex(/^[0-9a-f]{64}$/),
  signature: z.string().max(200),
});

/**
 * Opens pack bytes and checks them in the order that gives the clearest answer and inflates nothing
 * unchecked: is it a pack at all, can this SiteDesk read its format, was it made in this organisation,
 * is it whole (GCM tag, body digest), is it signed by the install it names and, for a rota, is that a
 * manager's install; then the body is inflated (with a limit) and every record checked against the
 * schemas. Anything wrong throws an AppError saying what and what to do.
 */
export const decodePack = (bytes: Buffer, org: Org): OpenedPack => {
  const opened = openEncrypted<{ formatVersion?: unknown }>(MAGIC, bytes);
  if (!opened.ok) {
    if (opened.why === 'not-this-kind')
      throw refuse('This is not a SiteDesk pack. Choose the .sitedesk-pack file that was exported from SiteDesk.');
    if (opened.why === 'old-format')
      throw refuse(
        'This pack was made by an older SiteDesk, which sent packs unencrypted and unsigned (pack format 1). For safety it is no longer accepted. Update SiteDesk on the computer that made it, then export the pack again. Nothing was imported.',
      );
    if (opened.why === 'newer-format') throw refuse(newer('a newer format'));
    throw refuse(DAMAGED);
  }
  const version = opened.header.formatVersion;
  if (typeof version === 'number' && version > PACK_FORMAT_VERSION) throw refuse(newer(String(version)));
  const parsed = headerSchema.safeParse(opened.header);
  if (!parsed.success) throw refuse(DAMAGED);
  const header = parsed.data;
  if (header.keyId !== keyIdOf(org.key) || header.organisationId !== org.id) {
    throw refuse(
      `This pack was not made by an install of ${org.name}: it is locked with another organisation’s key (made by “${header.organisationName.slice(0, 120)}”). Nothing was imported.`,
    );
  }
  const compressed = opened.body(packKeyOf(org.key));
  if (!compressed || digestOf(compressed) !== header.bodyDigest) throw refuse(DAMAGED);
  if (!verifyWith(header.signer.publicKey, signedBytes(header), header.signature)) {
    throw refuse(
      'This pack’s signature does not match: it was changed after it was made, or not made by the install it names. Nothing was imported. Ask for it to be exported again.',
    );
  }
  if (header.kind === 'rota' && !org.installs.some((i) => i.role === 'manager' && i.publicKey === header.signer.publicKey)) {
    throw refuse(
      org.installs.some((i) => i.role === 'manager')
        ? `This rota pack was not made on a manager’s install of ${org.name}: only a manager’s SiteDesk can send a rota. Nothing was imported.`
        : `This desk does not know its manager’s install, so it cannot check who made this rota (it was enrolled by an older SiteDesk). Ask IT support to set this desk up again from a new enrolment file. Nothing was imported.`,
    );
  }
  // An install the organisation knows signs with the key it is known by: another key naming it is an impostor.
  const known = org.installs.find((i) => i.installId === header.signer.installId);
  if (known && known.publicKey !== header.signer.publicKey) {
    throw refuse(
      `This pack names install ${header.signer.installId.slice(0, 40)} but is not signed with that install’s key (known here since ${known.addedAt.slice(0, 10)}). Nothing was imported.`,
    );
  }
  let body: unknown;
  try {
    body = inflateJson(compressed, MAX_PACK_INFLATED);
  } catch (error) {
    if (error instanceof TooLarge)
      throw refuse(
        `This pack is too large to open: its contents would take more than ${MAX_PACK_INFLATED / 1024 / 1024} MB. Export a shorter date range. Nothing was imported.`,
      );
    throw refuse(DAMAGED);
  }
  const envelope = (body ?? {}) as { manifest?: unknown; payload?: unknown };
  const manifest = manifestSchema.safeParse(envelope.manifest);
  if (!manifest.success) throw refuse(DAMAGED);
  const m = manifest.data;
  if (m.kind !== header.kind || m.organisationId !== header.organisationId || m.installId !== header.signer.installId)
    throw refuse(DAMAGED);
  const payload = z
    .object({
      records: z.object(Object.fromEntries(SYNC_KINDS.map((k) => [k, z.record(z.string(), RECORD_SCHEMAS[k]).optional()]))),
      superseded: z.array(supersededSchema),
      photos: z.record(z.string(), z.string()),
    })
    .safeParse(envelope.payload);
  if (!payload.success) throw refuse(unreadable(payload.error.issues[0]));
  // A desk enrolled here signs for the sites it was enrolled for, and no others.
  const signer = org.installs.find((i) => i.publicKey === header.signer.publicKey);
  const foreign = m.kind === 'activity' && signer?.sites ? m.sites.filter((site) => !signer.sites!.includes(site)) : [];
  if (foreign.length)
    throw refuse(
      `This pack from the ${listed(signer!.sites!)} desk names ${listed(foreign)}, ${foreign.length === 1 ? 'a site' : 'sites'} that desk does not serve. Nothing was imported.`,
    );
  // A rota carries only what a manager plans, an activity pack only what a desk records, of the sites it
  // names: the rota's signer check must not be side-stepped by sending the same records as activity.
  const kinds: readonly SyncKind[] = m.kind === 'rota' ? ['sites', 'staff', 'shifts'] : ['attendance', 'incidents', 'log'];
  const records = payload.data.records as RecordSet;
  const misplaced = (kind: SyncKind, r: SyncRecord) =>
    !kinds.includes(kind) || (m.kind === 'activity' && !m.sites.includes(String(r.site)));
  for (const kind of SYNC_KINDS)
    for (const r of Object.values(records[kind] ?? {}))
      if (misplaced(kind, r)) throw refuse(`This ${m.kind} pack holds ${kind} records it cannot carry. Nothing was imported.`);
  // A version kept aside can become the record when it is merged again, and is kept by its key (which names it).
  for (const s of payload.data.superseded) {
    const r = s.record as SyncRecord;
    const read = RECORD_SCHEMAS[s.kind].safeParse(r);
    if (misplaced(s.kind, r) || r.id !== s.recordId || !read.success || (s.kind !== 'staff' && s.key !== asideKey(s.kind, r)))
      throw refuse(`This ${m.kind} pack holds a set-aside ${s.kind} version it cannot carry. Nothing was imported.`);
  }
  // Photos are checked as one arriving from the hub is: a name SiteDesk makes, a JPEG, PNG or WebP of at most 10 MB.
  for (const [file, base64] of Object.entries(payload.data.photos)) {
    if (!PHOTO_FILE.test(file)) throw refuse(`This pack names a photo SiteDesk did not make (${file.slice(0, 80)}). Nothing was imported.`);
    const bytes = Buffer.from(base64, 'base64');
    if (bytes.length === 0 || bytes.length > MAX_PHOTO_BYTES || !imageTypeOf(bytes))
      throw refuse(`This pack holds a photo that is not a JPEG, PNG or WebP image of at most 10 MB (${file}). Nothing was imported.`);
  }
  return { manifest: m as PackManifest, payload: payload.data as unknown as PackPayload, signer: header.signer };
};
