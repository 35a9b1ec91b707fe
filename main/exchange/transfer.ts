import fs from 'node:fs';
import path from 'node:path';
import type { ImportPreview, PackManifest, PreviewRow } from '../../shared/contract/exchange';
import { addDays, formatDayShort, londonParts, monthOf, monthsBetween, weekDates } from '../../shared/domain/dates';
import { aheadBy, aheadInWords, latestHlc, parseHlc, stampDateGB, tooFarAhead } from '../../shared/domain/sync/hlc';
import { checkedStamps } from '../../shared/domain/sync/ahead';
import { AppError } from '../../shared/result';
import {
  maxHlc,
  planImport,
  SYNC_KINDS,
  type ImportOutcome,
  type ImportPlan,
  type RecordSet,
  type Superseded,
  type SyncKind,
  type SyncRecord,
} from '../../shared/domain/sync/merge';
import type { AppCore } from '../services/types';
import { logClock, logInstant } from '../../shared/domain/incidents/occurrenceLog';
import { CATEGORY_LABEL, LOG_KIND_LABEL } from '../../shared/domain/incidents/labels';
import { SERVICE_LABEL } from '../../shared/domain/serviceLabel';
import type { Service } from '../../shared/schemas/common';
import type { LogEntry } from '../../shared/schemas/occurrence';
import { noteIncidents } from '../services/incidentIndex';
import type { Incident } from '../../shared/schemas/incident';
import type { WriteOp } from '../storage/dataStore';
import { safeRel } from '../storage/paths';
import type { Pack, PackPayload } from './pack';
import { readSuperseded, supersededOp } from './superseded';

const byId = <R extends { id: string }>(records: R[]): Record<string, SyncRecord> =>
  Object.fromEntries(records.map((r) => [r.id, r as unknown as SyncRecord]));
const keptFor = (app: AppCore, records: RecordSet) => Object.values(readSuperseded(app.ds)).filter((s) => records[s.kind]?.[s.recordId]);

const withoutPay = <R extends { id: string; payRate?: unknown }>(record: R): Omit<R, 'payRate'> => {
  const { payRate: _pay, ...rest } = record;
  void _pay;
  return rest;
};

/**
 * A staff record arrives without a pay rate: it keeps this install's rate for that person (or 0, which
 * only a manager could see, for a person new here), so importing a rota never changes anyone's pay.
 */
const withLocalPay = (app: AppCore, records: RecordSet): RecordSet => {
  if (!records.staff) return records;
  const pay = new Map(app.repos.staff.all().map((p) => [p.id, p.payRate]));
  return {
    ...records,
    staff: Object.fromEntries(Object.entries(records.staff).map(([id, r]) => [id, { ...r, payRate: pay.get(id) ?? 0 } as SyncRecord])),
  };
};

/** A rota pack's records: the shifts of the sites and weeks chosen (removed ones too), their sites, and the staff they name or who work there. */
export const collectRota = (app: AppCore, sites: string[], weeks: string[]): { payload: PackPayload; from: string; to: string } => {
  const dates = new Set(weeks.flatMap(weekDates));
  const sorted = [...dates].sort();
  const months = [...new Set(sorted.map(monthOf))];
  const shifts = app.repos.shifts.inMonths(months, sites).filter((s) => dates.has(s.date));
  const named = new Set(shifts.map((s) => s.staffId).filter((id): id is string => id !== null));
  const staff = app.repos.staff.all().filter((p) => named.has(p.id) || (p.homeSite !== null && sites.includes(p.homeSite)));
  // A rota goes to desks, where supervisors work: pay rates stay on the manager's install.
  const records: RecordSet = {
    sites: byId(app.repos.sites.all().filter((s) => sites.includes(s.code))),
    staff: byId(staff.map(withoutPay)),
    shifts: byId(shifts),
  };
  const superseded = keptFor(app, records).map((s) =>
    s.kind === 'staff' ? ({ ...s, record: withoutPay(s.record as { id: string; payRate?: unknown }) } as Superseded) : s,
  );
  return { payload: { records, superseded, photos: {} }, from: sorted[0], to: sorted.at(-1)! };
};

/** An activity pack's records: the sites' incidents (with history and photos), occurrence log and attendance from `from` to `to`. */
export const collectActivity = (app: AppCore, sites: string[], from: string, to: string): PackPayload => {
  const months = monthsBetween(from, to);
  const inRange = (date: string) => date >= from && date <= to;
  const incidents = app.repos.incidents.inMonths(months, sites).filter((i) => inRange(londonParts(Date.parse(i.occurredAt)).date));
  const records: RecordSet = {
    incidents: byId(incidents),
    log: byId(app.repos.log.inMonths(months, sites).filter((e) => inRange(e.date))),
    attendance: byId(app.repos.attendance.inMonths(months, sites).filter((a) => inRange(a.date))),
  };
  const photos: Record<string, string> = {};
  for (const p of incidents.flatMap((i) => i.photos)) {
    let file: string;
    try {
      file = path.join(app.dirs.photos, safeRel(p.file));
    } catch {
      continue; // a photo named outside the photos folder is not SiteDesk's to send
    }
    if (fs.existsSync(file)) photos[p.file] = fs.readFileSync(file).toString('base64');
  }
  return { records, superseded: keptFor(app, records), photos };
};

