/**
 * Merging records that travelled between installs by file. Pure: the same two inputs give the same
 * result in either order, merging again changes nothing, and no record or version either side held is
 * ever dropped.
 *
 * - Rota-type records (sites, staff, shifts) and attendance: the later hybrid-clock stamp wins. When the
 *   two versions were edited independently (neither was made from the other), the losing version is
 *   kept: for a shift as an entry in its own change history, for the others in the superseded side file.
 *   Deletions are edits like any other (a shift's `deleted`, a site's or person's `archived`), so they
 *   travel as tombstones and win or lose by the same clock.
 * - Incidents: their history is an append-only hash chain. When one chain extends the other, the longer
 *   one is the merged incident and nothing is lost. When the chains diverged (both installs appended
 *   after a common entry) they cannot be spliced without breaking the hashes, so the later version is
 *   kept as the incident and the other is kept whole, with its own verifiable chain, in the superseded
 *   side file and flagged to the manager as a conflict.
 * - Occurrence log entries are immutable, so they are simply unioned by id; two different versions under
 *   one id are never an edit: the first written (earlier stamp) stands and the other is kept aside.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import stringify from 'safe-stable-stringify';
import { compareHlc, HLC_ZERO } from './hlc';

export const SYNC_KINDS = ['sites', 'staff', 'shifts', 'attendance', 'incidents', 'log'] as const;
export type SyncKind = (typeof SYNC_KINDS)[number];

/** Any stored record: an id, its meta and the rest. */
export interface SyncRecord {
  id: string;
  hlc?: string;
  origin?: string;
  base?: string;
  updatedAt: string;
  updatedBy: string;
  [field: string]: unknown;
}

/**
 * Why a version was kept aside: it lost a merge to a version edited apart from it, its incident history diverged, or
 * it was refused for a stamp too far ahead of the receiving computer's clock (shared/domain/sync/ahead.ts).
 */
export const SUPERSEDED_REASONS = ['edited-on-two-installs', 'history-diverged', 'stamped-ahead'] as const;

/** A version that lost a merge, kept so nothing recorded is lost. */
export interface Superseded {
  key: string;
  kind: SyncKind;
  recordId: string;
  /** The stamp of the version that won. */
  keptHlc: string;
  reason: (typeof SUPERSEDED_REASONS)[number];
  record: SyncRecord;
}

export type RecordSet = { [K in SyncKind]?: Record<string, SyncRecord> };

/** Everything an install holds for merging: records by kind and id, and the versions kept aside. */
export interface SyncState {
  records: RecordSet;
  superseded: Record<string, Superseded>;
}

export interface MergedRecord {
  record: SyncRecord;
  /** The losing version when the two were edited independently, if it is kept aside. */
  superseded: Superseded | null;
  /** True when the two versions were edited independently (or incident histories diverged). */
  conflict: boolean;
}

export const canonical = (value: unknown): string => stringify(value) ?? 'undefined';
export const digest = (value: unknown): string => bytesToHex(sha256(utf8ToBytes(canonical(value)))).slice(0, 16);
const hlcOf = (r: SyncRecord): string => r.hlc ?? HLC_ZERO;

/** The later of two versions by clock, then by content so the choice is the same on every machine. */
export const later = (a: SyncRecord, b: SyncRecord): [winner: SyncRecord, loser: SyncRecord] => {
  const byClock = compareHlc(hlcOf(a), hlcOf(b));
  if (byClock !== 0) return byClock > 0 ? [a, b] : [b, a];
  return canonical(a) >= canonical(b) ? [a, b] : [b, a];
};

/**
 * Whether `winner` was made from `loser` (or after it on the same install), rather than independently.
 * A version without a stamp was saved before SiteDesk stamped records (every save stamps one since):
 * a stamped version with a higher `rev` was made after it, from it or from a copy of it, so the first
 * edit of an older folder's record after it joins a hub is not "edited on two installs". Two unstamped
 * versions, or a stamped one with a `rev` no higher, still clash.
 */
