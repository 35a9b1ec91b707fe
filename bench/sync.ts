/**
 * Sync figures (issue 11), against the express-pouchdb hub (`npm run hub`, its own process) on loopback:
 *
 * - `sync_initial_s`: a new desk's first sync of one site, from an empty folder to up to date, with the
 *   progress the status reported on the way; after a manager's install pushed the whole folder first.
 * - `sync_latency_ms`: an edit acknowledged on the manager's install (the save returned) until the desk's
 *   storage holds it, polled every 5 ms; one edit at a time.
 * - `edit_p95_ms` with sync and without: one shift edit at a time, paced like a person (one every 30 ms),
 *   on two clones of the same folder in turn, one syncing and one not, so both meet the same disk.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openApp, type OpenedApp } from '../main/app';
import { touched } from '../main/services/records';
import { provisionDesk, provisionManager, provisionOrganisation } from '../main/sync/provision';
import type { Shift } from '../shared/schemas/shift';
import { ROOT, StoreClassConf } from './data';
import { summarise, type Stat } from './stats';
import { spawnHub } from '../test/support/hubProcess';

const ADMIN = { name: 'bench-admin', password: 'bench admin password' };
const MANAGER = { name: 'bench-manager', password: 'bench manager password' };
const DESK = { name: 'bench-desk', password: 'bench desk password 1' };

const open = (dir: string): OpenedApp =>
  openApp({ dataDir: dir, StoreClass: StoreClassConf, mode: 'browser', version: 'bench', backupEveryMinutes: 0, sync: { probeMs: 2000 } });

const startHub = (dir: string): Promise<{ url: string; child: ChildProcess }> =>
  spawnHub({ dir, port: 0, admin: ADMIN, cwd: ROOT, timeoutMs: 30_000 });

const until = async (what: string, check: () => boolean, ms: number, every = 50): Promise<void> => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, every));
  }
};

export interface SyncBench {
  site: string;
  pushedDocs: number;
  firstPushS: number;
  initial: { seconds: number; records: number; progressUpdates: number; lastProgress: string };
  latency: Stat;
  withSync: Stat;
  withoutSync: Stat;
  diskBytes: number;
}

const sizeOf = (dir: string): number =>
  fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((n, e) => n + fs.statSync(path.join(e.parentPath, e.name)).size, 0);

/**
 * A hard-linked clone shares its files with the cache until each is replaced by rename; the change log
 * and the heads file are appended to in place instead, so each clone gets copies of its own first.
 */
const unshareAppended = (dir: string) => {
  for (const sub of ['changes', 'evidence']) {
    const d = path.join(dir, sub);
    if (!fs.existsSync(d)) continue;
    for (const f of fs.readdirSync(d)) {
      const full = path.join(d, f);
      if (!fs.statSync(full).isFile()) continue;
      fs.copyFileSync(full, `${full}.own`);
      fs.renameSync(`${full}.own`, full);
    }
  }
};

/** The installs and hub the sync figures are taken with (see syncSetup). */
export interface SyncRig {
  site: string;
  month: string;
  hub: { url: string; child: ChildProcess };
  hubDir: string;
  deskDir: string;
  manager: OpenedApp;
  desk: OpenedApp | null;
  plain: OpenedApp;
  pushedDocs: number;
  firstPushS: number;
  initial: SyncBench['initial'];
}

/**
 * A hub, a manager's install on `work` that pushes the whole folder to it, a new desk of the busiest
 * site that takes its first sync from it, and a twin install on `twin` that does not sync.
 */
export const syncSetup = async (work: string, twin: string, log: (s: string) => void): Promise<SyncRig> => {
  unshareAppended(work);
  unshareAppended(twin);
  const hubDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitedesk-bench-hub-'));
  const deskDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitedesk-bench-desk-'));
  const hub = await startHub(hubDir);
  const admin = { url: hub.url, ...ADMIN };
  const manager = open(work);
  const plain = open(twin);
  const rig: SyncRig = {
    site: '',
    month: '',
    hub,
    hubDir,
    deskDir,
    manager,
    desk: null,
    plain,
    pushedDocs: 0,
    firstPushS: 0,
    initial: { seconds: 0, records: 0, progressUpdates: 0, lastProgress: '' },
  };
  try {
    const sites = manager.app.repos.sites
      .all()
      .map((s) => s.code)
      .sort();
    // The site with the most shifts this month: the busiest desk.
    const month = manager.app.repos.shifts.keys().at(-1)!.slice(0, 7);
    const counts = sites.map((s) => [s, manager.app.repos.shifts.inMonths([month], [s]).length] as const).sort((a, b) => b[1] - a[1]);
    const site = counts[0][0];
    rig.site = site;
    rig.month = month;
    await provisionOrganisation(admin, sites, { writeRules: false });
    await provisionManager(admin, MANAGER);
    await provisionDesk(admin, { ...DESK, sites: [site] });

    let t = performance.now();
    await manager.app.sync!.connect({ url: hub.url, ...MANAGER, role: 'manager', sites });
    await until('the manager has pushed everything', () => manager.app.sync!.status().state === 'up-to-date', 15 * 60_000, 200);
    rig.firstPushS = (performance.now() - t) / 1000;
    rig.pushedDocs = manager.app.sync!.status().done;
    log(`sync: manager pushed ${rig.pushedDocs} documents in ${rig.firstPushS.toFixed(1)} s`);

    // A new desk's first sync of its site.
    const desk = open(deskDir);
    rig.desk = desk;
    const progress: string[] = [];
    const stop = desk.app.sync!.onStatus((s) => {
      if (s.state === 'syncing') progress.push(`${s.done} of ${s.total}`);
    });
    t = performance.now();
    await desk.app.sync!.connect({ url: hub.url, ...DESK, role: 'desk', sites: [site] });
    const want = manager.app.repos.shifts.keys().filter((k) => k.endsWith(`/${site}`)).length;
    await until(
      'the desk is up to date',
      () =>
        desk.app.sync!.status().state === 'up-to-date' && desk.app.repos.shifts.keys().filter((k) => k.endsWith(`/${site}`)).length >= want,
      15 * 60_000,
      100,
    );
    const seconds = (performance.now() - t) / 1000;
    stop();
    const deskRepos = desk.app.repos;
    const records = (['shifts', 'attendance', 'incidents', 'log'] as const).reduce(
      (n, k) => n + deskRepos[k].keys().reduce((m, key) => m + Object.keys(deskRepos[k].partitionOnce(key)).length, 0),
      0,
    );
    log(`sync: the ${site} desk's first sync took ${seconds.toFixed(1)} s for ${records} records (${progress.length} progress updates)`);
    rig.initial = { seconds, records, progressUpdates: progress.length, lastProgress: progress.at(-1) ?? '' };
    return rig;
  } catch (e) {
    await syncTeardown(rig);
    throw e;
  }
};

