/** Why the auto-scheduler put a person on a shift, why a shift stays open, and the ranked list from the same objective. */
import type { Shift } from '../../../schemas/shift';
import { formatMinutes } from '../../dates';
import { evaluateCandidates, indexForShifts } from '../candidates';
import { shiftLabel } from '../format';
import { knowsSite } from '../rules/familiarity';
import type { Candidate, RotaContext, RuleId } from '../types';
import { buildModel, evaluate, keepsHardRows, type AutofillModel, type Definition, type Evaluation, type Term } from './model';
import type { AutofillWeights } from './weights';

/** What each term means to a manager, as it reads in a list of reasons. */
export const TERM_LABEL: Record<Term, string> = {
  'daily-rest': 'under 11 h rest between shifts',
  'weekly-rest': 'no weekly rest day',
  'average-hours': 'over the 48 h weekly average',
  'night-work': 'over the night-work average',
  familiarity: 'new to the site (induction needed)',
  break: 'too short a break',
  availability: 'outside stated availability',
  'contracted-hours': 'over contracted hours this week',
  'sia-expiring': 'SIA licence close to expiry',
  'long-day': 'a stretch of work over 13 h (under 11 h rest in 24 h)',
  gap: 'shift left open',
  'hours-off-contract': 'hours away from contract',
  fairness: 'more than a fair share of nights, weekends or bank holidays',
  pay: 'pay',
  move: 'moved from the person who had it',
  // Block rules never appear in a plan; labels for completeness of the record type.
  'staff-record': 'not a current member of staff',
  overlap: 'already on a shift then',
  service: 'not set up for the service',
  'sia-licence': 'no valid SIA licence',
  absence: 'on approved absence',
  'young-daily-hours': 'under 18 and over 8 h that day',
  'young-weekly-hours': 'under 18 and over 40 h that week',
  'young-daily-rest': 'under 18 without 12 h rest',
  'young-night': 'under 18 and it is night work',
  'absence-pending': 'has asked for leave then',
  'young-weekly-rest': 'under 18 without 48 h weekly rest',
  'young-break': 'under 18 without a 30-minute break',
  'compensatory-rest': 'compensatory rest owed',
  'sia-sector': 'SIA licence does not cover this post',
  'fatigue-shift-length': 'a shift over 12 h',
  'fatigue-working-day': 'a working day over 13 h',
  'fatigue-nights': 'too many nights in a row',
  'fatigue-shifts-in-row': 'too many shifts in a row',
};

/**
 * Each x column's definitions (those it pushes up, in model order), made once per model and made again when
 * cuts have added definitions since: a plan's reasons looked through every definition for each assignment
 * (0.5 s of a design-load week).
 */
const pushing = new WeakMap<AutofillModel, { count: number; byCol: Map<number, Definition[]> }>();
const definitionsPushedBy = (model: AutofillModel, col: number): readonly Definition[] => {
  let index = pushing.get(model);
  if (!index || index.count !== model.definitions.length) {
    const byCol = new Map<number, Definition[]>();
    for (const d of model.definitions)
      for (const v of new Set(d.terms.filter(([k]) => k > 0).map(([, v]) => v))) {
        const list = byCol.get(v);
        if (list) list.push(d);
        else byCol.set(v, [d]);
      }
    pushing.set(model, (index = { count: model.definitions.length, byCol }));
  }
  return index.byCol.get(col) ?? [];
};

/** The soft columns a chosen pair switches on: binary terms whose rows it pushes up. */
const termsOf = (model: AutofillModel, col: number, ev: Evaluation): Term[] => {
  const out: Term[] = [];
  const seen = new Set<number>();
  for (const d of definitionsPushedBy(model, col)) {
    if (seen.has(d.aux)) continue;
    const c = model.columns[d.aux];
    if (c.kind !== 'binary' || ev.values[d.aux] < 0.5 || c.base > 0 || !c.term) continue;
    if (d.terms.some(([k, v]) => v === col && k > 0)) {
      seen.add(d.aux);
      out.push(c.term);
    }
  }
  return out;
};

/** The reasons shown next to one planned assignment. */
export const explainAssignment = (model: AutofillModel, col: number, ev: Evaluation): string[] => {
  const pair = model.pairs.get(col)!;
  const staff =
    model.ctx.staff instanceof Map
      ? model.ctx.staff.get(pair.staffId)
      : (model.ctx.staff as readonly { id: string }[]).find((s) => s.id === pair.staffId);
  const s = staff as { homeSite: string | null; familiarSites: string[] } | undefined;
  const site = pair.shift.site;
  const added = [...pair.ownWarnings, ...(pair.longDay ? (['long-day'] as Term[]) : []), ...termsOf(model, col, ev)];
  const reasons = [
    s && s.homeSite === site ? `Home site ${site}` : s && knowsSite(s, site) ? `Knows ${site}` : `New to ${site}: site induction needed`,
    added.length === 0 ? 'No warnings' : `Adds: ${[...new Set(added)].map((t) => TERM_LABEL[t]).join('; ')}`,
  ];
  if (pair.shift.staffId === pair.staffId) reasons.push('Already on this shift');
  return reasons;
};

