/**
 * The append-only history of an incident as a hash chain. Each entry's hash covers the entry and the
 * previous entry's hash, and the first links to a genesis string naming the incident, so editing,
 * removing, inserting or moving an entry (or grafting one incident's history onto another) breaks the
 * chain at that point. The chain alone cannot notice entries cut off the end, or a chain rewritten
 * wholesale; an anchor kept elsewhere (the head hash or length) or the replay check catches those.
 */
import stringify from 'safe-stable-stringify';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { Incident } from '../../schemas/incident';
import { incidentInputSchema } from '../../schemas/incident';
import { counted, wasOrWere } from '../counted';

export type HistoryEntry = Incident['history'][number];
export type HistoryChange = HistoryEntry['changes'][number];
/** What a caller supplies; the chain fills in prevHash and hash. */
export type NewHistoryEntry = Omit<HistoryEntry, 'prevHash' | 'hash'>;

/** The fields a history entry may change: what a person can edit, plus the reference, status, outcome and photos. */
export const TRACKED_FIELDS = [...incidentInputSchema.keyof().options, 'ref', 'status', 'outcome', 'photos'] as const;
export type TrackedField = (typeof TRACKED_FIELDS)[number];
type Tracked = Pick<Incident, TrackedField>;

/** The prevHash of an incident's first history entry. */
export const genesisHash = (incidentId: string): string => `sitedesk/incident/${incidentId}/genesis`;

const canonical = (value: unknown): string => stringify(value) ?? 'undefined';

/** The sha256 (hex) of an entry's canonical JSON, every field but `hash` itself. */
export const hashEntry = (entry: Omit<HistoryEntry, 'hash'>): string => {
  // Named fields only, so a property smuggled onto a stored entry cannot ride along unhashed and unread.
  const { at, by, kind, changes, note, prevHash } = entry;
  return bytesToHex(sha256(utf8ToBytes(canonical({ at, by, kind, changes, note, prevHash }))));
};

/** A new history with `entry` linked and hashed onto the end; the input array is not changed. */
export const appendHistory = (history: readonly HistoryEntry[], entry: NewHistoryEntry, incidentId: string): HistoryEntry[] => {
  const prevHash = history.length ? history[history.length - 1].hash : genesisHash(incidentId);
  const linked = { ...entry, prevHash };
  return [...history, { ...linked, hash: hashEntry(linked) }];
};

export type VerifyResult = { ok: true } | { ok: false; brokenAt: number; reason: string };

/** Where the chain should end, kept apart from the history so a cut-off tail is noticed. */
export interface HistoryAnchor {
  length?: number;
  head?: string;
}

/** Checks every link and hash of an incident's history, and the anchor if one is given. */
export const verifyHistory = (incidentId: string, history: readonly HistoryEntry[], anchor: HistoryAnchor = {}): VerifyResult => {
  for (let i = 0; i < history.length; i++) {
    const entry = history[i];
    const expectedPrev = i === 0 ? genesisHash(incidentId) : history[i - 1].hash;
    if (entry.prevHash !== expectedPrev) {
      return {
        ok: false,
        brokenAt: i,
        reason:
          i === 0
            ? 'The first history entry does not start this incident’s history: the original first entry was removed or replaced.'
            : `History entry ${i + 1} does not follow entry ${i}: an entry was removed, inserted, moved or rewritten.`,
      };
    }
    if (hashEntry(entry) !== entry.hash) {
      return { ok: false, brokenAt: i, reason: `History entry ${i + 1} was changed after it was written.` };
    }
  }
  if (anchor.length !== undefined && anchor.length !== history.length) {
    return {
      ok: false,
      brokenAt: Math.min(anchor.length, history.length),
      reason: `The history has ${counted(history.length, 'entry', 'entries')} but ${anchor.length} ${wasOrWere(anchor.length)} recorded.`,
    };
  }
  const head = history.length ? history[history.length - 1].hash : genesisHash(incidentId);
  if (anchor.head !== undefined && anchor.head !== head) {
    return { ok: false, brokenAt: Math.max(0, history.length - 1), reason: 'The latest history entry is not the one recorded.' };
  }
  return { ok: true };
};

const same = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b);

/** Field-level changes from `before` to `after`, in TRACKED_FIELDS order; arrays compare as a whole. */
export const diffIncident = (before: Tracked, after: Tracked): HistoryChange[] =>
  TRACKED_FIELDS.filter((f) => !same(before[f], after[f])).map((field) => ({ field, before: before[field], after: after[field] }));

/** The changes of a `created` entry: every tracked field, from null to its first value. */
export const creationChanges = (incident: Tracked): HistoryChange[] =>
  TRACKED_FIELDS.map((field) => ({ field, before: null, after: incident[field] }));

/** The tracked field values the history builds up to, applying each change in order. */
export const replayHistory = (history: readonly HistoryEntry[]): Partial<Record<TrackedField, unknown>> => {
  const state: Record<string, unknown> = {};
  for (const entry of history) for (const c of entry.changes) state[c.field] = c.after;
  return state;
};

/** Tracked fields whose current value differs from what the history replays to (empty when they agree). */
export const historyMismatches = (incident: Tracked & Pick<Incident, 'history'>): TrackedField[] => {
  const replayed = replayHistory(incident.history);
  return TRACKED_FIELDS.filter((f) => !same(replayed[f], incident[f]));
};

/** Verifies an incident's chain and that its fields are what the chain replays to. */
export const verifyIncidentHistory = (incident: Incident, anchor: HistoryAnchor = {}): VerifyResult => {
  const chain = verifyHistory(incident.id, incident.history, anchor);
  if (!chain.ok) return chain;
  const fields = historyMismatches(incident);
  if (fields.length === 0) return { ok: true };
  return {
    ok: false,
    brokenAt: incident.history.length,
    reason: `The incident’s ${fields.join(', ')} ${fields.length === 1 ? 'does' : 'do'} not match its history: a change was made without a history entry, or entries were cut off the end.`,
  };
};

/** Whether a history still reaches a head recorded when it was written (it may have grown since). */
export const extendsHead = (incidentId: string, history: readonly HistoryEntry[], recorded: { length: number; head: string }): boolean => {
  if (history.length < recorded.length) return false;
  const at = recorded.length === 0 ? genesisHash(incidentId) : history[recorded.length - 1].hash;
  return at === recorded.head;
};

/** The head of a history: its last hash, or the genesis of an empty one. */
export const headOf = (incidentId: string, history: readonly HistoryEntry[]): { length: number; head: string } => ({
  length: history.length,
  head: history.length ? history[history.length - 1].hash : genesisHash(incidentId),
});

/**
 * Whether a manager's decision accepted the history as it now is: the last `decision` entry's own hash
 * holds, every entry after it links and hashes, and the fields are what the history replays to. A break
 * made after the decision is not covered by it.
 */
export const acceptedByDecision = (incident: Incident): HistoryEntry | null => {
  const h = incident.history;
  let d = -1;
  for (let i = h.length - 1; i >= 0; i -= 1) {
    if (h[i].kind === 'decision') {
      d = i;
      break;
    }
  }
  if (d < 0 || hashEntry(h[d]) !== h[d].hash) return null;
  for (let i = d + 1; i < h.length; i += 1) if (h[i].prevHash !== h[i - 1].hash || hashEntry(h[i]) !== h[i].hash) return null;
  return historyMismatches(incident).length === 0 ? h[d] : null;
};
