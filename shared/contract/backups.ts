import { z } from 'zod';
import type { BinaryFile } from './define';
import { channel } from './define';

export interface BackupView {
  id: string;
  at: string;
  reason: string;
  files: number;
  bytes: number;
}

export interface RestoreResult {
  /** The backup taken of the data as it was just before, so the restore can be undone. */
  undoId: string | null;
  files: number;
}

/** The shortest passphrase a whole-folder backup file may be encrypted under. */
export const MIN_BACKUP_PASSPHRASE = 10;
const fileSchema = z.string().min(4, 'Choose a file').max(25_000_000, 'That file is too large');
const passphraseSchema = z.string().min(1, 'Enter the passphrase the backup file was exported with').max(200, 'At most 200 characters');

export const backupsChannels = {
  'backups:list': channel(z.object({}).strict(), 'manager')<BackupView[]>(),
  'backups:create': channel(z.object({}).strict(), 'manager')<BackupView>(),
  'backups:restore': channel(
    z.object({ id: z.string().regex(/^[0-9TZ-]{10,40}$/, 'Choose a backup') }).strict(),
    'manager',
  )<RestoreResult>(),
  /** The whole folder as one file, encrypted under a passphrase the manager types (and must keep). */
  'backups:export': channel(
    z
      .object({
        passphrase: z
          .string()
          .min(MIN_BACKUP_PASSPHRASE, `Choose a passphrase of at least ${MIN_BACKUP_PASSPHRASE} characters`)
          .max(200, 'At most 200 characters'),
      })
      .strict(),
    'manager',
  )<BinaryFile>(),
  /** A manager, unlocked, restores a backup file over this install: it must carry this organisation's proof. */
  'backups:restore-file': channel(z.object({ file: fileSchema, passphrase: passphraseSchema }).strict(), 'manager')<RestoreResult>(),
  /**
   * First run on a new laptop: only on a truly fresh install (no accounts, no records, nothing lost),
   * never in the "accounts lost" state. The passphrase is the proof the file is the manager's.
   */
  'backups:restore-fresh': channel(z.object({ file: fileSchema, passphrase: passphraseSchema }).strict(), 'public')<RestoreResult>(),
};
