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

export const backupsChannels = {
  'backups:list': channel(z.object({}).strict(), 'manager')<BackupView[]>(),
  'backups:create': channel(z.object({}).strict(), 'manager')<BackupView>(),
  'backups:restore': channel(z.object({ id: z.string().regex(/^[0-9TZ-]{10,40}$/, 'Choose a backup') }).strict(), 'manager')<RestoreResult>(),
  'backups:export': channel(z.object({}).strict(), 'manager')<BinaryFile>(),
  /** Restores a whole-folder backup file: by a manager, or on first run (a new laptop). */
  'backups:restore-file': channel(z.object({ file: z.string().min(4, 'Choose a file').max(25_000_000, 'That file is too large') }).strict(), 'public')<RestoreResult>(),
};
