/**
 * `sync_initial_s` at any scale (issue 11): a new desk's first sync of one site, from an empty folder to
 * up to date, against the express-pouchdb hub (`npm run hub`, its own process) on loopback.
 *
 * Before the desk starts, the hub's site database (and the directory) are filled directly: every record
 * of that site in the bench folder becomes the document a manager's install pushes for it (the same
 * mapping: `routesOf`, `docId`, the record's set-aside versions, one witness head per incident, in the
 * order the start-up pass queues them), bulk-written with PouchDB into the hub's folder before the hub
 * starts. Pushing a decade from a manager's install through the hub would take over an hour here and is
 * not what a desk waits for. The filled hub folder is cached under bench/.cache (keyed by the data and by
 * the source that decides the documents) and copied for each run.
 *
 * The desk itself runs in a child process (bench/syncDesk.ts), so a build of older code can run the same
 * desk against a copy of the same hub folder for a ratio (`--sync-old <git ref>`).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PouchDB from 'pouchdb-node';
import { openApp } from '../main/app';
import { readSuperseded } from '../main/exchange/superseded';
import { eventDocsOf } from '../main/sync/events';
import { isFolded } from '../shared/domain/sync/fold';
import { docId, headDocOf, routesOf, SITE_KINDS, unionAside } from '../main/sync/docs';
import { DB_DIRECTORY, provisionDesk, provisionOrganisation, siteDb } from '../main/sync/provision';
import { headOf } from '../shared/domain/incidents';
import type { SyncKind, SyncRecord } from '../shared/domain/sync/merge';
import type { Incident } from '../shared/schemas/incident';
import { spawnHub } from '../test/support/hubProcess';
import { CACHE, cloneData, dropClone, ROOT, StoreClassConf } from './data';

const ADMIN = { name: 'bench-admin', password: 'bench admin password' };
const DESK = { name: 'bench-desk', password: 'bench desk password 1' };
/** Raise when filledHub writes different documents (the cache key also covers main/sync/docs.ts). */
const FILL_VERSION = 2;

export interface DeskRun {
  /** Seconds from connect until up to date with every record in storage; null when the budget ran out. */
  seconds: number | null;
  /** Records of the site in the desk's storage at the end. */
  records: number;
  /** Of these in the hub's site database. */
  wanted: number;
  budgetS: number;
  /** The status line the shell showed, sampled every 500 ms (a few of them). */
  progress: string[];
  progressSamples: number;
  /** CPU seconds (user + system) the desk process used during its first sync, and the hub's process in the same time. */
  cpuS: number;
  hubCpuS: number;
}

const sourceKey = (files: string[]) => {
  const h = createHash('sha1');
  for (const f of files) h.update(f).update(fs.readFileSync(path.join(ROOT, f)));
  return h.digest('hex').slice(0, 10);
};

