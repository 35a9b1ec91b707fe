/**
 * The Conflicts panel's calls: the conflicts waiting for a manager, in words, keeping one version, and the versions
 * of other records set aside (read-only). Which conflicts need a person, and what a decision writes, is decided in the domain
 * (shared/domain/sync/decisions.ts); the sync service keeps the list of shifts that have one.
 */
import type { ConflictSide, SetAsideVersion, SyncConflict } from '../../shared/contract/sync';
import { ASIDE_KIND_LABEL, differences, stampTime, titleOf, USE_NOTE, whyInWords, type Names } from '../../shared/domain/sync/aside';
import { decide, openDecisions, type DecidableShift, type Keep, type Version } from '../../shared/domain/sync/decisions';
import type { RecordSet, SyncRecord } from '../../shared/domain/sync/merge';
import { AppError } from '../../shared/result';
import { shiftSchema, type Shift } from '../../shared/schemas/shift';
import { localVersions } from '../exchange/transfer';
import { readSuperseded } from '../exchange/superseded';
import { touched } from '../services/records';
import type { AppCore, Call } from '../services/types';
import { SCHEMAS, withoutPay } from './docs';

/** The version of the shift held now (the service's list may be a save behind). */
const heldShift = (app: AppCore, id: string): Shift | undefined => {
  const listed = app.sync?.conflictShifts().find((r) => r.id === id) as unknown as Shift | undefined;
  if (!listed) return undefined;
  return app.repos.shifts.partition(app.repos.shifts.partitionOf(listed))[id] ?? listed;
};

const namer = (app: AppCore) => {
  const people = new Map(app.repos.staff.all().map((p) => [p.id, p.name]));
  const sites = new Map(app.repos.sites.all().map((s) => [s.code, s.name]));
  const users = new Map(app.repos.accounts.all().map((a) => [a.id, a.displayName]));
  return (v: Version): ConflictSide => {
    const f = v.fields;
    const staffId = typeof f.staffId === 'string' ? f.staffId : null;
    const site = String(f.site);
    return {
      person: staffId ? (people.get(staffId) ?? 'someone not on the staff list') : null,
      site,
      siteName: sites.get(site) ?? site,
      service: String(f.service),
      date: String(f.date),
      start: String(f.start),
      end: String(f.end),
      breakMinutes: typeof f.breakMinutes === 'number' ? f.breakMinutes : 0,
      notes: typeof f.notes === 'string' ? f.notes : '',
      removed: f.deleted === true,
      published: f.status === 'published',
      editedAt: v.editedAt,
      editedBy: users.get(v.editedBy) ?? 'someone on another install',
    };
  };
};

/** Every conflict waiting for a decision, oldest first. */
export const listConflicts = (app: AppCore): SyncConflict[] => {
  const side = namer(app);
  const out: (SyncConflict & { at: string })[] = [];
  for (const listed of app.sync?.conflictShifts() ?? []) {
    const shift = heldShift(app, listed.id);
    if (!shift) continue;
    for (const d of openDecisions(shift as unknown as DecidableShift))
      out.push({
        shiftId: shift.id,
        version: shift.hlc ?? '',
        conflict: d.conflict,
        differs: d.differs,
        current: side(d.current),
        other: side(d.other),
        at: d.other.editedAt,
      });
  }
  return out.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.shiftId < b.shiftId ? -1 : 1)).map(({ at: _at, ...c }) => c);
};

/**
 * Keeps one version of a conflicting shift: an edit of the version in force (so it replicates and never
 * conflicts with it), with the history entry that settles the conflict on every install.
 */
