/**
 * How records travel as CouchDB documents. One document per record, `_id` = `<kind>:<record id>`,
 * holding the record and the versions that lost a merge of it (`aside`), so every replica keeps them.
 * Log entries never change once written, so each is an immutable document that can never conflict.
 *
 * Which database a record goes to decides who may read it (main/sync/provision.ts): a site's records to
 * that site's database, sites and staff (without pay rates) to the directory, staff with pay rates to
 * the managers' database.
 */
import { z } from 'zod';
import { asideKey, canonical, digest, SYNC_KINDS, type Superseded, type SyncKind, type SyncRecord } from '../../shared/domain/sync/merge';
import type { FoldedKind } from '../../shared/domain/sync/fold';
import { aheadInWords, HLC_ZERO, parseHlc, tooFarAhead } from '../../shared/domain/sync/hlc';
import { checkedStamps } from '../../shared/domain/sync/ahead';
import { hashEntry, type HistoryEntry } from '../../shared/domain/incidents/history';
import { attendanceSchema } from '../../shared/schemas/attendance';
import { incidentHistoryEntrySchema, incidentSchema } from '../../shared/schemas/incident';
import { logEntrySchema } from '../../shared/schemas/occurrence';
import { shiftSchema } from '../../shared/schemas/shift';
import { siteSchema } from '../../shared/schemas/site';
import { staffSchema } from '../../shared/schemas/staff';
import { supersededEntrySchema } from '../exchange/superseded';
import { DB_DIRECTORY, DB_MANAGERS, siteDb } from './provision';

export const SITE_KINDS = ['shifts', 'attendance', 'incidents', 'log'] as const satisfies readonly SyncKind[];
const isSiteKind = (k: SyncKind): k is (typeof SITE_KINDS)[number] => (SITE_KINDS as readonly string[]).includes(k);

/** The same schemas the storage layer reads its files with (the Conflicts screen reads set-aside versions with them too). */
export const SCHEMAS: Record<SyncKind, z.ZodType> = {
  sites: siteSchema,
  staff: staffSchema,
  shifts: shiftSchema,
  attendance: attendanceSchema,
  incidents: incidentSchema,
  log: logEntrySchema,
};

export interface RecordDoc {
  _id: string;
  _rev?: string;
  kind: SyncKind;
  record: SyncRecord;
  aside: Superseded[];
}

const docShape = z.object({
  _id: z.string(),
  _rev: z.string().optional(),
  kind: z.enum(SYNC_KINDS),
  record: z.record(z.string(), z.unknown()),
  aside: z.array(supersededEntrySchema).default([]),
});

export const docId = (kind: SyncKind, id: string) => `${kind}:${id}`;

/** The file a storage path holds, if its records replicate: `directory/staff`, `partitions/shifts/2026-11/CH`. */
export const kindOfFile = (rel: string): SyncKind | null => {
  if (rel === 'directory/sites') return 'sites';
  if (rel === 'directory/staff') return 'staff';
  const m = /^partitions\/(shifts|attendance|incidents|log)\/\d{4}-\d{2}\/[A-Z]{2,4}$/.exec(rel);
  return m ? (m[1] as SyncKind) : null;
};

/** A staff record as the directory holds it: everything but the pay rate. */
export const withoutPay = (r: SyncRecord): SyncRecord => {
  const { payRate: _pay, ...rest } = r;
  return rest as SyncRecord;
};

/** The databases a record is written to, and the record as each holds it. */
export const routesOf = (kind: SyncKind, record: SyncRecord, role: 'manager' | 'desk'): { db: string; record: SyncRecord }[] => {
  if (isSiteKind(kind)) return typeof record.site === 'string' ? [{ db: siteDb(record.site), record }] : [];
  // Only managers change sites and staff (the hub refuses a desk's write to the directory too).
  if (role !== 'manager') return [];
  if (kind === 'sites') return [{ db: DB_DIRECTORY, record }];
  return [
    { db: DB_DIRECTORY, record: withoutPay(record) },
    { db: DB_MANAGERS, record },
  ];
};

const issue = (e: z.ZodError) => `${e.issues[0]?.path.join('.')} ${e.issues[0]?.message}`;

/**
 * Why a stamp too far ahead of this computer's clock is not merged (see STAMP_AHEAD_LIMIT_MS), or null. `self` is this
 * install's id: a version it wrote itself (its record clock stuck ahead after its date was wrong, main/services/system.ts)
 * is said to be its own, or the manager would look for another computer with the wrong date.
 */
