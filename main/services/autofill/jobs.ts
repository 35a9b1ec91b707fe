/**
 * The auto-scheduler as the planner sees it: build open shifts from cover, and fills that run on a worker
 * thread, one at a time per install, held in memory until applied (a preview is never written on its own).
 */
import { randomUUID } from 'node:crypto';
import type { AutofillPreview, AutofillStatus, BuildResult } from '../../../shared/contract/autofill';
import type { ShiftChanges } from '../../../shared/contract/rota';
import { addDays, daysBetween } from '../../../shared/domain/dates';
import { shiftAtSite } from '../../../shared/domain/rota/format';
import { spanOf } from '../../../shared/domain/rota/instants';
import { shiftsFromCover } from '../../../shared/domain/rota/plan/fromCover';
import { AppError } from '../../../shared/result';
import { SERVICES } from '../../../shared/schemas/common';
import type { Shift } from '../../../shared/schemas/shift';
import { canSeeSite } from '../sites';
import { bankHolidaysBetween, contextFor, shiftsBetween } from '../rota/context';
import { sitesInView } from '../rota/week';
import { writeShifts } from '../rota/write';
import type { AppCore, Call } from '../types';
import type { Plan, PlanProgress } from './plan';
import { fillOptions } from './options';
import { startFill, warmFill, type FillRun } from './run';

interface Job {
  status: AutofillStatus;
  userId: string;
  run: FillRun | null;
  /** Each open shift as the plan saw it, to refuse an apply over a shift changed since. */
  seen: Map<string, Shift>;
}

const jobsOf = new WeakMap<AppCore, Map<string, Job>>();
const jobs = (app: AppCore) => {
  let m = jobsOf.get(app);
  if (!m) jobsOf.set(app, (m = new Map()));
  return m;
};

/** The site codes a manager asked for (each must exist and be theirs to see), or every live one. */
const scopeSites = (call: Call, sites: string[] | null): string[] =>
  sites === null
    ? sitesInView(call.app, call.user!, null).map((s) => s.code)
    : sites.map((code) => sitesInView(call.app, call.user!, code)[0].code);

const pct = (x: number) => (x < 0.0005 ? '0' : (Math.round(x * 1000) / 10).toLocaleString('en-GB', { maximumFractionDigits: 1 }));

/** The plan's quality in words, honest about what was and was not proven. */
export const qualityWords = (plan: Pick<Plan, 'gap' | 'status' | 'objective' | 'bound' | 'candidateCap'>): string => {
  // With the candidate cap (options.ts), what is proven is against the plans from each shift's cheapest candidates.
  const from = plan.candidateCap ? ` from each shift's ${plan.candidateCap} best-suited people` : '';
  if (plan.objective <= 0 || plan.gap <= 1e-9) return `The best possible plan${from} (proven)`;
  const within = `Within ${pct(plan.gap)}% of the best possible plan${from}`;
  if (plan.status === 'stopped') return `${within} — stopped early, this is the best plan found so far`;
  if (plan.status === 'time-limit') return `${within} — the time allowed ran out before it could be proven closer`;
  return within;
};

export const buildFromCover = (call: Call, req: { from: string; to: string; sites: string[] | null }): BuildResult => {
  const codes = scopeSites(call, req.sites);
  const sites = call.app.repos.sites.all().filter((s) => codes.includes(s.code));
  const existing = shiftsBetween(call.app, addDays(req.from, -1), addDays(req.to, 1), codes).filter((s) => !s.deleted);
  const holidays = bankHolidaysBetween(call.app, req.from, addDays(req.to, 1));
  const plans = {
    templates: call.app.repos.templates.all().filter((t) => canSeeSite(call.user!, t.site)),
    patterns: call.app.repos.patterns.all().filter((p) => canSeeSite(call.user!, p.site)),
  };
  const bySource = { pattern: 0, template: 0, cover: 0 };
  const items = sites.flatMap((site) =>
    SERVICES.flatMap((service) => {
      const r = shiftsFromCover(site, service, req.from, req.to, existing, holidays, plans);
      r.source.forEach((s) => (bySource[s] += 1));
      return r.shifts.map((s) => ({ ...s, deleted: false }));
    }),
  );
  if (items.length === 0) return { before: [], after: [], bySource };
  // An undo replays the change through rota:save, which takes at most 5,000 shifts.
  if (items.length > 5000)
    throw new AppError('invalid', `That would make ${items.length} shifts at once; build fewer sites or a shorter range (at most 5,000).`, {
      to: 'Choose a shorter range',
    });
  return { ...writeShifts(call, items, null), bySource };
};

