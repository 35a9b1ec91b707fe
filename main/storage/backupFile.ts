import { createHmac, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { canonical } from '../../shared/domain/sync/merge';
import { walkFiles } from './backups';
import { digestOf, inflateJson, openEncrypted, sealEncrypted, TooLarge } from './cipherFile';
import type { Layout } from './paths';
import { safeRel } from './paths';
import { SCHEMA_VERSION } from './meta';
import { signWith, verifyWith, type Identity } from '../exchange/identity';

/**
 * The whole data folder as one file, to move SiteDesk to a new laptop: every record file and every
 * photo. Format 2 is an encrypted file (main/storage/cipherFile.ts) under `SDBK`:
 *
 * - the body (records, photos, and with them the organisation's key and this install's signing key) is
 *   encrypted with AES-256-GCM under a key derived with scrypt from a passphrase the manager types
 *   when exporting, so the file alone, on a USB stick or in an inbox, gives nobody anything;
 * - the readable header names the organisation and carries a proof (HMAC-SHA256 under the
 *   organisation's key of the header and the body's digest), so an install of the organisation can
 *   tell a file made inside it from one made anywhere else before it replaces a single file;
 * - the header, proof included, is signed with the exporting install's own Ed25519 key (`signer`,
 *   `signature`; files made before 5 Dec 2026 have neither). Every desk holds the organisation's key, so
 *   the proof alone cannot tell a manager's laptop from a desk: a manager's laptop restores only a file
 *   signed by a manager install its own directory lists (docs/security.md). The proof leaves the two
 *   fields out, so an older SiteDesk still reads a signed file.
 *
 * It is written under a temporary name and renamed when complete, so a half-written file never looks
 * like a backup. Format 1 files (unencrypted, key in clear) are refused with a clear message.
 */
const MAGIC = 'SDBK';
export const BACKUP_FILE_VERSION = 2;
/** The most a backup file's body may inflate to: the body limit is 25 MB of base64, photos do not shrink. */
export const MAX_BACKUP_INFLATED = 256 * 1024 * 1024;
const SCRYPT = { N: 2 ** 15, r: 8, p: 1 } as const;

const contentSchema = z.object({
  format: z.literal('sitedesk-backup'),
  version: z.number().int(),
  createdAt: z.string(),
  installId: z.string(),
  schemaVersion: z.number().int(),
  files: z.record(z.string(), z.string()),
  photos: z.record(z.string(), z.string()),
});
export type BackupContent = z.infer<typeof contentSchema>;

const headerSchema = z.object({
  format: z.literal('sitedesk-backup'),
  version: z.number().int(),
  createdAt: z.string().max(40),
  organisationId: z.string().max(100),
  organisationName: z.string().max(200),
  keyId: z.string().max(64),
  salt: z.string().max(64),
  /** Tells a wrong passphrase from a damaged file (GCM alone cannot): HMAC of a fixed text under the derived key. */
  check: z.string().regex(/^[0-9a-f]{32}$/),
  bodyDigest: z.string().regex(/^[0-9a-f]{64}$/),
  proof: z.string().regex(/^[0-9a-f]{64}$/),
  /** The install that made the file, and its Ed25519 signature of everything above (absent before 5 Dec 2026). */
  signer: z.object({ installId: z.string().max(100), publicKey: z.string().max(200) }).optional(),
  signature: z.string().max(200).optional(),
});
export type BackupHeader = z.infer<typeof headerSchema>;
type Unsigned = Omit<BackupHeader, 'proof' | 'signer' | 'signature'>;

/** The organisation a backup file is made in: its key proves the file's origin, and is never written in clear. */
export interface BackupOrg {
  id: string;
  name: string;
  key: string;
  keyId: string;
  /** The public keys of the manager installs in this install's own directory: only they may have signed a file restored here. */
  managers: readonly string[];
}

const keyFrom = (passphrase: string, salt: Buffer) =>
  scryptSync(passphrase.normalize('NFC'), salt, 32, { ...SCRYPT, maxmem: 64 * 1024 * 1024 });
const checkOf = (key: Buffer) => createHmac('sha256', key).update('sitedesk backup passphrase check').digest('hex').slice(0, 32);
const proofOf = (orgKey: string, header: Unsigned & Partial<BackupHeader>) => {
  const { proof: _p, signer: _s, signature: _g, ...rest } = header;
  return createHmac('sha256', Buffer.from(orgKey, 'base64')).update(canonical(rest)).digest('hex');
};
/** The bytes a backup file's signature covers: its header without the signature. */
const signedPart = (header: BackupHeader) => {
  const { signature: _g, ...rest } = header;
  return Buffer.from(canonical(rest), 'utf8');
};

const filesUnder = (dir: string): string[] => {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.endsWith('.tmp'))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
};

