import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';

/**
 * SiteDesk's one-file container (packs, whole-folder backups): four magic bytes naming what it is, the
 * gzipped JSON, then the sha256 of the gzipped bytes, so any changed or missing byte is caught before
 * anything is read, even in the parts gzip's own check does not cover.
 */
const TRAILER = 32;
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest();

/** Seals a JSON value under a four-letter magic. */
export const seal = (magic: string, value: unknown): Buffer => {
  const body = gzipSync(JSON.stringify(value));
  return Buffer.concat([Buffer.from(magic), body, sha256(body)]);
};

export type Unsealed = { ok: true; value: unknown } | { ok: false; why: 'not-this-kind' | 'damaged' };

/** Opens a sealed file, saying whether it is of another kind or damaged. */
export const unseal = (magic: string, bytes: Buffer): Unsealed => {
  if (bytes.length < magic.length + TRAILER + 10 || bytes.subarray(0, magic.length).toString('latin1') !== magic)
    return { ok: false, why: 'not-this-kind' };
  const body = bytes.subarray(magic.length, bytes.length - TRAILER);
  if (!sha256(body).equals(bytes.subarray(bytes.length - TRAILER))) return { ok: false, why: 'damaged' };
  try {
    return { ok: true, value: JSON.parse(gunzipSync(body).toString('utf8')) };
  } catch {
    return { ok: false, why: 'damaged' };
  }
};
