import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { z } from 'zod';
import type { AppCore } from '../services/types';
import type { FileKind } from '../storage/dataStore';

/**
 * This install's own Ed25519 identity. Its private key never leaves the install (except inside a
 * passphrase-encrypted whole-folder backup); its public key is published in the organisation's
 * directory of installs (main/exchange/org.ts). A pack is signed with it, so a desk, which holds the
 * organisation's shared key, can read and check a manager's rota pack but cannot make one.
 */
export const IDENTITY_FILE = 'system/identity';
export const identitySchema = z.object({ publicKey: z.string().min(40), privateKey: z.string().min(40), createdAt: z.string() });
export type Identity = z.infer<typeof identitySchema>;
export const identityKind: FileKind<{ identity: Identity | null }> = {
  schema: z.object({ identity: identitySchema.nullable() }),
  empty: () => ({ identity: null }),
};

/** A new key pair: public key as SPKI DER, private key as PKCS#8 DER, both base64. */
export const newIdentity = (now: number): Identity => {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    privateKey: privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
    createdAt: new Date(now).toISOString(),
  };
};

export const readIdentity = (app: AppCore): Identity | null => app.ds.read(IDENTITY_FILE, identityKind).identity;

/** This install's identity, made now the first time it is needed. */
export const ensureIdentity = (app: AppCore): Identity => {
  const existing = readIdentity(app);
  if (existing) return existing;
  const identity = newIdentity(app.now());
  app.ds.write(IDENTITY_FILE, identityKind, { identity });
  return identity;
};

export const signWith = (identity: Pick<Identity, 'privateKey'>, data: Buffer): string =>
  sign(null, data, createPrivateKey({ key: Buffer.from(identity.privateKey, 'base64'), format: 'der', type: 'pkcs8' })).toString('base64');

/** Whether `signature` is `publicKey`'s Ed25519 signature of `data`; false for any malformed input. */
export const verifyWith = (publicKey: string, data: Buffer, signature: string): boolean => {
  try {
    const key = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
    return key.asymmetricKeyType === 'ed25519' && verify(null, data, key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
};
