import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { newId } from '../../shared/domain/ids';
import { AppError } from '../../shared/result';
import { Backups, walkFiles } from './backups';
import { ChangeLog } from './changeLog';
import { parseChecked } from './checksum';
import { noticeSchema, type Notice } from './notices';
import { type Layout, safeRel } from './paths';
import { type JsonStore, type StoreClass, storeOptions } from './storeClass';

/** How a file's content is checked when read and what an absent file reads as. */
export interface FileKind<T> {
  schema: z.ZodType<T>;
  empty: () => T;
}

export interface WriteOp<T = unknown> {
  rel: string;
  kind: FileKind<T>;
  value: T;
}

const NOTICES = 'system/notices';
const noticesKind: FileKind<{ notices: Notice[] }> = {
  schema: z.object({ notices: z.array(noticeSchema) }),
  empty: () => ({ notices: [] }),
};
/** One file as a save changed it: its value before (null when it was new) and after. */
export interface FileChange {
  rel: string;
  before: unknown;
  after: unknown;
}
export type ChangeListener = (changes: FileChange[]) => void;

const journalSchema = z.object({ writes: z.array(z.object({ rel: z.string(), value: z.unknown() })) });

/** Open files kept in memory; older ones are dropped so ten years of partitions never all sit in the heap. */
const CACHE_LIMIT = 600;

interface Open {
  /** The electron-store (or conf) instance, made when the file is first written in this session. */
  file?: JsonStore;
  value: unknown;
}

/** A file whose bytes fail their checksum or do not parse. */
class DamagedFile extends Error {}

/** What electron-store/conf keep for themselves in a file; SiteDesk sets no migrations, so it is normally absent. */
const INTERNAL_KEY = '__internal__';

/**
 * Every read and write of SiteDesk's records goes through here. Each file is an electron-store (or conf)
 * store under `data/`; reads are validated, cached and never trusted blindly; a file that cannot be read
 * is moved to `quarantine/`, restored from the newest good backup, and the user is told.
 */
export class DataStore {
  private readonly open = new Map<string, Open>();
  private changedSinceBackup = false;
  /** A backup asked for but not yet taken (see `backupSoon`), and its slices if they have started. */
  private pending: { reason: string; timer: NodeJS.Timeout | null; slices: { cancel: () => void } | null } | null = null;
  /** Saves that reached the disk since opening; callers compare it to see whether a call wrote anything. */
  writeCount = 0;
  /** Every save, appended and fsynced before it is acknowledged (main/storage/changeLog.ts). */
  readonly changes: ChangeLog;
  private seqFloorChecked = false;
  /**
   * Whether the change log had no segment on disk when the folder was opened. Noted then, because this
   * session's first save starts a new one: a file found damaged after that (the staff list is read after
   * opening) must not be promised every change when the log before it was lost.
   */
  private readonly logMissingAtOpen: boolean;
  /**
   * Told after a damaged file was recovered, with what it now holds, so the app can check what points
   * into it (shifts assigned to staff a restored staff list no longer has).
   */
  readonly onRecovered: ((rel: string, value: unknown) => void)[] = [];
  /** Told after every save, with what it wrote (the incident heads are recorded from it); add, never replace. */
  readonly afterWrite: ((ops: { rel: string; value: unknown }[]) => void)[] = [];
  private readonly listeners = new Set<ChangeListener>();

  constructor(
    readonly dirs: Layout,
    private readonly StoreClass: StoreClass,
    readonly backups: Backups,
    private readonly now: () => number,
  ) {
    fs.mkdirSync(dirs.data, { recursive: true });
    this.changes = new ChangeLog(dirs.changes);
    this.sweepTempFiles();
    this.replayJournal();
    if (!ChangeLog.exists(dirs.changes)) {
      // A backup of the sealed files is where the change log starts from.
      if (this.sealOlderFiles() > 0) this.backups.snapshot('after adding checksums to an older data folder', 0);
      this.changes.create();
    }
    this.logMissingAtOpen = !this.changes.hasSegments();
  }

  /**
   * Reads a file, validated, from cache or disk; a damaged file is recovered on the way. `keep: false`
   * leaves the cache as it was (for one pass over ten years of files that would push out those in use).
   */
  read<T>(rel: string, kind: FileKind<T>, opts: { keep?: boolean } = {}): T {
    rel = safeRel(rel);
    const hit = this.open.get(rel);
    if (hit) {
      this.open.delete(rel);
      this.open.set(rel, hit);
      return hit.value as T;
    }
    const full = this.fullPath(rel);
    if (!fs.existsSync(full)) return kind.empty();
    let file: JsonStore | undefined;
    let value: T;
    try {
      value = kind.schema.parse(this.readJson(full));
    } catch (error) {
      ({ file, value } = this.recover(rel, kind, error));
    }
    if (opts.keep !== false) this.remember(rel, { file, value });
    return value;
  }