/** Encrypts the live data folder (between writes: the store is synchronous) under `passphrase` and saves it under `exports/`. */
export const writeBackupFile = (
  dirs: Layout,
  installId: string,
  now: number,
  org: BackupOrg,
  passphrase: string,
  identity: Identity,
): { file: string; bytes: Buffer } => {
  const files = Object.fromEntries(
    walkFiles(dirs.data)
      .filter((rel) => rel !== 'journal.json')
      .map((rel) => [rel, fs.readFileSync(path.join(dirs.data, rel), 'utf8')]),
  );
  const photos = Object.fromEntries(
    filesUnder(dirs.photos).map((rel) => [rel, fs.readFileSync(path.join(dirs.photos, rel)).toString('base64')]),
  );
  const content: BackupContent = {
    format: 'sitedesk-backup',
    version: BACKUP_FILE_VERSION,
    createdAt: new Date(now).toISOString(),
    installId,
    schemaVersion: SCHEMA_VERSION,
    files,
    photos,
  };
  const salt = randomBytes(16);
  const key = keyFrom(passphrase, salt);
  const bytes = sealEncrypted(
    MAGIC,
    (bodyDigest) => {
      const header: Unsigned = {
        format: 'sitedesk-backup',
        version: BACKUP_FILE_VERSION,
        createdAt: content.createdAt,
        organisationId: org.id,
        organisationName: org.name,
        keyId: org.keyId,
        salt: salt.toString('base64'),
        check: checkOf(key),
        bodyDigest,
      };
      const signed: BackupHeader = {
        ...header,
        proof: proofOf(org.key, header),
        signer: { installId, publicKey: identity.publicKey },
      };
      return { ...signed, signature: signWith(identity, signedPart(signed)) };
    },
    key,
    content,
  );
  const out = path.join(dirs.root, 'exports');
  fs.mkdirSync(out, { recursive: true });
  const file = path.join(out, `sitedesk-backup-${content.createdAt.replace(/[:.]/g, '-')}.sitedesk-backup`);
  fs.writeFileSync(`${file}.partial`, bytes);
  fs.renameSync(`${file}.partial`, file);
  return { file, bytes };
};

/** Why a backup file was refused; the message says what to do and that nothing was restored. */
export class BackupRefused extends Error {
  constructor(
    message: string,
    readonly field: 'file' | 'passphrase' = 'file',
  ) {
    super(message);
  }
}

/**
 * Opens a backup file, refusing one that is damaged, not a backup, old, from a newer SiteDesk, from
 * another organisation or not signed by one of its manager installs (when `org` is given: an install that
 * has one), or that the passphrase does not open. Nothing is inflated before the GCM tag and the body's digest have been checked.
 */
