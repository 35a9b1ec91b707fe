import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { newId } from '../../shared/domain/ids';
import { siteCodeSchema } from '../../shared/schemas/common';
import type { AppCore } from '../services/types';
import type { FileKind } from '../storage/dataStore';

/**
 * The organisation an install belongs to and the key its installs share. Packs are signed with it
 * (HMAC-SHA256), so a pack made outside the organisation, or changed after it was made, is refused. A
 * manager's install makes the key the first time it is needed; a desk gets it in its enrolment file.
 * It lives in the data folder, so backups carry it and a restored laptop keeps exchanging.
 */
export const orgSchema = z.object({
  id: z.string().min(6),
  name: z.string().min(1).max(120),
  key: z.string().min(40),
  role: z.enum(['manager', 'desk']),
  sites: z.array(siteCodeSchema),
  createdAt: z.string(),
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
  if (existing) return existing;
  const org: Org = {
    id: newId(),
    name: app.repos.settings.get().organisationName,
    key: randomBytes(32).toString('base64'),
    role: 'manager',
    sites: [],
    createdAt: new Date(app.now()).toISOString(),
  };
  app.ds.write(ORG_FILE, orgKind, { org });
  return org;
};
