import fs from 'node:fs';
import path from 'node:path';
import { backupsToKeep } from '../../shared/domain/retention';
import type { Layout } from './paths';
import { inSlices } from './yieldingLoop';

export interface BackupInfo {
  id: string;
  at: string;
  reason: string;
  files: number;
  bytes: number;
  /**
   * The order backups were taken in: one more than the highest before it, so it never goes back when
   * the computer's clock does. Backups from an older SiteDesk have none and count as older than any.
   */
  seq?: number;
  /** The last change-log entry (main/storage/changeLog.ts) this backup holds. */
  covers?: number;
}

const PARTIAL = '.partial';
const INFO = 'backup-info.txt';
const MANIFEST = 'backup-manifest.txt';
const stampOf = (ms: number) => new Date(ms).toISOString().replace(/[:.]/g, '-');

/** Every file under `dir`, relative and sorted, skipping the temporary files an atomic write leaves mid-way. */
export const walkFiles = (dir: string, base = dir): string[] => {
  const out: string[] = [];
  for (const step of walkSteps(dir, out, base)) void step;
  return out.sort();
};

/** The same walk one folder per step, so a slow disk's ten years of folders never block in one go. */
function* walkSteps(dir: string, out: string[], base = dir): Generator<void> {
  if (!fs.existsSync(dir)) return;
  const pending = [dir];
  while (pending.length > 0) {
    const folder = pending.pop()!;
    yield;
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) pending.push(full);
      else if (entry.isFile() && entry.name.endsWith('.json') && !entry.name.includes('.tmp'))
        out.push(path.relative(base, full).split(path.sep).join('/'));
    }
  }
}

/**
 * Rolling snapshots of `data/`. Files are copied, never linked to the live ones, so damage done to a
 * live file in place can never reach its backups. A file unchanged since the previous snapshot (same
 * size, time and inode: every save replaces the file by rename) is hard-linked to that snapshot's copy
 * instead, so a snapshot of ten years costs only the months that changed. A snapshot is built in a
 * `.partial` folder and renamed only when complete, so a half-made backup is never a restore point.
 */
export class Backups {
  constructor(
    private readonly dirs: Layout,
    private readonly now: () => number,
  ) {}

