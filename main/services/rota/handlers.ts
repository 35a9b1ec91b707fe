import { addDays, weekStart } from '../../../shared/domain/dates';
import { fillOpenShifts } from '../../../shared/domain/rota';
import { rankByObjective } from '../../../shared/domain/rota/autofill/explain';
import { checkWeek } from '../../../shared/domain/rota/checkWeek';
import { staffMap } from '../../../shared/domain/rota/rotaIndex';
import { copyWeek, notYetThere } from '../../../shared/domain/rota/plan/copyWeek';
import { expandPattern } from '../../../shared/domain/rota/plan/expandPattern';
import { AppError } from '../../../shared/result';
import { newMeta, touched } from '../records';
import { canSeeSite } from '../sites';
import { contextFor, shiftsBetween } from './context';
import { personIcs, weekCsv } from './exports';
import { noLongerTheirs, personShifts, personView, staffById } from './person';
import { flipPublished, publishWeek } from './publish';
import { checkRange, patternById, previewPattern } from './plans';
import { readAheadWeeks, sitesInView, weekView } from './week';
import { checkSiteRuns, writeShifts, type SaveItem } from './write';
import type { Handlers } from '../types';

type RotaChannel =
  | 'rota:week'
  | 'rota:save'
  | 'rota:publish'
  | 'rota:unpublish'
  | 'rota:republish'
  | 'rota:copy-week'
  | 'rota:plans'
  | 'rota:save-template'
  | 'rota:save-pattern'
  | 'rota:delete-plan'
  | 'rota:pattern-preview'
  | 'rota:apply-pattern'
  | 'rota:candidates'
  | 'rota:fill-week'
  | 'rota:person'
  | 'rota:export-csv'
  | 'rota:export-ics';

const asItem = (s: Omit<SaveItem, 'deleted'> & { deleted?: boolean }): SaveItem => ({ ...s, deleted: s.deleted ?? false });

