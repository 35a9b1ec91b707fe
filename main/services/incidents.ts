import stringify from 'safe-stable-stringify';
import type { IncidentDetail, IncidentRow } from '../../shared/contract/incidents';
import { CSV_MIME } from '../../shared/contract/define';
import { formatDateGB, formatInstantGB, londonToday } from '../../shared/domain/dates';
import { newId } from '../../shared/domain/ids';
import {
  appendHistory,
  canTransition,
  closeBlockers,
  creationChanges,
  diffIncident,
  nextReference,
  overdueFollowUps,
  referenceYear,
  riddorQueue,
  riddorStatus,
  searchIncidents,
  validateAmendment,
  validateClose,
  verifyIncidentHistory,
  headOf,
  londonDateOf,
  replayHistory,
  TRACKED_FIELDS,
  type HistoryEntry,
  type IncidentFilter,
} from '../../shared/domain/incidents';
import { AppError } from '../../shared/result';
import type { Account } from '../../shared/schemas/account';
import type { Incident } from '../../shared/schemas/incident';
import { incidentsCsv, incidentPdf } from './incidentExports';
import { checkIncident } from './incidentHeads';
import { incidentIndex } from './incidentIndex';
import { installTag, isHomeDesk } from './install';
import { displayName, readPhoto, storePhoto } from './photos';
import { newMeta, touched } from './records';
import { canSeeSite } from './sites';
import type { AppCore, Call, Handlers } from './types';
import { stillToCome } from '../clock';

type FollowUpInput = Omit<Incident['followUps'][number], 'id'> & { id?: string };

const withIds = (followUps: FollowUpInput[]): Incident['followUps'] => followUps.map((f) => ({ ...f, id: f.id ?? newId() }));

const me = (call: Call): Account => call.user!;

/** Names of every account, for showing who wrote what. */
export const accountNames = (app: AppCore): Record<string, string> =>
  Object.fromEntries(app.repos.accounts.all().map((a) => [a.id, a.displayName]));

/**
 * The anchor of an incident's history: every write appends exactly one entry and bumps `rev`, so a
 * history whose length differs from `rev` has had entries cut off the end (or added outside SiteDesk).
 */
export const verifyIncident = (incident: Incident) => verifyIncidentHistory(incident, { length: incident.rev });

/** An incident the caller may see, or not_found (the same answer for another site's, so none can be probed). */
const load = (call: Call, id: string): Incident => {
  const incident = incidentIndex(call.app.repos).get(id);
  if (!incident || !canSeeSite(me(call), incident.site)) throw new AppError('not_found', 'That incident was not found.');
  return incident;
};

const requireSite = (call: Call, site: string): void => {
  if (!call.app.repos.sites.all().some((s) => s.code === site))
    throw new AppError('invalid', `There is no site ${site}.`, { site: 'Choose a site' });
  if (!canSeeSite(me(call), site))
    throw new AppError('forbidden', `You can record incidents only at your own sites; ${site} is not one of them.`, {
      site: 'Choose one of your sites',
    });
};

const requireFresh = (incident: Incident, rev: number): void => {
  if (incident.rev !== rev)
    throw new AppError('conflict', `${incident.ref} was changed by someone else since you opened it. Reopen it to see the latest version.`);
};

const notFuture = (call: Call, occurredAt: string | undefined): void => {
  if (occurredAt && stillToCome(Date.parse(occurredAt), call.now))
    throw new AppError('invalid', 'When it happened cannot be in the future.', { occurredAt: 'Give a time that has passed' });
};

/**
 * Refuses report times that cannot be: reported before it happened or at a time still to come, and a RIDDOR
 * report recorded as made before the incident or on a day still to come (which would take an unreported
 * incident off the overdue queue). Checked only when a request sets these fields, so an edit of anything
 * else never trips over an older record.
 */
