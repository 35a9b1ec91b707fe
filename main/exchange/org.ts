import { createHash, hkdfSync, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { newId } from '../../shared/domain/ids';
import { siteCodeSchema } from '../../shared/schemas/common';
import type { AppCore } from '../services/types';
import type { FileKind } from '../storage/dataStore';
import { ensureIdentity } from './identity';

/**
 * The organisation an install belongs to, the key its installs share, and its directory of installs.
 * Packs are encrypted under a key derived from the shared key (AES-256-GCM), so a pack picked up
 * outside the organisation cannot be read, and signed with the sending install's own Ed25519 key
 * (main/exchange/identity.ts). The directory lists the public keys of the manager installs, so a desk
 * accepts a rota only from a manager's install. A manager's install makes the key the first time it is
 * needed; a desk gets the key and the directory in its enrolment file. It lives in the data folder, so
 * a restored laptop keeps exchanging; whole-folder backup files carry it only encrypted under the
 * manager's passphrase.
 */
export const installEntrySchema = z.object({
  installId: z.string().min(6),
  role: z.enum(['manager', 'desk']),
  publicKey: z.string().min(40),
  addedAt: z.string(),
  /**
   * The sites a desk was enrolled for: an activity pack it signs may name no other. Absent for a manager, and for a
   * desk enrolled by an older SiteDesk or on another manager's computer (known only from its first pack).
   */
  sites: z.array(siteCodeSchema).optional(),
});
export type InstallEntry = z.infer<typeof installEntrySchema>;

export const orgSchema = z.object({
  id: z.string().min(6),
  name: z.string().min(1).max(120),
  key: z.string().min(40),
  role: z.enum(['manager', 'desk']),
  sites: z.array(siteCodeSchema),
  createdAt: z.string(),
  /** The organisation's directory of installs (format 1 organisation files had none). */
  installs: z.array(installEntrySchema).default([]),
});
export type Org = z.infer<typeof orgSchema>;

export const ORG_FILE = 'system/org';
export const orgKind: FileKind<{ org: Org | null }> = { schema: z.object({ org: orgSchema.nullable() }), empty: () => ({ org: null }) };

/** A short fingerprint of a key, safe to show and to put in a manifest. */
export const keyIdOf = (key: string): string => createHash('sha256').update(Buffer.from(key, 'base64')).digest('hex').slice(0, 12);

/** This install's organisation, if it has one. */
export const readOrg = (app: AppCore): Org | null => app.ds.read(ORG_FILE, orgKind).org;

/** The organisation, made now with a new key when a manager's install needs it for the first time. */
export const ensureManagerOrg = (app: AppCore): Org => {
  const existing = readOrg(app);
  if (existing) return existing.role === 'manager' ? listSelf(app, existing) : existing;
  const org: Org = {
    id: newId(),
    name: app.repos.settings.get().organisationName,
    key: randomBytes(32).toString('base64'),
    role: 'manager',
    sites: [],
    createdAt: new Date(app.now()).toISOString(),
    installs: [],
  };
  return listSelf(app, org, true);
};

/**
 * Publishes this install's public key in its organisation's directory (a manager's install as a
 * manager), writing the organisation file only when that changes it.
 */
export const listSelf = (app: AppCore, org: Org, mustWrite = false): Org => {
  const identity = ensureIdentity(app);
  const listed = org.installs.find((i) => i.publicKey === identity.publicKey);
  if (listed && listed.role === org.role && !mustWrite) return org;
  const entry: InstallEntry = {
    installId: app.meta.installId,
    role: org.role,
    publicKey: identity.publicKey,
    addedAt: new Date(app.now()).toISOString(),
  };
  const next: Org = { ...org, installs: [...org.installs.filter((i) => i.publicKey !== identity.publicKey), entry] };
  app.ds.write(ORG_FILE, orgKind, { org: next });
  return next;
};

/**
 * Records a desk enrolled here in the organisation's directory: the public key of the identity made for it (carried
 * to the desk in its enrolment file) and its sites, so its packs are checked against them from the first. Its
 * install id is not known until its first pack (see `rememberSigner`), so it is listed under the enrolment's own.
 */
export const recordDesk = (app: AppCore, org: Org, publicKey: string, sites: string[]): Org => {
  const entry: InstallEntry = {
    installId: `enrolment_${newId()}`,
    role: 'desk',
    publicKey,
    addedAt: new Date(app.now()).toISOString(),
    sites: [...sites].sort(),
  };
  const next: Org = { ...org, installs: [...org.installs, entry] };
  app.ds.write(ORG_FILE, orgKind, { org: next });
  return next;
};

/** The key packs are encrypted under: derived from the organisation's key, never the key itself. */
export const packKeyOf = (key: string): Buffer =>
  Buffer.from(hkdfSync('sha256', Buffer.from(key, 'base64'), Buffer.alloc(0), 'sitedesk pack v2', 32));