const farAhead = (stamps: (string | undefined)[], now: number, self?: string): string | null => {
  const stamp = stamps.find((h) => tooFarAhead(h, now));
  if (stamp === undefined) return null;
  if (self && parseHlc(stamp).node === self)
    return `This computer wrote this version while its date was wrong (stamped ${aheadInWords(stamp, now)} ahead of its clock now): other computers refuse it too. See the notice about this computer’s record clock.`;
  return `stamped ${aheadInWords(stamp, now)} ahead of this computer’s clock: the computer that wrote it has the wrong date or time, so it was not merged`;
};

/**
 * `farAhead`: refused only because a stamp is too far ahead of this computer's clock; `doc` is then the document as read,
 * every other check passed, so what it holds can be kept aside (shared/domain/sync/ahead.ts) and not lost.
 */
export type Parsed = { ok: true; doc: RecordDoc } | { ok: false; reason: string; farAhead?: true; doc?: RecordDoc };

/**
 * Reads a document from the hub the way storage reads its files: with the record's own schema. Anything
 * that does not match, or does not belong in the database it came from, is refused with the reason.
 * A staff record from the directory carries no pay rate; a desk holds it with a pay rate of 0. A version
 * stamped more than a day ahead of `now` (this computer's clock) is refused too: it would win every merge. `self`
 * (this install's id) lets the reason say when that version was written here.
 */
export const parseDoc = (raw: unknown, db: string, site: string | null, now: number, self?: string): Parsed => {
  const shape = docShape.safeParse(raw);
  if (!shape.success) return { ok: false, reason: `not a SiteDesk record document (${shape.error.issues[0]?.message ?? 'wrong shape'})` };
  const { kind } = shape.data;
  const wanted = site !== null ? isSiteKind(kind) : db === DB_DIRECTORY ? kind === 'sites' || kind === 'staff' : kind === 'staff';
  if (!wanted) return { ok: false, reason: `${kind} records do not belong in ${db}` };
  let record = shape.data.record;
  if (db === DB_DIRECTORY && kind === 'staff') {
    if ('payRate' in record) return { ok: false, reason: 'a pay rate in the directory' };
    record = { ...record, payRate: 0 };
  }
  const parsed = SCHEMAS[kind].safeParse(record);
  if (!parsed.success)
    return {
      ok: false,
      reason: `${kind} record does not match: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`,
    };
  const rec = parsed.data as SyncRecord;
  if (shape.data._id !== docId(kind, rec.id)) return { ok: false, reason: 'the document id does not name its record' };
  if (site !== null && rec.site !== site) return { ok: false, reason: `a ${String(rec.site)} record in ${site}’s database` };
  // A set-aside version can become the record (main/sync/events.ts folds them in) and is kept by its key:
  // it is read like the record, and its key must name it, or it could replace another version kept aside.
  for (const a of shape.data.aside) {
    const r = a.record as SyncRecord;
    if (a.kind !== kind || a.recordId !== rec.id || r.id !== rec.id) return { ok: false, reason: 'a set-aside version of another record' };
    // Staff versions may have travelled in a rota pack, which sends them without the pay rate under the
    // key they had (main/exchange/transfer.ts); only managers write staff documents anywhere on the hub.
    if (kind !== 'staff' && a.key !== asideKey(kind, r)) return { ok: false, reason: 'a set-aside version whose key does not name it' };
    if (db === DB_DIRECTORY && kind === 'staff' && 'payRate' in r) return { ok: false, reason: 'a pay rate in the directory' };
    const held = SCHEMAS[kind].safeParse(kind === 'staff' && !('payRate' in r) ? { ...r, payRate: 0 } : r);
    if (!held.success) return { ok: false, reason: `a set-aside ${kind} record does not match: ${issue(held.error)}` };
    if (site !== null && r.site !== site) return { ok: false, reason: `a set-aside ${String(r.site)} record in ${site}’s database` };
  }
  const doc: RecordDoc = { _id: shape.data._id, _rev: shape.data._rev, kind, record: rec, aside: shape.data.aside as Superseded[] };
  const ahead = farAhead([rec.hlc, ...doc.aside.flatMap(checkedStamps)], now, self);
  if (ahead) return { ok: false, reason: ahead, farAhead: true, doc };
  return { ok: true, doc };
};

