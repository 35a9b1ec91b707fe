import fs from 'node:fs';
import path from 'node:path';
import { createDispatch } from './ipc/dispatch';
import { handlers } from './services/handlers';
import { noticeShiftsWithoutStaff } from './services/danglingRecords';
import { warmIncidentIndex } from './services/incidentIndex';
import { recordHeads } from './services/incidentHeads';
import { RecordClock } from './services/records';
import type { AppCore } from './services/types';
import { Backups } from './storage/backups';
import { readClock, saveClock } from './storage/clockFile';
import { finishInterruptedRestore } from './storage/restore';
import { DataStore } from './storage/dataStore';
import { openMeta } from './storage/meta';
import { IncidentHeads } from './storage/incidentHeads';
import { layout } from './storage/paths';
import { keepPrivate } from './storage/private';
import { openRepos } from './storage/repos';
import type { StoreClass } from './storage/storeClass';
import { SyncService, type SyncOptions } from './sync/service';

export interface OpenOptions {
  dataDir: string;
  StoreClass: StoreClass;
  mode: AppCore['mode'];
  version: string;
  now?: () => number;
  /** Minutes between automatic backups while changes happen; 0 turns the timer off (tests, CLIs). */
  backupEveryMinutes?: number;
  /** How long after opening the start-up backup begins (it is finished at once by any write first). */
  startBackupDelayMs?: number;
  /** How long after opening the incident index starts being read in the background. */
  warmIndexDelayMs?: number;
  /** How long after opening the staff list is read in the background (system:info reads it at once). */
  warmStaffDelayMs?: number;
  /** Replication with a hub, started when this folder has been pointed at one (Settings → Sync). */
  sync?: SyncOptions;
  /** The auto-scheduler's worker module (out/main/autofillWorker.js in the built app; tests bundle it from source). */
  autofillWorker?: { url: URL; execArgv?: string[] };
}

/**
 * Opens a data folder: replays an interrupted save, upgrades old data, takes the start-up backup, and
 * returns the services' core with the one dispatch every transport uses.
 */
export const openApp = (opts: OpenOptions) => {
  const now = opts.now ?? Date.now;
  const dirs = layout(opts.dataDir);
  fs.mkdirSync(dirs.root, { recursive: true, mode: 0o700 });
  keepPrivate(dirs.root, [dirs.data, dirs.backups, dirs.photos, dirs.quarantine, path.join(dirs.root, 'exports')]);
  finishInterruptedRestore(dirs);
  const backups = new Backups(dirs, now);
  const ds = new DataStore(dirs, opts.StoreClass, backups, now);
  const meta = openMeta(ds, now);
  const repos = openRepos(ds);
  const clock = new RecordClock(meta.installId, readClock(ds) ?? undefined);
  const heads = new IncidentHeads(dirs.root);
  const app: AppCore = {
    ds,
    repos,
    dirs,
    meta,
    now,
    mode: opts.mode,
    version: opts.version,
    clock,
    heads,
    autofillWorker: opts.autofillWorker,
  };
  const sync = new SyncService(app, opts.sync);
  app.sync = sync;
  // Never holds up opening: the replica is read and the hub reached in the background.
  const syncing = sync.startIfConfigured().catch(() => undefined);
  ds.afterWrite.push((ops) => recordHeads(app, ops));
  ds.onRecovered.push((rel, value) => {
    if (rel === 'directory/staff')
      noticeShiftsWithoutStaff(ds, app.repos, new Set(Object.keys((value as { records: Record<string, unknown> }).records)));
  });
  // The staff list is read soon after opening, in the background, rather than now: ten years of absences
  // make it 0.8 MB, about 0.2 s to read and check, which the sign-in screen does not need. Whatever needs
  // it sooner reads it then; system:info reads it before listing the notices, so a damaged one is
  // recovered, and any shifts it no longer covers reported, before the first screen shows them.
  const staffTimer = setTimeout(() => {
    try {
      app.repos.staff.all();
    } catch {
      // An unreadable list is reported by whoever needs it, not by a background read.
    }
  }, opts.warmStaffDelayMs ?? 1000);
  staffTimer.unref();
  // The start-up backup is taken in slices once the first screen is up; any write finishes it first.
  if (repos.accounts.all().length > 0) ds.backupSoon('start', opts.startBackupDelayMs ?? 5000);
  // Ten years of incidents take seconds to read: do it in the background, before anyone searches.
  const stopWarming = warmIncidentIndex(repos, () => app.repos, opts.warmIndexDelayMs ?? 2000);
  const every = opts.backupEveryMinutes ?? 30;
  const timer = every > 0 ? setInterval(() => ds.backupIfChanged('scheduled'), every * 60_000) : null;
  timer?.unref();
  return {
    app,
    dispatch: createDispatch(app, handlers),
    /** Stops replication and closes its databases (the desktop and browser mode wait for it on quit). */
    stopSync: async () => {
      await syncing;
      await sync.stop();
    },
    /** Stops replication and starts it again from the saved configuration (after a fault inside PouchDB). */
    restartSync: async () => {
      await syncing;
      await sync.stop();
      await sync.startIfConfigured();
    },
    close: () => {
      void sync.stop();
      clearTimeout(staffTimer);
      stopWarming();
      if (timer) clearInterval(timer);
      if (clock.takeMoved()) saveClock(ds, clock.value);
      ds.backupIfChanged('close');
    },
  };
};
export type OpenedApp = ReturnType<typeof openApp>;
