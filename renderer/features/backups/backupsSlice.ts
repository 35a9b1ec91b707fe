import { call } from '../../api';
import type { BackupView, RestoreResult } from '../../../shared/contract/backups';
import type { BinaryFile } from '../../../shared/contract/define';
import type { Result } from '../../../shared/result';
import type { Load, Slice } from '../../store/types';

export interface BackupsSlice {
  backups: Load<BackupView[]>;
  loadBackups: () => Promise<void>;
  takeBackup: () => Promise<Result<BackupView>>;
  restoreBackup: (id: string) => Promise<Result<RestoreResult>>;
  exportBackupFile: (passphrase: string) => Promise<Result<BinaryFile>>;
  /** A signed-in manager restores a file of this organisation over this install. */
  restoreBackupFile: (file: string, passphrase: string) => Promise<Result<RestoreResult>>;
  /** First run on a truly fresh install (a new laptop). */
  restoreFreshBackupFile: (file: string, passphrase: string) => Promise<Result<RestoreResult>>;
}

export const createBackupsSlice: Slice<BackupsSlice> = (set, get) => {
  /** After the data changed under the app, everything shown may be stale: reload what this screen and the session show. */
  const afterRestore = async () => {
    await get().refreshAuth();
    if (get().auth?.user?.role === 'manager') await get().loadBackups();
  };
  return {
    backups: { status: 'idle' },
    loadBackups: async () => {
      const r = await call('backups:list', {});
      set({ backups: r.ok ? { status: 'ready', data: r.data } : { status: 'error', message: r.message } });
    },
    takeBackup: async () => {
      const r = await call('backups:create', {});
      await get().loadBackups();
      return r;
    },
    restoreBackup: async (id) => {
      const r = await call('backups:restore', { id });
      if (r.ok) await afterRestore();
      return r;
    },
    exportBackupFile: (passphrase) => call('backups:export', { passphrase }),
    restoreBackupFile: async (file, passphrase) => {
      const r = await call('backups:restore-file', { file, passphrase });
      if (r.ok) await afterRestore();
      return r;
    },
    restoreFreshBackupFile: async (file, passphrase) => {
      const r = await call('backups:restore-fresh', { file, passphrase });
      if (r.ok) await afterRestore();
      return r;
    },
  };
};
