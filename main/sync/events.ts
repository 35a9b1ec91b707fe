/**
 * The replica side of records kept as events (attendance, incident histories; see docs.ts and
 * shared/domain/sync/fold.ts): writing a record's events into the local PouchDB, and gathering every
 * version of a record the replica holds — from its event documents and from the whole-record documents
 * earlier SiteDesk versions wrote — for the fold.
 */
import { foldVersions, planFolded, type Folded, type FoldedKind } from '../../shared/domain/sync/fold';
import { canonical, type ImportPlan, type Superseded, type SyncRecord } from '../../shared/domain/sync/merge';
import {
  ATTENDANCE_EVENT,
  attendanceEventOf,
  docId,
  INCIDENT_ENTRY,
  incidentEntriesOf,
  parseDoc,
  parseEventDoc,
  versionsOfEvents,
  type AttendanceEventDoc,
  type IncidentEntryDoc,
} from './docs';

export const eventPrefix = (kind: FoldedKind, id: string) => `${kind === 'attendance' ? ATTENDANCE_EVENT : INCIDENT_ENTRY}${id}:`;

/** The event documents of some versions of one record (its copy here and the versions it keeps aside). */
export const eventDocsOf = (kind: FoldedKind, versions: readonly SyncRecord[]): (AttendanceEventDoc | IncidentEntryDoc)[] =>
  kind === 'attendance' ? versions.map(attendanceEventOf) : versions.flatMap(incidentEntriesOf);

/**
 * Writes the event documents the replica does not hold yet; returns the ids written. An incident entry
 * that goes only as a link of a longer chain is not written again when the replica holds that entry
 * already (with or without the rest of a record). One look-up for the batch; the entries of an incident
 * are looked through only when one of its links is not held under its own id.
 */
export const putEvents = async (local: PouchDB, docs: readonly PouchDoc[]): Promise<string[]> => {
  const unique = [...new Map(docs.map((d) => [d._id, d])).values()];
  if (!unique.length) return [];
  const held = await local.allDocs({ keys: unique.map((d) => d._id) });
  let missing = unique.filter((_, i) => !held.rows[i] || 'error' in held.rows[i] || !held.rows[i].value || held.rows[i].value.deleted);
  const entryOf = (id: string) => id.split(':').slice(0, 4).join(':');
  const links = missing.filter((d) => d.kind === 'incident-entry' && !('record' in d));
  if (links.length) {
    const entries = new Set<string>();
    for (const incident of new Set(links.map((d) => String(d.incident)))) {
      const prefix = eventPrefix('incidents', incident);
      const rows = await local.allDocs({ startkey: prefix, endkey: `${prefix}\ufff0` });
      for (const r of rows.rows) if (!r.value?.deleted) entries.add(entryOf(r.id));
    }
    missing = missing.filter((d) => !links.includes(d) || !entries.has(entryOf(d._id)));
  }
  if (!missing.length) return [];
  // With its keys in one order, whatever order the record's fields happen to be in here: PouchDB's
  // revision is a hash of the document's JSON, so two installs that write one event write one revision,
  // never two branches of it.
  const results = await local.bulkDocs(missing.map((d) => JSON.parse(canonical(d)) as PouchDoc));
  // 409: written meanwhile, with the same content (the id names the content).
  return results.flatMap((r, i) => (r.ok ? [missing[i]._id] : []));
};

/**
 * Every version of one record the replica holds: the versions its event documents give, and each branch
 * of an earlier SiteDesk's whole-record document with the versions it kept aside. Documents that do not
 * read were reported when they arrived; here they are passed over.
 */
export const versionsInReplica = async (
  local: PouchDB,
  db: string,
  site: string,
  kind: FoldedKind,
  id: string,
  now: number,
): Promise<SyncRecord[]> => {
  const prefix = eventPrefix(kind, id);
  const rows = await local.allDocs({ startkey: prefix, endkey: `${prefix}\ufff0`, include_docs: true });
  const events: (AttendanceEventDoc | IncidentEntryDoc)[] = [];
  for (const row of rows.rows) {
    const p = parseEventDoc(row.doc, site, now);
    if (p.ok) events.push(p.doc);
  }
  const versions = versionsOfEvents(events);
  const legacy = await local.get(docId(kind, id), { conflicts: true }).catch(() => null);
  if (legacy && !legacy._deleted) {
    for (const rev of [legacy._rev!, ...(legacy._conflicts ?? [])]) {
      const v = rev === legacy._rev ? legacy : await local.get(legacy._id, { rev }).catch(() => null);
      const p = v ? parseDoc(v, db, site, now) : null;
      if (p?.ok && p.doc.kind === kind) versions.push(p.doc.record, ...p.doc.aside.map((a) => a.record));
    }
  }
  return versions;
};

/** The record ids of one kind that the replica holds anything for (events or an earlier whole-record document). */
export const idsInReplica = async (local: PouchDB, kind: FoldedKind): Promise<string[]> => {
  const ids = new Set<string>();
  for (const prefix of [eventPrefix(kind, '').slice(0, -1), `${kind}:`]) {
    const rows = await local.allDocs({ startkey: prefix, endkey: `${prefix}\ufff0` });
    for (const row of rows.rows) if (!row.value?.deleted) ids.add(row.id.slice(prefix.length).split(':')[0]);
  }
  return [...ids];
};

/**
 * Folds each record's versions from the replica with this install's own copy and the versions it keeps
 * aside, and plans the storage write. `mine` gives the copy held here (by the record the replica gives,
 * to find its partition); it runs after every await, so no save can come between reading and writing.
 */
export const foldWithLocal = (
  kind: FoldedKind,
  fromReplica: ReadonlyMap<string, SyncRecord[]>,
  mine: (records: Record<string, SyncRecord>) => Record<string, SyncRecord>,
  held: Readonly<Record<string, Superseded>>,
): { plan: ImportPlan; records: Record<string, SyncRecord> } => {
  const first: Record<string, SyncRecord> = {};
  for (const [id, versions] of fromReplica) {
    const f = foldVersions(kind, versions);
    if (f) first[id] = f.record;
  }
  const local = mine(first);
  const aside = Object.values(held).filter((s) => s.kind === kind);
  const folded: Folded[] = [];
  for (const [id, versions] of fromReplica) {
    const own = [...(local[id] ? [local[id]] : []), ...aside.filter((s) => s.recordId === id).map((s) => s.record)];
    const f = foldVersions(kind, [...versions, ...own]);
    if (f) folded.push(f);
  }
  const plan = planFolded(kind, local, folded, held);
  return { plan, records: Object.fromEntries(folded.map((f) => [f.record.id, f.record])) };
};