const statusOf = (call: Call, jobId: string): Job => {
  const job = jobs(call.app).get(jobId);
  if (!job || job.userId !== call.user!.id) throw new AppError('not_found', 'That fill is no longer available; run it again.');
  return job;
};

const previewOf = (app: AppCore, plan: Plan, seen: Map<string, Shift>): AutofillPreview => {
  const names = new Map(app.repos.staff.all().map((p) => [p.id, p.name]));
  const label = (id: string) => {
    const s = seen.get(id)!;
    return `${shiftAtSite(s)} (${s.service})`;
  };
  const who = (id: string) => names.get(id) ?? 'Someone no longer on the staff list';
  // A shift the manager let move is listed only when it changes hands: from its holder to another, or to no one.
  return {
    assignments: plan.assignments
      .filter((a) => a.from === null)
      .map((a) => ({ shiftId: a.shiftId, staffId: a.staffId, reasons: a.reasons, shift: label(a.shiftId), person: who(a.staffId) })),
    unfilled: plan.unfilled.filter((u) => u.from === null).map((u) => ({ shiftId: u.shiftId, reason: u.reason, shift: label(u.shiftId) })),
    moves: [
      ...plan.assignments
        .filter((a) => a.from !== null && a.from !== a.staffId)
        .map((a) => ({
          shiftId: a.shiftId,
          shift: label(a.shiftId),
          fromId: a.from!,
          from: who(a.from!),
          toId: a.staffId,
          to: who(a.staffId),
          reasons: a.reasons,
        })),
      ...plan.unfilled
        .filter((u) => u.from !== null)
        .map((u) => ({
          shiftId: u.shiftId,
          shift: label(u.shiftId),
          fromId: u.from!,
          from: who(u.from!),
          toId: null,
          to: null,
          reasons: [u.reason],
        })),
    ],
    findings: plan.findings!.findings,
    weeks: plan.findings!.weeks,
    byRule: plan.findings!.byRule,
    objective: Math.round(plan.objective * 10) / 10,
    bound: Math.round(plan.bound * 10) / 10,
    gap: plan.gap,
    quality: qualityWords(plan),
    status: plan.status,
    seconds: Math.round(plan.seconds * 10) / 10,
    greedyObjective: plan.greedyObjective === null ? null : Math.round(plan.greedyObjective * 10) / 10,
  };
};

/** Starts the fill's thread, if there is none, so the manager's first fill starts warm. */
export const warmAutofill = (call: Call): { ready: boolean } => {
  const w = call.app.autofillWorker;
  if (!w) return { ready: false };
  warmFill(w.url, w.execArgv ?? []);
  return { ready: true };
};