const reportTimesPossible = (
  call: Call,
  merged: Pick<Incident, 'occurredAt' | 'reportedAt' | 'riddor'>,
  changed: { reportedAt?: unknown; occurredAt?: unknown; riddor?: unknown },
): void => {
  if (changed.reportedAt !== undefined || changed.occurredAt !== undefined) {
    if (Date.parse(merged.reportedAt) < Date.parse(merged.occurredAt))
      throw new AppError('invalid', 'It cannot have been reported before it happened.', {
        reportedAt: 'Reported before it happened: check both times',
      });
    if (stillToCome(Date.parse(merged.reportedAt), call.now))
      throw new AppError('invalid', `${formatInstantGB(merged.reportedAt)} has not come yet; give the time it was reported.`, {
        reportedAt: `${formatInstantGB(merged.reportedAt)} has not come yet`,
      });
  }
  const on = merged.riddor?.reportedOn;
  if (!on || (changed.riddor === undefined && changed.occurredAt === undefined)) return;
  if (on > londonToday(call.now))
    throw new AppError('invalid', `The RIDDOR report cannot have been made on ${formatDateGB(on)}: that day has not come yet.`, {
      'riddor.reportedOn': `${formatDateGB(on)} has not come yet`,
    });
  if (on < londonDateOf(merged.occurredAt))
    throw new AppError('invalid', `The RIDDOR report cannot have been made on ${formatDateGB(on)}, before the incident.`, {
      'riddor.reportedOn': `${formatDateGB(on)} is before the incident`,
    });
};

/**
 * Refuses any change to an incident whose history is broken, until a manager has recorded a decision:
 * a change on top of a broken record would bury what happened to it.
 */
const requireIntact = (call: Call, incident: Incident): void => {
  const { verification, locked } = checkIncident(call.app, incident);
  if (locked && !verification.ok) {
    throw new AppError(
      'conflict',
      `${incident.ref} is locked because its history is broken (${verification.reason}) It cannot be changed until a manager records a decision about it, with the reason.`,
    );
  }
};

const detail = (call: Call, incident: Incident): IncidentDetail => {
  const today = londonToday(call.now);
  const { verification, locked } = checkIncident(call.app, incident);
  const closable = me(call).role === 'manager' && incident.status !== 'closed' && !locked;
  return {
    incident,
    verification,
    locked,
    canDecide: locked && me(call).role === 'manager',
    riddor: riddorStatus(incident, today),
    people: accountNames(call.app),
    canClose: closable,
    // Outcome is written in the close dialog; here the screen only needs what else stands in the way.
    closeBlockers: closable ? closeBlockers(incident, 'outcome to be written').filter((b) => !b.startsWith('Write the outcome')) : [],
  };
};

/** Appends one history entry, bumps the revision, and saves (moving partition if the date changed). */
const save = (call: Call, before: Incident, after: Incident, kind: HistoryEntry['kind'], note = ''): IncidentDetail => {
  const changes = diffIncident(before, after);
  if (!changes.length && kind !== 'amendment') return detail(call, before);
  if (!changes.length) throw new AppError('invalid', 'This amendment changes nothing.');
  const history = appendHistory(before.history, { at: new Date(call.now).toISOString(), by: me(call).id, kind, changes, note }, before.id);
  const next: Incident = touched(call.app.clock, { ...after, history }, me(call).id, call.now);
  call.app.repos.incidents.put([next], [before]);
  incidentIndex(call.app.repos).note(next);
  return detail(call, next);
};

/** A list row: what the list and the RIDDOR queue show. */
const rowOf = (i: Incident, today: string): IncidentRow => ({
  id: i.id,
  ref: i.ref,
  site: i.site,
  location: i.location,
  occurredAt: i.occurredAt,
  category: i.category,
  severity: i.severity,
  status: i.status,
  summary: i.details.length > 160 ? `${i.details.slice(0, 157)}…` : i.details,
  riddor: riddorStatus(i, today).state,
  overdueFollowUps: overdueFollowUps(i, today).length,
  photos: i.photos.length,
});