/** The busiest site (most shifts over the whole folder) and its hub folder, filled; cached. */
export const filledHub = async (
  dataDir: string,
  log: (s: string) => void,
): Promise<{ dir: string; site: string; records: number; docs: number }> => {
  const key = `sync-hub-${path.basename(dataDir)}-${sourceKey(['main/sync/docs.ts', 'main/sync/events.ts'])}-fill${FILL_VERSION}`;
  const dir = path.join(CACHE, key);
  const meta = path.join(dir, 'filled.json');
  if (fs.existsSync(meta))
    return { dir, ...(JSON.parse(fs.readFileSync(meta, 'utf8')) as { site: string; records: number; docs: number }) };
  const partial = `${dir}.partial`;
  fs.rmSync(partial, { recursive: true, force: true });
  fs.mkdirSync(path.join(partial, 'db'), { recursive: true });
  const work = cloneData(dataDir, 'sync-fill');
  const opened = openApp({ dataDir: work, StoreClass: StoreClassConf, mode: 'browser', version: 'bench', backupEveryMinutes: 0 });
  try {
    const { repos } = opened.app;
    const counts = new Map<string, number>();
    for (const k of repos.shifts.keys()) {
      const s = k.slice(8);
      counts.set(s, (counts.get(s) ?? 0) + Object.keys(repos.shifts.partitionOnce(k)).length);
    }
    const site = [...counts].sort((a, b) => b[1] - a[1])[0][0];
    const aside = new Map<string, ReturnType<typeof readSuperseded>[string][]>();
    for (const s of Object.values(readSuperseded(opened.app.ds))) {
      const k = `${s.kind}|${s.recordId}`;
      aside.set(k, [...(aside.get(k) ?? []), s]);
    }
    const dbs = new Map<string, InstanceType<typeof PouchDB>>();
    const pending = new Map<string, Record<string, unknown>[]>();
    let docs = 0;
    let records = 0;
    const flush = async (db: string, all = false) => {
      const list = pending.get(db) ?? [];
      if (!list.length || (!all && list.length < 2000)) return;
      pending.set(db, []);
      let pouch = dbs.get(db);
      if (!pouch) dbs.set(db, (pouch = new PouchDB(path.join(partial, 'db', db))));
      const res = await pouch.bulkDocs(list as never);
      const bad = res.find((r) => !r.ok);
      if (bad) throw new Error(`could not write ${bad.id} into the hub folder: ${bad.error}`);
      docs += list.length;
    };
    const add = async (kind: SyncKind, record: SyncRecord) => {
      for (const route of routesOf(kind, record, 'manager')) {
        if (route.db !== DB_DIRECTORY && route.db !== siteDb(site)) continue;
        const list = pending.get(route.db) ?? [];
        const kept = aside.get(`${kind}|${record.id}`) ?? [];
        // As the app pushes them (main/sync/service.ts): attendance and incident histories as their event
        // documents, everything else as one document per record.
        if (isFolded(kind) && (kind === 'attendance' || (record.history as unknown[] | undefined)?.length)) {
          const events = eventDocsOf(kind, [route.record, ...kept.map((s) => s.record)]);
          list.push(...new Map(events.map((e) => [e._id, e as unknown as Record<string, unknown>])).values());
        } else list.push({ _id: docId(kind, record.id), kind, record: route.record, aside: unionAside(kept) });
        if (kind === 'incidents') {
          const incident = record as unknown as Incident;
          list.push(headDocOf(incident, headOf(incident.id, incident.history)) as unknown as Record<string, unknown>);
        }
        pending.set(route.db, list);
        if (route.db !== DB_DIRECTORY) records += 1;
        await flush(route.db);
      }
    };
    for (const s of repos.sites.all()) await add('sites', s as unknown as SyncRecord);
    for (const s of repos.staff.all()) await add('staff', s as unknown as SyncRecord);
    for (const kind of SITE_KINDS) {
      const c = repos[kind];
      for (const k of c.keys()) {
        if (k.slice(8) !== site) continue;
        for (const r of Object.values(c.partitionOnce(k))) await add(kind, r as unknown as SyncRecord);
      }
      log(`sync initial: filled ${kind} of ${site} (${docs} documents so far)`);
    }
    for (const db of pending.keys()) await flush(db, true);
    for (const p of dbs.values()) await p.close();
    fs.writeFileSync(path.join(partial, 'filled.json'), JSON.stringify({ site, records, docs }));
    fs.renameSync(partial, dir);
    return { dir, site, records, docs };
  } finally {
    opened.close();
    dropClone(work);
  }
};

/** Runs bench/syncDesk.ts of the source tree `root` as its own process against the hub. */
const runDesk = (root: string, args: Record<string, string>, log: (s: string) => void): Promise<DeskRun> =>
  new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        ...(process.env.SYNC_DESK_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
        '--import',
        'tsx',
        path.join(root, 'bench', 'syncDesk.ts'),
        ...Object.entries(args).flatMap(([k, v]) => [`--${k}`, v]),
      ],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => {
      for (const line of b.toString().split('\n')) if (line.trim()) log(`  desk: ${line}`);
    });
    child.once('exit', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code === 0 && last.startsWith('{')) resolve(JSON.parse(last) as DeskRun);
      else reject(new Error(`the desk run failed (${code}): ${out}`));
    });
  });

/**
 * A source tree of `ref` (git archive) beside this one, with this checkout's node_modules and this
 * bench's desk runner, so the old code runs the same desk.
 */