/**
 * Why a shift the manager let move goes from its holder to someone else: what the plan would cost with it
 * given back to them, everything else as planned, and the terms that would rise.
 */
export const explainMove = (model: AutofillModel, picked: ReadonlySet<number>, col: number, ev: Evaluation): string => {
  const pair = model.pairs.get(col)!;
  const holder = pair.shift.staffId;
  const staff =
    model.ctx.staff instanceof Map ? [...model.ctx.staff.values()] : (model.ctx.staff as readonly { id: string; name: string }[]);
  const name = staff.find((s) => s.id === holder)?.name ?? 'the person who had it';
  const back = [...model.pairs].find(([, p]) => p.shift.id === pair.shift.id && p.staffId === holder)?.[0];
  if (back === undefined) return `${name} can no longer take it: a rule now blocks it`;
  const kept = new Set(picked);
  kept.delete(col);
  kept.add(back);
  if (!keepsHardRows(model, kept)) return `Kept with ${name}, it would clash with their other shifts in this plan`;
  const other = evaluate(model, kept);
  const more = other.objective - ev.objective;
  if (more <= 0.05) return `Part of a cheaper plan overall`;
  const rising = (Object.keys(other.byTerm) as Term[]).filter((t) => t !== 'pay' && (other.byTerm[t] ?? 0) > (ev.byTerm[t] ?? 0) + 0.05);
  return `Kept with ${name}, the plan would cost ${Math.round(more * 10) / 10} points more${
    rising.length ? ` (${rising.map((t) => TERM_LABEL[t]).join('; ')})` : ''
  }`;
};

/** Why a shift stays open on the planned rota, by how many people each thing rules out. */
export const explainUnfilled = (model: AutofillModel, shift: Shift, planned: RotaContext): string => {
  const ix = indexForShifts(planned, [shift], shift.id);
  const { candidates, rejected } = evaluateCandidates({ ...shift, staffId: null }, ix);
  const counts = new Map<string, number>();
  for (const r of rejected) {
    const rule = r.blocks[0]?.rule;
    if (rule === 'service') continue;
    const why = rule ? TERM_LABEL[rule] : 'blocked by a rule';
    counts.set(why, (counts.get(why) ?? 0) + 1);
  }
  if (candidates.length > 0)
    counts.set(
      model.capped.has(shift.id)
        ? 'free but not among the candidates weighed for it (the fill weighs a shortlist per shift)'
        : 'could take it but would add more warnings than an open shift costs',
      candidates.length,
    );
  const who = shift.service === 'security' ? 'SIA-licensed officer' : shift.service === 'reception' ? 'receptionist' : 'cleaner';
  const parts = [...counts].sort((a, b) => b[1] - a[1]).map(([why, n]) => `${n} ${why}`);
  return `No ${who} is free at ${shift.site} on ${shiftLabel(shift)}${parts.length ? `: ${parts.join(', ')}` : ': no one on the staff list works this service'}`;
};

export interface RankedCandidate extends Candidate {
  /** What this person on the shift adds to the plan's objective, in points. */
  cost: number;
}

/**
 * Everyone who could take `shift`, cheapest first by the auto-scheduler's own objective: the warnings they
 * would add (rest, averages, familiarity…), a long day, hours away from contract, fairness and pay.
 */
export const rankByObjective = (shift: Shift, ctx: RotaContext, weights?: AutofillWeights): RankedCandidate[] => {
  const model = buildModel(
    { ...ctx, shifts: ctx.shifts.filter((s) => s.id !== shift.id) },
    { open: [{ ...shift, staffId: null }], weights },
  );
  const none = evaluate(model, new Set()).objective - evaluate(model, new Set()).byTerm.gap!;
  const ix = indexForShifts(ctx, [shift], shift.id);
  const { candidates } = evaluateCandidates({ ...shift, staffId: null }, ix);
  const byId = new Map(candidates.map((c) => [c.staffId, c]));
  const out: RankedCandidate[] = [];
  for (const [col, pair] of model.pairs) {
    const c = byId.get(pair.staffId);
    if (!c) continue;
    const ev = evaluate(model, new Set([col]));
    const reasons = explainAssignment(model, col, ev);
    const hours =
      c.contractMinutes === 0
        ? `Zero-hours contract; ${formatMinutes(c.weekMinutes)} rostered this week`
        : c.weekMinutes < c.contractMinutes
          ? `${formatMinutes(c.contractMinutes - c.weekMinutes)} under contract this week (${formatMinutes(c.weekMinutes)} of ${formatMinutes(c.contractMinutes)})`
          : `At or over contract this week (${formatMinutes(c.weekMinutes)} of ${formatMinutes(c.contractMinutes)})`;
    const rest =
      c.restBeforeMinutes === null ? 'No earlier shift on record' : `${formatMinutes(c.restBeforeMinutes)} rest before the shift`;
    out.push({ ...c, reasons: [reasons[1], hours, rest, reasons[0]], cost: Math.round((ev.objective - none) * 10) / 10 });
  }
  return out.sort((a, b) => a.cost - b.cost || a.name.localeCompare(b.name, 'en-GB'));
};

export type { RuleId };
