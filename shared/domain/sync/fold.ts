/**
 * Records rebuilt from their events. Attendance and incident histories travel between installs as one
 * immutable document per event (main/sync/docs.ts), never as one document per record, so two installs
 * that add events to the same record while apart never write the same document. Each install rebuilds
 * the record by folding every event it holds for it, together with its own copy and the versions it
 * keeps aside. The fold is pure and looks only at the set of versions, never at the order they arrived
 * in, so every install that holds the same events holds the same record.
 *
 * The rules are those of the pairwise merge (merge.ts), applied to the whole set at once:
 * - Attendance: each write (sign-in, sign-out, no-show, a correction) is a version stamped by the hybrid
 *   clock. A version some other version was made from (its `base`, or a later write by the same install)
 *   is history, not a rival. Of the rest, the latest stamp is the record; every other one was written
 *   apart from it and is kept aside (`edited-on-two-installs`).
 * - Incidents: a version is its history chain. A chain that another chain extends is part of that one.
 *   Of the rest (one, unless chains diverged), the latest stamp is the incident and each other chain is
 *   kept whole aside (`history-diverged`), verifiable on its own.
 */
import { asideOf, canonical, follows, later, type ImportPlan, type Superseded, type SyncKind, type SyncRecord } from './merge';
import { compareHlc } from './hlc';

export const FOLDED_KINDS = ['attendance', 'incidents'] as const satisfies readonly SyncKind[];
export type FoldedKind = (typeof FOLDED_KINDS)[number];
export const isFolded = (k: SyncKind): k is FoldedKind => (FOLDED_KINDS as readonly string[]).includes(k);

export interface Folded {
  record: SyncRecord;
  /** Every version kept aside, with the stamp of the record it lost to. */
  aside: Superseded[];
}

const once = (versions: SyncRecord[]): SyncRecord[] => {
  const by = new Map<string, SyncRecord>();
  for (const v of versions) by.set(canonical(v), v);
  return [...by.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
};

const latest = (versions: SyncRecord[]): SyncRecord => versions.reduce((w, v) => later(w, v)[0]);

const hashes = (r: SyncRecord): string[] => (Array.isArray(r.history) ? (r.history as { hash: string }[]).map((e) => e.hash) : []);
const extendsChain = (long: string[], short: string[]) => long.length > short.length && short.every((h, i) => long[i] === h);

/** Folds every version of one record held anywhere here into the record and the versions kept aside. */
export const foldVersions = (kind: FoldedKind, versions: SyncRecord[]): Folded | null => {
  const all = once(versions);
  if (!all.length) return null;
  const rivals =
    kind === 'incidents'
      ? all.filter((v) => !all.some((w) => extendsChain(hashes(w), hashes(v))))
      : all.filter((v) => !all.some((w) => w !== v && compareHlc(w.hlc ?? '', v.hlc ?? '') > 0 && follows(w, v)));
  const record = latest(rivals);
  const reason: Superseded['reason'] = kind === 'incidents' ? 'history-diverged' : 'edited-on-two-installs';
  return { record, aside: rivals.filter((v) => v !== record).map((v) => asideOf(kind, v, record, reason)) };
};

/**
 * What storage must write for records rebuilt by the fold: each record that differs from the one held,
 * and each version kept aside that is not kept already (or only with an older winner's stamp). The
 * install's own copy was one of the folded versions, so nothing it held is dropped.
 */
export const planFolded = (
  kind: FoldedKind,
  local: Readonly<Record<string, SyncRecord>>,
  folded: readonly Folded[],
  held: Readonly<Record<string, Superseded>>,
): ImportPlan => {
  const writes: SyncRecord[] = [];
  const superseded = new Map<string, Superseded>();
  const rows: ImportPlan['rows'] = [];
  for (const f of folded) {
    const mine = Object.hasOwn(local, f.record.id) ? local[f.record.id] : undefined;
    const changed = !mine || canonical(mine) !== canonical(f.record);
    if (changed) writes.push(f.record);
    let added = false;
    for (const s of f.aside) {
      const had = superseded.get(s.key) ?? (Object.hasOwn(held, s.key) ? held[s.key] : undefined);
      if (had && compareHlc(s.keptHlc, had.keptHlc) <= 0) continue;
      superseded.set(s.key, s);
      added = true;
    }
    rows.push({ kind, id: f.record.id, outcome: !mine ? 'added' : added ? 'conflict' : changed ? 'changed' : 'unchanged' });
  }
  return { rows, writes: writes.length ? { [kind]: writes } : {}, superseded: [...superseded.values()] };
};