  /** Whether a file exists on disk. */
  exists(rel: string): boolean {
    return fs.existsSync(this.fullPath(safeRel(rel)));
  }

  /** Writes one file atomically (temp file + rename); the cache changes only once the disk has. */
  write<T>(rel: string, kind: FileKind<T>, value: T): void {
    this.writeMany([{ rel, kind, value }]);
  }

  /**
   * Writes several files as one change. More than one file goes through a journal first, replayed on
   * the next open if the process dies half-way, so a record moved between partitions is never lost
   * nor doubled.
   */
  writeMany(ops: WriteOp[]): void {
    this.settleBackup();
    const checked = ops.map((op) => ({ ...op, rel: safeRel(op.rel), value: op.kind.schema.parse(op.value) }));
    const previous = checked.map((op) => ({
      rel: op.rel,
      existed: this.exists(op.rel),
      value: this.exists(op.rel) ? this.read(op.rel, op.kind) : null,
    }));
    const written: string[] = [];
    let logged: { takeBack: () => void } | null = null;
    try {
      logged = this.appendChange(checked);
      if (checked.length > 1) this.journalStore().store = { writes: checked.map(({ rel, value }) => ({ rel, value })) };
      for (const op of checked) {
        const file = this.open.get(op.rel)?.file ?? this.storeFor(op.rel);
        file.store = op.value as Record<string, unknown>;
        written.push(op.rel);
        this.remember(op.rel, { file, value: op.value });
      }
      if (checked.length > 1) fs.rmSync(this.dirs.journal, { force: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why =
        code === 'ENOSPC'
          ? 'the disk is full'
          : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
            ? 'the data folder is read-only'
            : (error as Error).message;
      try {
        this.undo(previous.filter((p) => written.includes(p.rel)));
        // The change was reported as not made, so a later recovery must not bring it back.
        logged?.takeBack();
      } catch {
        // The disk refuses the undo too. The journal is still there, so the next start completes the
        // change rather than leaving it half-made; until then read what is on disk, not the cache.
        for (const op of checked) this.open.delete(op.rel);
        throw new AppError(
          'storage',
          `Could not save because ${why}, and the change was only partly written. SiteDesk will finish it when it next starts, so no record is lost or doubled; free some space or fix the folder, then restart SiteDesk.`,
        );
      }
      throw new AppError('storage', `Could not save because ${why}. Nothing was changed; what was saved before is intact.`);
    }
    this.changedSinceBackup = true;
    this.writeCount += 1;
    for (const listener of this.afterWrite) listener(checked);
    if (this.listeners.size) {
      const changes = checked.map((op, i) => ({ rel: op.rel, before: previous[i].value, after: op.value }));
      for (const listener of this.listeners) {
        try {
          listener(changes);
        } catch {
          // A listener (replication) never undoes or fails a save that is already on disk.
        }
      }
    }
  }

  /** Calls `listener` after every save that reached the disk, with each file before and after; returns the way to stop. */
  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Puts files back as they were after a multi-file save failed part-way, then drops its journal. */
  private undo(previous: { rel: string; existed: boolean; value: unknown }[]): void {
    for (const p of previous) {
      this.open.delete(p.rel);
      if (p.existed) this.storeFor(p.rel).store = p.value as Record<string, unknown>;
      else fs.rmSync(this.fullPath(p.rel), { force: true });
    }
    fs.rmSync(this.dirs.journal, { force: true });
  }

  /** Relative paths (without .json) of the files under a folder of `data/`. */
  list(prefix: string): string[] {
    const dir = path.join(this.dirs.data, safeRel(prefix));
    return walkFiles(dir).map((f) => `${prefix}/${f.replace(/\.json$/, '')}`);
  }

  /** Takes a rolling backup if anything changed since the last one (or always, when forced). */
  backupIfChanged(reason: string, force = false): void {
    this.settleBackup();
    if (!force && !this.changedSinceBackup) return;
    this.backups.snapshot(reason, this.changeSeq());
    this.changes.rotate();
    this.backups.prune();
    this.changedSinceBackup = false;
  }

  /**
   * Takes a backup of the folder as it is now, without holding up what comes next: it starts after
   * `delayMs` and runs in short slices between requests. It still records the state before any change,
   * because the first write (or backup, or close) finishes it first, at once, before going on.
   */
  backupSoon(reason: string, delayMs: number, sliceMs = 8): void {
    this.settleBackup();
    const pending: NonNullable<DataStore['pending']> = { reason, timer: null, slices: null };
    pending.timer = setTimeout(() => {
      pending.timer = null;
      const slices = this.backups.snapshotInSlices(reason, sliceMs, this.changeSeq());
      pending.slices = slices;
      slices.done
        .then((info) => {
          if (this.pending !== pending) return;
          this.pending = null;
          if (info) this.changes.rotate();
          this.backups.prune();
        })
        .catch(() => {
          // A failed background snapshot leaves the duty to the next write, which takes it in full.
          if (this.pending === pending) pending.slices = null;
        });
    }, delayMs);
    pending.timer.unref();
    this.pending = pending;
  }

  /** Completes a backup asked for by `backupSoon` now, if it is not complete yet. */
  settleBackup(): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = null;
    if (pending.timer) clearTimeout(pending.timer);
    pending.slices?.cancel();
    this.backups.snapshot(pending.reason, this.changeSeq());
    this.changes.rotate();
    this.backups.prune();
  }

  /** Recovery notices the user has not dismissed yet. */
  notices(): Notice[] {
    return this.read(NOTICES, noticesKind).notices.filter((n) => !n.dismissed);
  }

  /** Files that were damaged with no good backup, dismissed notices included: they stay lost. */
  lostFiles(): string[] {
    return this.read(NOTICES, noticesKind)
      .notices.filter((n) => n.kind === 'unrecoverable')
      .map((n) => n.file);
  }

  /** Marks a notice as read; it stays on disk as a record of what happened. */
  dismissNotice(id: string): void {
    const all = this.read(NOTICES, noticesKind).notices.map((n) => (n.id === id ? { ...n, dismissed: true } : n));
    this.write(NOTICES, noticesKind, { notices: all });
  }

  /** Drops every cached file, as a restart would; the next read comes from disk. */
  forget(): void {
    this.open.clear();
  }

  /** After the whole of `data/` was replaced (a restore): the change log is about data that is gone. */
  replaced(): void {
    this.changeSeq();
    this.changes.clear();
    this.forget();
  }

  /** The last change logged, never below what a backup already covers (the log may have been cleared). */
  private changeSeq(): number {
    if (!this.seqFloorChecked) {
      this.seqFloorChecked = true;
      this.changes.atLeast(Math.max(0, ...this.backups.list().map((b) => b.covers ?? 0)));
    }
    return this.changes.seq;
  }

  private appendChange(checked: { rel: string; value: unknown }[]): { takeBack: () => void } {
    this.changeSeq();
    return this.changes.append(
      checked.map(({ rel, value }) => ({ rel, value })),
      new Date(this.now()).toISOString(),
    );
  }

  /** Adds a notice for the user (shown until a manager dismisses it). */
  addNotice(n: Omit<Notice, 'id' | 'at' | 'dismissed'>): void {
    const current = this.read(NOTICES, noticesKind).notices;
    this.write(NOTICES, noticesKind, {
      notices: [...current, { ...n, id: newId(), at: new Date(this.now()).toISOString(), dismissed: false }],
    });
  }

  /**
   * A data file's JSON, read the way electron-store reads it (a byte order mark skipped, its own
   * bookkeeping key left out) but once: constructing a store object reads and parses the file, and
   * reading its `store` reads and parses it again, which over ten years of partitions doubled the cost
   * of every cold read. The store object is made only when the file is written.
   */
  private readJson(full: string): unknown {
    const checked = parseChecked(fs.readFileSync(full, 'utf8'));
    if (!checked.ok) throw new DamagedFile(checked.why);
    const raw = checked.value;
    if (raw && typeof raw === 'object' && !Array.isArray(raw) && INTERNAL_KEY in raw) delete (raw as Record<string, unknown>)[INTERNAL_KEY];
    return raw;
  }

  private fullPath(rel: string): string {
    return path.join(this.dirs.data, `${rel}.json`);
  }

  private storeFor(rel: string): JsonStore {
    const full = this.fullPath(rel);
    return new this.StoreClass(storeOptions(path.dirname(full), path.basename(rel)));
  }

  private journalStore(): JsonStore {
    return new this.StoreClass(storeOptions(path.dirname(this.dirs.journal), 'journal'));
  }

  private remember(rel: string, entry: Open): void {
    this.open.delete(rel);
    this.open.set(rel, entry);
    if (this.open.size > CACHE_LIMIT) this.open.delete(this.open.keys().next().value as string);
  }

  private recover<T>(rel: string, kind: FileKind<T>, cause: unknown): { file: JsonStore; value: T } {
    const full = this.fullPath(rel);
    const stamp = new Date(this.now()).toISOString().replace(/[:.]/g, '-');
    const aside = path.join(this.dirs.quarantine, stamp, `${rel}.json`);
    fs.mkdirSync(path.dirname(aside), { recursive: true });
    fs.renameSync(full, aside);
    const valid = (value: unknown) => kind.schema.safeParse(value).success;
    const good = this.backups.findGood(`${rel}.json`, (text) => {
      const c = parseChecked(text);
      return c.ok && valid(c.value);
    });
    // Every save since that backup is in the change log, whole: its newest line for this file is the file.
    const logged = this.changes.latest(rel, good?.covers ?? 0, valid);
    const reason =
      cause instanceof z.ZodError
        ? 'its contents did not match what SiteDesk expects'
        : cause instanceof DamagedFile
          ? cause.message
          : 'it could not be read';
    const quarantined = path.relative(this.dirs.root, aside);
    let value: T;
    if (logged) value = kind.schema.parse(logged.value);
    else if (good) value = kind.schema.parse((parseChecked(fs.readFileSync(good.file, 'utf8')) as { value: unknown }).value);
    else value = kind.empty();
    const file = this.storeFor(rel);
    if (logged || good) file.store = value as Record<string, unknown>;
    if (rel !== NOTICES) {
      const from = good && logged ? `the backup of ${good.id} and the change log` : good ? `the backup of ${good.id}` : 'the change log';
      // A log with no segment at all, though backups hold logged changes, was lost: nothing can be promised.
      const logKnown = !this.logMissingAtOpen || this.changeSeq() === 0;
      const whole =
        logKnown && this.changes.covers(good?.covers ?? 0)
          ? 'every change saved to it is there'
          : `changes made to it after ${good ? 'that backup' : 'the oldest change still logged'} may be missing`;
      this.addNotice(
        logged || good
          ? {
              kind: 'restored',
              file: rel,
              quarantined,
              message: `The file ${rel} was damaged (${reason}). It was restored from ${from}; ${whole}. The damaged file is kept at ${quarantined}.`,
            }
          : {
              kind: 'unrecoverable',
              file: rel,
              quarantined,
              message: `The file ${rel} was damaged (${reason}) and no backup held a good copy. It starts empty; the damaged file is kept at ${quarantined} for IT support.`,
            },
      );
      for (const listener of this.onRecovered) listener(rel, value);
    }
    return { file, value };
  }

  /**
   * Gives every file written by an older SiteDesk its checksum, once, when a folder without a change
   * log is first opened. A file that cannot be read is left for `read` to recover.
   */
  private sealOlderFiles(): number {
    let sealed = 0;
    for (const rel of walkFiles(this.dirs.data)) {
      if (rel === 'journal.json') continue;
      const checked = parseChecked(fs.readFileSync(path.join(this.dirs.data, rel), 'utf8'));
      if (!checked.ok || checked.sealed || !checked.value || typeof checked.value !== 'object') continue;
      const { [INTERNAL_KEY]: _bookkeeping, ...content } = checked.value as Record<string, unknown>;
      this.storeFor(rel.replace(/\.json$/, '')).store = content;
      sealed += 1;
    }
    return sealed;
  }

  /**
   * Deletes the temporary files an atomic write leaves behind when the process dies before its rename.
   * The live file beside each is still whole (old or new); the leftover is only clutter that the doctor
   * would report. Safe because only one process ever writes a data folder.
   */
  private sweepTempFiles(): void {
    for (const e of fs.readdirSync(this.dirs.data, { recursive: true, withFileTypes: true })) {
      if (e.isFile() && e.name.includes('.json.tmp-')) fs.rmSync(path.join(e.parentPath, e.name), { force: true });
    }
  }

  private replayJournal(): void {
    if (!fs.existsSync(this.dirs.journal)) return;
    let writes: { rel: string; value: unknown }[] = [];
    try {
      writes = journalSchema.parse(this.journalStore().store).writes;
    } catch {
      /* a journal that never finished being written means its change never started: drop it */
    }
    try {
      for (const w of writes) this.storeFor(safeRel(w.rel)).store = w.value as Record<string, unknown>;
    } catch (error) {
      throw new Error(
        `SiteDesk was stopped in the middle of a save and cannot complete it now (${(error as Error).message}). Nothing has been lost: free some disk space or fix the data folder's permissions, then start SiteDesk again.`,
        { cause: error },
      );
    }
    fs.rmSync(this.dirs.journal, { force: true });
    if (writes.length)
      this.addNotice({
        kind: 'journal-replayed',
        file: 'journal',
        quarantined: null,
        message: `SiteDesk was stopped in the middle of saving ${writes.length} files; the save was completed when it started again.`,
      });
  }
}
