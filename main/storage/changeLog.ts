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
  /** Lines that failed their checksum, by line number; a bad last line is a save cut off mid-append. */
  bad: { line: number; last: boolean }[];
}

/** Whether one line of a segment is a whole change whose checksum holds (`last` without its newline is cut off). */
const parseLine = (line: string, cutOff: boolean): Change | null => {
  const space = line.indexOf(' ');
  const json = line.slice(space + 1);
  if (cutOff || space !== 64 || sha256(json) !== line.slice(0, 64)) return null;
  try {
    const c = JSON.parse(json) as Change;
    return typeof c.seq === 'number' && Array.isArray(c.writes) ? c : null;
  } catch {
    return null;
  }
};

const BLOCK = 64 * 1024;

/** A segment's lines from the first, read in blocks: a segment can be larger than one string may be. */
function* linesFromStart(file: string): Generator<{ line: string; cutOff: boolean }> {
  if (!fs.existsSync(file)) return;
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    let parts: Buffer[] = [];
    for (let pos = 0; pos < size;) {
      const block = Buffer.alloc(Math.min(4 * BLOCK, size - pos));
      fs.readSync(fd, block, 0, block.length, pos);
      pos += block.length;
      let from = 0;
      for (let nl = block.indexOf(0x0a); nl !== -1; nl = block.indexOf(0x0a, from)) {
        parts.push(block.subarray(from, nl));
        yield { line: Buffer.concat(parts).toString('utf8'), cutOff: false };
        parts = [];
        from = nl + 1;
      }
      if (from < block.length) parts.push(block.subarray(from));
    }
    // Bytes after the last newline are a line cut off mid-append.
    if (parts.length) yield { line: Buffer.concat(parts).toString('utf8'), cutOff: true };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Goes through one segment from its first line, handing each change whose checksum holds to `onChange`
 * (none is kept, so a segment of any size fits in memory); returns the lines that failed.
 */
export const scanSegment = (file: string, onChange: (c: Change) => void): ReadLog => {
  const bad: ReadLog['bad'] = [];
  let n = 0;
  let failed = false;
  for (const { line, cutOff } of linesFromStart(file)) {
    if (failed) bad.push({ line: n, last: false });
    n += 1;
    const c = parseLine(line, cutOff);
    failed = !c;
    if (c) onChange(c);
  }
  if (failed) bad.push({ line: n, last: true });
  return { bad };
};

/**
 * A segment's lines from the last one back, each with the byte offset it starts at, read in blocks
 * from the end: opening the folder needs only the newest line, and a segment can hold hundreds of MB
 * (every save holds whole files, and a generated or imported folder logs all of them).
 */
function* linesFromEnd(file: string): Generator<{ line: string; start: number; cutOff: boolean }> {
  if (!fs.existsSync(file)) return;
  const fd = fs.openSync(file, 'r');
  try {
    let end = fs.fstatSync(fd).size;
    if (end === 0) return;
    const lastByte = Buffer.alloc(1);
    fs.readSync(fd, lastByte, 0, 1, end - 1);
    const cutOff = lastByte[0] !== 0x0a;
    if (!cutOff) end -= 1;
    let first = true;
    const line = (parts: Buffer[], start: number) => {
      const out = { line: Buffer.concat(parts).toString('utf8'), start, cutOff: first && cutOff };
      first = false;
      return out;
    };
    // The bytes of the line being gathered, in order; decoded once whole (a block may split a character).
    let parts: Buffer[] = [];
    let pos = end;
    while (pos > 0) {
      const from = Math.max(0, pos - BLOCK);
      const block = Buffer.alloc(pos - from);
      fs.readSync(fd, block, 0, block.length, from);
      let cut = block.length;
      for (let i = block.lastIndexOf(0x0a); i !== -1; i = i > 0 ? block.lastIndexOf(0x0a, i - 1) : -1) {
        parts.unshift(block.subarray(i + 1, cut));
        yield line(parts, from + i + 1);
        parts = [];
        cut = i;
      }
      parts.unshift(block.subarray(0, cut));
      pos = from;
    }
    yield line(parts, 0);
  } finally {
    fs.closeSync(fd);
  }
}

/** The newest change in a segment whose checksum holds, read from the end. */
const newestChange = (file: string): Change | null => {
  for (const { line, cutOff } of linesFromEnd(file)) {
    const c = parseLine(line, cutOff);
    if (c) return c;
  }
  return null;
};

export class ChangeLog {
  /** The last sequence number written, or 0. */
  seq = 0;

  /**
   * Reads only the end of each segment: the newest line gives the sequence (numbers only grow, and the
   * previous segment is older than the current one). What a file's changes were is read from the whole
   * log only when a damaged file is restored (`latest`), which is rare.
   */
  constructor(readonly dir: string) {
    this.dropCutOffLine();
    this.seq = newestChange(path.join(dir, CURRENT))?.seq ?? newestChange(path.join(dir, PREVIOUS))?.seq ?? 0;
  }

  /**
   * A last line cut off by a kill (its save was never acknowledged) is removed, so the next line does
   * not run on from it.
   */
  private dropCutOffLine(): void {
    const file = path.join(this.dir, CURRENT);
    for (const { line, start, cutOff } of linesFromEnd(file)) {
      if (!parseLine(line, cutOff)) fs.truncateSync(file, start);
      return;
    }
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
    return { seq: change.seq, takeBack: () => fs.truncateSync(file, size) };
  }

  /** The newest content of `rel` written after change `after`, or null; `valid` picks among them. */
  latest(rel: string, after: number, valid: (value: unknown) => boolean): { seq: number; value: unknown } | null {
    if (after >= this.seq) return null;
    let found: { seq: number; value: unknown } | null = null;
    for (const name of [PREVIOUS, CURRENT]) {
      scanSegment(path.join(this.dir, name), (c) => {
        if (c.seq <= after) return;
        for (const w of c.writes)
          if (w.rel === rel && valid(w.value) && (!found || c.seq > found.seq)) found = { seq: c.seq, value: w.value };
      });
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
    const seqs = new Set<number>();
    for (const name of [PREVIOUS, CURRENT]) scanSegment(path.join(this.dir, name), (c) => seqs.add(c.seq));
    for (let n = after + 1; n <= this.seq; n += 1) if (!seqs.has(n)) return false;
    return true;
  }

  /** Starts a new segment once a backup holds everything logged so far. */
  rotate(): void {
    const current = path.join(this.dir, CURRENT);
    if (!fs.existsSync(current)) return;
    fs.renameSync(current, path.join(this.dir, PREVIOUS));
    syncDir(this.dir);
  }

  /** Drops both segments: after the whole data folder was replaced, nothing in them applies to it. */
  clear(): void {
    fs.rmSync(path.join(this.dir, CURRENT), { force: true });
    fs.rmSync(path.join(this.dir, PREVIOUS), { force: true });
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
