import fs from 'node:fs';
import path from 'node:path';
import type { BackupView, RestoreResult } from '../../shared/contract/backups';
import { headOf } from '../../shared/domain/incidents';
import { AppError } from '../../shared/result';
import { readBackupFile, writeBackupFile } from '../storage/backupFile';
import { walkFiles } from '../storage/backups';
import { serializeWithSum } from '../storage/checksum';
import { CLOCK_FILE } from '../storage/clockFile';
import { openRepos } from '../storage/repos';
import { swapInData } from '../storage/restore';
import type { AppCore, Handlers } from './types';

const viewOf = ({ id, at, reason, files, bytes }: BackupView): BackupView => ({ id, at, reason, files, bytes });

/** A backup of the data as it is now, taken before it is replaced, so the restore can be undone. */
const undoPoint = (app: AppCore, what: string): string | null => {
  if (app.repos.accounts.all().length === 0) return null;
  app.ds.backupIfChanged(`Before restoring ${what}`, true);
  return app.ds.backups.list()[0]?.id ?? null;
};

/**
 * Replaces the live data with `files` (path under data/ -> text), atomically (main/storage/restore.ts).
 * The install keeps its own identity and clock: its meta is written over the restored one, and the clock
 * is moved past the restored stamps, so this install never reuses a stamp or another install's id.
 */
const replaceData = (app: AppCore, files: Record<string, string>): void => {
  const restoredClock = files[`${CLOCK_FILE}.json`];
  if (restoredClock) {
    const hlc = (JSON.parse(restoredClock) as { hlc?: string | null }).hlc;
    if (hlc) app.clock.see(hlc, app.now());
  }
  swapInData(app.dirs, (stage) => {
    const write = (rel: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(stage, rel)), { recursive: true });
      fs.writeFileSync(path.join(stage, rel), text);
    };
    const keep = (rel: string) => fs.existsSync(path.join(app.dirs.data, rel)) && write(rel, fs.readFileSync(path.join(app.dirs.data, rel), 'utf8'));
    for (const [rel, text] of Object.entries(files)) if (rel !== 'journal.json') write(rel, text);
    write('system/meta.json', serializeWithSum({ meta: app.meta }));
    write(`${CLOCK_FILE}.json`, serializeWithSum({ hlc: app.clock.value }));
    // An older backup from before this desk was enrolled must not cost it the organisation's key.
    if (!files['system/org.json']) keep('system/org.json');
  });
  app.ds.replaced();
  app.repos = openRepos(app.ds);
  // A restore chosen by a manager sets every incident back on purpose: its heads are recorded anew, as such.
  const heads = app.repos.incidents.keys().flatMap((key) => Object.values(app.repos.incidents.partitionOnce(key)).map((i) => ({ id: i.id, ...headOf(i.id, i.history), why: 'restore' as const })));
  app.heads.record(heads, new Date(app.now()).toISOString());
};

export const backupHandlers: Pick<Handlers, 'backups:list' | 'backups:create' | 'backups:restore' | 'backups:export' | 'backups:restore-file'> = {
  'backups:list': (_req, { app }) => {
    app.ds.settleBackup(); // the start-up backup may still be being taken in the background: list it too
    return app.ds.backups.list().map(viewOf);
  },

  'backups:create': (_req, { app }) => {
    app.ds.backupIfChanged('Taken by hand', true);
    return viewOf(app.ds.backups.list()[0]);
  },

  'backups:restore': (req, { app }) => {
    const chosen = app.ds.backups.list().find((b) => b.id === req.id);
    if (!chosen) throw new AppError('not_found', 'That backup no longer exists.');
    const dir = path.join(app.dirs.backups, chosen.id);
    const files = Object.fromEntries(walkFiles(dir).map((rel) => [rel, fs.readFileSync(path.join(dir, rel), 'utf8')]));
    const undoId = undoPoint(app, `the backup of ${chosen.at}`);
    replaceData(app, files);
    return { undoId, files: Object.keys(files).length } satisfies RestoreResult;
  },

  'backups:export': (_req, { app }) => {
    const { file, bytes } = writeBackupFile(app.dirs, app.meta.installId, app.now());
    return { fileName: path.basename(file), base64: bytes.toString('base64'), bytes: bytes.length };
  },

  'backups:restore-file': (req, { app, user }) => {
    const fresh = app.repos.accounts.all().length === 0;
    if (!fresh && user?.role !== 'manager') throw new AppError(user ? 'forbidden' : 'signed_out', 'Only a manager can restore a backup file.');
    let content;
    try {
      content = readBackupFile(Buffer.from(req.file, 'base64'));
    } catch (error) {
      throw new AppError('invalid', (error as Error).message, { file: (error as Error).message });
    }
    const undoId = undoPoint(app, 'a backup file');
    for (const [rel, base64] of Object.entries(content.photos)) {
      const target = path.join(app.dirs.photos, rel);
      if (fs.existsSync(target)) continue;
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(`${target}.tmp`, Buffer.from(base64, 'base64'));
      fs.renameSync(`${target}.tmp`, target);
    }
    replaceData(app, content.files);
    return { undoId, files: Object.keys(content.files).length };
  },
};
