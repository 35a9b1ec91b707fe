import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Where every incident's history chain had got to (its length and last hash), kept apart from the
 * incident files in an append-only file whose lines are themselves a hash chain: each line is
 * `<sha256 of the previous line's hash and this JSON> <JSON>`. Cutting entries off the end of an
 * incident's history (and lowering its `rev` to match) leaves its chain shorter than recorded here;
 * editing or removing a line here breaks this file's own chain. A chain may be longer than recorded
 * (a save whose head line a kill prevented): only one that no longer extends its recorded head is
 * broken. What the file cannot see on its own is its own tail cut off together with the incidents'
 * tails; a witness kept off the machine (the sync work) closes that.
 */
export const HEADS_FILE = path.join('evidence', 'incident-heads.log');
const GENESIS = 'sitedesk/incident-heads/genesis';

export interface Head {
  length: number;
  head: string;
}
export interface HeadLine extends Head {
  id: string;
  at: string;
  /** `write`: a save; `restore`: the data folder was replaced; `decision`: a manager accepted a broken history. */
  why: 'write' | 'restore' | 'decision' | 'first-seen';
}

const lineHash = (prev: string, json: string) => createHash('sha256').update(`${prev} ${json}`, 'utf8').digest('hex');

export interface ReadHeads {
  heads: Map<string, Head>;
  /** The hash to chain the next line to, and the byte length of the trusted lines. */
  last: string;
  trustedBytes: number;
  /** The first line that breaks the chain (every line from it on is ignored), if any. */
  broken: { line: number; last: boolean } | null;
}

/** Reads the heads file, trusting the lines up to the first that breaks its chain. */
export const readHeads = (file: string): ReadHeads => {
  const out: ReadHeads = { heads: new Map(), last: GENESIS, trustedBytes: 0, broken: null };
  if (!fs.existsSync(file)) return out;
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const whole = text.endsWith('\n');
  if (lines.at(-1) === '') lines.pop();
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i];
    const json = line.slice(65);
    const isLast = i === lines.length - 1;
    let parsed: HeadLine | null;
    try {
      parsed = JSON.parse(json) as HeadLine;
    } catch {
      parsed = null;
    }
    if (
      line[64] !== ' ' ||
      lineHash(out.last, json) !== line.slice(0, 64) ||
      !parsed ||
      (isLast && !whole) ||
      typeof parsed.id !== 'string' ||
      typeof parsed.length !== 'number' ||
      typeof parsed.head !== 'string'
    ) {
      out.broken = { line: i + 1, last: isLast };
      return out;
    }
    out.last = line.slice(0, 64);
    out.trustedBytes += Buffer.byteLength(line, 'utf8') + 1;
    out.heads.set(parsed.id, { length: parsed.length, head: parsed.head });
  }
  return out;
};

export class IncidentHeads {
  private read: ReadHeads | null = null;
  readonly file: string;

  constructor(root: string) {
    this.file = path.join(root, HEADS_FILE);
  }

  private load(): ReadHeads {
    if (!this.read) {
      this.read = readHeads(this.file);
      // A last line cut off by a kill is dropped, so the next line chains to the one before it.
      if (this.read.broken?.last) fs.truncateSync(this.file, this.read.trustedBytes);
    }
    return this.read;
  }

  /** The recorded head of an incident's chain, if one was recorded. */
  get(id: string): Head | undefined {
    return this.load().heads.get(id);
  }

  /** Whether the file's own chain is broken before its last line (it was edited). */
  brokenAt(): number | null {
    const b = this.load().broken;
    return b && !b.last ? b.line : null;
  }

  /** Appends heads, fsynced. */
  record(lines: Omit<HeadLine, 'at'>[], at: string): void {
    if (lines.length === 0) return;
    const read = this.load();
    // Lines after a break would chain to a point no reader trusts; the file is kept as evidence and a
    // new segment is not started here: the doctor and the app both report the break.
    if (read.broken) return;
    let text = '';
    for (const l of lines) {
      const json = JSON.stringify({ id: l.id, length: l.length, head: l.head, why: l.why, at });
      read.last = lineHash(read.last, json);
      text += `${read.last} ${json}\n`;
      read.heads.set(l.id, { length: l.length, head: l.head });
    }
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const fd = fs.openSync(this.file, 'a');
    try {
      fs.writeSync(fd, text);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    read.trustedBytes += Buffer.byteLength(text, 'utf8');
  }
}
