/**
 * Replication with a CouchDB hub. PouchDB (leveldb) holds a replica of this install's replicated records
 * beside the storage layer's partitions (docs/sync.md says why): the app reads and writes its files as
 * before and never waits for PouchDB or the network.
 *
 * - Outgoing: every save that reaches the disk is reported by the store (`DataStore.onChange`); each
 *   record it changed is queued and written to the local PouchDB, merged with the version there by the
 *   same rule as packs (shared/domain/sync/merge.ts: later hybrid-clock stamp wins, loser kept).
 * - PouchDB replicates each local database with its hub database, live, retrying with back-off.
 * - Incoming: the local databases' changes feeds; each document is read with the storage layer's own
 *   schemas (a bad one is set aside and reported, and changes nothing) and merged into storage by the
 *   same rule. Two installs that changed one record while apart leave CouchDB a conflict; every
 *   replica resolves it the same way (merge all versions, write the result, delete the other branches).
 * - On start, every replicated record in storage is compared with the replica, so a change saved just
 *   before the process died, or data that existed before the hub, still goes out.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { SyncStatus } from '../../shared/contract/sync';
import {
  canonical,
  mergeRecord,
  planImport,
  SYNC_KINDS,
  type RecordSet,
  type Superseded,
  type SyncKind,
  type SyncRecord,
} from '../../shared/domain/sync/merge';
import { openDecisions, type DecidableShift } from '../../shared/domain/sync/decisions';
import { applyPlan, collectionOf, localVersions } from '../exchange/transfer';
import { readSuperseded } from '../exchange/superseded';
import type { AppCore } from '../services/types';
import type { FileChange, FileKind } from '../storage/dataStore';
import { MAX_PHOTO_BYTES } from '../../shared/contract/incidents';
import { headOf } from '../../shared/domain/incidents';
import { imageTypeOf, readPhoto } from '../services/photos';
import type { Incident } from '../../shared/schemas/incident';
import {
  docId,
  HEAD_PREFIX,
  headDocOf,
  parsePhotoDoc,
  PHOTO_FILE,
  PHOTO_PREFIX,
  photoDocId,
  kindOfFile,
  parseDoc,
  parseHeadDoc,
  routesOf,
  sameAside,
  SITE_KINDS,
  unionAside,
  type HeadDoc,
  type RecordDoc,
} from './docs';
import { authHeader, DB_DIRECTORY, DB_MANAGERS, siteDb } from './provision';
import {
  HUB_ANSWER_MS,
  openConfig,
  storeConfig,
  storedSyncSchema,
  SYNC_CONFIG_FILE,
  type StoredSyncConfig,
  type SyncConfig,
} from './config';
import { ensureIdentity, readIdentity } from '../exchange/identity';
import { isFolded, type FoldedKind } from '../../shared/domain/sync/fold';
import { tooFarAhead } from '../../shared/domain/sync/hlc';
import { checkedStamps, keepRefused } from '../../shared/domain/sync/ahead';
import { eventTarget, parseEventDoc, versionsOfEvents, type AttendanceEventDoc, type IncidentEntryDoc } from './docs';
import { eventDocsOf, foldWithLocal, idsInReplica, putEvents, versionsInReplica } from './events';
import { readOrg } from '../exchange/org';
import { verifyWith } from '../exchange/identity';
import {
  openRosterAccounts,
  readRoster,
  ROSTER_PREFIX,
  rosterAccountsOf,
  rosterDocId,
  signedBytes,
  signRoster,
  takeRoster,
} from './roster';
import { counted } from '../../shared/domain/counted';

export type { SyncConfig } from './config';

export const syncConfigKind: FileKind<{ config: StoredSyncConfig | null }> = {
  schema: storedSyncSchema,
  empty: () => ({ config: null }),
};

/** Saves the hub settings with the password sealed under this install's device key. */
export const writeSyncConfig = (app: AppCore, config: SyncConfig): void =>
  app.ds.write(SYNC_CONFIG_FILE, syncConfigKind, { config: storeConfig(ensureIdentity(app), config) });

/**
 * The saved hub settings with the password opened. One an earlier SiteDesk saved in clear is sealed now.
 * A password this device key cannot open (the folder was moved without its key) reads as empty, so the
 * hub refuses it and the status says so until a manager connects again.
 */
export const readSyncConfig = (app: AppCore): SyncConfig | null => {
  const stored = app.ds.read(SYNC_CONFIG_FILE, syncConfigKind).config;
  if (!stored) return null;
  const { inClear, password, ...rest } = openConfig(readIdentity(app), stored);
  const config: SyncConfig = { ...rest, password: password ?? '' };
  if (inClear) writeSyncConfig(app, config);
  return config;
};

interface Lane {
  db: string;
  site: string | null;
  pull: boolean;
  push: boolean;
  local: PouchDB;
  remote: PouchDB;
  replication: PouchReplication | null;
  feed: PouchEmitter | null;
  active: boolean;
  offline: boolean;
  refused: boolean;
  /** The hub took the check of this install's name and password and did not answer it in time: shown as offline. */
  unanswered: boolean;
  /** Documents written locally and not yet seen going to the hub. */
  waiting: Set<string>;
  /** Documents the hub holds that this replica has not pulled yet (an estimate: the hub's count less the replica's). */
  backlog: number;
  /** Documents pulled from the hub, and of those taken into storage, since the sync last stood up to date. */
  pulled: number;
  applied: number;
  /** `id@rev` of each document this install wrote into the replica itself, so the changes feed can tell them from pulled ones. */
  mine: Set<string>;
  /** The replica was empty at start and is taking its first pull (see replicate). */
  firstPull: boolean;
  /** The replica's update sequence the push starts after, once the first pull is done. */
  pushFrom: number | string | undefined;
  /**
   * The records kept as events (`<kind>|<id>`) this replica may hold documents of that the work loop has
   * not been shown yet: every one its changes feed brought or this install wrote. Kept only for a replica
   * that was empty when it opened (every document in it then came through the feed or from here), so a
   * record none of whose documents came before is folded from the documents that came with it, without
   * reading the replica again (see fold); null otherwise.
   */
  known: Set<string> | null;
  /** The hub's count has been taken for this lane (see estimate). */
  counted: boolean;
}

type Queued = { db: string; kind: SyncKind; record: SyncRecord };

export interface SyncOptions {
  /** Longest wait between retries while the hub cannot be reached. */
  maxBackOffMs?: number;
  /** How often the hub is asked whether it is there; after it was not, replication starts afresh. */
  probeMs?: number;
  /** How long the hub has to answer the check of this install's name and password (HUB_ANSWER_MS). */
  hubAnswerMs?: number;
}

const APPLIED = '_local/sitedesk-applied';
/** Records merged into the replica per turn of the work loop. */
const BATCH = 200;
/**
 * Documents from the replica's changes feed merged into storage per turn: each turn writes every
 * partition it touches once (journaled, with fsyncs), so a first sync of a decade takes them in large
 * turns rather than rewriting each month's file hundreds of times.
 */
const TAKE_BATCH = 10_000;
/**
 * While a lane is still pulling a backlog, what has arrived waits at most this long to be taken in with
 * what follows; otherwise (the usual case: a few live changes) it is taken in at once.
 */
const TAKE_WAIT_MS = 1000;
/**
 * The feed went quiet this long: take in what came. While documents keep coming (the replica's feed
 * catching up with what a pull wrote), each turn would otherwise hold a few and rewrite whole
 * partitions for them, and the feed would be starved by those writes.
 */
const TAKE_QUIET_MS = 50;
/** How many documents one replication batch asks the hub for (one `_changes` page, one `_bulk_get`). */
const REPLICATION_BATCH = 1000;
/** The longest the work loop waits on one request to the hub (a lost photo) before it goes on without it. */
const HUB_WAIT_MS = 30_000;

/** `p`, or `fallback` once `ms` have passed or `signal` is aborted, whichever comes first. */
const orGiveUp = <T>(p: Promise<T>, signal: AbortSignal, fallback: T, ms = HUB_WAIT_MS): Promise<T> =>
  Promise.race([
    p,
    new Promise<T>((resolve) => {
      if (signal.aborted) return resolve(fallback);
      const timer = setTimeout(() => resolve(fallback), ms);
      timer.unref();
      signal.addEventListener(
        'abort',
        () => {
          clearTimeout(timer);
          resolve(fallback);
        },
        { once: true },
      );
    }),
  ]);

/** How many refused hub documents the sync status lists: the newest. */
export const REFUSED_KEPT = 100;

export class SyncService {
  private lanes = new Map<string, Lane>();
  private queue = new Map<string, Queued>();
  private incoming = new Map<string, PouchChange[]>();
  /** When each database's waiting changes began to wait (see TAKE_WAIT_MS). */
  private incomingSince = new Map<string, number>();
  /** When the last change arrived for each database. */
  private incomingLast = new Map<string, number>();
  private takeTimer: NodeJS.Timeout | null = null;
  /** settled() is waiting: take everything in now. */
  private hurry = 0;
  private work: Promise<void> = Promise.resolve();
  private scheduled = false;
  private stopListening: (() => void) | null = null;
  private config: SyncConfig | null = null;
  private readonly rejected: SyncStatus['rejected'] = [];

