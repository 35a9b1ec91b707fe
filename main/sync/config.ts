/**
 * This install's hub settings (`system/sync`): the hub's address, this install's hub user and role,
 * its sites, and its hub password — never in clear at rest. The password is encrypted with AES-256-GCM
 * under a key derived (HKDF-SHA256) from this install's own Ed25519 private key (main/exchange/identity.ts,
 * the device key that signs its packs), with the address and user name as associated data, so the
 * sealed password cannot be moved to another hub entry. A whole-folder backup carries the device key
 * only under the manager's passphrase, so a copied settings file or backup does not give the hub
 * password away; anyone who can read the device key on the machine itself can, as with the packs.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Identity } from '../exchange/identity';

export interface SyncConfig {
  url: string;
  name: string;
  password: string;
  role: 'manager' | 'desk';
  sites: string[];
}

export const SYNC_CONFIG_FILE = 'system/sync';

/**
 * How long the hub has to answer a check of a hub user's name and password. A hub on a council's slow link, or one
 * just started on a busy machine, can take over 10 s to answer its first sign-in (measured: a test hub at load 12 on
 * two cores), and refusing it then sent the manager to check an address that was right.
 */
export const HUB_ANSWER_MS = 30_000;

const sealedSchema = z.object({ v: z.literal(1), salt: z.string(), iv: z.string(), tag: z.string(), data: z.string() });
export type SealedSecret = z.infer<typeof sealedSchema>;

const storedSchema = z.object({
  url: z.string().url(),
  name: z.string(),
  /** Sealed; a string is a password saved in clear by an earlier SiteDesk, sealed again on next start. */
  password: z.union([sealedSchema, z.string()]),
  role: z.enum(['manager', 'desk']),
  sites: z.array(z.string().regex(/^[A-Z]{2,4}$/)),
});
export type StoredSyncConfig = z.infer<typeof storedSchema>;

export const storedSyncSchema = z.object({ config: storedSchema.nullable() });

const keyOf = (identity: Pick<Identity, 'privateKey'>, salt: Buffer) =>
  Buffer.from(hkdfSync('sha256', Buffer.from(identity.privateKey, 'base64'), salt, 'sitedesk hub password v1', 32));
const aadOf = (url: string, name: string) => Buffer.from(`${url}\n${name}`, 'utf8');

/** The password sealed under this install's device key. */
export const sealPassword = (identity: Pick<Identity, 'privateKey'>, url: string, name: string, password: string): SealedSecret => {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(identity, salt), iv);
  cipher.setAAD(aadOf(url, name));
  const data = Buffer.concat([cipher.update(password, 'utf8'), cipher.final()]);
  return {
    v: 1,
    salt: salt.toString('base64'),
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
};

/** The password, or null when this device key did not seal it (or the file was changed). */
export const openPassword = (identity: Pick<Identity, 'privateKey'>, url: string, name: string, s: SealedSecret): string | null => {
  try {
    const d = createDecipheriv('aes-256-gcm', keyOf(identity, Buffer.from(s.salt, 'base64')), Buffer.from(s.iv, 'base64'));
    d.setAAD(aadOf(url, name));
    d.setAuthTag(Buffer.from(s.tag, 'base64'));
    return Buffer.concat([d.update(Buffer.from(s.data, 'base64')), d.final()]).toString('utf8');
  } catch {
    return null;
  }
};

export const storeConfig = (identity: Pick<Identity, 'privateKey'>, c: SyncConfig): StoredSyncConfig => ({
  ...c,
  password: sealPassword(identity, c.url, c.name, c.password),
});

/** The saved settings with the password opened; `password: null` when it cannot be opened here. */
export const openConfig = (
  identity: Pick<Identity, 'privateKey'> | null,
  s: StoredSyncConfig,
): Omit<SyncConfig, 'password'> & { password: string | null; inClear: boolean } => {
  if (typeof s.password === 'string') return { ...s, password: s.password, inClear: true };
  return { ...s, password: identity ? openPassword(identity, s.url, s.name, s.password) : null, inClear: false };
};
