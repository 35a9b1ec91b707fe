import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';

/**
 * SiteDesk's encrypted one-file container (format 2 of packs and whole-folder backups):
 *
 *   magic (4 bytes) | 0x02 | header length (uint32 BE) | header (JSON, readable) | iv (12) | tag (16) | ciphertext
 *
 * The ciphertext is AES-256-GCM of the gzipped JSON body, with everything before the iv as associated
 * data, so a changed header or body byte fails the tag. The tag is checked before a single byte is
 * inflated, and inflating stops at `maxInflated` bytes: a small file that would inflate to gigabytes
 * (a zip bomb) is refused instead of filling main's memory.
 *
 * Format 1 files were `magic | gzip | sha256` (main/storage/sealedFile.ts) and were not encrypted; they
 * are recognised only to be refused with a clear message.
 */
export const CIPHER_FORMAT = 2;
const IV = 12;
const TAG = 16;
const MAX_HEADER = 64 * 1024;

export type Opened<H> =
  | { ok: true; header: H; body: (key: Buffer) => Buffer | null }
  | { ok: false; why: 'not-this-kind' | 'old-format' | 'newer-format' | 'damaged' };

/** The sha256 (hex) of a compressed body, as a header names it. */
export const digestOf = (compressed: Buffer): string => createHash('sha256').update(compressed).digest('hex');

const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};

/**
 * Encrypts `body` (any JSON value) under `key` (32 bytes) behind a readable header. The header may be
 * made from the sha256 (hex) of the compressed body, so a signature in it can cover the body too.
 */
export const sealEncrypted = (magic: string, header: object | ((bodyDigest: string) => object), key: Buffer, body: unknown): Buffer => {
  const compressed = gzipSync(JSON.stringify(body));
  const made = typeof header === 'function' ? header(digestOf(compressed)) : header;
  const headerBytes = Buffer.from(JSON.stringify(made), 'utf8');
  const aad = Buffer.concat([Buffer.from(magic, 'latin1'), Buffer.from([CIPHER_FORMAT]), u32(headerBytes.length), headerBytes]);
  const iv = randomBytes(IV);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad);
  const secret = Buffer.concat([cipher.update(compressed), cipher.final()]);
  return Buffer.concat([aad, iv, cipher.getAuthTag(), secret]);
};

/**
 * Reads the header of an encrypted file without decrypting anything. `body(key)` then authenticates
 * and decrypts: it returns the still-compressed body, or null when the key is wrong or a byte changed.
 */
export const openEncrypted = <H>(magic: string, bytes: Buffer): Opened<H> => {
  if (bytes.length < magic.length + 1 || bytes.subarray(0, magic.length).toString('latin1') !== magic)
    return { ok: false, why: 'not-this-kind' };
  const version = bytes[magic.length];
  // Format 1 went straight on with gzip's own magic (1f 8b).
  if (version === 0x1f && bytes[magic.length + 1] === 0x8b) return { ok: false, why: 'old-format' };
  if (version > CIPHER_FORMAT && version < 0x20) return { ok: false, why: 'newer-format' };
  if (version !== CIPHER_FORMAT || bytes.length < magic.length + 5) return { ok: false, why: 'damaged' };
  const headerLength = bytes.readUInt32BE(magic.length + 1);
  const headerStart = magic.length + 5;
  if (headerLength > MAX_HEADER || bytes.length < headerStart + headerLength + IV + TAG) return { ok: false, why: 'damaged' };
  const headerBytes = bytes.subarray(headerStart, headerStart + headerLength);
  let header: H;
  try {
    header = JSON.parse(headerBytes.toString('utf8')) as H;
  } catch {
    return { ok: false, why: 'damaged' };
  }
  if (typeof header !== 'object' || header === null) return { ok: false, why: 'damaged' };
  const aad = bytes.subarray(0, headerStart + headerLength);
  const iv = bytes.subarray(aad.length, aad.length + IV);
  const tag = bytes.subarray(aad.length + IV, aad.length + IV + TAG);
  const secret = bytes.subarray(aad.length + IV + TAG);
  const body = (key: Buffer): Buffer | null => {
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAAD(aad);
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(secret), decipher.final()]);
    } catch {
      return null;
    }
  };
  return { ok: true, header, body };
};

/** Inflates an authenticated body and parses its JSON, or throws `TooLarge` past `maxInflated` bytes. */
export class TooLarge extends Error {}
export const inflateJson = (compressed: Buffer, maxInflated: number): unknown => {
  let text: Buffer;
  try {
    text = gunzipSync(compressed, { maxOutputLength: maxInflated });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new TooLarge(`inflates beyond ${maxInflated} bytes`);
    throw error;
  }
  return JSON.parse(text.toString('utf8'));
};