  /** Lists a refused hub document (each version refused is one line) in the status, keeping the newest REFUSED_KEPT. */
  private noteRefused(entry: SyncStatus['rejected'][number]): void {
    this.rejected.push(entry);
    if (this.rejected.length > REFUSED_KEPT) this.rejected.splice(0, this.rejected.length - REFUSED_KEPT);
  }
  /** Documents pushed to the hub since the sync last stood up to date (the pulled ones are counted per lane). */
  private pushed = 0;
  /** The sync stood up to date: the next change starts counting afresh ("Syncing 1 of 3"). */
  private quiet = false;
  /** The records the changes feed just wrote into storage exactly as the replica holds them, by kind and id: not sent back. */
  private readonly tookIn = new Set<string>();
  private quietAt: number | null = null;
  private listeners = new Set<(s: SyncStatus) => void>();
  /** Changes of the list of sites, one at a time. */
  private siteWork: Promise<void> = Promise.resolve();
  private stopped = true;
  /** The replica is open and the start-up comparison queued: noted saves can be compared. */
  private ready = false;
  /**
   * A manager's laptop publishes its sites' rosters (main/sync/roster.ts): `check` when they may differ from what its
   * replica holds (at start, after its accounts file was saved, a site added), `force` when a new stamp is needed
   * whatever they hold (an enrolment file was just made, and its desk refuses any roster older than it).
   */
  private rosterDue: 'no' | 'check' | 'force' = 'no';
  /** Loaded when sync starts, so an install without a hub never pays for it at start-up. */
  private Pouch: PouchStatic | null = null;
  private probeTimer: NodeJS.Timeout | null = null;
  private reachable = true;
  /** Shifts with a conflict waiting for a manager (shared/domain/sync/decisions.ts), by id: the version held. */
  private decisions = new Map<string, SyncRecord>();
  /** Each file restored after damage, to bring up to date from the replica, with the records the restore gave it. */
  private readonly replays = new Map<string, Record<string, unknown>>();
  /** Records taken from the queue whose documents are being written into the replica (see pushOut). */
  private writing = 0;
  /** Saves reported by storage and not yet compared (see noteLocal). */
  private noted: FileChange[] = [];
  /** Event documents this install wrote into its replica and its changes feed has not shown yet. */
  private readonly ownEvents = new Set<string>();
  /** Photos incidents here name that are missing from disk, by file: the site they belong to (see restorePhotos). */
  private readonly lostPhotos = new Map<string, string>();
  /** Photo files the replica holds (`photo:<file>` documents). */
  private readonly photosHeld = new Set<string>();
  /** Every incident history head the hub has seen (or this install sent it), by incident and document id. */
  private readonly witness = new Map<string, Map<string, { length: number; head: string; site: string }>>();
  /** Aborted when sync stops, so the work loop never waits on the hub past that (see orGiveUp). */
  private halt = new AbortController();
  /** The check of this install's name and password under way, if one is (see checkCredentials). */
  private checking: Promise<void> | null = null;

  constructor(
    private readonly app: AppCore,
    private readonly opts: SyncOptions = {},
  ) {
    // A damaged file is put back from the newest backup (and the change log) by storage; what reached
    // the hub since then is replayed into it from here, so nothing that had reached the hub is lost.
    app.ds.onRecovered.push((rel, value) => {
      if (!kindOfFile(rel)) return;
      this.replays.set(rel, { ...((value as { records?: Record<string, unknown> }).records ?? {}) });
      this.schedule();
    });
  }

  /** Starts syncing with the saved configuration, if there is one. */
  async startIfConfigured(): Promise<void> {
    const config = readSyncConfig(this.app);
    if (config) await this.start(config);
  }

  /**
   * Saves the configuration and (re)starts syncing with it. With the same hub and user as now, only the
   * sites differ (a desk enrolled again for another site): those are followed without a restart.
   */
  async connect(config: SyncConfig): Promise<void> {
    const c = this.config;
    if (!this.stopped && c && c.url === config.url && c.name === config.name && c.password === config.password && c.role === config.role) {
      await this.setSites(config.sites);
      return;
    }
    await this.stop();
    writeSyncConfig(this.app, config);
    await this.start(config);
  }

  async start(config: SyncConfig): Promise<void> {
    if (!this.stopped) await this.stop();
    this.stopped = false;
    this.halt = new AbortController();
    this.config = config;
    // Saves are noted from now on, before anything is awaited, so one made while the replica opens is
    // still its own event; they are compared once the replica is open (`ready`).
    this.ready = false;
    this.stopListening = this.app.ds.onChange((changes) => this.noteLocal(changes));
    this.Pouch ??= (await import('pouchdb-node')).default;
    const dbs: { db: string; site: string | null; push: boolean }[] = [
      { db: DB_DIRECTORY, site: null, push: config.role === 'manager' },
      ...(config.role === 'manager' ? [{ db: DB_MANAGERS, site: null, push: true }] : []),
      ...config.sites.map((s) => ({ db: siteDb(s), site: s, push: true })),
    ];
    for (const { db, site, push } of dbs) this.lanes.set(db, this.makeLane(config, db, site, push));
    this.witness.clear();
    this.photosHeld.clear();
    try {
      for (const lane of this.lanes.values()) await this.loadHeld(lane);
      for (const lane of this.lanes.values()) await this.startLane(lane);
    } catch (error) {
      // A replica that cannot be opened (damaged on disk): nothing can sync, so the status must not read
      // "up to date". Sync stops and says why; the replica is left as it is and storage is untouched.
      this.noteRefused({
        db: '-',
        docId: '-',
        reason: `sync stopped on an error: this computer's copy of the synced records could not be opened (${(error as Error).message})`,
      });
      await this.stop();
      this.config = null;
      this.emit();
      throw error;
    }
    this.ready = true;
    if (config.role === 'manager' && this.rosterDue !== 'force') this.rosterDue = 'check';
    this.enqueueAll();
    this.schedule();
    // Sites a manager added (or received) while this install was not syncing.
    this.followDirectory();
    void this.checkCredentials();
    this.probeTimer = setInterval(() => void this.probe(), this.opts.probeMs ?? 10_000);
    this.probeTimer.unref();
  }

  /**
   * Follows a changed list of sites while everything else keeps running: a site added starts
   * replicating its database at once (this install's records of it go up, the hub's come down), a site
   * dropped stops (its records stay in storage). The list is saved with the hub settings.
   */
  async setSites(sites: string[]): Promise<void> {
    const run = this.siteWork.then(async () => {
      const config = this.config;
      if (!config || this.stopped) return;
      const next = [...new Set(sites)].sort();
      const added = next.filter((s) => !this.lanes.has(siteDb(s)));
      const dropped = config.sites.filter((s) => !next.includes(s));
      if (!added.length && !dropped.length && next.join() === [...config.sites].sort().join()) return;
      this.config = { ...config, sites: next };
      writeSyncConfig(this.app, this.config);
      for (const s of dropped) {
        const lane = this.lanes.get(siteDb(s));
        if (!lane) continue;
        this.lanes.delete(lane.db);
        this.incoming.delete(lane.db);
        for (const key of [...this.queue.keys()]) if (key.startsWith(`${lane.db}|`)) this.queue.delete(key);
        lane.replication?.cancel();
        lane.feed?.cancel();
        await lane.local.close().catch(() => undefined);
        await lane.remote.close().catch(() => undefined);
      }
      for (const s of added) {
        const lane = this.makeLane(this.config, siteDb(s), s, true);
        this.lanes.set(lane.db, lane);
        await this.loadHeld(lane);
        await this.startLane(lane);
      }
      if (added.length) this.enqueueAll(new Set(added));
      if (added.length && config.role === 'manager') this.dueRosters('check');
      this.schedule();
      this.emit();
    });
    this.siteWork = run.catch(() => undefined);
    await run;
  }

  /** A manager follows every site of the directory: one added here or by another manager starts syncing. */
  private followDirectory(): void {
    if (this.config?.role !== 'manager') return;
    setTimeout(() => {
      if (this.stopped || this.config?.role !== 'manager') return;
      const codes = this.app.repos.sites.all().map((s) => s.code);
      if (codes.some((c) => !this.config!.sites.includes(c))) void this.setSites([...this.config!.sites, ...codes]);
    }, 0);
  }