/** Latency: an acknowledged edit on the manager's install until the desk's storage has it, `n` times. */
export const latencyRound = async (rig: SyncRig, n: number, from = 0): Promise<number[]> => {
  const { manager, site, month } = rig;
  const deskRepos = rig.desk!.app.repos;
  const shifts = manager.app.repos.shifts.inMonths([month], [site]).filter((s) => !s.deleted);
  const latencies: number[] = [];
  for (let i = from; i < from + n; i += 1) {
    const s = manager.app.repos.shifts.inMonths([month], [site]).find((x) => x.id === shifts[i % shifts.length].id)!;
    const notes = `latency probe ${i}`;
    manager.app.repos.shifts.put([touched(manager.app.clock, { ...s, notes }, 'bench_user', Date.now())], [s]);
    const acked = performance.now();
    const key = manager.app.repos.shifts.partitionOf(s);
    await until('the edit reaches the desk', () => deskRepos.shifts.partition(key)[s.id]?.notes === notes, 30_000, 5);
    latencies.push(performance.now() - acked);
    await new Promise((r) => setTimeout(r, 100));
  }
  return latencies;
};

/**
 * Edits with sync running (the manager's install) and without (its twin), in turn, one every 30 ms:
 * each edit's save, from the call until it returns (acknowledged on disk).
 */
export const editRound = async (
  rig: SyncRig,
  n: number,
  from = 0,
  around: (which: 'with' | 'without', run: () => void) => void = (_, run) => run(),
  gapMs = 30,
): Promise<{ withSync: number[]; withoutSync: number[] }> => {
  const { manager, plain, site, month } = rig;
  const shifts = manager.app.repos.shifts.inMonths([month], [site]).filter((s) => !s.deleted);
  const twinShifts = plain.app.repos.shifts.inMonths([month], [site]).filter((s) => !s.deleted);
  const withSync: number[] = [];
  const withoutSync: number[] = [];
  const edit = (app: OpenedApp, list: Shift[], i: number, into: number[]) => {
    const s = app.app.repos.shifts.partition(app.app.repos.shifts.partitionOf(list[i % list.length]))[list[i % list.length].id];
    const next = touched(app.app.clock, { ...s, notes: `bench edit ${i}` }, 'bench_user', Date.now());
    around(app === manager ? 'with' : 'without', () => {
      const t0 = performance.now();
      app.app.repos.shifts.put([next], [s]);
      into.push(performance.now() - t0);
    });
  };
  for (let i = from; i < from + n; i += 1) {
    edit(manager, shifts, i, withSync);
    await new Promise((r) => setTimeout(r, gapMs));
    edit(plain, twinShifts, i, withoutSync);
    await new Promise((r) => setTimeout(r, gapMs));
  }
  return { withSync, withoutSync };
};

export const syncTeardown = async (rig: SyncRig): Promise<void> => {
  for (const o of [rig.manager, rig.desk, rig.plain]) {
    await o?.stopSync();
    o?.close();
  }
  rig.hub.child.kill('SIGTERM');
  fs.rmSync(rig.hubDir, { recursive: true, force: true });
  fs.rmSync(rig.deskDir, { recursive: true, force: true });
};

/** `work` and `twin` are clones of the same bench folder; both are changed. */
export const syncBench = async (
  work: string,
  twin: string,
  reps: { latency: number; edits: number },
  log: (s: string) => void,
): Promise<SyncBench> => {
  const rig = await syncSetup(work, twin, log);
  try {
    const latencies = await latencyRound(rig, reps.latency);
    const { withSync, withoutSync } = await editRound(rig, reps.edits);
    return {
      site: rig.site,
      pushedDocs: rig.pushedDocs,
      firstPushS: rig.firstPushS,
      initial: rig.initial,
      latency: summarise(latencies),
      withSync: summarise(withSync),
      withoutSync: summarise(withoutSync),
      diskBytes: sizeOf(path.join(work, 'sync')),
    };
  } finally {
    await syncTeardown(rig);
  }
};