/** The incidents a caller may see that match a filter, newest first. */
const visible = (call: Call, filter: IncidentFilter): Incident[] => {
  const user = me(call);
  const sites =
    user.role === 'manager' ? filter.sites : (filter.sites?.length ? filter.sites : user.sites).filter((s) => user.sites.includes(s));
  if (sites && sites.length === 0 && user.role !== 'manager') return [];
  const found = searchIncidents(incidentIndex(call.app.repos).rows(), { ...filter, sites }, londonToday(call.now));
  return found.sort((a, b) => (a.occurredAt < b.occurredAt ? 1 : a.occurredAt > b.occurredAt ? -1 : 0));
};

export const incidentHandlers: Pick<
  Handlers,
  | 'incidents:list'
  | 'incidents:get'
  | 'incidents:create'
  | 'incidents:update'
  | 'incidents:amend'
  | 'incidents:set-status'
  | 'incidents:add-photo'
  | 'incidents:decide'
  | 'incidents:photo'
  | 'incidents:riddor-queue'
  | 'incidents:export-pdf'
  | 'incidents:export-csv'
> = {
  'incidents:list': ({ limit, ...filter }, call) => {
    const today = londonToday(call.now);
    const found = visible(call, filter);
    return { rows: found.slice(0, limit).map((i) => rowOf(i, today)), total: found.length };
  },

  'incidents:get': (req, call) => detail(call, load(call, req.id)),

  'incidents:create': (req, call) => {
    requireSite(call, req.site);
    notFuture(call, req.occurredAt);
    reportTimesPossible(call, req, req);
    const user = me(call);
    const meta = newMeta(call.app.clock, user.id, call.now);
    const index = incidentIndex(call.app.repos);
    const known = [...index.refs(), ...(call.app.repos.settings.get().knownReferences ?? [])];
    const ref = nextReference(known, req.site, referenceYear(meta.createdAt), installTag(call.app), isHomeDesk(call.app, req.site));
    const base: Incident = {
      ...meta,
      ...req,
      followUps: withIds(req.followUps),
      ref,
      status: 'open',
      outcome: '',
      photos: [],
      history: [],
    };
    const incident: Incident = {
      ...base,
      history: appendHistory([], { at: meta.createdAt, by: user.id, kind: 'created', changes: creationChanges(base), note: '' }, base.id),
    };
    call.app.repos.incidents.put([incident]);
    index.note(incident);
    return detail(call, incident);
  },

  'incidents:update': (req, call) => {
    const current = load(call, req.id);
    requireFresh(current, req.rev);
    requireIntact(call, current);
    if (current.status === 'closed')
      throw new AppError('conflict', `${current.ref} is closed and cannot be edited. Add an amendment instead, saying why.`);
    notFuture(call, req.patch.occurredAt);
    const { followUps, ...rest } = req.patch;
    reportTimesPossible(call, { ...current, ...rest }, rest);
    return save(call, current, { ...current, ...rest, ...(followUps ? { followUps: withIds(followUps) } : {}) }, 'updated');
  },

  'incidents:amend': (req, call) => {
    const current = load(call, req.id);
    requireFresh(current, req.rev);
    requireIntact(call, current);
    if (current.status !== 'closed') throw new AppError('conflict', `${current.ref} is still ${current.status}; edit it directly.`);
    const why = validateAmendment(req.note);
    if (!why.ok) throw new AppError('invalid', why.message, { note: why.message });
    notFuture(call, req.patch.occurredAt);
    const { followUps, ...rest } = req.patch;
    reportTimesPossible(call, { ...current, ...rest }, rest);
    return save(
      call,
      current,
      { ...current, ...rest, ...(followUps ? { followUps: withIds(followUps) } : {}) },
      'amendment',
      req.note.trim(),
    );
  },

  'incidents:set-status': (req, call) => {
    const current = load(call, req.id);
    requireFresh(current, req.rev);
    requireIntact(call, current);
    if (!canTransition(current.status, req.status))
      throw new AppError('conflict', `${current.ref} cannot move from ${current.status} to ${req.status}.`);
    if (req.status !== 'closed') return save(call, current, { ...current, status: req.status }, 'status');
    if (me(call).role !== 'manager') throw new AppError('forbidden', 'Only a manager can close an incident.');
    const outcome = validateClose(req.outcome);
    if (!outcome.ok) throw new AppError('invalid', outcome.message, { outcome: outcome.message });
    const blockers = closeBlockers(current, req.outcome);
    if (blockers.length) throw new AppError('conflict', `${current.ref} cannot be closed yet: ${blockers.join(' ')}`);
    return save(call, current, { ...current, status: 'closed', outcome: req.outcome.trim() }, 'status');
  },

  'incidents:add-photo': (req, call) => {
    const current = load(call, req.id);
    requireFresh(current, req.rev);
    requireIntact(call, current);
    if (current.status === 'closed') throw new AppError('conflict', `${current.ref} is closed; photos can no longer be added.`);
    const stored = storePhoto(call.app.dirs, req.base64);
    const photo = { id: newId(), file: stored.file, name: displayName(req.name), bytes: stored.bytes };
    return save(call, current, { ...current, photos: [...current.photos, photo] }, 'photo');
  },

  'incidents:decide': (req, call) => {
    const current = load(call, req.id);
    requireFresh(current, req.rev);
    const { verification, locked } = checkIncident(call.app, current);
    if (!locked || verification.ok)
      throw new AppError('conflict', `${current.ref} is not locked: its history verifies, so there is nothing to decide.`);
    // The decision sets down the fields as they stand, so the history replays to them from here on.
    const replayed = replayHistory(current.history);
    const changes = TRACKED_FIELDS.filter((f) => stringify(replayed[f] ?? null) !== stringify(current[f])).map((field) => ({
      field,
      before: replayed[field] ?? null,
      after: current[field],
    }));
    const note = `Accepted the history as it stands. Found: ${verification.reason} Reason: ${req.reason.trim()}`;
    const history = appendHistory(
      current.history,
      { at: new Date(call.now).toISOString(), by: me(call).id, kind: 'decision', changes, note },
      current.id,
    );
    const next: Incident = touched(call.app.clock, { ...current, history }, me(call).id, call.now);
    call.app.repos.incidents.put([next], [current]);
    incidentIndex(call.app.repos).note(next);
    call.app.heads.record([{ id: next.id, ...headOf(next.id, next.history), why: 'decision' }], new Date(call.now).toISOString());
    return detail(call, next);
  },

  'incidents:photo': (req, call) => {
    const incident = load(call, req.id);
    const photo = incident.photos.find((p) => p.id === req.photoId);
    const found = photo ? readPhoto(call.app.dirs, photo.file) : null;
    if (!found) throw new AppError('not_found', 'That photo is missing from the data folder.');
    return { dataUrl: `data:${found.mime};base64,${found.bytes.toString('base64')}` };
  },

  'incidents:riddor-queue': (_req, call) => {
    const today = londonToday(call.now);
    return riddorQueue(visible(call, { riddor: 'unreported' }), today).map(({ incident, status }) => ({
      incident: rowOf(incident, today),
      status,
    }));
  },

  'incidents:export-pdf': async (req, call) => {
    const incident = load(call, req.id);
    const bytes = await incidentPdf(call.app, incident, checkIncident(call.app, incident).verification, call.now);
    return { filename: `${incident.ref}.pdf`, mime: 'application/pdf', base64: bytes.toString('base64'), bytes: bytes.length };
  },

  'incidents:export-csv': (req, call) => {
    const found = visible(call, req).map((i) => incidentIndex(call.app.repos).get(i.id)!);
    return { filename: `incidents-${londonToday(call.now)}.csv`, mime: CSV_MIME, text: incidentsCsv(found, londonToday(call.now)) };
  },
};