  private makeLane(config: SyncConfig, db: string, site: string | null, push: boolean): Lane {
    const PouchDB = this.Pouch!;
    const dir = path.join(this.app.dirs.root, 'sync');
    fs.mkdirSync(dir, { recursive: true });
    // A replica that does not exist yet (a new desk, a site just added, a replica that was lost) takes a
    // first pull before it pushes (see replicate); decided before anything can be written into it.
    const fresh = !fs.existsSync(path.join(dir, db));
    const local = new PouchDB(path.join(dir, db));
    const remote = new PouchDB(`${config.url.replace(/\/$/, '')}/${db}`, {
      auth: { username: config.name, password: config.password },
      skip_setup: true,
      // Node's own fetch: PouchDB's bundled node-fetch can leave a connection error unhandled when the
      // hub goes away mid-request, which would take the whole process down.
      // PouchDB reads an attachment (a photo) with node-fetch's `buffer()`, or else as a Blob that its
      // leveldb store cannot hash, so the response gets a `buffer()` too.
      fetch: async (url: string, init: RequestInit) => {
        const res = await globalThis.fetch(url, init);
        return Object.assign(res, { buffer: async () => Buffer.from(await res.arrayBuffer()) });
      },
    });
    // PouchDB asks a remote database for its info only to count progress, and one of those calls has
    // no error handler: a hub that drops the connection then leaves a rejection nobody handles, which
    // stops a Node process. The last answer stands in when the hub cannot give one.
    const info = remote.info.bind(remote);
    let lastInfo: Awaited<ReturnType<PouchDB['info']>> = { doc_count: 0, update_seq: 0, db_name: db };
    remote.info = () =>
      info().then(
        (i) => (lastInfo = i),
        () => lastInfo,
      );
    return {
      db,
      site,
      pull: true,
      push,
      local,
      remote,
      replication: null,
      feed: null,
      active: false,
      offline: false,
      refused: false,
      unanswered: false,
      waiting: new Set(),
      backlog: 0,
      pulled: 0,
      applied: 0,
      mine: new Set(),
      firstPull: push && fresh,
      pushFrom: undefined,
      known: fresh ? new Set() : null,
      counted: false,
    };
  }

  /** The photo documents and witness heads a site's replica holds (opening the replica, which fails if it is damaged). */
  private async loadHeld(lane: Lane): Promise<void> {
    await lane.local.info();
    if (lane.site === null) return;
    const photos = await lane.local.allDocs({ startkey: PHOTO_PREFIX, endkey: `${PHOTO_PREFIX}\ufff0` });
    for (const row of photos.rows) if (!row.value.deleted) this.photosHeld.add(row.id);
    const held = await lane.local.allDocs({ startkey: HEAD_PREFIX, endkey: `${HEAD_PREFIX}\ufff0`, include_docs: true });
    for (const row of held.rows) {
      const p = parseHeadDoc(row.doc, lane.site);
      if (p.ok) this.witnessHead(p.doc);
    }
  }

  /** Listens to a lane's replica and starts its replication. */
  private async startLane(lane: Lane): Promise<void> {
    const since = await lane.local.get(APPLIED).then(
      (d) => d.seq as number | string,
      () => 0,
    );
    lane.feed = lane.local.changes({ since, live: true, include_docs: true, conflicts: true, return_docs: false }).on('change', (c) => {
      if (this.lanes.get(lane.db) !== lane) return;
      const list = this.incoming.get(lane.db) ?? [];
      if (!list.length) this.incomingSince.set(lane.db, Date.now());
      this.incomingLast.set(lane.db, Date.now());
      list.push(c as unknown as PouchChange);
      this.incoming.set(lane.db, list);
      this.schedule();
    });
    (lane.feed as unknown as PromiseLike<unknown>).then(undefined, () => undefined);
    // A replica that was empty (a new desk): the hub's count first, or the first total shown would be only
    // this install's own records going up ("Syncing 0 of 12" before "Syncing 0 of 4,013").
    if (lane.known) await this.estimate(lane, true);
    this.replicate(lane);
  }

  /**
   * PouchDB retries by itself, but a hub that was killed, or a laptop that slept or changed network,
   * can leave a replication waiting on a connection that is gone. So the hub is asked now and then
   * whether it is there; once it answers again after it did not (or while a replication is stopped on an
   * error), those replications start afresh
   * from its checkpoint (nothing is sent twice in effect: replication is idempotent).
   */
  private async probe(): Promise<void> {
    const config = this.config;
    if (!config || this.stopped) return;
    let ok: boolean;
    try {
      ok = (await fetch(`${config.url.replace(/\/$/, '')}/`, { signal: AbortSignal.timeout(5000) })).ok;
    } catch {
      ok = false;
    }
    if (this.stopped) return;
    if (!ok) {
      this.reachable = false;
      for (const lane of this.lanes.values()) lane.offline = true;
      this.emit();
      return;
    }
    const wasDown = !this.reachable;
    this.reachable = true;
    // The hub answers: a replication that stopped on an error (or all of them, after an outage) starts again.
    for (const lane of this.lanes.values()) {
      if (!wasDown && !lane.offline) continue;
      lane.replication?.cancel();
      lane.offline = false;
      this.replicate(lane);
    }
    if (wasDown || [...this.lanes.values()].some((l) => l.unanswered)) await this.checkCredentials();
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.halt.abort();
    // Saves made before stopping go into the replica first (no network is waited for), so each write
    // of a record kept as events is still its own event when sync starts again.
    if (this.ready && (this.noted.length || this.queue.size || this.rosterDue !== 'no')) {
      this.stopListening?.();
      this.stopListening = null;
      this.schedule();
      await this.work.catch(() => undefined);
    }
    this.stopped = true;
    this.ready = false;
    this.stopListening?.();
    this.stopListening = null;
    if (this.probeTimer) clearInterval(this.probeTimer);
    this.probeTimer = null;
    if (this.takeTimer) clearTimeout(this.takeTimer);
    this.takeTimer = null;
    for (const lane of this.lanes.values()) {
      lane.replication?.cancel();
      lane.feed?.cancel();
    }
    await this.work.catch(() => undefined);
    for (const lane of this.lanes.values()) {
      await lane.local.close().catch(() => undefined);
      await lane.remote.close().catch(() => undefined);
    }
    this.lanes.clear();
    this.queue.clear();
    this.noted = [];
    this.rosterDue = 'no';
    this.incoming.clear();
    this.decisions.clear();
    this.ownEvents.clear();
  }