/** Every set-aside version of either list, once each (by key), in key order so replicas write the same. */
export const unionAside = (...lists: Superseded[][]): Superseded[] => {
  const by = new Map<string, Superseded>();
  for (const s of lists.flat()) {
    const held = by.get(s.key);
    if (!held || s.keptHlc > held.keptHlc) by.set(s.key, s);
  }
  return [...by.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
};

export const sameAside = (a: Superseded[], b: Superseded[]) => canonical(unionAside(a)) === canonical(unionAside(b));

/**
 * The hub's witness of an incident's evidence: the head of its history chain (length and last hash) as
 * its own immutable document, one per head an install pushed, `_id` = `head:<incident id>:<length>:<hash>`.
 * Two installs that reached the same head write the same document; diverged chains write different ones,
 * so witness documents never conflict. A desk's chain that is shorter than, or differs from, a head the
 * hub has seen (and that no set-aside version of the incident reaches either) is a broken history.
 */
export interface HeadDoc {
  _id: string;
  kind: 'head';
  incident: string;
  site: string;
  length: number;
  head: string;
}

export const HEAD_PREFIX = 'head:';
export const headDocId = (incident: string, length: number, head: string) =>
  `${HEAD_PREFIX}${incident}:${String(length).padStart(6, '0')}:${head}`;

const headShape = z.object({
  _id: z.string(),
  _rev: z.string().optional(),
  kind: z.literal('head'),
  incident: z.string().min(1).max(100),
  site: z.string().regex(/^[A-Z]{2,4}$/),
  length: z.number().int().min(0).max(1_000_000),
  head: z.string().min(1).max(200),
});

export const headDocOf = (incident: { id: string; site: string }, head: { length: number; head: string }): HeadDoc => ({
  _id: headDocId(incident.id, head.length, head.head),
  kind: 'head',
  incident: incident.id,
  site: incident.site,
  length: head.length,
  head: head.head,
});

/** Reads a witness document from a site's database, or says why it does not belong there. */
export const parseHeadDoc = (raw: unknown, site: string | null): { ok: true; doc: HeadDoc } | { ok: false; reason: string } => {
  const p = headShape.safeParse(raw);
  if (!p.success) return { ok: false, reason: `not a SiteDesk history head (${p.error.issues[0]?.message ?? 'wrong shape'})` };
  const d = p.data;
  if (site === null) return { ok: false, reason: 'history heads belong in a site’s database' };
  if (d.site !== site) return { ok: false, reason: `a ${d.site} history head in ${site}’s database` };
  if (d._id !== headDocId(d.incident, d.length, d.head)) return { ok: false, reason: 'the document id does not name its head' };
  return { ok: true, doc: { _id: d._id, kind: 'head', incident: d.incident, site: d.site, length: d.length, head: d.head } };
};

/**
 * An incident photo as its own immutable document, `_id` = `photo:<file>`, with the image as its CouchDB
 * attachment `image`. A photo file is never replaced once written (its name is new for every photo), so
 * the document never changes and never conflicts. It goes to the incident's site database only.
 */
export const PHOTO_PREFIX = 'photo:';
export const PHOTO_FILE = /^[A-Za-z0-9_-]{6,80}\.(jpg|png|webp)$/;
export const photoDocId = (file: string) => `${PHOTO_PREFIX}${file}`;

const photoShape = z.object({
  _id: z.string(),
  kind: z.literal('photo'),
  site: z.string().regex(/^[A-Z]{2,4}$/),
  incident: z.string().min(1).max(100),
  file: z.string().regex(PHOTO_FILE),
});
export type PhotoDoc = z.infer<typeof photoShape>;

export const parsePhotoDoc = (raw: unknown, site: string | null): { ok: true; doc: PhotoDoc } | { ok: false; reason: string } => {
  const p = photoShape.safeParse(raw);
  if (!p.success) return { ok: false, reason: `not a SiteDesk photo (${p.error.issues[0]?.message ?? 'wrong shape'})` };
  if (site === null || p.data.site !== site) return { ok: false, reason: `a ${p.data.site} photo in the wrong database` };
  if (p.data._id !== photoDocId(p.data.file)) return { ok: false, reason: 'the document id does not name its photo' };
  return { ok: true, doc: p.data };
};

/**
 * Attendance and incident histories as one immutable document per event (shared/domain/sync/fold.ts
 * rebuilds the record from them), so two installs that add to one record while apart never write the
 * same document and never make a CouchDB conflict. Every id ends in a digest of the document's content:
 * one id always names one content, so a document is written once and its revision stays `1-…`; two
 * installs that write the same event write the same document (PouchDB's revisions are deterministic).
 *
 * - `attendance-event:<record id>:<stamp>:<digest>` — the attendance record as one write left it (a
 *   sign-in, sign-out, no-show or correction), stamped by the writing install's hybrid clock (the stamp
 *   names the install).
 * - `incident-entry:<incident id>:<index>:<entry hash>:<digest>` — one entry of an incident's history
 *   chain; the entry's hash covers its content and the entry before it. The entry an install's copy ends
 *   with also carries the rest of that copy (`record`: everything but `history`: the fields the chain
 *   replays to and the write's stamp) and the hashes of its chain in order (`chain`), so the incident is
 *   rebuilt exactly as that install holds it, even a chain whose links are broken.
 *
 * The whole-record `attendance:<id>` and `incidents:<id>` documents earlier SiteDesk versions wrote are
 * still read and folded in with the events (branches included); they are no longer written.
 */
export const ATTENDANCE_EVENT = 'attendance-event:';
export const INCIDENT_ENTRY = 'incident-entry:';

export interface AttendanceEventDoc {
  _id: string;
  kind: 'attendance-event';
  site: string;
  record: SyncRecord;
}

export interface IncidentEntryDoc {
  _id: string;
  kind: 'incident-entry';
  incident: string;
  site: string;
  index: number;
  entry: HistoryEntry;
  record?: SyncRecord;
  chain?: string[];
}

const contentDigest = (value: unknown) => digest(value);

export const attendanceEventId = (record: SyncRecord) =>
  `${ATTENDANCE_EVENT}${record.id}:${record.hlc ?? HLC_ZERO}:${contentDigest(record)}`;

export const attendanceEventOf = (record: SyncRecord): AttendanceEventDoc => ({
  _id: attendanceEventId(record),
  kind: 'attendance-event',
  site: String(record.site),
  record,
});

export const incidentEntryId = (incident: string, index: number, entry: HistoryEntry, record?: SyncRecord, chain?: string[]) =>
  `${INCIDENT_ENTRY}${incident}:${String(index).padStart(6, '0')}:${entry.hash}:${contentDigest({ entry, record: record ?? null, chain: chain ?? null })}`;

/** The record an incident's last entry carries: the incident without its history. */
export const withoutHistory = (incident: SyncRecord): SyncRecord => {
  const { history: _h, ...rest } = incident;
  return rest as SyncRecord;
};

/** The documents of one version of an incident: each entry of its chain, the last with the rest of the version. */
export const incidentEntriesOf = (incident: SyncRecord): IncidentEntryDoc[] => {
  const history = (incident.history ?? []) as HistoryEntry[];
  return history.map((entry, index) => {
    const last = index === history.length - 1;
    const record = last ? withoutHistory(incident) : undefined;
    const chain = last ? history.map((e) => e.hash) : undefined;
    return {
      _id: incidentEntryId(incident.id, index, entry, record, chain),
      kind: 'incident-entry',
      incident: incident.id,
      site: String(incident.site),
      index,
      entry,
      ...(record ? { record, chain } : {}),
    };
  });
};

/** Which record an event document belongs to, by its id alone (for finding what to fold again). */
export const eventTarget = (id: string): { kind: FoldedKind; id: string } | null => {
  if (id.startsWith(ATTENDANCE_EVENT)) return { kind: 'attendance', id: id.slice(ATTENDANCE_EVENT.length).split(':')[0] };
  if (id.startsWith(INCIDENT_ENTRY)) return { kind: 'incidents', id: id.slice(INCIDENT_ENTRY.length).split(':')[0] };
  return null;
};

const attendanceEventShape = z.object({
  _id: z.string(),
  _rev: z.string().optional(),
  kind: z.literal('attendance-event'),
  site: z.string(),
  record: z.record(z.string(), z.unknown()),
});

const incidentEntryShape = z.object({
  _id: z.string(),
  _rev: z.string().optional(),
  kind: z.literal('incident-entry'),
  incident: z.string(),
  site: z.string(),
  index: z.number().int().min(0).max(1_000_000),
  entry: incidentHistoryEntrySchema,
  record: z.record(z.string(), z.unknown()).optional(),
  chain: z.array(z.string().min(1).max(200)).max(1_000_001).optional(),
});

const incidentWithoutHistory = incidentSchema.omit({ history: true });

export type ParsedEvent = { ok: true; doc: AttendanceEventDoc | IncidentEntryDoc } | { ok: false; reason: string; farAhead?: true };

/**
 * Reads an event document the way storage reads its files, with the record's own schemas, and checks it
 * belongs where it came from (a site's database, that site's record) and that its id names its content. One
 * stamped more than a day ahead of `now` (this computer's clock) is refused: its version would win every fold. `self`
 * (this install's id) lets the reason say when that version was written here.
 */
export const parseEventDoc = (raw: unknown, site: string | null, now: number, self?: string): ParsedEvent => {
  const id = (raw as { _id?: unknown } | null)?._id;
  if (typeof id === 'string' && id.startsWith(ATTENDANCE_EVENT)) {
    const shape = attendanceEventShape.safeParse(raw);
    if (!shape.success) return { ok: false, reason: `not a SiteDesk attendance event (${issue(shape.error)})` };
    const parsed = attendanceSchema.safeParse(shape.data.record);
    if (!parsed.success) return { ok: false, reason: `attendance record does not match: ${issue(parsed.error)}` };
    const record = parsed.data as SyncRecord;
    if (site === null || shape.data.site !== site || record.site !== site)
      return { ok: false, reason: `a ${String(record.site)} attendance event in the wrong database` };
    if (shape.data._id !== attendanceEventId(record)) return { ok: false, reason: 'the document id does not name its event' };
    const ahead = farAhead([record.hlc], now, self);
    if (ahead) return { ok: false, reason: ahead, farAhead: true };
    return { ok: true, doc: { _id: shape.data._id, kind: 'attendance-event', site, record } };
  }
  const shape = incidentEntryShape.safeParse(raw);
  if (!shape.success) return { ok: false, reason: `not a SiteDesk incident history entry (${issue(shape.error)})` };
  const d = shape.data;
  if (site === null || d.site !== site) return { ok: false, reason: `a ${d.site} incident history entry in the wrong database` };
  let record: SyncRecord | undefined;
  if (d.record) {
    const parsed = incidentWithoutHistory.safeParse(d.record);
    if (!parsed.success) return { ok: false, reason: `incident record does not match: ${issue(parsed.error)}` };
    record = parsed.data as SyncRecord;
    if (record.id !== d.incident || record.site !== site) return { ok: false, reason: 'an incident history entry of another incident' };
  }
  const chain = d.chain;
  if (Boolean(record) !== Boolean(chain) || (chain && (chain.length !== d.index + 1 || chain.at(-1) !== d.entry.hash)))
    return { ok: false, reason: 'an incident history entry out of its place in the chain' };
  if (d._id !== incidentEntryId(d.incident, d.index, d.entry, record, chain))
    return { ok: false, reason: 'the document id does not name its entry' };
  const ahead = farAhead([record?.hlc], now, self);
  if (ahead) return { ok: false, reason: ahead, farAhead: true };
  return {
    ok: true,
    doc: {
      _id: d._id,
      kind: 'incident-entry',
      incident: d.incident,
      site,
      index: d.index,
      entry: d.entry,
      ...(record ? { record, chain } : {}),
    },
  };
};

/**
 * The versions of one record that its event documents give: each attendance event's record, and each
 * incident version whose last entry names its chain, once every entry of that chain has arrived (one
 * still on its way is left for later).
 */
export const versionsOfEvents = (events: readonly (AttendanceEventDoc | IncidentEntryDoc)[]): SyncRecord[] => {
  const out: SyncRecord[] = [];
  const byPlace = new Map<string, IncidentEntryDoc>();
  // One place and hash, two contents: only a tampered entry can do that; the one whose hash holds is read.
  const holds = (x: IncidentEntryDoc) => hashEntry(x.entry) === x.entry.hash;
  for (const e of events) {
    if (e.kind === 'attendance-event') {
      out.push(e.record);
      continue;
    }
    const key = `${e.index}:${e.entry.hash}`;
    const held = byPlace.get(key);
    if (!held || (!holds(held) && (holds(e) || canonical(e.entry) < canonical(held.entry)))) byPlace.set(key, e);
  }
  for (const e of events) {
    if (e.kind !== 'incident-entry' || !e.record || !e.chain) continue;
    const history = e.chain.map((hash, i) => byPlace.get(`${i}:${hash}`)?.entry);
    if (history.every((h): h is HistoryEntry => h !== undefined)) out.push({ ...e.record, history });
  }
  return out;
};
