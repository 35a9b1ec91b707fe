/**
 * Incident photos on disk. The bytes are checked by their magic numbers (JPEG, PNG or WebP only, never
 * by the name given) and size, then written under `photos/` with a generated name, so nothing a user or
 * a hostile page supplies, such as `../../evil.png`, ever becomes part of a path.
 */
import fs from 'node:fs';
import path from 'node:path';
import { MAX_PHOTO_BYTES } from '../../shared/contract/incidents';
import { newId } from '../../shared/domain/ids';
import { AppError } from '../../shared/result';
import type { Layout } from '../storage/paths';

const TYPES = [
  { ext: 'jpg', mime: 'image/jpeg', test: (b: Buffer) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    ext: 'png',
    mime: 'image/png',
    test: (b: Buffer) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  {
    ext: 'webp',
    mime: 'image/webp',
    test: (b: Buffer) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  },
] as const;

/** A stored photo's file name: only what storePhoto generates is ever read back. */
const STORED = /^[A-Za-z0-9_-]{6,64}\.(jpg|png|webp)$/;

/** The image type of some bytes, or null when they are not a JPEG, PNG or WebP. */
export const imageTypeOf = (bytes: Buffer) => TYPES.find((t) => t.test(bytes)) ?? null;

/** A file name fit to show: no folders, no control characters, at most 120 characters. */
export const displayName = (name: string): string =>
  (name.split(/[\\/]/).pop() ?? '')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .trim()
    .slice(0, 120) || 'photo';

/** Checks and stores a photo; returns the generated file name (relative to `photos/`) and its size. */
export const storePhoto = (dirs: Layout, base64: string): { file: string; bytes: number } => {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0) throw new AppError('invalid', 'That photo is empty.', { photo: 'Choose an image file' });
  if (bytes.length > MAX_PHOTO_BYTES) throw new AppError('invalid', 'A photo is at most 10 MB.', { photo: 'Choose a smaller image' });
  const type = imageTypeOf(bytes);
  if (!type) throw new AppError('invalid', 'Only JPEG, PNG or WebP images can be attached.', { photo: 'Choose a JPEG, PNG or WebP image' });
  const file = `${newId()}.${type.ext}`;
  fs.mkdirSync(dirs.photos, { recursive: true });
  const full = path.join(dirs.photos, file);
  const fd = fs.openSync(full, 'wx');
  try {
    fs.writeSync(fd, bytes);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return { file, bytes: bytes.length };
};

/** A stored photo's bytes and type, or null when the file is missing or not one SiteDesk wrote. */
export const readPhoto = (dirs: Layout, file: string): { bytes: Buffer; mime: string } | null => {
  if (!STORED.test(file)) return null;
  const full = path.join(dirs.photos, file);
  if (!fs.existsSync(full)) return null;
  const bytes = fs.readFileSync(full);
  const type = imageTypeOf(bytes);
  return type ? { bytes, mime: type.mime } : null;
};