/** Counts for a manifest. */
export const countsOf = (payload: PackPayload): PackManifest['counts'] => ({
  ...Object.fromEntries(SYNC_KINDS.filter((k) => payload.records[k]).map((k) => [k, Object.keys(payload.records[k]!).length])),
  photos: Object.keys(payload.photos).length,
  superseded: payload.superseded.length,
});

export const collectionOf = (app: AppCore, kind: SyncKind) =>
  ({
    sites: app.repos.sites,
    staff: app.repos.staff,
    shifts: app.repos.shifts,
    attendance: app.repos.attendance,
    incidents: app.repos.incidents,
    log: app.repos.log,
  })[kind];

/**
 * This install's versions of the records a pack holds. Partitioned records are looked for in the months
 * the pack's records fall in and the months either side, so a shift moved a few days into the next
 * month is still found; one moved further would be imported as new in its new month.
 */
export const localVersions = (app: AppCore, incoming: RecordSet): RecordSet => {
  const local: RecordSet = {};
  for (const kind of SYNC_KINDS) {
    const theirs = incoming[kind];
    if (!theirs) continue;
    const c = collectionOf(app, kind);
    if ('all' in c) {
      local[kind] = byId((c.all() as { id: string }[]).filter((r) => theirs[r.id]));
      continue;
    }
    const months = new Set<string>();
    for (const r of Object.values(theirs)) {
      const month = (c.partitionOf as (x: unknown) => string)(r).slice(0, 7);
      const first = `${month}-01`;
      [addDays(first, -1), first, addDays(first, 32)].forEach((d) => months.add(monthOf(d)));
    }
    local[kind] = byId((c.inMonths([...months]) as { id: string }[]).filter((r) => theirs[r.id]));
  }
  return local;
};

const GROUP: Record<SyncKind, string> = {
  sites: 'Sites',
  staff: 'Staff',
  shifts: 'Shifts',
  attendance: 'Attendance',
  incidents: 'Incidents',
  log: 'Log entries',
};

/** How the preview lists a record: its group (kind and site), an order within it, and whom it is about. */
const placing = (kind: SyncKind, r: SyncRecord, names: ReadonlyMap<string, string>): Pick<PreviewRow, 'group' | 'sort' | 'who'> => {
  const s = r as Record<string, string | null>;
  const site = kind === 'sites' || kind === 'staff' ? null : (s.site ?? null);
  const group = site ? `${GROUP[kind]} at ${site}` : GROUP[kind];
  const person = kind === 'shifts' || kind === 'attendance' ? (s.staffId ? (names.get(s.staffId) ?? 'Unknown person') : 'OPEN') : undefined;
  // A log entry sorts by the moment it records, so on the night the clocks go back 01:45 BST comes before 01:30 GMT.
  const when =
    kind === 'log'
      ? new Date(logInstant(r as unknown as LogEntry)).toISOString()
      : [s.date, s.start ?? s.time, s.end].filter(Boolean).join(' ');
  const sort =
    kind === 'sites' ? `${s.code}` : kind === 'staff' ? `${s.name}` : kind === 'incidents' ? `${s.ref}` : `${when} ${person ?? ''}`;
  return person === undefined ? { group, sort } : { group, sort, who: person };
};

const label = (kind: SyncKind, r: SyncRecord): string => {
  const s = r as Record<string, string>;
  switch (kind) {
    case 'sites':
      return `${s.code} · ${s.name}`;
    case 'staff':
      return `${s.name} (${s.employeeNumber})`;
    case 'shifts':
      return `${s.site} ${formatDayShort(s.date)} ${s.start}–${s.end} ${SERVICE_LABEL[s.service as Service] ?? s.service}${r.deleted ? ' (removed)' : ''}`;
    case 'attendance':
      return `${s.site} ${formatDayShort(s.date)} attendance`;
    case 'incidents':
      return `${s.ref} · ${CATEGORY_LABEL[s.category as Incident['category']] ?? s.category}`;
    case 'log':
      return `${s.site} ${formatDayShort(s.date)} ${logClock(r as unknown as LogEntry)} ${LOG_KIND_LABEL[s.kind as LogEntry['kind']] ?? s.kind}`;
  }
};

/**
 * The latest stamp a pack carries: on a record, a set-aside version, or the version it was set aside for. A version
 * kept aside for its stamp (shared/domain/sync/ahead.ts) is ahead by design and is not counted.
 */
const latestInPack = (payload: PackPayload): string => latestHlc([maxHlc(payload.records), ...payload.superseded.flatMap(checkedStamps)]);