  /** Takes a snapshot of the live files now. Must be called between writes (the store is synchronous). */
  snapshot(reason: string, covers = 0): BackupInfo {
    const steps = this.snapshotSteps(reason, covers);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /**
   * The same snapshot taken a slice at a time between other work, so a decade of files never holds up
   * the first screen. The caller must cancel it (or finish it with `snapshot`) before any write: a
   * snapshot spread across a write could mix old and new files. Resolves null when cancelled; the
   * half-made folder is removed.
   */
  snapshotInSlices(reason: string, sliceMs = 8, covers = 0): { done: Promise<BackupInfo | null>; cancel: () => void } {
    const steps = this.snapshotSteps(reason, covers);
    let cancelled = false;
    let info: BackupInfo | null = null;
    const next = () => {
      const step = steps.next();
      if (step.done) info = step.value;
      return !step.done;
    };
    const done = inSlices(next, sliceMs, () => cancelled).then((finished) => (finished ? info : null));
    return {
      done,
      cancel: () => {
        cancelled = true;
        steps.return(null as unknown as BackupInfo); // runs the generator's clean-up of its .partial folder
      },
    };
  }

  /** One file per step; the `.partial` folder is removed if the steps are abandoned. */
  private *snapshotSteps(reason: string, covers: number): Generator<void, BackupInfo> {
    fs.mkdirSync(this.dirs.backups, { recursive: true });
    let id = stampOf(this.now());
    for (let n = 1; fs.existsSync(path.join(this.dirs.backups, id)) || fs.existsSync(path.join(this.dirs.backups, id + PARTIAL)); n += 1)
      id = `${stampOf(this.now())}-${n}`;
    const tmp = path.join(this.dirs.backups, id + PARTIAL);
    let complete = false;
    try {
      const all = this.list();
      const previous = all[0];
      const seq = Math.max(0, ...all.map((b) => b.seq ?? 0)) + 1;
      const before = previous ? this.manifest(previous.id) : {};
      const manifest: Record<string, string> = {};
      let bytes = 0;
      const files: string[] = [];
      yield* walkSteps(this.dirs.data, files);
      const made = new Set<string>();
      for (const rel of files) {
        yield;
        const from = path.join(this.dirs.data, rel);
        const to = path.join(tmp, rel);
        const folder = path.dirname(to);
        if (!made.has(folder)) {
          fs.mkdirSync(folder, { recursive: true });
          made.add(folder);
        }
        const st = fs.statSync(from);
        manifest[rel] = `${st.size}:${st.mtimeMs}:${st.ino}`;
        let linked = false;
        if (previous && before[rel] === manifest[rel]) {
          try {
            fs.linkSync(path.join(this.dirs.backups, previous.id, rel), to);
            linked = true;
          } catch {
            /* no link across devices or on this file system: copy instead */
          }
        }
        if (!linked) fs.copyFileSync(from, to);
        bytes += st.size;
      }
      const info: BackupInfo = { id, at: new Date(this.now()).toISOString(), reason, files: files.length, bytes, seq, covers };
      fs.mkdirSync(tmp, { recursive: true });
      fs.writeFileSync(path.join(tmp, MANIFEST), JSON.stringify(manifest));
      fs.writeFileSync(path.join(tmp, INFO), JSON.stringify(info));
      fs.renameSync(tmp, path.join(this.dirs.backups, id));
      complete = true;
      return info;
    } finally {
      if (!complete) fs.rmSync(tmp, { recursive: true, force: true });
    }
  }

  private manifest(id: string): Record<string, string> {
    try {
      return JSON.parse(fs.readFileSync(path.join(this.dirs.backups, id, MANIFEST), 'utf8')) as Record<string, string>;
    } catch {
      return {};
    }
  }

  /** Complete backups, newest first: by sequence number, never by the clock that stamped them. */
  list(): BackupInfo[] {
    if (!fs.existsSync(this.dirs.backups)) return [];
    return fs
      .readdirSync(this.dirs.backups)
      .filter((id) => !id.endsWith(PARTIAL) && fs.existsSync(path.join(this.dirs.backups, id, INFO)))
      .map((id) => {
        try {
          return JSON.parse(fs.readFileSync(path.join(this.dirs.backups, id, INFO), 'utf8')) as BackupInfo;
        } catch {
          return null;
        }
      })
      .filter((b): b is BackupInfo => b !== null)
      .sort((a, b) => (b.seq ?? 0) - (a.seq ?? 0) || (a.at < b.at ? 1 : a.at > b.at ? -1 : b.id.localeCompare(a.id)));
  }

  /** Deletes backups the retention rule no longer keeps, and any half-made ones. */
  prune(): void {
    if (!fs.existsSync(this.dirs.backups)) return;
    for (const id of fs.readdirSync(this.dirs.backups).filter((d) => d.endsWith(PARTIAL))) {
      fs.rmSync(path.join(this.dirs.backups, id), { recursive: true, force: true });
    }
    const all = this.list();
    const keep = backupsToKeep(
      all.map((b) => Date.parse(b.at)),
      this.now(),
    );
    // The three newest in the order they were taken stay whatever their clock stamps say.
    const newest = new Set(all.slice(0, 3).map((b) => b.id));
    for (const b of all)
      if (!keep.has(Date.parse(b.at)) && !newest.has(b.id)) fs.rmSync(path.join(this.dirs.backups, b.id), { recursive: true, force: true });
  }

  /** The newest backup copy of `rel` that `isGood` accepts, or null. */
  findGood(rel: string, isGood: (text: string) => boolean): { id: string; file: string; covers: number } | null {
    for (const b of this.list()) {
      const file = path.join(this.dirs.backups, b.id, rel);
      if (!fs.existsSync(file)) continue;
      try {
        if (isGood(fs.readFileSync(file, 'utf8'))) return { id: b.id, file, covers: b.covers ?? 0 };
      } catch {
        /* an unreadable copy is no restore point; try an older one */
      }
    }
    return null;
  }
}