export const follows = (winner: SyncRecord, loser: SyncRecord): boolean =>
  (Boolean(loser.hlc) && winner.base === loser.hlc) ||
  (Boolean(loser.origin) && winner.origin === loser.origin && compareHlc(hlcOf(winner), hlcOf(loser)) > 0) ||
  (!loser.hlc && Boolean(winner.hlc) && typeof winner.rev === 'number' && typeof loser.rev === 'number' && winner.rev > loser.rev);

/** The key a set-aside version is kept under: it names the version's content, so one key is one version. */
export const asideKey = (kind: SyncKind, loser: SyncRecord): string => `${kind}/${loser.id}/${hlcOf(loser)}/${digest(loser)}`;

export const asideOf = (kind: SyncKind, loser: SyncRecord, winner: SyncRecord, reason: Superseded['reason']): Superseded => ({
  key: asideKey(kind, loser),
  kind,
  recordId: loser.id,
  keptHlc: hlcOf(winner),
  reason,
  record: loser,
});

type Change = { at: string; by: string; before: unknown; after: unknown };
const changesOf = (r: SyncRecord): Change[] => (Array.isArray(r.history) ? (r.history as Change[]) : []);
const byTime = (x: Change, y: Change) =>
  x.at < y.at ? -1 : x.at > y.at ? 1 : canonical(x) < canonical(y) ? -1 : canonical(x) > canonical(y) ? 1 : 0;
const unionChanges = (...lists: Change[][]): Change[] => {
  const seen = new Map<string, Change>();
  for (const c of lists.flat()) seen.set(canonical(c), c);
  return [...seen.values()].sort(byTime);
};
const withoutHistory = ({ history: _h, ...rest }: SyncRecord) => rest;

/** A shift version's own fields, with its stamp: what a history entry keeps of a version set aside. */
const versionFields = (r: SyncRecord) => {
  const { history: _h, createdAt: _c, createdBy: _cb, updatedAt: _u, updatedBy: _ub, rev: _r, base: _b, ...rest } = r;
  return rest;
};

/** A shift's change history records the version that lost, with who wrote it, when and its stamp. */
const shiftConflictEntry = (loser: SyncRecord, winner: SyncRecord): Change => ({
  at: loser.updatedAt,
  by: loser.updatedBy,
  before: versionFields(loser),
  after: { ...versionFields(winner), mergeNote: 'Edited on two installs: the later edit was kept; this is the edit it replaced.' },
});

/**
 * The shift `held`, still in force, with `other`'s change history added to its own and, unless `note` is null, `other`
 * itself as a version set aside (`before`, with its stamp; `after.mergeNote` = `note`). The entry names only `other`,
 * not the version held, so every install that keeps the same version writes the same entry, once.
 */
export const shiftKeeping = (held: SyncRecord, other: SyncRecord, note: string | null): SyncRecord => {
  const entry: Change = { at: other.updatedAt, by: other.updatedBy, before: versionFields(other), after: { mergeNote: note } };
  return { ...held, history: unionChanges(changesOf(held), changesOf(other), note === null ? [] : [entry]) };
};

const mergeLatest = (kind: SyncKind, a: SyncRecord, b: SyncRecord): MergedRecord => {
  const shift = kind === 'shifts';
  if (canonical(shift ? withoutHistory(a) : a) === canonical(shift ? withoutHistory(b) : b)) {
    return { record: shift ? { ...a, history: unionChanges(changesOf(a), changesOf(b)) } : a, superseded: null, conflict: false };
  }
  if (kind === 'log') {
    // A log entry is written once and never edited, so another version of it is never an edit of it: the
    // first written stands (a later stamp cannot rewrite the log) and the other is always kept aside.
    const [other, first] = later(a, b);
    return { record: first, superseded: asideOf(kind, other, first, 'edited-on-two-installs'), conflict: true };
  }
  const [winner, loser] = later(shift ? withoutHistory(a) : a, shift ? withoutHistory(b) : b);
  const conflict = !follows(winner, loser);
  if (!shift) return { record: winner, superseded: conflict ? asideOf(kind, loser, winner, 'edited-on-two-installs') : null, conflict };
  const extra = conflict ? [shiftConflictEntry(loser, winner)] : [];
  return { record: { ...winner, history: unionChanges(changesOf(a), changesOf(b), extra) }, superseded: null, conflict };
};