/**
 * Why a pack holding a stamp too far ahead of this computer's clock (STAMP_AHEAD_LIMIT_MS) is refused whole. Sync
 * refuses such a version on its own; a pack is one install's edits at one time, so when one of them is stamped years
 * ahead that install's clock was wrong for all it sent since, and taking in the rest would leave a rota or an
 * incident's history half-imported. Nothing is taken in, and this install's clock does not move.
 */
const tooFarAheadMessage = (latest: string, now: number): string => {
  const day = stampDateGB(latest);
  return `Some edits in this pack are stamped ${aheadInWords(latest, now)} ahead of this computer’s clock${day ? ` (the latest on ${day})` : ''}, so nothing was imported: the computer that made it has, or had, the wrong date. Check the date and time on that computer and on this one. If both are right now, ask IT support: edits made while a clock was wrong keep their dates.`;
};

/** What importing a pack would do, without changing anything; a pack stamped too far ahead is refused whole. */
export const planPack = (app: AppCore, pack: Pack): { plan: ImportPlan; preview: ImportPreview } => {
  const latest = latestInPack(pack.payload);
  if (tooFarAhead(latest, app.now())) {
    const message = tooFarAheadMessage(latest, app.now());
    throw new AppError('invalid', message, { file: message });
  }
  const incoming = withLocalPay(app, pack.payload.records);
  const plan = planImport(localVersions(app, incoming), incoming, pack.payload.superseded, readSuperseded(app.ds));
  const counts: Record<ImportOutcome, number> = { added: 0, changed: 0, unchanged: 0, conflict: 0 };
  for (const r of plan.rows) counts[r.outcome] += 1;
  // Names from the pack first (a rota pack carries its staff), then this computer's staff list.
  const names = new Map<string, string>(app.repos.staff.all().map((p) => [p.id, p.name]));
  for (const p of Object.values(incoming.staff ?? {})) names.set(p.id, (p as unknown as { name: string }).name);
  const rows: PreviewRow[] = plan.rows
    .map((r) => {
      const record = incoming[r.kind]![r.id];
      return { ...r, label: label(r.kind, record), ...placing(r.kind, record, names) };
    })
    .sort(
      (a, b) =>
        SYNC_KINDS.indexOf(a.kind) - SYNC_KINDS.indexOf(b.kind) ||
        a.group.localeCompare(b.group) ||
        a.sort.localeCompare(b.sort) ||
        a.label.localeCompare(b.label),
    );
  const warnings: string[] = [];
  const ahead = aheadBy(latest, app.now());
  if (ahead > 3_600_000)
    warnings.push(
      `Some edits in this pack are stamped ${aheadInWords(latest, app.now())} ahead of this computer’s clock: check the date and time on the computer that made it. The edits are still ordered correctly.`,
    );
  if (pack.manifest.installId === app.meta.installId) warnings.push('This pack was made on this computer.');
  return { plan, preview: { manifest: pack.manifest, counts, rows, warnings } };
};

/** Applies a planned import as one journaled change: every record and every version kept aside, or nothing. */
export const applyPlan = (app: AppCore, pack: Pick<Pack, 'payload'>, plan: ImportPlan): number => {
  const ops: WriteOp[] = [];
  const partitioned: { c: { wrote: (ops: WriteOp[]) => void }; ops: WriteOp[] }[] = [];
  const local = localVersions(app, pack.payload.records);
  for (const kind of SYNC_KINDS) {
    const records = plan.writes[kind];
    if (!records?.length) continue;
    const c = collectionOf(app, kind);
    if ('writeOp' in c) ops.push((c.writeOp as (r: unknown[]) => WriteOp)(records));
    else {
      const previous = records.map((r) => local[kind]?.[r.id]).filter(Boolean);
      const mine = (c.writeOps as (r: unknown[], p: unknown[]) => WriteOp[])(records, previous);
      ops.push(...mine);
      partitioned.push({ c, ops: mine });
    }
  }
  if (plan.superseded.length) ops.push(supersededOp(app.ds, plan.superseded));
  // Photos are files beside the records, added (never replaced) before the records that name them.
  for (const [file, base64] of Object.entries(pack.payload.photos)) {
    const target = path.join(app.dirs.photos, safeRel(file));
    if (fs.existsSync(target)) continue;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(`${target}.tmp`, Buffer.from(base64, 'base64'));
    fs.renameSync(`${target}.tmp`, target);
  }
  if (ops.length) {
    app.ds.writeMany(ops);
    for (const p of partitioned) p.c.wrote(p.ops);
    // The incidents screen searches an index in memory: imported incidents must show there at once.
    if (plan.writes.incidents?.length) noteIncidents(app.repos, plan.writes.incidents as Incident[]);
  }
  const latest = maxHlc(pack.payload.records);
  if (parseHlc(latest).wall > 0) app.clock.see(latest, app.now());
  return Object.values(plan.writes).reduce((n, rs) => n + (rs?.length ?? 0), 0);
};