export const startAutofill = (
  call: Call,
  req: { from: string; to: string; sites: string[] | null; timeLimitS: number; moveExisting?: boolean },
): AutofillStatus => {
  const { app } = call;
  for (const j of jobs(app).values())
    if (j.status.state === 'running') throw new AppError('conflict', 'A fill is already running; stop it or wait for it to finish.');
  if (!app.autofillWorker) throw new AppError('invalid', 'The auto-scheduler is not available in this build.');
  const codes = scopeSites(call, req.sites);
  const inScope = new Set(codes);
  const ctx = contextFor(app, req.from, req.to);
  // The open shifts, and (when the manager lets them move) the ones that have a person: the model may
  // give those to someone else, at a cost for each move. Otherwise they stay as they are, part of the rota.
  const inRange = ctx.shifts.filter((s) => !s.deleted && inScope.has(s.site) && s.date >= req.from && s.date <= req.to);
  // A shift already under way (or over) stays with whoever is on it.
  const now = app.now();
  const open = inRange.filter((s) => s.staffId === null || (req.moveExisting === true && spanOf(s.date, s.start, s.end).start > now));
  const jobId = randomUUID();
  const job: Job = {
    userId: call.user!.id,
    run: null,
    seen: new Map(open.map((s) => [s.id, s])),
    status: {
      jobId,
      state: 'running',
      from: req.from,
      to: req.to,
      sites: codes,
      openShifts: open.filter((s) => s.staffId === null).length,
      movable: open.length - open.filter((s) => s.staffId === null).length,
      progress: null,
      preview: null,
      message: null,
    },
  };
  // Only the latest few fills are kept.
  for (const [id, j] of jobs(app)) if (j.status.state !== 'running' && jobs(app).size >= 3) jobs(app).delete(id);
  jobs(app).set(jobId, job);
  const onProgress = (p: PlanProgress) => {
    job.status = {
      ...job.status,
      progress: {
        part: p.part,
        parts: p.parts,
        seconds: Math.round(p.seconds * 10) / 10,
        objective: p.objective,
        bound: p.bound,
        assigned: p.assigned,
      },
    };
  };
  job.run = startFill(
    app.autofillWorker.url,
    ctx,
    open,
    fillOptions(open.length, daysBetween(req.from, req.to) + 1, ctx.staff, req.timeLimitS),
    onProgress,
    app.autofillWorker.execArgv ?? [],
    { from: req.from, to: req.to, sites: codes },
  );
  job.run.done.then(
    (plan) => {
      job.status = { ...job.status, state: 'done', preview: previewOf(app, plan, job.seen) };
      job.run = null;
    },
    (e: unknown) => {
      job.status = { ...job.status, state: 'failed', message: e instanceof Error ? e.message : String(e) };
      job.run = null;
    },
  );
  return job.status;
};

export const autofillStatus = (call: Call, jobId: string): AutofillStatus => statusOf(call, jobId).status;

export const stopAutofill = (call: Call, jobId: string): AutofillStatus => {
  const job = statusOf(call, jobId);
  job.run?.stop();
  return job.status;
};

/** Writes a finished plan in one change; refuses, writing nothing, if any of its shifts changed since the plan was made. */
export const applyAutofill = (call: Call, jobId: string): ShiftChanges => {
  const job = statusOf(call, jobId);
  const preview = job.status.preview;
  if (job.status.state === 'applied') throw new AppError('conflict', 'This plan has already been applied.');
  if (job.status.state !== 'done' || !preview) throw new AppError('conflict', 'The fill has not finished yet.');
  const writes = [
    ...preview.assignments.map((a) => ({ shiftId: a.shiftId, staffId: a.staffId as string | null })),
    ...preview.moves.map((m) => ({ shiftId: m.shiftId, staffId: m.toId })),
  ];
  if (writes.length === 0) return { before: [], after: [] };
  const now = new Map(shiftsBetween(call.app, job.status.from, job.status.to).map((s) => [s.id, s]));
  const changed = writes.filter((a) => {
    const s = now.get(a.shiftId);
    const was = job.seen.get(a.shiftId)!;
    return !s || s.deleted || s.staffId !== was.staffId || s.rev !== was.rev;
  });
  if (changed.length > 0)
    throw new AppError(
      'conflict',
      `${changed.length} of the plan's shifts ${changed.length === 1 ? 'has' : 'have'} changed since it was made; run the fill again.`,
    );
  // Assignments and moves in one change: one step on the planner's undo stack, whose undo puts every shift back as it was.
  const items = writes.map((a) => {
    const s = now.get(a.shiftId)!;
    return {
      id: s.id,
      rev: s.rev,
      site: s.site,
      service: s.service,
      date: s.date,
      start: s.start,
      end: s.end,
      breakMinutes: s.breakMinutes,
      staffId: a.staffId,
      notes: s.notes,
      deleted: false,
    };
  });
  const changes = writeShifts(call, items, null);
  job.status = { ...job.status, state: 'applied' };
  return changes;
};