export const readBackupFile = (bytes: Buffer, passphrase: string, org: BackupOrg | null): BackupContent & { header: BackupHeader } => {
  const opened = openEncrypted<Record<string, unknown>>(MAGIC, bytes);
  if (!opened.ok) {
    if (opened.why === 'not-this-kind') throw new BackupRefused('This is not a SiteDesk backup file. Choose a .sitedesk-backup file.');
    if (opened.why === 'old-format')
      throw new BackupRefused(
        'This backup file was made by an older SiteDesk, which did not encrypt backup files. For safety it cannot be restored here: update SiteDesk on the computer that made it and export a new backup file. Nothing was restored.',
      );
    if (opened.why === 'newer-format') throw new BackupRefused(NEWER);
    throw new BackupRefused(DAMAGED);
  }
  if (typeof opened.header.version === 'number' && opened.header.version > BACKUP_FILE_VERSION) throw new BackupRefused(NEWER);
  const parsed = headerSchema.safeParse(opened.header);
  if (!parsed.success) throw new BackupRefused(DAMAGED);
  const header = parsed.data;
  if (org) {
    if (header.keyId !== org.keyId || header.organisationId !== org.id) {
      throw new BackupRefused(
        `This backup file was not made by ${org.name}: it comes from another organisation (“${header.organisationName.slice(0, 120)}”). Nothing was restored.`,
      );
    }
    const want = Buffer.from(proofOf(org.key, header), 'hex');
    if (!timingSafeEqual(want, Buffer.from(header.proof, 'hex')))
      throw new BackupRefused(
        `This backup file does not carry ${org.name}’s proof: it was changed after it was made. Nothing was restored.`,
      );
    if (!header.signer || !header.signature)
      throw new BackupRefused(
        `This backup file was made by an older SiteDesk, before backup files were signed, so this laptop cannot check that a manager’s laptop of ${org.name} made it. Export it again on a manager’s laptop with this SiteDesk, or restore it on a new install from the first-run screen. Nothing was restored.`,
      );
    if (!org.managers.includes(header.signer.publicKey) || !verifyWith(header.signer.publicKey, signedPart(header), header.signature))
      throw new BackupRefused(
        `This backup file was not made on a manager’s laptop of ${org.name}, so it cannot replace the data on this one. Nothing was restored.`,
      );
  }
  const key = keyFrom(passphrase, Buffer.from(header.salt, 'base64'));
  if (checkOf(key) !== header.check)
    throw new BackupRefused(
      'That passphrase does not open this backup file. Enter the passphrase typed when it was exported. Nothing was restored.',
      'passphrase',
    );
  const compressed = opened.body(key);
  if (!compressed || digestOf(compressed) !== header.bodyDigest) throw new BackupRefused(DAMAGED);
  let body: unknown;
  try {
    body = inflateJson(compressed, MAX_BACKUP_INFLATED);
  } catch (error) {
    throw new BackupRefused(error instanceof TooLarge ? 'This backup file is too large to restore here. Nothing was restored.' : DAMAGED);
  }
  const content = contentSchema.safeParse(body);
  if (!content.success)
    throw new BackupRefused('This backup file is damaged: its contents are not what SiteDesk writes. Nothing was restored.');
  const c = content.data;
  if (c.version > BACKUP_FILE_VERSION || c.schemaVersion > SCHEMA_VERSION) throw new BackupRefused(NEWER);
  try {
    for (const rel of [...Object.keys(c.files), ...Object.keys(c.photos)]) safeRel(rel);
  } catch {
    throw new BackupRefused('This backup file names a file outside the data folder. Nothing was restored.');
  }
  for (const [rel, text] of Object.entries(c.files)) {
    try {
      JSON.parse(text);
    } catch {
      throw new BackupRefused(`This backup file is damaged: ${rel.slice(0, 120)} is not readable. Nothing was restored.`);
    }
  }
  return { ...c, header };
};

const DAMAGED = 'This backup file is damaged (it was cut short or changed). Nothing was restored.';
const NEWER = 'This backup was made by a newer SiteDesk. Update SiteDesk on this computer, then restore it. Nothing was restored.';