const chain = (r: SyncRecord): string[] => (Array.isArray(r.history) ? (r.history as { hash: string }[]).map((e) => e.hash) : []);
const isPrefix = (short: string[], long: string[]) => short.length <= long.length && short.every((h, i) => long[i] === h);

const mergeIncident = (a: SyncRecord, b: SyncRecord): MergedRecord => {
  if (canonical(a) === canonical(b)) return { record: a, superseded: null, conflict: false };
  const ca = chain(a);
  const cb = chain(b);
  if (ca.length !== cb.length && isPrefix(ca, cb)) return { record: b, superseded: null, conflict: false };
  if (ca.length !== cb.length && isPrefix(cb, ca)) return { record: a, superseded: null, conflict: false };
  const [winner, loser] = later(a, b);
  return { record: winner, superseded: asideOf('incidents', loser, winner, 'history-diverged'), conflict: true };
};

/** Merges two versions of one record (either may be absent). */
export const mergeRecord = (kind: SyncKind, a: SyncRecord | undefined, b: SyncRecord | undefined): MergedRecord => {
  if (!a || !b) return { record: (a ?? b)!, superseded: null, conflict: false };
  if (kind === 'incidents') return mergeIncident(a, b);
  // Log entries never change once written; two different ones under one id: the first stands, the other is kept aside.
  return mergeLatest(kind, a, b);
};

export type ImportOutcome = 'added' | 'changed' | 'unchanged' | 'conflict';

export interface ImportRow {
  kind: SyncKind;
  id: string;
  outcome: ImportOutcome;
}

export interface ImportPlan {
  rows: ImportRow[];
  /** Records to write, by kind: only those whose merged version differs from what is held. */
  writes: { [K in SyncKind]?: SyncRecord[] };
  /** Versions to keep aside that are not kept already. */
  superseded: Superseded[];
}

/**
 * What importing `incoming` into `local` would do, record by record. `local` needs to hold only the
 * records with the ids `incoming` has; `held` is the versions already kept aside, by key.
 *
 * One set-aside version is kept once. The same version can have lost to a different winner on each
 * install (one chain grew after the other kept it aside); the latest winner's stamp is kept, so the
 * result does not depend on which install imports from which, nor on importing again.
 */
export const planImport = (
  local: RecordSet,
  incoming: RecordSet,
  incomingSuperseded: Superseded[] = [],
  held: Readonly<Record<string, Superseded>> = {},
): ImportPlan => {
  const rows: ImportRow[] = [];
  const writes: ImportPlan['writes'] = {};
  const superseded = new Map<string, Superseded>();
  const keep = (s: Superseded): boolean => {
    const had = superseded.get(s.key) ?? (Object.hasOwn(held, s.key) ? held[s.key] : undefined);
    if (had && compareHlc(s.keptHlc, had.keptHlc) <= 0) return false;
    superseded.set(s.key, s);
    return true;
  };
  for (const s of incomingSuperseded) keep(s);
  for (const kind of SYNC_KINDS) {
    for (const [id, theirs] of Object.entries(incoming[kind] ?? {}).sort(([p], [q]) => (p < q ? -1 : 1))) {
      const mine = local[kind]?.[id];
      const m = mergeRecord(kind, mine, theirs);
      const newAside = m.superseded && keep(m.superseded) ? m.superseded : null;
      const changed = !mine || canonical(m.record) !== canonical(mine);
      if (changed) (writes[kind] ??= []).push(m.record);
      const outcome: ImportOutcome = !mine ? 'added' : m.conflict && (changed || newAside) ? 'conflict' : changed ? 'changed' : 'unchanged';
      rows.push({ kind, id, outcome });
    }
  }
  return { rows, writes, superseded: [...superseded.values()] };
};

/** The highest stamp among some records, so the importing install's clock moves past them. */
export const maxHlc = (records: RecordSet): string => {
  let max = HLC_ZERO;
  for (const kind of SYNC_KINDS) for (const r of Object.values(records[kind] ?? {})) if (compareHlc(hlcOf(r), max) > 0) max = hlcOf(r);
  return max;
};
