import fs from 'node:fs';
import path from 'node:path';
import type { BackupView, RestoreResult } from '../../shared/contract/backups';
import { headOf } from '../../shared/domain/incidents';
import { AppError } from '../../shared/result';
import { ensureManagerOrg, keyIdOf, readOrg, type Org } from '../exchange/org';
import { ensureIdentity, IDENTITY_FILE } from '../exchange/identity';
import { BackupRefused, readBackupFile, writeBackupFile, type BackupContent, type BackupOrg } from '../storage/backupFile';
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
    const keep = (rel: string) =>
      fs.existsSync(path.join(app.dirs.data, rel)) && write(rel, fs.readFileSync(path.join(app.dirs.data, rel), 'utf8'));
    for (const [rel, text] of Object.entries(files)) if (rel !== 'journal.json') write(rel, text);
    write('system/meta.json', serializeWithSum({ meta: app.meta }));
    write(`${CLOCK_FILE}.json`, serializeWithSum({ hlc: app.clock.value }));
    // An older backup from before this desk was enrolled must not cost it the organisation's key.
    if (!files['system/org.json']) keep('system/org.json');
    // An install keeps its own signing identity; a new laptop takes over the one in the file.
    if (fs.existsSync(path.join(app.dirs.data, `${IDENTITY_FILE}.json`))) keep(`${IDENTITY_FILE}.json`);
  });
  app.ds.replaced();
  app.repos = openRepos(app.ds);
  // A restore chosen by a manager sets every incident back on purpose: its heads are recorded anew, as such.
  const heads = app.repos.incidents
    .keys()
    .flatMap((key) =>
      Object.values(app.repos.incidents.partitionOnce(key)).map((i) => ({ id: i.id, ...headOf(i.id, i.history), why: 'restore' as const })),
    );
  app.heads.record(heads, new Date(app.now()).toISOString());
};

/** Data files a new install writes before anyone sets it up; anything else means it holds data. */
const FRESH_FILES = new Set(['system/meta.json', `${CLOCK_FILE}.json`]);

/**
 * A truly fresh install: no accounts, no file ever lost (the "accounts lost" state is not fresh: its
 * records are still there), no record files and no photos. Only here may a backup file be restored by
 * someone not signed in, since there is nothing here for it to replace.
 */
export const isFresh = (app: AppCore): boolean =>
  app.repos.accounts.all().length === 0 &&
  app.ds.lostFiles().length === 0 &&
  walkFiles(app.dirs.data).every((rel) => FRESH_FILES.has(rel)) &&
  (!fs.existsSync(app.dirs.photos) || fs.readdirSync(app.dirs.photos).length === 0);

const backupOrgOf = (org: Org): BackupOrg => ({
  id: org.id,
  name: org.name,
  key: org.key,
  keyId: keyIdOf(org.key),
  managers: org.installs.filter((i) => i.role === 'manager').map((i) => i.publicKey),
});

const openFile = (file: string, passphrase: string, org: BackupOrg | null) => {
  try {
    return readBackupFile(Buffer.from(file, 'base64'), passphrase, org);
  } catch (error) {
    if (error instanceof BackupRefused) throw new AppError('invalid', error.message, { [error.field]: error.message });
    throw error;
  }
};

/** Writes a checked backup file's photos and records over this install's. */
const restoreContent = (app: AppCore, content: BackupContent, undoId: string | null): RestoreResult => {
  for (const [rel, base64] of Object.entries(content.photos)) {
    const target = path.join(app.dirs.photos, rel);
    if (fs.existsSync(target)) continue;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(`${target}.tmp`, Buffer.from(base64, 'base64'));
    fs.renameSync(`${target}.tmp`, target);
  }
  replaceData(app, content.files);
  return { undoId, files: Object.keys(content.files).length };
};

export const backupHandlers: Pick<
  Handlers,
  'backups:list' | 'backups:create' | 'backups:restore' | 'backups:export' | 'backups:restore-file' | 'backups:restore-fresh'
> = {
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

  'backups:export': (req, { app }) => {
    // The file's origin is proved with the organisation's key, so a manager's install makes it now if it has none.
    const org = ensureManagerOrg(app);
    const { file, bytes } = writeBackupFile(app.dirs, app.meta.installId, app.now(), backupOrgOf(org), req.passphrase, ensureIdentity(app));
    return { filename: path.basename(file), mime: 'application/octet-stream', base64: bytes.toString('base64'), bytes: bytes.length };
  },

  'backups:restore-file': (req, { app }) => {
    const org = readOrg(app);
    if (!org)
      throw new AppError(
        'conflict',
        'This SiteDesk has no organisation key, so it cannot check that a backup file came from your organisation. Restore it on a new install instead (first-run screen). Nothing was restored.',
      );
    const content = openFile(req.file, req.passphrase, backupOrgOf(org));
    return restoreContent(app, content, undoPoint(app, 'a backup file'));
  },

  'backups:restore-fresh': (req, { app }) => {
    if (!isFresh(app)) {
      throw new AppError(
        'forbidden',
        app.ds.lostFiles().includes('directory/accounts')
          ? 'A backup file cannot be restored from this screen: this computer still holds SiteDesk data, and anyone at the desk could replace it. Ask IT support to restore the accounts from a backup (the damaged file is kept in the quarantine folder).'
          : 'This SiteDesk is already in use, so a backup file can be restored only by a manager who is signed in (Backups screen).',
      );
    }
    const content = openFile(req.file, req.passphrase, null);
    // Checked again after the slow passphrase check: another tab may have set this install up meanwhile.
    if (!isFresh(app)) throw new AppError('conflict', 'This SiteDesk was set up while the file was being checked. Nothing was restored.');
    return restoreContent(app, content, null);
  },
};
