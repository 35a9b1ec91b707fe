import { createCipheriv, createDecipheriv, randomBytes, randomInt, scryptSync } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../shared/result';
import { accountSchema, type Account } from '../../shared/schemas/account';
import { siteSchema, type Site } from '../../shared/schemas/site';
import { seal, unseal } from '../storage/sealedFile';
import { identitySchema, type Identity } from './identity';
import { orgSchema, type Org } from './org';

/**
 * The enrolment file a manager gives a new site desk: the organisation's name and key, the desk's sites
 * and the accounts of its supervisors (password hashes only), and the desk's hub user when the
 * organisation syncs through a hub. Because it holds the key, it is encrypted
 * (AES-256-GCM under a key derived with scrypt from a one-time code the manager reads out or writes
 * down), so the file alone, left on a USB stick or in an inbox, lets nobody sign packs.
 */
const MAGIC = 'SDEN';
// Crockford-style alphabet: no 0/O or 1/I/L to misread when the code is typed in at the desk.
const ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ23456789';

const contentSchema = z.object({
  org: orgSchema,
  sites: z.array(siteSchema),
  accounts: z.array(accountSchema),
  createdAt: z.string(),
  /** The desk's hub address, user and password, so it syncs by itself once enrolled (absent: no hub). */
  hub: z.object({ url: z.string().url(), name: z.string(), password: z.string() }).optional(),
  /**
   * For each of the desk's sites and each year, the highest incident reference the manager's install
   * knows, so the desk's own plain references carry on from it (files made before this field: none).
   */
  references: z.array(z.string().max(40)).max(1000).default([]),
  /**
   * The desk's own signing identity, made by the manager's install, which records its public key with the desk's
   * sites, so the desk's packs are checked against its sites (files made before this field: the desk makes its own).
   */
  identity: identitySchema.optional(),
  /**
   * The manager's laptop's hybrid-clock stamp when it made the file: the desk takes no roster older than this
   * (main/sync/roster.ts), so a roster signed before the file was made cannot give back a sign-in it left out.
   */
  rosterStamp: z.string().min(1).max(200).optional(),
});
export type Enrolment = z.infer<typeof contentSchema>;

const normalise = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, '');
const keyFrom = (code: string, salt: Buffer) => scryptSync(normalise(code), salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });

/** A new one-time code, e.g. `K7QM-W3XP-9RTA`. */
export const newEnrolmentCode = (): string =>
  Array.from({ length: 3 }, () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')).join('-');

/** Seals an enrolment under its code. */
export const sealEnrolment = (
  org: Org,
  sites: Site[],
  accounts: Account[],
  code: string,
  now: number,
  references: string[] = [],
  hub?: { url: string; name: string; password: string },
  identity?: Identity,
  rosterStamp?: string,
): Buffer => {
  const content: Enrolment = {
    org,
    sites,
    accounts,
    createdAt: new Date(now).toISOString(),
    references,
    ...(hub ? { hub } : {}),
    ...(identity ? { identity } : {}),
    ...(rosterStamp ? { rosterStamp } : {}),
  };
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFrom(code, salt), iv);
  const secret = Buffer.concat([cipher.update(JSON.stringify(content), 'utf8'), cipher.final()]);
  return seal(MAGIC, {
    format: 'sitedesk-enrolment',
    version: 1,
    salt: salt.toString('base64'),
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    secret: secret.toString('base64'),
  });
};

/** Opens an enrolment file with its code, or says clearly why it cannot. */
export const openEnrolment = (bytes: Buffer, code: string): Enrolment => {
  const opened = unseal(MAGIC, bytes);
  if (!opened.ok) {
    throw new AppError(
      'invalid',
      opened.why === 'damaged'
        ? 'This enrolment file is damaged. Ask the manager to make a new one.'
        : 'This is not a SiteDesk enrolment file.',
      { file: 'Choose the enrolment file' },
    );
  }
  const box = opened.value as { version?: number; salt: string; iv: string; tag: string; secret: string };
  if ((box.version ?? 1) > 1)
    throw new AppError('invalid', 'This enrolment file was made by a newer SiteDesk. Update SiteDesk on this computer first.');
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFrom(code, Buffer.from(box.salt, 'base64')), Buffer.from(box.iv, 'base64'));
    decipher.setAuthTag(Buffer.from(box.tag, 'base64'));
    const plain = Buffer.concat([decipher.update(Buffer.from(box.secret, 'base64')), decipher.final()]).toString('utf8');
    return contentSchema.parse(JSON.parse(plain));
  } catch {
    throw new AppError(
      'invalid',
      'That code does not open this enrolment file. Check the code the manager gave you (letters and digits, dashes optional).',
      { code: 'Check the code' },
    );
  }
};