const oldTree = (ref: string): string => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitedesk-old-'));
  const tar = spawnSyncOk(
    'git',
    ['archive', '--format=tar', ref, 'main', 'shared', 'package.json', 'tsconfig.json', 'tsconfig.node.json'],
    ROOT,
  );
  spawnSyncOk('tar', ['-x', '-C', dir], ROOT, tar);
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  fs.mkdirSync(path.join(dir, 'bench'));
  for (const f of ['syncDesk.ts', 'hubRecords.ts']) fs.copyFileSync(path.join(ROOT, 'bench', f), path.join(dir, 'bench', f));
  return dir;
};

const spawnSyncOk = (cmd: string, args: string[], cwd: string, input?: Buffer): Buffer => {
  const r = spawnSync(cmd, args, { cwd, input, maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr?.toString()}`);
  return r.stdout;
};

/** CPU seconds a process has used so far (user + system, from /proc; 0 where there is none). */
const hubCpuS = (pid: number | undefined): number => {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
};

/** One desk's first sync against a fresh copy of the filled hub folder. */
const oneRun = async (
  filled: { dir: string; site: string },
  root: string,
  budgetS: number,
  log: (s: string) => void,
): Promise<DeskRun & { hubCopyS: number }> => {
  const hubDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitedesk-bench-hub-'));
  const deskDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitedesk-bench-desk-'));
  const t = performance.now();
  fs.cpSync(filled.dir, hubDir, { recursive: true });
  const hubCopyS = (performance.now() - t) / 1000;
  const hub = await spawnHub({ dir: hubDir, port: 0, admin: ADMIN, cwd: ROOT, timeoutMs: 60_000 });
  try {
    const admin = { url: hub.url, ...ADMIN };
    await provisionOrganisation(admin, [filled.site], { writeRules: false });
    await provisionDesk(admin, { ...DESK, sites: [filled.site] });
    const hubCpu = hubCpuS(hub.child.pid);
    const r = await runDesk(
      root,
      { hub: hub.url, site: filled.site, name: DESK.name, password: DESK.password, dir: deskDir, budget: String(budgetS) },
      log,
    );
    return { ...r, hubCopyS, hubCpuS: Math.round((hubCpuS(hub.child.pid) - hubCpu) * 10) / 10 };
  } finally {
    hub.child.kill('SIGTERM');
    fs.rmSync(hubDir, { recursive: true, force: true });
    fs.rmSync(deskDir, { recursive: true, force: true });
  }
};

export interface SyncInitialBench {
  site: string;
  docs: number;
  records: number;
  current: DeskRun;
  old: (DeskRun & { ref: string }) | null;
}

/** The current code's desk, then (with `oldRef`) the old code's on the same hub data, each with a time budget. */
export const syncInitialBench = async (
  dataDir: string,
  opts: { budgetS: number; oldRef?: string; oldBudgetS?: number },
  log: (s: string) => void,
): Promise<SyncInitialBench> => {
  const filled = await filledHub(dataDir, log);
  log(`sync initial: the hub holds ${filled.docs} documents (${filled.records} ${filled.site} records, the directory)`);
  const current = await oneRun(filled, ROOT, opts.budgetS, log);
  log(
    `sync initial: current code ${current.seconds === null ? `not done in ${opts.budgetS} s` : `${current.seconds.toFixed(1)} s`}, ${current.records} of ${current.wanted} records`,
  );
  let old: SyncInitialBench['old'] = null;
  if (opts.oldRef) {
    const tree = oldTree(opts.oldRef);
    try {
      const r = await oneRun(filled, tree, opts.oldBudgetS ?? opts.budgetS, log);
      old = { ...r, ref: opts.oldRef };
      log(
        `sync initial: ${opts.oldRef} ${r.seconds === null ? `not done in ${r.budgetS} s` : `${r.seconds.toFixed(1)} s`}, ${r.records} of ${r.wanted} records`,
      );
    } finally {
      fs.rmSync(tree, { recursive: true, force: true });
    }
  }
  return { site: filled.site, docs: filled.docs, records: filled.records, current, old };
};