export const rotaHandlers: Pick<Handlers, RotaChannel> = {
  'rota:week': (req, { app, user }) => {
    const view = weekView(app, user!, req.week, req.site);
    readAheadWeeks(app, view.weekStart);
    return view;
  },

  'rota:save': (req, call) => writeShifts(call, req.items, req.override),

  'rota:publish': (req, call) => publishWeek(call, req.week, req.site),
  'rota:unpublish': (req, call) => flipPublished(call, req.shifts, 'published'),
  'rota:republish': (req, call) => flipPublished(call, req.shifts, 'draft'),

  'rota:copy-week': (req, call) => {
    const from = weekStart(req.from);
    const to = weekStart(req.to);
    if (from === to) throw new AppError('invalid', 'Choose a different week to copy to.', { to: 'Choose another week' });
    const codes = sitesInView(call.app, call.user!, req.site).map((s) => s.code);
    const source = shiftsBetween(call.app, from, addDays(from, 6), codes);
    const target = shiftsBetween(call.app, to, addDays(to, 6), codes);
    const { fresh: copies, alreadyThere } = notYetThere(copyWeek(source, from, to, staffMap(call.app.repos.staff.all())), target);
    if (copies.length === 0) return { before: [], after: [], leftOpen: [], alreadyThere };
    const changes = writeShifts(
      call,
      copies.map((c) => asItem(c.input)),
      req.override,
    );
    const leftOpen = copies.flatMap((c, i) => (c.leftOpen ? [{ shiftId: changes.after[i].id, ...c.leftOpen }] : []));
    return { ...changes, leftOpen, alreadyThere };
  },

  'rota:plans': (_req, { app, user }) => ({
    templates: app.repos.templates
      .all()
      .filter((t) => canSeeSite(user!, t.site))
      .sort((a, b) => a.name.localeCompare(b.name)),
    patterns: app.repos.patterns
      .all()
      .filter((p) => canSeeSite(user!, p.site))
      .sort((a, b) => a.name.localeCompare(b.name)),
  }),

  'rota:save-template': ({ id, ...input }, { app, user, now }) => {
    checkSiteRuns(app.repos.sites.all(), input.site, input.service);
    const old = id ? app.repos.templates.get(id) : undefined;
    if (id && !old) throw new AppError('not_found', 'That template no longer exists.');
    const record = old ? touched(app.clock, { ...old, ...input }, user!.id, now) : { ...input, ...newMeta(app.clock, user!.id, now) };
    app.repos.templates.put(record);
    return record;
  },

  'rota:save-pattern': ({ id, ...input }, { app, user, now }) => {
    checkSiteRuns(app.repos.sites.all(), input.site, input.service);
    const old = id ? patternById(app, id) : undefined;
    const record = old ? touched(app.clock, { ...old, ...input }, user!.id, now) : { ...input, ...newMeta(app.clock, user!.id, now) };
    app.repos.patterns.put(record);
    return record;
  },

  'rota:delete-plan': (req, { app }) => {
    const repo = req.kind === 'template' ? app.repos.templates : app.repos.patterns;
    if (!repo.get(req.id)) throw new AppError('not_found', `That ${req.kind} no longer exists.`);
    repo.remove(req.id);
    return null;
  },

  'rota:pattern-preview': (req, call) => previewPattern(call, req.patternId, req.from, req.to),

  'rota:apply-pattern': (req, call) => {
    checkRange(req.from, req.to);
    const inputs = expandPattern(patternById(call.app, req.patternId), req.from, req.to);
    if (inputs.length === 0) return { before: [], after: [] };
    return writeShifts(call, inputs.map(asItem), req.override);
  },

  'rota:candidates': (req, { app, user }) => {
    const ctx = contextFor(app, req.date, req.date);
    const shift = ctx.shifts.find((s) => s.id === req.shiftId && !s.deleted);
    if (!shift || !canSeeSite(user!, shift.site)) throw new AppError('not_found', 'That shift no longer exists.');
    // The auto-scheduler's own objective, so the list and a fill make the same judgement.
    return rankByObjective(shift, ctx);
  },

  'rota:fill-week': (req, call) => {
    const monday = weekStart(req.week);
    const codes = new Set(sitesInView(call.app, call.user!, req.site).map((s) => s.code));
    const ctx = contextFor(call.app, monday, addDays(monday, 6));
    const open = ctx.shifts.filter(
      (s) => !s.deleted && s.staffId === null && codes.has(s.site) && s.date >= monday && s.date <= addDays(monday, 6),
    );
    const result = fillOpenShifts(open, ctx);
    const byId = new Map(open.map((s) => [s.id, s]));
    const items = result.assigned.map((a) => asItem({ ...byId.get(a.shiftId)!, staffId: a.staffId }));
    // The week's warnings before and after, counted by the same engine the planner shows, so the summary can say what the fill cost.
    const chosen = new Map(result.assigned.map((a) => [a.shiftId, a.staffId]));
    const warningsIn = (shifts: typeof ctx.shifts) => checkWeek({ ...ctx, shifts }, monday).filter((f) => f.severity === 'warn').length;
    const warnings = {
      before: warningsIn(ctx.shifts),
      after: warningsIn(ctx.shifts.map((s) => (chosen.has(s.id) ? { ...s, staffId: chosen.get(s.id)! } : s))),
    };
    const changes = items.length > 0 ? writeShifts(call, items, null) : { before: [], after: [] };
    return { ...changes, filled: result.assigned, unfilled: result.unfilled, warnings };
  },

  'rota:person': (req, { app, now }) => personView(app, req.staffId, req.from, req.to, now),

  'rota:export-csv': (req, { app, user }) => {
    const view = weekView(app, user!, req.week, req.site);
    return weekCsv(view.weekStart, req.site ?? 'all-sites', view.shifts, view.staff);
  },

  'rota:export-ics': (req, { app, now }) => {
    const person = staffById(app, req.staffId);
    const stored = shiftsBetween(app, req.from, req.to).filter((s) => s.date >= req.from && s.date <= req.to);
    return personIcs(
      person,
      personShifts(stored, person.id, req.from, req.to),
      noLongerTheirs(stored, person.id),
      app.repos.sites.all(),
      req.from,
      now,
    );
  },
};