  onStatus(fn: (s: SyncStatus) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /**
   * Where sync stands. While syncing, `done` of `total` counts documents since the sync last stood up to
   * date: done = pushed to the hub + pulled from it and taken into storage; total = done + what is still
   * on the hub for this install (the hub's document count less the replica's, at the start of the
   * stretch) + pulled and not yet in storage + local changes not yet sent. A new desk's first sync
   * therefore reads "Syncing 1,240 of 208,029" and climbs to the whole.
   */
  status(): SyncStatus {
    const lanes = [...this.lanes.values()];
    // A save not compared yet counts once per file of replicated records it wrote (not its other files).
    const noted = this.noted.reduce((n, c) => n + (kindOfFile(c.rel) ? 1 : 0), 0);
    const waiting = lanes.reduce((n, l) => n + l.waiting.size, 0) + this.queue.size + this.writing + noted;
    const base = { hub: this.config?.url ?? null, rejected: [...this.rejected], waiting, conflicts: this.conflictCount() };
    if (!this.config) return { ...base, state: 'off', at: null, done: 0, total: 0 };
    const done = this.pushed + lanes.reduce((n, l) => n + Math.min(l.applied, l.pulled), 0);
    // Pulled and not yet in storage — only while the lane is busy or has arrivals waiting: its feed reports
    // a document pulled twice in quick succession once, so an idle lane can count more pulled than taken in.
    const arriving = lanes.reduce(
      (n, l) => n + l.backlog + (l.active || this.incoming.get(l.db)?.length ? Math.max(0, l.pulled - l.applied) : 0),
      0,
    );
    if (lanes.some((l) => l.refused)) return { ...base, state: 'refused', at: null, done, total: done + waiting };
    if (lanes.some((l) => l.offline || l.unanswered))
      return {
        ...base,
        state: 'offline',
        at: this.quietAt ? new Date(this.quietAt).toISOString() : null,
        done,
        total: done + waiting + arriving,
      };
    const incoming = [...this.incoming.values()].reduce((n, l) => n + l.length, 0);
    // While syncing, the total counts everything pulled and not yet in storage, also on a lane that paused
    // meanwhile with its feed still behind (a first pull hands over to the live sync so), or it would dip.
    const behind = lanes.reduce((n, l) => n + l.backlog + Math.max(0, l.pulled - l.applied), 0);
    if (lanes.some((l) => l.active) || waiting || arriving || incoming || this.scheduled)
      return { ...base, state: 'syncing', at: null, done, total: done + waiting + behind };
    return {
      ...base,
      state: 'up-to-date',
      at: this.quietAt ? new Date(this.quietAt).toISOString() : null,
      done,
      total: done,
    };
  }

  /** Called before a count moves: after the sync stood up to date, a new stretch counts from zero. */
  private stretch(): void {
    if (!this.quiet) return;
    this.quiet = false;
    this.pushed = 0;
    for (const l of this.lanes.values()) {
      l.pulled = 0;
      l.applied = 0;
    }
  }

  /**
   * How many documents the hub holds for this lane that its replica does not have yet: the hub's count
   * less the replica's, where the replica's own documents not yet sent (`waiting`) are not on the hub.
   * `before`: asked before the replication starts (a replica that was empty: a new desk), so the first
   * total shown is already out of all the hub holds; it waits at most a few seconds for the hub.
   */
  private async estimate(lane: Lane, before = false): Promise<void> {
    const counts = Promise.all([lane.remote.info(), lane.local.info()]).catch(() => [null, null] as const);
    const [remote, local] = before
      ? await Promise.race([counts, new Promise<readonly [null, null]>((r) => setTimeout(() => r([null, null]), 5000).unref())])
      : await counts;
    // Counted while the replication is running; one that paused meanwhile has pulled everything.
    if (!remote || !local || this.stopped || (!before && !lane.active)) return;
    const gap = remote.doc_count - local.doc_count + lane.waiting.size;
    lane.backlog = Number.isFinite(gap) ? Math.max(0, gap) : 0;
    lane.counted = true;
    if (!before) this.emit();
  }

  /** The shifts held here with a conflict waiting for a manager's decision. */
  conflictShifts(): SyncRecord[] {
    return [...this.decisions.values()];
  }

  private conflictCount(): number {
    let n = 0;
    for (const r of this.decisions.values()) n += openDecisions(r as unknown as DecidableShift).length;
    return n;
  }

  /** Keeps the list of shifts with open decisions in step with every shift saved or found. */
  private noteDecisions(record: SyncRecord): void {
    if (openDecisions(record as unknown as DecidableShift).length) this.decisions.set(record.id, record);
    else this.decisions.delete(record.id);
  }

  /**
   * The heads of an incident's history chain that the hub has seen (each pushed by some install), for
   * the evidence check (main/services/incidentHeads.ts). Empty when this install does not sync.
   */
  witnessed(incidentId: string, site?: string): { length: number; head: string }[] {
    // A head speaks only for the incidents of the site whose database it came from.
    return [...(this.witness.get(incidentId)?.values() ?? [])]
      .filter((w) => site === undefined || w.site === site)
      .map(({ length, head }) => ({ length, head }));
  }

  private witnessHead(d: HeadDoc): void {
    const held = this.witness.get(d.incident) ?? new Map<string, { length: number; head: string; site: string }>();
    held.set(d._id, { length: d.length, head: d.head, site: d.site });
    this.witness.set(d.incident, held);
  }

  private isWitnessed(d: HeadDoc): boolean {
    return this.witness.get(d.incident)?.has(d._id) ?? false;
  }

  /** Resolves once everything queued here has been written and applied (not that the hub has it). */
  async settled(): Promise<void> {
    this.hurry += 1;
    try {
      this.schedule();
      while (
        this.scheduled ||
        this.noted.length ||
        this.replays.size ||
        this.lostPhotos.size ||
        this.queue.size ||
        this.rosterDue !== 'no' ||
        [...this.incoming.values()].some((l) => l.length)
      )
        await this.work;
    } finally {
      this.hurry -= 1;
    }
  }

  private emit(): void {
    const s = this.status();
    if (s.state === 'up-to-date') {
      this.quiet = true;
      for (const l of this.lanes.values()) l.mine.clear();
    }
    if (s.state === 'up-to-date' && !this.quietAt) this.quietAt = this.app.now();
    for (const fn of this.listeners) fn(s);
  }

  /**
   * Starts a lane's replication. A replica that is still empty (a new desk, or a replica that was lost)
   * first pulls what the hub holds in one pass, and only then starts the two-way live sync, with the
   * push starting after what that pass brought: otherwise the push would read every pulled document
   * back from the replica and ask the hub about each (`_revs_diff`) while the pull is still running.
   * Documents this install writes into the replica meanwhile are after that point, so they still go.
   */
  private replicate(lane: Lane): void {
    const max = this.opts.maxBackOffMs ?? 30_000;
    const base = {
      // Large batches: a new desk's first sync pulls the whole site, and each batch costs a `_changes`
      // page, a `_revs_diff`, a `_bulk_get` and a checkpoint round trip whatever its size.
      batch_size: REPLICATION_BATCH,
      back_off_function: (delay: number) => (delay === 0 ? Math.min(1000, max) : Math.min(delay * 2, max)),
    };
    const PouchDB = this.Pouch!;
    if (lane.firstPull) {
      const r = PouchDB.replicate(lane.remote, lane.local, { ...base, live: false, retry: false });
      lane.replication = r;
      lane.active = true;
      this.quietAt = null;
      if (!lane.counted) void this.estimate(lane);
      r.then(
        async (result) => {
          if (lane.replication !== r || this.stopped || (result as { status?: string }).status === 'cancelled') return;
          lane.pushFrom ??= (await lane.local.info()).update_seq;
          lane.firstPull = false;
          this.replicate(lane);
        },
        // The pull stopped on an error (the hub went away, or has no such database yet): the two-way
        // live sync takes over from the checkpoints, retrying as usual; nothing written here is skipped.
        () => {
          if (lane.replication !== r || this.stopped) return;
          lane.firstPull = false;
          lane.active = false;
          this.replicate(lane);
        },
      );
      this.listen(lane, r);
      this.emit();
      return;
    }
    const opts = {
      ...base,
      live: true,
      retry: true,
      ...(lane.push && lane.pushFrom !== undefined ? { push: { since: lane.pushFrom } } : {}),
    };
    const r = lane.push ? PouchDB.sync(lane.local, lane.remote, opts) : PouchDB.replicate(lane.remote, lane.local, opts);
    lane.replication = r;
    // A replication is also a promise that rejects when it ends on an error; the events below report it.
    r.then(undefined, () => undefined);
    this.listen(lane, r);
  }

  /**
   * Before this install writes into a replica that is still taking its first pull, notes where the
   * replica stood: the push starts from there once the pull is done (see replicate).
   */
  private async beforeOwnWrite(lane: Lane): Promise<void> {
    if (lane.firstPull && lane.pushFrom === undefined) lane.pushFrom = (await lane.local.info()).update_seq;
  }

  private listen(lane: Lane, r: PouchReplication): void {
    r.on('change', (info) => {
      const change = info.direction ? info.change : info;
      const docs = change?.docs ?? [];
      this.stretch();
      if (info.direction === 'push') {
        for (const d of docs) lane.waiting.delete(d._id);
        this.pushed += docs.length;
      } else {
        lane.pulled += docs.length;
        lane.backlog = Math.max(0, lane.backlog - docs.length, change?.pending ?? 0);
      }
      lane.offline = false;
      this.emit();
    })
      .on('active', () => {
        lane.active = true;
        lane.offline = false;
        this.quietAt = null;
        // A first pull counts down from the hub's count taken before it began: counting again while this
        // install writes its own documents into the replica could count them twice (see estimate).
        if (!(lane.firstPull && lane.counted)) void this.estimate(lane);
        this.emit();
      })
      .on('paused', (error) => {
        // The first pull pauses once at its end, and the live sync starts at once (see replicate).
        if (r !== lane.replication || (lane.firstPull && !error)) return;
        lane.active = false;
        if (error) {
          lane.offline = true;
          if (error.status === 401 || error.status === 403) void this.checkCredentials();
        } else {
          lane.offline = false;
          lane.backlog = 0;
          // Both directions caught up: the push's checkpoint is past where a first pull left it.
          lane.pushFrom = undefined;
          void this.caughtUp(lane);
          if (![...this.lanes.values()].some((l) => l.active || l.offline)) this.quietAt = this.app.now();
        }
        this.emit();
      })
      .on('denied', (error) => {
        this.noteRefused({
          db: lane.db,
          docId: error?.id ?? '?',
          reason: `the hub refused it: ${error?.message ?? error?.name ?? 'forbidden'}`,
        });
        this.emit();
      })
      .on('error', () => {
        lane.offline = true;
        this.emit();
      });
  }

  /**
   * Paused without an error means both directions caught up with everything written so far — a document
   * the hub already had (as after a restart) is never reported as sent, so the waiting list is cleared
   * here. But PouchDB also pauses without an error while the hub is gone, so the hub is asked first.
   */
  private async caughtUp(lane: Lane): Promise<void> {
    const config = this.config;
    if (!config) return;
    const up = await fetch(`${config.url.replace(/\/$/, '')}/`, { signal: AbortSignal.timeout(5000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (!up || lane.active || lane.offline || !lane.waiting.size) return;
    // PouchDB's two-way sync also pauses when its pull has caught up before its push has begun (both start
    // out paused), so only what the hub holds at the revision held here is no longer waiting; it counts as
    // sent (the hub had it), so the total shown neither drops nor counts it twice.
    const ids = [...lane.waiting];
    const [here, there] = await Promise.all([lane.local.allDocs({ keys: ids }), lane.remote.allDocs({ keys: ids })]).catch(() => [
      null,
      null,
    ]);
    if (this.lanes.get(lane.db) !== lane) return;
    if (!here || !there) {
      // The hub cannot say (its database for this lane does not exist yet, say): as before, nothing waits.
      lane.waiting.clear();
      this.emit();
      return;
    }
    const onHub = new Map(there.rows.map((r) => [r.key ?? r.id, r.value && !r.value.deleted ? r.value.rev : null]));
    let sent = 0;
    for (const r of here.rows) {
      const id = r.key ?? r.id;
      if (!lane.waiting.has(id) || !r.value?.rev || onHub.get(id) !== r.value.rev) continue;
      lane.waiting.delete(id);
      sent += 1;
    }
    if (!sent) return;
    this.stretch();
    this.pushed += sent;
    this.emit();
  }

  /**
   * Asks the hub whether it takes this install's name and password, for "Hub refused this desk's password". A hub
   * that takes the request and never answers it (a proxy holding the connection) is given HUB_ANSWER_MS, then
   * shown as offline and asked again at each probe; one check runs at a time.
   */
  private checkCredentials(): Promise<void> {
    this.checking ??= this.askCredentials().finally(() => (this.checking = null));
    return this.checking;
  }

  private async askCredentials(): Promise<void> {
    const config = this.config;
    if (!config) return;
    const signal = AbortSignal.any([AbortSignal.timeout(this.opts.hubAnswerMs ?? HUB_ANSWER_MS), this.halt.signal]);
    await Promise.all(
      [...this.lanes.values()].map(async (lane) => {
        try {
          const res = await fetch(`${config.url.replace(/\/$/, '')}/${lane.db}`, {
            headers: { authorization: authHeader(config), accept: 'application/json' },
            signal,
          });
          await res.body?.cancel();
          lane.refused = res.status === 401 || res.status === 403;
          lane.unanswered = false;
        } catch (e) {
          if (e instanceof Error && e.name === 'TimeoutError') lane.unanswered = true;
          else lane.offline = true; // the hub cannot be reached: the replication retries by itself
        }
      }),
    );
    this.emit();
  }

  /**
   * Notes a save for the work loop. Nothing is compared here: this runs inside every save, before it is
   * acknowledged, so the edit must not pay for sync (the bench's edit p95 with sync running).
   */
  private noteLocal(changes: FileChange[]): void {
    if (!this.config) return;
    if (changes.some((c) => c.rel === 'directory/sites')) this.followDirectory();
    if (this.config.role === 'manager' && changes.some((c) => c.rel === 'directory/accounts')) this.dueRosters('check');
    this.noted.push(...changes);
    if (this.ready) this.schedule();
  }

  /** Queues every record the noted saves changed (a record a save did not touch is the same object). */
  private diffNoted(): void {
    const list = this.noted;
    this.noted = [];
    for (const c of list) {
      const kind = kindOfFile(c.rel);
      if (!kind) continue;
      const before = (c.before as { records?: Record<string, unknown> } | null)?.records ?? {};
      const after = (c.after as { records: Record<string, SyncRecord> }).records;
      for (const [id, r] of Object.entries(after)) {
        // Just taken in from the replica as it stands there: nothing to send back.
        if (this.tookIn.has(`${kind}|${id}`)) {
          if (kind === 'shifts') this.noteDecisions(r);
          continue;
        }
        if (!Object.hasOwn(before, id) || (before[id] !== r && canonical(before[id]) !== canonical(r))) {
          if (kind === 'shifts') this.noteDecisions(r);
          this.enqueue(kind, r);
        }
      }
    }
  }

  private enqueue(kind: SyncKind, record: SyncRecord): void {
    for (const route of routesOf(kind, record, this.config!.role)) {
      if (this.lanes.get(route.db)?.push)
        // Each write of a record kept as events is an event of its own: a later save does not replace it in the queue.
        this.queue.set(`${route.db}|${docId(kind, record.id)}${isFolded(kind) ? `|${record.hlc ?? ''}` : ''}`, {
          db: route.db,
          kind,
          record: route.record,
        });
    }
  }

  /** Notes each photo an incident names that is missing from disk, to bring back from the replica or the hub. */
  private notePhotos(r: SyncRecord): void {
    const incident = r as unknown as Incident;
    for (const p of incident.photos ?? [])
      if (PHOTO_FILE.test(p.file) && !fs.existsSync(path.join(this.app.dirs.photos, p.file))) this.lostPhotos.set(p.file, incident.site);
  }

  /**
   * Photos lost from disk come back from the replica, or else from the hub itself: each is checked as a
   * photo arriving from the hub is (a JPEG, PNG or WebP of at most 10 MB, a name SiteDesk makes) and
   * written beside the others; the user is told how many came back. One neither holds stays missing
   * (the incident says so when it is opened) and is looked for again at the next start.
   */
  private async restorePhotos(): Promise<void> {
    if (!this.lostPhotos.size) return;
    const lost = [...this.lostPhotos];
    this.lostPhotos.clear();
    let back = 0;
    for (const [file, site] of lost) {
      const lane = this.lanes.get(siteDb(site));
      const target = path.join(this.app.dirs.photos, file);
      if (!lane || fs.existsSync(target)) continue;
      let image = await this.photoOf(lane, photoDocId(file));
      // A hub that never answers (a connection left by sleep, say) must not hold up every save behind it.
      if (!image.ok)
        image = await orGiveUp(this.photoOf(lane, photoDocId(file), lane.remote), this.halt.signal, {
          ok: false,
          reason: 'the hub did not answer',
        });
      if (!image.ok || image.file !== file) continue;
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(`${target}.tmp`, Buffer.from(image.base64, 'base64'));
      fs.renameSync(`${target}.tmp`, target);
      back += 1;
    }
    if (back)
      this.app.ds.addNotice({
        kind: 'restored',
        file: 'photos',
        quarantined: null,
        message: `${back} incident photo${back === 1 ? ' that was' : 's that were'} missing from this computer ${back === 1 ? 'was' : 'were'} brought back from the hub.`,
      });
  }

  /** Every replicated record held in storage (of `only` these sites), compared with the replica at start. */
  private enqueueAll(only?: Set<string>): void {
    const sites = only ?? new Set(this.config!.sites);
    if (this.config!.role === 'manager' && !only) {
      for (const s of this.held('sites', sites)) this.enqueue('sites', s);
      for (const s of this.held('staff', sites)) this.enqueue('staff', s);
    }
    for (const kind of SITE_KINDS)
      for (const r of this.held(kind, sites)) {
        this.enqueue(kind, r);
        if (kind === 'shifts') this.noteDecisions(r);
        if (kind === 'incidents') this.notePhotos(r);
      }
  }

  /** The records of `kind` in storage: all of the organisation's sites or staff, else those of `sites`. */
  private held(kind: SyncKind, sites: ReadonlySet<string>): SyncRecord[] {
    const { repos } = this.app;
    if (kind === 'sites' || kind === 'staff') return repos[kind].all() as unknown as SyncRecord[];
    const c = repos[kind];
    return c
      .keys()
      .filter((key) => sites.has(key.slice(8)))
      .flatMap((key) => Object.values(c.partitionOnce(key)) as unknown as SyncRecord[]);
  }

  private schedule(): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    this.work = this.work
      .then(() => new Promise<void>((resolve) => setTimeout(resolve, 10)))
      .then(async () => {
        this.scheduled = false;
        while (
          !this.stopped &&
          (this.noted.length ||
            this.replays.size ||
            this.lostPhotos.size ||
            this.queue.size ||
            this.rosterDue !== 'no' ||
            [...this.incoming.keys()].some((db) => this.readyToTake(db)))
        ) {
          this.diffNoted();
          await this.replay();
          await this.restorePhotos();
          await this.pushOut();
          await this.publishRosters();
          await this.takeIn();
        }
      })
      .catch((error: Error) => {
        this.scheduled = false;
        this.noteRefused({ db: '-', docId: '-', reason: `sync stopped on an error: ${error.message}` });
      })
      .finally(() => this.emit());
  }

  /** A document this install wrote into its replica: waiting to go to the hub, and not counted as pulled when the feed brings it. */
  private wroteMine(lane: Lane, id: string, rev: string | undefined, sent?: string[]): void {
    if (sent) sent.push(id);
    else lane.waiting.add(id);
    lane.mine.add(`${id}@${rev ?? ''}`);
  }

  /** Writes queued local records into the replica, merged with the version it holds. */
  private async pushOut(): Promise<void> {
    const batch = [...this.queue.entries()].slice(0, BATCH);
    for (const [key] of batch) this.queue.delete(key);
    // Counted as waiting until their documents are (see status), so the count never dips in between.
    this.writing = batch.length;
    try {
      await this.pushOutBatch(batch);
    } finally {
      this.writing = 0;
    }
  }

  private async pushOutBatch(batch: [string, Queued][]): Promise<void> {
    const byDb = new Map<string, Queued[]>();
    for (const [, q] of batch) byDb.set(q.db, [...(byDb.get(q.db) ?? []), q]);
    const aside = Object.values(readSuperseded(this.app.ds));
    for (const [db, items] of byDb) {
      const lane = this.lanes.get(db);
      if (!lane) {
        this.writing -= items.length;
        continue;
      }
      // The documents written, added to the waiting ones together when this database's share is written.
      const sent: string[] = [];
      const held = await lane.local.allDocs({ keys: items.map((q) => docId(q.kind, q.record.id)), include_docs: true });
      const now = this.app.now();
      const writes: PouchDoc[] = [];
      const heads = new Map<string, HeadDoc>();
      const photos = new Map<string, PouchDoc>();
      // The head of every incident chain this install holds or writes is witnessed by its own document,
      // and each of its photos this install has on disk travels as a document of its own.
      const witness = (kind: SyncKind, r: SyncRecord) => {
        if (kind !== 'incidents') return;
        const incident = r as unknown as Incident;
        const d = headDocOf(incident, headOf(incident.id, incident.history));
        if (!this.isWitnessed(d)) heads.set(d._id, d);
        for (const p of incident.photos) {
          const id = photoDocId(p.file);
          if (this.photosHeld.has(id) || photos.has(id) || !PHOTO_FILE.test(p.file)) continue;
          const found = readPhoto(this.app.dirs, p.file);
          if (!found) continue;
          photos.set(id, {
            _id: id,
            kind: 'photo',
            site: incident.site,
            incident: incident.id,
            file: p.file,
            _attachments: { image: { content_type: found.mime, data: found.bytes.toString('base64') } },
          });
        }
      };
      // Attendance and incident histories go as their events, never as one document per record.
      const events: PouchDoc[] = [];
      items.forEach((q, i) => {
        const row = held.rows[i];
        const found = row?.doc && !row.value?.deleted ? (row.doc as unknown as RecordDoc) : null;
        // A version stamped too far ahead was refused as it came (parseDoc): this install's version is written
        // over it rather than merged with it, where it would win again and every other install would refuse it.
        // What that document held was kept in storage as it came (keepRefused), so it goes up again with `mine`.
        const doc = found && !tooFarAhead(found.record?.hlc, now) ? found : null;
        // The directory every desk reads holds no pay rate, not even in a version kept aside (managers
        // keep those in their own database); one an earlier SiteDesk put there is dropped.
        const payless = (list: Superseded[]) =>
          db === DB_DIRECTORY && q.kind === 'staff' ? list.filter((s) => !('payRate' in s.record)) : list;
        const mine = payless(aside.filter((s) => s.kind === q.kind && s.recordId === q.record.id));
        witness(q.kind, q.record);
        // An incident without any history entry has no event to go as: it goes whole, as before.
        if (isFolded(q.kind) && (q.kind === 'attendance' || (q.record.history as unknown[] | undefined)?.length)) {
          events.push(...(eventDocsOf(q.kind, [q.record, ...mine.map((s) => s.record)]) as unknown as PouchDoc[]));
          return;
        }
        const kept = payless(doc?.aside ?? []).filter((a) => !checkedStamps(a).some((h) => tooFarAhead(h, now)));
        if (doc && canonical(doc.record) === canonical(q.record) && sameAside(unionAside(kept, mine), doc.aside ?? [])) return;
        const merged = doc ? mergeRecord(q.kind, doc.record, q.record) : { record: q.record, superseded: null };
        witness(q.kind, merged.record);
        const next = unionAside(kept, mine, merged.superseded ? [merged.superseded] : []);
        if (doc && canonical(merged.record) === canonical(doc.record) && sameAside(next, doc.aside ?? [])) return;
        writes.push({
          _id: docId(q.kind, q.record.id),
          ...(doc?._rev ? { _rev: doc._rev } : row?.value?.rev ? { _rev: row.value.rev } : {}),
          kind: q.kind,
          record: merged.record,
          aside: next,
        });
      });
      // Photos before the records that name them, so an install that pulls a record has its photos by then.
      if (photos.size || writes.length || heads.size) await this.beforeOwnWrite(lane);
      if (photos.size) {
        const docs = [...photos.values()];
        const results = await lane.local.bulkDocs(docs);
        results.forEach((r, i) => {
          if (r.ok) this.wroteMine(lane, docs[i]._id, r.rev, sent);
          if (r.ok || r.status === 409) this.photosHeld.add(docs[i]._id);
        });
      }
      // Noted before the write, so a fold never takes the replica to hold only what its feed brought.
      for (const e of events) {
        const target = eventTarget(e._id);
        if (target) lane.known?.add(`${target.kind}|${target.id}`);
      }
      for (const id of await putEvents(lane.local, events)) {
        sent.push(id);
        this.ownEvents.add(id);
      }
      if (writes.length) {
        const results = await lane.local.bulkDocs(writes);
        results.forEach((r, i) => {
          if (r.ok) this.wroteMine(lane, writes[i]._id, r.rev, sent);
          else if (r.status === 409) {
            const q = items.find((x) => docId(x.kind, x.record.id) === writes[i]._id)!;
            this.queue.set(`${db}|${writes[i]._id}`, q); // the replica changed meanwhile: merge again
          }
        });
      }
      // After the records, so an install that pulls a head has the incident it names by then.
      if (heads.size) {
        const docs = [...heads.values()];
        const results = await lane.local.bulkDocs(docs as unknown as PouchDoc[]);
        results.forEach((r, i) => {
          if (r.ok) this.wroteMine(lane, docs[i]._id, r.rev, sent);
          // 409: the replica has this head already (the same head written on another install).
          if (r.ok || r.status === 409) this.witnessHead(docs[i]);
        });
      }
      for (const id of sent) lane.waiting.add(id);
      this.writing -= items.length;
    }
  }

  /**
   * Brings each restored file up to date from the replica, which holds everything this install sent to
   * the hub or took from it: every record the replica has for that file is merged in by the usual rule
   * (a newer version wins, an older one changes nothing), and the user is told how many came back.
   */
  private async replay(): Promise<void> {
    if (!this.config || !this.lanes.size) return;
    for (const [rel, restored] of [...this.replays]) {
      this.replays.delete(rel);
      const kind = kindOfFile(rel)!;
      const site = /\/([A-Z]{2,4})$/.exec(rel)?.[1] ?? null;
      const db =
        kind === 'sites'
          ? DB_DIRECTORY
          : kind === 'staff'
            ? this.config.role === 'manager'
              ? DB_MANAGERS
              : DB_DIRECTORY
            : siteDb(site ?? '');
      const lane = this.lanes.get(db);
      if (!lane) continue;
      const c = collectionOf(this.app, kind) as { partitionOf?: (r: unknown) => string };
      const inFile = (r: SyncRecord) => !c.partitionOf || `partitions/${kind}/${c.partitionOf(r)}` === rel;
      if (isFolded(kind)) {
        const records = await this.fold(lane, kind, await idsInReplica(lane.local, kind), inFile);
        this.noticeReplayed(rel, kind, restored, records);
        continue;
      }
      const held = await lane.local.allDocs({ startkey: `${kind}:`, endkey: `${kind}:\ufff0`, include_docs: true });
      const records: Record<string, SyncRecord> = {};
      let asides: Superseded[] = [];
      for (const row of held.rows) {
        const parsed = parseDoc(row.doc, db, lane.site, this.app.now(), this.app.clock.node);
        if (!parsed.ok) continue;
        const { record, aside } = parsed.doc;
        if (c.partitionOf && `partitions/${kind}/${c.partitionOf(record)}` !== rel) continue;
        records[record.id] = record;
        asides = [...asides, ...aside];
      }
      const set: RecordSet = { [kind]: records };
      const plan = planImport(localVersions(this.app, set), set, asides, readSuperseded(this.app.ds));
      if (plan.writes[kind]?.length || plan.superseded.length)
        applyPlan(this.app, { payload: { records: set, superseded: plan.superseded, photos: {} } }, plan);
      this.noticeReplayed(rel, kind, restored, records);
    }
  }

  /** Tells the user how many records saved since the backup came back into a restored file from the replica. */
  private noticeReplayed(rel: string, kind: SyncKind, restored: Record<string, unknown>, records: Record<string, SyncRecord>): void {
    const c = collectionOf(this.app, kind) as { partitionOf?: (r: unknown) => string };
    // Counted against what the restore gave the file: records the changes feed brought in meanwhile
    // (it may reach the restored file first) came from the replica too.
    const now: Record<string, unknown> = c.partitionOf
      ? (c as unknown as { partition: (k: string) => Record<string, unknown> }).partition(rel.slice(`partitions/${kind}/`.length))
      : Object.fromEntries((c as unknown as { all: () => SyncRecord[] }).all().map((r) => [r.id, r]));
    // The photos the restored incidents name come back too, where the disk lost them.
    if (kind === 'incidents') for (const r of Object.values(now)) this.notePhotos(r as SyncRecord);
    const back = Object.keys(records).filter(
      (id) => Object.hasOwn(now, id) && (!Object.hasOwn(restored, id) || canonical(restored[id]) !== canonical(now[id])),
    ).length;
    if (back)
      this.app.ds.addNotice({
        kind: 'restored',
        file: rel,
        quarantined: null,
        message: `After ${rel} was restored from a backup, ${counted(back, 'record')} saved since that backup ${back === 1 ? 'was' : 'were'} brought back from the hub.`,
      });
  }

  /**
   * Whether what arrived for a database is taken in now: at once, unless the lane is still pulling a
   * backlog (a first sync), when it waits for a full turn or TAKE_WAIT_MS, whichever comes first.
   */
  private readyToTake(db: string): boolean {
    const n = this.incoming.get(db)?.length ?? 0;
    if (!n) return false;
    const lane = this.lanes.get(db);
    const now = Date.now();
    const age = now - (this.incomingSince.get(db) ?? 0);
    const quiet = now - (this.incomingLast.get(db) ?? 0);
    if (this.hurry || !lane || n >= TAKE_BATCH || age >= TAKE_WAIT_MS) return true;
    const pulling = lane.backlog > 0 && lane.active;
    if (!pulling && quiet >= TAKE_QUIET_MS) return true;
    const wait = pulling ? TAKE_WAIT_MS - age : Math.min(TAKE_WAIT_MS - age, TAKE_QUIET_MS - quiet);
    if (!this.takeTimer)
      this.takeTimer = setTimeout(
        () => {
          this.takeTimer = null;
          this.schedule();
        },
        Math.max(1, wait),
      );
    return false;
  }

  /** Merges documents that arrived in the replicas into storage. */
  private async takeIn(): Promise<void> {
    for (const [db, changes] of this.incoming) {
      if (!this.readyToTake(db)) continue;
      const lane = this.lanes.get(db);
      const batch = changes.splice(0, TAKE_BATCH);
      this.incomingSince.set(db, Date.now());
      if (!lane) continue;
      this.stretch();
      for (const c of batch) {
        const key = `${c.id}@${c.doc?._rev ?? ''}`;
        // This install's own documents are counted as they go up, not as pulled.
        if (lane.mine.has(key)) lane.mine.delete(key);
        else if (!this.ownEvents.has(c.id)) lane.applied += 1;
      }
      const records: RecordSet = {};
      let asides: Superseded[] = [];
      const heads: HeadDoc[] = [];
      const photos: Record<string, string> = {};
      const refold = new Map<FoldedKind, Set<string>>([
        ['attendance', new Set()],
        ['incidents', new Set()],
      ]);
      // The events that came in this turn, by record (`<kind>|<id>`), for the fold.
      const arrived = new Map<string, (AttendanceEventDoc | IncidentEntryDoc)[]>();
      // Documents deleted on the hub, or refused for a stamp too far ahead: written again from the records held here.
      const sendBack: string[] = [];
      const refusedStamps = new Map<string, unknown>();
      // Record documents refused for a stamp too far ahead: what they hold is kept beside the versions held here.
      const refused: RecordDoc[] = [];
      for (const c of batch) {
        const raw = c.doc;
        if (!raw || c.id.startsWith('_design/')) continue;
        if (c.id.startsWith(ROSTER_PREFIX)) {
          // A desk's accounts change only by a roster a manager key it trusts signed; anything else is refused and
          // reported, and changes nothing. A manager's laptop takes nothing from one (its accounts are its own) and
          // does not answer another manager's roster with its own (two laptops would answer each other for ever), but
          // publishes its own again when the hub's was deleted.
          if (this.config!.role === 'desk' && !raw._deleted) {
            const taken = takeRoster(this.app, raw, lane.site);
            if (taken && !taken.ok) this.noteRefused({ db, docId: c.id, reason: taken.reason });
          } else if (this.config!.role === 'manager' && raw._deleted) this.dueRosters('check');
          continue;
        }
        if (raw._deleted) {
          sendBack.push(c.id);
          continue;
        }
        if (c.id.startsWith(PHOTO_PREFIX)) {
          const image = await this.photoOf(lane, c.id);
          if (image.ok) photos[image.file] = image.base64;
          else this.noteRefused({ db, docId: c.id, reason: image.reason });
          continue;
        }
        if (c.id.startsWith(HEAD_PREFIX)) {
          // Witness documents are immutable: one that arrives is taken as the hub has it.
          const p = parseHeadDoc(raw, lane.site);
          if (p.ok) heads.push(p.doc);
          else this.noteRefused({ db, docId: c.id, reason: p.reason });
          continue;
        }
        // An event, or an earlier SiteDesk's whole attendance or incident document (its branches are
        // read as versions, never resolved by writing): the record is folded again from all it has.
        const target = eventTarget(c.id);
        // This install's own events came from its storage: folding them back would change nothing there,
        // or (for a chain cut short on this disk) quietly write over the evidence of it.
        if (target && this.ownEvents.delete(c.id)) continue;
        if (target) {
          const p = parseEventDoc(raw, lane.site, this.app.now(), this.app.clock.node);
          if (p.ok) {
            refold.get(target.kind)!.add(target.id);
            const key = `${target.kind}|${target.id}`;
            arrived.set(key, [...(arrived.get(key) ?? []), p.doc]);
          } else this.noteRefused({ db, docId: c.id, reason: p.reason });
          continue;
        }
        if (typeof raw.kind === 'string' && isFolded(raw.kind as SyncKind)) {
          // An earlier SiteDesk's whole-record document (read with its branches): the fold reads the replica.
          lane.known?.add(`${raw.kind}|${c.id.slice(c.id.indexOf(':') + 1)}`);
          const p = parseDoc(raw, db, lane.site, this.app.now(), this.app.clock.node);
          if (p.ok) refold.get(p.doc.kind as FoldedKind)!.add(p.doc.record.id);
          else this.noteRefused({ db, docId: c.id, reason: p.reason });
          if (p.ok || !raw._conflicts?.length) continue;
          refold.get(raw.kind as FoldedKind)!.add(c.id.slice(c.id.indexOf(':') + 1));
          continue;
        }
        if (raw._conflicts?.length) {
          await this.resolve(lane, raw);
          continue;
        }
        // Managers take staff from the managers' database, which has the pay rates.
        if (this.config!.role === 'manager' && db === DB_DIRECTORY && raw.kind === 'staff') continue;
        const parsed = parseDoc(raw, db, lane.site, this.app.now(), this.app.clock.node);
        if (!parsed.ok) {
          this.noteRefused({ db, docId: c.id, reason: parsed.reason });
          // Left on the hub, it would keep the record from every install that joins later: the version held
          // here is written over it (pushOut), as a deleted one is written again.
          // Not when it is the very version held here (this install's own edit, made while its date was years
          // fast and come back after the date was put right): writing it again would bring it back, for ever.
          if (parsed.farAhead) {
            sendBack.push(c.id);
            refusedStamps.set(c.id, (raw as { record?: { hlc?: unknown } }).record?.hlc);
            if (parsed.doc) refused.push(parsed.doc);
          }
          continue;
        }
        const { kind, record, aside } = parsed.doc;
        const set = (records[kind] ??= {});
        set[record.id] = record;
        asides = [...asides, ...aside];
      }
      for (const d of refused) {
        const held = this.held(d.kind, new Set(lane.site === null ? [] : [lane.site])).find((r) => r.id === d.record.id);
        const kept = held ? keepRefused(d.kind, held, d.record, d.aside, this.app.now()) : null;
        if (!kept) continue;
        (records[d.kind] ??= {})[d.record.id] = kept.record;
        asides = [...asides, ...kept.superseded];
      }
      if (Object.keys(records).length || Object.keys(photos).length) {
        const held = readSuperseded(this.app.ds);
        const plan = planImport(localVersions(this.app, records), records, asides, held);
        // Saves noted before this one are compared as usual; the records this one writes exactly as the
        // replica holds them are not sent back to it (a first sync would otherwise read every document
        // again to find it unchanged). A record with a version set aside here still goes, for its `aside`.
        this.diffNoted();
        const setAside = new Set([...Object.values(held), ...plan.superseded].map((x) => `${x.kind}|${x.recordId}`));
        for (const [kind, written] of Object.entries(plan.writes))
          for (const r of written ?? []) {
            const key = `${kind}|${r.id}`;
            // The very record the replica holds (not a merge of it with this install's version).
            if (r === records[kind as SyncKind]?.[r.id] && !setAside.has(key)) this.tookIn.add(key);
          }
        try {
          applyPlan(this.app, { payload: { records, superseded: plan.superseded, photos } }, plan);
          this.diffNoted();
        } finally {
          this.tookIn.clear();
        }
      }
      if (lane.site !== null) for (const [kind, ids] of refold) if (ids.size) await this.fold(lane, kind, [...ids], undefined, arrived);
      if (sendBack.length) this.sendAgain(lane, sendBack, refusedStamps);
      // Only once the records that came with them are in storage, so a head never names a chain not yet applied.
      for (const h of heads) this.witnessHead(h);
      const last = batch.at(-1);
      if (last) {
        const prev = await lane.local.get(APPLIED).catch(() => null);
        await lane.local.put({ _id: APPLIED, ...(prev?._rev ? { _rev: prev._rev } : {}), seq: last.seq });
      }
    }
  }

  /** Asks the work loop to publish the rosters (see `rosterDue`). */
  private dueRosters(due: 'check' | 'force'): void {
    if (this.rosterDue !== 'force') this.rosterDue = due;
    if (this.ready) this.schedule();
  }

  /** An enrolment file was just made on this laptop: its desk holds its stamp, so every roster is signed again after it. */
  rostersChanged(): void {
    if (this.config?.role === 'manager') this.dueRosters('force');
  }

  /**
   * Publishes this manager's laptop's roster of each of its sites (main/sync/roster.ts) into the site's replica, all
   * under one new stamp, when any differs from the one the replica holds (or that one does not verify), or when asked
   * to. The stamp is made after every verified roster held, so a desk never finds a new one older than an old one.
   */
  private async publishRosters(): Promise<void> {
    const due = this.rosterDue;
    this.rosterDue = 'no';
    if (due === 'no' || this.config?.role !== 'manager') return;
    const org = readOrg(this.app);
    const identity = readIdentity(this.app);
    // A laptop with no organisation yet has enrolled no desk: no desk holds its key.
    if (!org || org.role !== 'manager' || !identity) return;
    const managers = org.installs.filter((i) => i.role === 'manager').map((i) => i.publicKey);
    const accounts = this.app.repos.accounts.all();
    const lanes = [...this.lanes.values()].filter((l) => l.site !== null && l.push);
    const held = await Promise.all(lanes.map((l) => l.local.get(rosterDocId(l.site!), { conflicts: true }).catch(() => null)));
    const wanted = lanes.map((l) => rosterAccountsOf(accounts, l.site!));
    // A roster held here that a manager of this organisation signed, as it was signed, and not stamped far ahead.
    const sound = held.map((h) => {
      const r = readRoster(h?.roster);
      const signer = h?.signer;
      const signature = h?.signature;
      if (!r || typeof signer !== 'string' || typeof signature !== 'string' || !managers.includes(signer)) return null;
      return verifyWith(signer, signedBytes(h?.roster), signature) && !tooFarAhead(r.stamp, this.app.now()) ? r : null;
    });
    const stale = (i: number) => {
      const r = sound[i];
      if (!r || r.organisationId !== org.id || held[i]?._conflicts?.length) return true;
      const carried = openRosterAccounts(org, r);
      return !carried || canonical(carried) !== canonical(wanted[i]);
    };
    if (due === 'check' && lanes.every((_, i) => !stale(i))) return;
    for (const r of sound) if (r) this.app.clock.see(r.stamp, this.app.now());
    const stamp = this.app.clock.stamp(this.app.now());
    for (const [i, lane] of lanes.entries()) {
      const h = held[i];
      const doc = signRoster(org, identity, lane.site!, stamp, wanted[i]);
      await this.beforeOwnWrite(lane);
      const [written] = await lane.local.bulkDocs([{ ...doc, ...(h?._rev ? { _rev: h._rev } : {}) } as unknown as PouchDoc]);
      // The document moved on while it was read (another manager's came in): left to the next publication.
      if (!written?.ok) continue;
      this.wroteMine(lane, doc._id, written.rev);
      if (h?._conflicts?.length) await lane.local.bulkDocs(h._conflicts.map((rev) => ({ _id: doc._id, _rev: rev, _deleted: true })));
    }
  }

  /**
   * Nothing SiteDesk writes is ever deleted (a shift is removed by a tombstone edit, an incident never):
   * a record's document deleted on the hub is written again from the record this install holds, so the
   * hub keeps it for every install, a new desk included. Storage is not touched.
   */
  private sendAgain(lane: Lane, ids: string[], refusedStamps: ReadonlyMap<string, unknown> = new Map()): void {
    const wanted = new Map<SyncKind, Set<string>>();
    for (const id of ids) {
      const target = eventTarget(id);
      const kind = target?.kind ?? (id.slice(0, id.indexOf(':')) as SyncKind);
      if (!SYNC_KINDS.includes(kind)) continue;
      wanted.set(kind, (wanted.get(kind) ?? new Set()).add(target?.id ?? id.slice(id.indexOf(':') + 1)));
    }
    for (const [kind, wantedIds] of wanted)
      for (const r of this.held(kind, new Set(lane.site === null ? [] : [lane.site]))) {
        const id = docId(kind, r.id);
        const same = refusedStamps.has(id) && refusedStamps.get(id) === r.hlc;
        if (wantedIds.has(r.id) && !same) this.enqueue(kind, r);
      }
  }

  /**
   * Rebuilds records kept as events from everything the replica holds for them, folded with this
   * install's own copy and the versions it keeps aside (shared/domain/sync/fold.ts), and writes what
   * changed into storage. `only` keeps the records of one restored file. Returns the records folded.
   */
  private async fold(
    lane: Lane,
    kind: FoldedKind,
    ids: string[],
    only?: (r: SyncRecord) => boolean,
    arrived?: ReadonlyMap<string, (AttendanceEventDoc | IncidentEntryDoc)[]>,
  ): Promise<Record<string, SyncRecord>> {
    const fromReplica = new Map<string, SyncRecord[]>();
    for (const id of ids) {
      const key = `${kind}|${id}`;
      // In a replica that was empty when it opened, a record none of whose documents came before this
      // turn holds only the ones that came now (and any written since, which the feed brings next, and
      // which fold it again): no need to read them back. A first sync folds nearly every record so.
      const came = lane.known && !lane.known.has(key) ? arrived?.get(key) : undefined;
      fromReplica.set(
        id,
        came ? versionsOfEvents(came) : await versionsInReplica(lane.local, lane.db, lane.site!, kind, id, this.app.now()),
      );
      lane.known?.add(key);
    }
    if (only) for (const [id, versions] of fromReplica) if (!versions.some(only)) fromReplica.delete(id);
    // From here on nothing awaits: no save can come between reading this install's copy and the write.
    const { plan, records } = foldWithLocal(
      kind,
      fromReplica,
      (first) => localVersions(this.app, { [kind]: first })[kind] ?? {},
      readSuperseded(this.app.ds),
    );
    if (plan.writes[kind]?.length || plan.superseded.length) {
      // Saves noted before this one are compared as usual. A record folded only from versions the replica
      // holds (the record and each version it sets aside here) has all its events there already: it is
      // not queued to write them again, which a first sync would otherwise do for every record it folds.
      this.diffNoted();
      const fromHere = new Set<SyncRecord>();
      for (const versions of fromReplica.values()) for (const v of versions) fromHere.add(v);
      const setAside = new Set(plan.superseded.filter((x) => !fromHere.has(x.record)).map((x) => x.recordId));
      for (const r of plan.writes[kind] ?? []) if (fromHere.has(r) && !setAside.has(r.id)) this.tookIn.add(`${kind}|${r.id}`);
      try {
        applyPlan(this.app, { payload: { records: { [kind]: records }, superseded: plan.superseded, photos: {} } }, plan);
        this.diffNoted();
      } finally {
        this.tookIn.clear();
      }
    }
    return records;
  }

  /** A photo document's image, checked as a photo taken at the desk is: a JPEG, PNG or WebP of at most 10 MB. */
  private async photoOf(
    lane: Lane,
    id: string,
    from: PouchDB = lane.local,
  ): Promise<{ ok: true; file: string; base64: string } | { ok: false; reason: string }> {
    const raw = await from.get(id, { attachments: true }).catch(() => null);
    const p = parsePhotoDoc(raw, lane.site);
    if (!p.ok) return p;
    this.photosHeld.add(id);
    const data = (raw?._attachments as { image?: { data?: unknown } } | undefined)?.image?.data;
    if (typeof data !== 'string') return { ok: false, reason: 'a photo document without its image' };
    const bytes = Buffer.from(data, 'base64');
    if (bytes.length === 0 || bytes.length > MAX_PHOTO_BYTES || !imageTypeOf(bytes))
      return { ok: false, reason: 'a photo that is not a JPEG, PNG or WebP image of at most 10 MB' };
    return { ok: true, file: p.doc.file, base64: data };
  }

  /**
   * One record changed on two installs while apart: CouchDB keeps both as branches. Every replica
   * merges all branches by the same rule, writes the result on the winning branch and deletes the
   * others; replicas that do it at once write the same document (PouchDB's revisions are
   * deterministic), so they agree.
   */
  private async resolve(lane: Lane, doc: PouchDoc): Promise<void> {
    const revs = [doc._rev!, ...(doc._conflicts ?? [])];
    const versions: RecordDoc[] = [];
    // Branches refused for a stamp too far ahead: not merged, but what they hold is kept (shared/domain/sync/ahead.ts).
    const refused: RecordDoc[] = [];
    for (const rev of revs) {
      const v = rev === doc._rev ? doc : await lane.local.get(doc._id, { rev }).catch(() => null);
      if (!v) continue;
      const p = parseDoc(v, lane.db, lane.site, this.app.now(), this.app.clock.node);
      if (p.ok) versions.push({ ...(v as unknown as RecordDoc), record: (v as unknown as RecordDoc).record, aside: p.doc.aside });
      else {
        this.noteRefused({ db: lane.db, docId: `${doc._id}@${rev}`, reason: p.reason });
        if (p.farAhead && p.doc) refused.push(p.doc);
      }
    }
    if (!versions.length) return;
    versions.sort((a, b) => (canonical(a.record) < canonical(b.record) ? -1 : 1));
    let record = versions[0].record;
    let aside = unionAside(...versions.map((v) => v.aside ?? []));
    for (const v of versions.slice(1)) {
      const m = mergeRecord(versions[0].kind, record, v.record);
      record = m.record;
      if (m.superseded) aside = unionAside(aside, [m.superseded]);
    }
    for (const r of refused) {
      const kept = keepRefused(versions[0].kind, record, r.record, r.aside, this.app.now());
      if (!kept) continue;
      record = kept.record;
      aside = unionAside(aside, kept.superseded);
    }
    const winner: PouchDoc = { _id: doc._id, _rev: doc._rev, kind: doc.kind, record, aside };
    await this.beforeOwnWrite(lane);
    const [written] = await lane.local.bulkDocs([winner]);
    // The document moved on while its branches were read (409): the merge was not written, so the other
    // branches stay, with their edits, and are merged again when the feed brings the newer revision.
    if (!written?.ok) return;
    lane.mine.add(`${doc._id}@${written.rev}`);
    if (doc._conflicts?.length) await lane.local.bulkDocs(doc._conflicts.map((rev) => ({ _id: doc._id, _rev: rev, _deleted: true })));
  }
}