export const resolveConflict = (
  call: Pick<Call, 'app' | 'user' | 'now'>,
  req: { shiftId: string; version: string; conflict: string; keep: Keep },
): SyncConflict[] => {
  const { app, now } = call;
  const shift = heldShift(app, req.shiftId);
  const open = shift && openDecisions(shift as unknown as DecidableShift).some((d) => d.conflict === req.conflict);
  if (!shift || !open) throw new AppError('not_found', 'That conflict is no longer waiting: someone may have decided it already.');
  if ((shift.hlc ?? '') !== req.version)
    throw new AppError('conflict', 'This shift changed since the panel was shown; look at both versions again before choosing.');
  const decision = decide(shift as unknown as DecidableShift, req.conflict, req.keep, call.user!.id, new Date(now).toISOString())!;
  const parsed = shiftSchema.safeParse({ ...shift, ...decision.fields, history: [...shift.history, decision.entry] });
  if (!parsed.success)
    throw new AppError('invalid', 'That version cannot be kept: it is not a complete shift. Keep the other and edit it in the planner.');
  const next = touched(app.clock, parsed.data, call.user!.id, now);
  app.repos.shifts.put([next], [shift]);
  return listConflicts(app);
};

/** Names for the words of a set-aside version: people, sites and users as this computer knows them. */
const asideNames = (app: AppCore): Names => {
  const people = new Map(app.repos.staff.all().map((p) => [p.id, p.name]));
  const sites = new Map(app.repos.sites.all().map((x) => [x.code, x.name]));
  const users = new Map(app.repos.accounts.all().map((a) => [a.id, a.displayName]));
  return {
    person: (id) => people.get(id) ?? 'someone not on the staff list',
    site: (code) => sites.get(code) ?? code,
    user: (id) => users.get(id) ?? 'someone on another install',
  };
};

/**
 * Every version of a site, a person, an attendance record, an incident or a log entry kept aside on this computer,
 * newest first, each beside the version in force here. Both are read with the record's own schema (so a field one
 * version lacks reads as its default, not as a difference); a version the schema does not take is shown as stored.
 */
export const listSetAside = (app: AppCore): SetAsideVersion[] => {
  const names = asideNames(app);
  const read = (kind: SetAsideVersion['kind'], r: SyncRecord): SyncRecord => {
    // A person's version from a rota pack or the directory carries no pay rate, which the schema asks for: read with a
    // stand-in, then without it again, so its other fields are read like the version in force (as main/sync/docs.ts does).
    const payless = kind === 'staff' && !('payRate' in r);
    const parsed = SCHEMAS[kind].safeParse(payless ? { ...r, payRate: 0 } : r);
    if (!parsed.success) return r;
    return payless ? withoutPay(parsed.data as SyncRecord) : (parsed.data as SyncRecord);
  };
  const kept = Object.values(readSuperseded(app.ds)).filter((s) => s.kind !== 'shifts');
  // The versions in force, looked up once for all: each kind's files are read once, not once per version.
  const wanted: RecordSet = {};
  for (const s of kept) (wanted[s.kind] ??= {})[s.recordId] = s.record;
  const held = localVersions(app, wanted);
  const out: SetAsideVersion[] = [];
  for (const s of kept) {
    const kind = s.kind as SetAsideVersion['kind'];
    const aside = read(kind, s.record);
    const inForceHere = held[kind]?.[s.recordId];
    const inForce = inForceHere ? read(kind, inForceHere) : null;
    out.push({
      key: s.key,
      kind,
      recordId: s.recordId,
      what: ASIDE_KIND_LABEL[kind],
      title: titleOf(kind, inForce ?? aside, names),
      reason: s.reason,
      why: whyInWords(kind, s.reason),
      lostTo: stampTime(s.keptHlc),
      inForce: inForce ? { editedAt: inForce.updatedAt, editedBy: names.user(inForce.updatedBy) } : null,
      setAside: { editedAt: aside.updatedAt, editedBy: names.user(aside.updatedBy) },
      differs: inForce ? differences(kind, inForce, aside, names) : [],
      note: USE_NOTE[kind],
    });
  }
  return out.sort((a, b) =>
    a.setAside.editedAt > b.setAside.editedAt ? -1 : a.setAside.editedAt < b.setAside.editedAt ? 1 : a.key < b.key ? -1 : 1,
  );
};
