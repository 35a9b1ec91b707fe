import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The change log: every save is appended here, fsynced, before it is written to its files and before
 * the caller is told it was saved. Each line is `<sha256 of the JSON> <JSON>` with the JSON holding a
 * sequence number and the whole new content of every file the save wrote, so the newest line for a file
 * is that file's last acknowledged content. A file found damaged is put back from its newest good backup
 * and then from any line newer than that backup, so no acknowledged save is lost.
 *
 * When a backup is taken the current segment becomes the previous one (the one before that is dropped):
 * the backup holds everything in it, and keeping one segment more covers a newest backup whose own copy
 * turns out to be bad.
 */
export interface ChangeWrite {
  rel: string;
  value: unknown;
}
export interface Change {
  seq: number;
  at: string;
  writes: ChangeWrite[];
}

export const CURRENT = 'current.log';
export const PREVIOUS = 'previous.log';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export const changeLine = (change: Change): string => {
  const json = JSON.stringify(change);
  return `${sha256(json)} ${json}\n`;
};

export interface ReadLog {
  changes: Change[];
  /** Lines that failed their checksum, by line number; a bad last line is a save cut off mid-append. */
  bad: { line: number; last: boolean }[];
}

/** Reads one segment, keeping the lines whose checksum holds. */
export const readSegment = (file: string): ReadLog => {
  const out: ReadLog = { changes: [], bad: [] };
  if (!fs.existsSync(file)) return out;
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.split('\n');
  // A file that ends with a newline splits into a last empty string, which is no line.
  if (lines.at(-1) === '') lines.pop();
  lines.forEach((line, i) => {
    const space = line.indexOf(' ');
    const json = line.slice(space + 1);
    const last = i === lines.length - 1;
    if (space !== 64 || sha256(json) !== line.slice(0, 64) || (last && !text.endsWith('\n'))) {
      out.bad.push({ line: i + 1, last });
      return;
    }
    try {
      const c = JSON.parse(json) as Change;
      if (typeof c.seq === 'number' && Array.isArray(c.writes)) out.changes.push(c);
      else out.bad.push({ line: i + 1, last });
    } catch {
      out.bad.push({ line: i + 1, last });
    }
  });
  return out;
};

export class ChangeLog {
  /** The last sequence number written, or 0. */
  seq = 0;
  /** For each file, the sequence number of its newest change in either segment. */
  private readonly newest = new Map<string, number>();

  constructor(readonly dir: string) {
    this.dropCutOffLine();
    for (const name of [PREVIOUS, CURRENT]) {
      for (const c of readSegment(path.join(dir, name)).changes) {
        this.seq = Math.max(this.seq, c.seq);
        for (const w of c.writes) this.newest.set(w.rel, c.seq);
      }
    }
  }

  /**
   * A last line cut off by a kill (its save was never acknowledged) is removed, so the next line does
   * not run on from it.
   */
  private dropCutOffLine(): void {
    const file = path.join(this.dir, CURRENT);
    const { bad } = readSegment(file);
    if (!bad.at(-1)?.last) return;
    const text = fs.readFileSync(file, 'utf8');
    const keep = text.slice(0, -1).lastIndexOf('\n') + 1;
    fs.truncateSync(file, Buffer.byteLength(text.slice(0, keep), 'utf8'));
  }

  /** Whether the folder has a change log yet (one written by an older SiteDesk has none). */
  static exists(dir: string): boolean {
    return fs.existsSync(dir);
  }

  /** Creates the folder, made durable in its parent. */
  create(): void {
    if (fs.existsSync(this.dir)) return;
    fs.mkdirSync(this.dir, { recursive: true });
    syncDir(path.dirname(this.dir));
  }

  /** Never lets the sequence go back below `floor` (the last change a backup covers). */
  atLeast(floor: number): void {
    this.seq = Math.max(this.seq, floor);
  }

  /**
   * Appends one change and fsyncs it. Returns the function that takes it back out, for a save that
   * then failed and was reported as not made. Throws if the append itself fails (after taking back
   * whatever part of the line reached the file).
   */
  append(writes: ChangeWrite[], at: string): { seq: number; takeBack: () => void } {
    this.create();
    const file = path.join(this.dir, CURRENT);
    const size = fs.existsSync(file) ? fs.statSync(file).size : 0;
    const change: Change = { seq: this.seq + 1, at, writes };
    const fd = fs.openSync(file, 'a');
    try {
      fs.writeSync(fd, changeLine(change));
      fs.fsyncSync(fd);
    } catch (error) {
      try {
        fs.ftruncateSync(fd, size);
      } catch {
        /* a line cut short fails its checksum and is ignored */
      }
      throw error;
    } finally {
      fs.closeSync(fd);
    }
    if (size === 0) syncDir(this.dir);
    this.seq = change.seq;
    const before = writes.map((w) => [w.rel, this.newest.get(w.rel)] as const);
    for (const w of writes) this.newest.set(w.rel, change.seq);
    return {
      seq: change.seq,
      takeBack: () => {
        fs.truncateSync(file, size);
        for (const [rel, seq] of before) {
          if (seq === undefined) this.newest.delete(rel);
          else this.newest.set(rel, seq);
        }
      },
    };
  }

  /** The newest content of `rel` written after change `after`, or null; `valid` picks among them. */
  latest(rel: string, after: number, valid: (value: unknown) => boolean): { seq: number; value: unknown } | null {
    const newest = this.newest.get(rel);
    if (newest === undefined || newest <= after) return null;
    let found: { seq: number; value: unknown } | null = null;
    for (const name of [PREVIOUS, CURRENT]) {
      for (const c of readSegment(path.join(this.dir, name)).changes) {
        if (c.seq <= after) continue;
        for (const w of c.writes)
          if (w.rel === rel && valid(w.value) && (!found || c.seq > found.seq)) found = { seq: c.seq, value: w.value };
      }
    }
    return found;
  }

  /** Whether either segment is on disk (after the first backup that held changes, one always is, unless deleted). */
  hasSegments(): boolean {
    return fs.existsSync(path.join(this.dir, CURRENT)) || fs.existsSync(path.join(this.dir, PREVIOUS));
  }

  /** Whether every change after `after` up to the last one is still in the log (none dropped by rotation). */
  covers(after: number): boolean {
    if (after >= this.seq) return true;
    const seqs = new Set([PREVIOUS, CURRENT].flatMap((name) => readSegment(path.join(this.dir, name)).changes.map((c) => c.seq)));
    for (let n = after + 1; n <= this.seq; n += 1) if (!seqs.has(n)) return false;
    return true;
  }

  /** Starts a new segment once a backup holds everything logged so far. */
  rotate(): void {
    const current = path.join(this.dir, CURRENT);
    if (!fs.existsSync(current)) return;
    fs.renameSync(current, path.join(this.dir, PREVIOUS));
    syncDir(this.dir);
    const kept = readSegment(path.join(this.dir, PREVIOUS)).changes;
    this.newest.clear();
    for (const c of kept) for (const w of c.writes) this.newest.set(w.rel, c.seq);
  }

  /** Drops both segments: after the whole data folder was replaced, nothing in them applies to it. */
  clear(): void {
    fs.rmSync(path.join(this.dir, CURRENT), { force: true });
    fs.rmSync(path.join(this.dir, PREVIOUS), { force: true });
    this.newest.clear();
  }
}

/** Makes a file's creation or rename durable (a directory fsync; not possible on Windows, where it is skipped). */
const syncDir = (dir: string): void => {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    /* Windows cannot open a directory; NTFS journals the rename itself */
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
};
