import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { walkFiles } from './backups';
import type { Layout } from './paths';
import { safeRel } from './paths';
import { seal, unseal } from './sealedFile';
import { SCHEMA_VERSION } from './meta';

/**
 * The whole data folder as one file, to move SiteDesk to a new laptop: every record file and every
 * photo, sealed (main/storage/sealedFile.ts) under `SDBK`. It is written under a temporary name and
 * renamed when complete, so a half-written file never looks like a backup.
 */
const MAGIC = 'SDBK';
export const BACKUP_FILE_VERSION = 1;

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

const filesUnder = (dir: string): string[] => {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && !e.name.endsWith('.tmp')).map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
};

/** Seals the live data folder (between writes: the store is synchronous) and saves it under `exports/`. */
export const writeBackupFile = (dirs: Layout, installId: string, now: number): { file: string; bytes: Buffer } => {
  const files = Object.fromEntries(walkFiles(dirs.data).filter((rel) => rel !== 'journal.json').map((rel) => [rel, fs.readFileSync(path.join(dirs.data, rel), 'utf8')]));
  const photos = Object.fromEntries(filesUnder(dirs.photos).map((rel) => [rel, fs.readFileSync(path.join(dirs.photos, rel)).toString('base64')]));
  const content: BackupContent = { format: 'sitedesk-backup', version: BACKUP_FILE_VERSION, createdAt: new Date(now).toISOString(), installId, schemaVersion: SCHEMA_VERSION, files, photos };
  const bytes = seal(MAGIC, content);
  const out = path.join(dirs.root, 'exports');
  fs.mkdirSync(out, { recursive: true });
  const file = path.join(out, `sitedesk-backup-${content.createdAt.replace(/[:.]/g, '-')}.sitedesk-backup`);
  fs.writeFileSync(`${file}.partial`, bytes);
  fs.renameSync(`${file}.partial`, file);
  return { file, bytes };
};

/** Opens a backup file, refusing one that is damaged, not a backup, or from a newer SiteDesk. */
export const readBackupFile = (bytes: Buffer): BackupContent => {
  const opened = unseal(MAGIC, bytes);
  if (!opened.ok) throw new Error(opened.why === 'damaged' ? 'This backup file is damaged (it was cut short or changed). Nothing was restored.' : 'This is not a SiteDesk backup file. Choose a .sitedesk-backup file.');
  const parsed = contentSchema.safeParse(opened.value);
  if (!parsed.success) throw new Error('This backup file is damaged: its contents are not what SiteDesk writes. Nothing was restored.');
  const c = parsed.data;
  if (c.version > BACKUP_FILE_VERSION || c.schemaVersion > SCHEMA_VERSION) throw new Error('This backup was made by a newer SiteDesk. Update SiteDesk on this computer, then restore it. Nothing was restored.');
  for (const rel of [...Object.keys(c.files), ...Object.keys(c.photos)]) safeRel(rel);
  for (const [rel, text] of Object.entries(c.files)) {
    try {
      JSON.parse(text);
    } catch {
      throw new Error(`This backup file is damaged: ${rel} is not readable. Nothing was restored.`);
    }
  }
  return c;
};
