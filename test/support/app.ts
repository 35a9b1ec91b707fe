import fs from 'node:fs';
import path from 'node:path';
import { openApp, type OpenedApp } from '../../main/app';
import type { Session } from '../../main/services/types';
import type { StoreClass } from '../../main/storage/storeClass';
import { StoreUnderTest } from './storeUnderTest';
import type { SyncOptions } from '../../main/sync/service';
import type { Channel, RequestOf, ResponseOf } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { tempDataDir } from './server';

export interface TestApp {
  dir: string;
  opened: OpenedApp;
  clock: { now: number };
  session: () => Session;
  call: <C extends Channel>(channel: C, payload: RequestOf<C>, session: Session) => Promise<Result<ResponseOf<C>>>;
  /** Sends anything at all, as a hostile or broken renderer could. */
  raw: (channel: string, payload: unknown, session: Session) => Promise<Result<unknown>>;
  reopen: () => TestApp;
  /** Every file under the data folder with its bytes, to prove a refused call changed nothing. */
  snapshot: () => Record<string, string>;
}

/** Every file under `dir` with its text, to prove an operation changed nothing. */
export const filesOf = (dir: string): Record<string, string> => {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    if (!fs.existsSync(d)) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw e;
    }
    for (const e of entries) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) {
        walk(full);
        continue;
      }
      // A running sync database (LevelDB under sync/) compacts by itself and can delete a log file
      // between the listing and the read; a file gone by then was not there to compare.
      try {
        out[path.relative(dir, full)] = fs.readFileSync(full, 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
    }
  };
  walk(dir);
  return out;
};

/** Opens a real data folder in a temp directory through the same openApp the app uses. */
export const openTestApp = (
  opts: { dir?: string; StoreClass?: StoreClass; start?: string; sync?: SyncOptions; warmStaffDelayMs?: number } = {},
): TestApp => {
  const dir = opts.dir ?? tempDataDir();
  const clock = { now: Date.parse(opts.start ?? '2026-11-25T09:00:00Z') };
  const opened = openApp({
    dataDir: dir,
    StoreClass: opts.StoreClass ?? StoreUnderTest,
    mode: 'browser',
    version: '0.0.0-test',
    now: () => clock.now,
    backupEveryMinutes: 0,
    sync: opts.sync,
    warmStaffDelayMs: opts.warmStaffDelayMs,
  });
  return {
    dir,
    opened,
    clock,
    session: () => ({ id: Math.random().toString(36).slice(2), userId: null, locked: false, lastActive: clock.now }),
    call: <C extends Channel>(channel: C, payload: RequestOf<C>, session: Session) =>
      opened.dispatch(channel, payload, session) as Promise<Result<ResponseOf<C>>>,
    raw: (channel, payload, session) => opened.dispatch(channel, payload, session),
    reopen: () => {
      opened.close();
      return openTestApp({ ...opts, dir });
    },
    snapshot: () => {
      // The whole data folder: records, photos, backups and anything else an operation could write, but
      // not the lock file, which only says which process holds the folder.
      const all = filesOf(dir);
      delete all['sitedesk.lock'];
      return all;
    },
  };
};

/** Sets up the first manager and returns their signed-in session. */
export const withManager = async (t: TestApp, username = 'maria', password = 'correct horse 1') => {
  const s = t.session();
  const r = await t.call('auth:setup', { username, displayName: 'Maria Okafor', password }, s);
  if (!r.ok) throw new Error(r.message);
  return s;
};

/** The data of a call that must succeed; a refusal fails the test with its code and message. */
export const okData = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.data;
};

export const SUPERVISOR_PASSWORD = 'desk password';

/** Creates supervisor Sam Patel for `sites`, as manager `m`, and returns the account. */
export const createSupervisor = async (t: TestApp, m: Session, sites = ['CH']) =>
  okData(
    await t.call(
      'accounts:create',
      { username: 'sam', displayName: 'Sam Patel', role: 'supervisor', sites, password: SUPERVISOR_PASSWORD },
      m,
    ),
  );

/** Creates supervisor Sam Patel for `sites` and returns his signed-in session. */
export const withSupervisor = async (t: TestApp, m: Session, sites = ['CH']) => {
  await createSupervisor(t, m, sites);
  const s = t.session();
  okData(await t.call('auth:sign-in', { username: 'sam', password: SUPERVISOR_PASSWORD }, s));
  return s;
};
