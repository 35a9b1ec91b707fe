/** Who could take a shift, best first, and what assigning each of them would add. */
import type { Shift } from '../../schemas/shift';
import type { Staff } from '../../schemas/staff';
import { addDays, formatMinutes } from '../dates';
import { personFindings } from './checkWeek';
import { buildIndex, insertEntry, removeEntry, type RotaIndex } from './rotaIndex';
import { ADVISORY_RULES, BLOCK_RULES, PERSON_RULES, type PersonRule } from './rules';
import { knowsSite } from './rules/familiarity';
import { serviceFinding } from './rules/service';
import { spanOf } from './instants';
import { withinAvailability } from './statedAvailability';
import type { Candidate, Finding, RotaContext } from './types';
import { lookBackFrom, weekRange, type WeekRange } from './week';
import { counted } from '../counted';

/** Someone who cannot take the shift, and the blocks that stop them. */
export interface Rejection {
  staffId: string;
  blocks: Finding[];
}

const key = (f: Finding) => `${f.rule}|${f.shiftIds.join(',')}|${f.message}`;

// The shift's week and the next: a Sunday shift can cut the rest before Monday's.
const weeksOf = (shift: Shift): WeekRange[] => {
  const week = weekRange(shift.date);
  return [week, weekRange(addDays(week.start, 7))];
};

/** The index candidate ranking needs around these shifts (their weeks, the next week and the look-back). */
export const indexForShifts = (ctx: RotaContext, shifts: readonly Shift[], excludeShiftId?: string): RotaIndex => {
  const dates = shifts.map((s) => s.date).sort();
  const first = weekRange(dates[0] ?? '2000-01-03').start;
  const last = weekRange(dates[dates.length - 1] ?? '2000-01-03').start;
  return buildIndex(ctx, { from: lookBackFrom(first, ctx.settings), to: addDays(last, 13), excludeShiftId });
};

// One collator for every comparison: `localeCompare(b, 'en-GB')` builds one per call, and a fill compares
// thousands of names. Same order (localeCompare with a locale is defined as this collator's compare).
const byName = new Intl.Collator('en-GB').compare;

const rankKey = (c: Candidate) => [
  c.warnings.filter((f) => f.severity === 'warn').length,
  c.weekMinutes - c.contractMinutes,
  -(c.restBeforeMinutes ?? Number.MAX_SAFE_INTEGER),
  c.familiar ? 0 : 1,
];

const compareKeyed = (a: { c: Candidate; k: number[] }, b: { c: Candidate; k: number[] }): number => {
  for (let i = 0; i < a.k.length; i += 1) if (a.k[i] !== b.k[i]) return a.k[i] - b.k[i];
  return byName(a.c.name, b.c.name) || (a.c.staffId < b.c.staffId ? -1 : 1);
};

/** Best first (each candidate's key worked out once, not at every comparison). */
const sortCandidates = (list: Candidate[]): Candidate[] =>
  list
    .map((c) => ({ c, k: rankKey(c) }))
    .sort(compareKeyed)
    .map((x) => x.c);

const reasonsFor = (c: Omit<Candidate, 'reasons'>, staff: Staff, site: string): string[] => {
  const warns = c.warnings.filter((f) => f.severity === 'warn');
  const hours =
    staff.contractType === 'zero-hours'
      ? `Zero-hours contract; ${formatMinutes(c.weekMinutes)} rostered this week`
      : c.weekMinutes < c.contractMinutes
        ? `${formatMinutes(c.contractMinutes - c.weekMinutes)} under contract this week (${formatMinutes(c.weekMinutes)} of ${formatMinutes(c.contractMinutes)})`
        : `At or over contract this week (${formatMinutes(c.weekMinutes)} of ${formatMinutes(c.contractMinutes)})`;
  return [
    warns.length === 0 ? 'No warnings' : `${counted(warns.length, 'warning')}: ${[...new Set(warns.map((f) => f.rule))].join(', ')}`,
    hours,
    c.restBeforeMinutes === null ? 'No earlier shift on record' : `${formatMinutes(c.restBeforeMinutes)} rest before the shift`,
    staff.homeSite === site ? `Home site ${site}` : c.familiar ? `Knows ${site}` : `New to ${site}`,
  ];
};

/** Findings per person and week before a trial assignment; reusable until that person's shifts change. */
export type BeforeMemo = Map<string, Set<string>>;

/** What putting a person on a shift adds: the blocks, or (when none) the advisory findings. */
interface TrialOutcome {
  shiftId: string;
  blocks: Finding[];
  added: Finding[];
}

/**
 * Trial outcomes per person, by the shift's signature (everything about a shift the rules read: site,
 * service, times, break), reusable until that person's shifts change. Many open shifts are copies of one
 * slot (three cleaners at one site from 06:00), and a person's verdict on each copy is the same: the rules
 * see only the person's own shifts, never the id of the one tried.
 */
export type TrialMemo = Map<string, Map<string, TrialOutcome>>;

/** Everything about a shift the person rules read, as one string: equal signatures, equal verdicts. */
export const shiftSignature = (s: Shift): string => `${s.site}|${s.service}|${s.date}|${s.start}|${s.end}|${s.breakMinutes}`;

/** A finding about one shift, made about another of the same signature. */
export const retarget = (findings: Finding[], from: string, to: string): Finding[] =>
  from === to
    ? findings
    : findings.map((f) => (f.shiftIds.includes(from) ? { ...f, shiftIds: f.shiftIds.map((id) => (id === from ? to : id)) } : f));

/** Forget what a person's trials found (their shifts changed). */
export const forgetPerson = (staffId: string, memo: BeforeMemo, trials?: TrialMemo): void => {
  for (const k of memo.keys()) if (k.startsWith(`${staffId}|`)) memo.delete(k);
  trials?.delete(staffId);
};

/** What `staff` on `shift` adds (`ix` without the shift): from `trials` when the person has tried a shift of its signature. */
const trialOf = (
  shift: Shift,
  staff: Staff,
  ix: RotaIndex,
  memo: BeforeMemo,
  trials: TrialMemo | undefined,
  weeks: WeekRange[],
  signature: string,
): TrialOutcome => {
  const mine = trials?.get(staff.id);
  const hit = mine?.get(signature);
  if (hit) return hit;
  const run = (rules: readonly PersonRule[]) => weeks.flatMap((w) => personFindings(ix, staff.id, w, rules));
  const memoKey = `${staff.id}|${weeks[0].start}`;
  let before = memo.get(memoKey);
  if (!before) {
    before = new Set(run(PERSON_RULES).map(key));
    memo.set(memoKey, before);
  }
  const known = before;
  const entry = insertEntry(ix, { ...shift, staffId: staff.id });
  const found = run(BLOCK_RULES).filter((f) => !known.has(key(f)));
  const outcome = {
    shiftId: shift.id,
    blocks: found,
    added: found.length > 0 ? [] : run(ADVISORY_RULES).filter((f) => !known.has(key(f))),
  };
  removeEntry(ix, staff.id, entry);
  if (trials) {
    if (mine) mine.set(signature, outcome);
    else trials.set(staff.id, new Map([[signature, outcome]]));
  }
  return outcome;
};

/** Whether the person is on a shift of the index that overlaps `span` (a block: they cannot take it). */
const busyDuring = (ix: RotaIndex, staffId: string, span: { start: number; end: number }): boolean => {
  for (const e of ix.byStaff.get(staffId) ?? []) if (e.span.start < span.end && e.span.end > span.start) return true;
  return false;
};

/** The person's paid minutes in `week` and the latest end of their shifts starting before `start` (null if none), from the index. */
const weekAndLastEnd = (
  ix: RotaIndex,
  staffId: string,
  week: WeekRange,
  start: number,
): { weekMinutes: number; lastEnd: number | null } => {
  let weekMinutes = 0;
  let lastEnd: number | null = null;
  for (const e of ix.byStaff.get(staffId) ?? []) {
    if (e.span.start >= week.startMs && e.span.start < week.endMs) weekMinutes += e.paid;
    if (e.span.start < start && (lastEnd === null || e.span.end > lastEnd)) lastEnd = e.span.end;
  }
  return { weekMinutes, lastEnd };
};

const warnCount = (findings: readonly Finding[]): number => {
  let n = 0;
  for (const f of findings) if (f.severity === 'warn') n += 1;
  return n;
};

/**
 * Try every current member of staff on the shift against an index that does not hold it. A person is
 * rejected if assigning them adds or worsens any block; otherwise the warnings it adds rank them. Block
 * rules are cheap and rule most people out, so the advisory rules run only for those who pass.
 */
export const evaluateCandidates = (
  shift: Shift,
  ix: RotaIndex,
  memo: BeforeMemo = new Map(),
  opts: {
    /** Reuse trial outcomes across shifts of one signature (the caller forgets a person whose shifts change). */
    trials?: TrialMemo;
    /** Word each candidate's reasons (default); a fill that only takes the first needs none. */
    reasons?: boolean;
  } = {},
): { candidates: Candidate[]; rejected: Rejection[] } => {
  const { trials } = opts;
  const weeks = weeksOf(shift);
  const signature = trials ? shiftSignature(shift) : '';
  const week = weeks[0];
  const span = spanOf(shift.date, shift.start, shift.end);
  const candidates: Candidate[] = [];
  const rejected: Rejection[] = [];
  for (const staff of ix.staff.values()) {
    if (staff.archived) continue;
    if (!staff.services.includes(shift.service)) {
      rejected.push({ staffId: staff.id, blocks: [serviceFinding(staff, shift)] });
      continue;
    }
    const outcome = trialOf(shift, staff, ix, memo, trials, weeks, signature);
    const blocks = retarget(outcome.blocks, outcome.shiftId, shift.id);
    const added = retarget(outcome.added, outcome.shiftId, shift.id);
    if (blocks.length > 0) {
      rejected.push({ staffId: staff.id, blocks });
      continue;
    }
    const { weekMinutes, lastEnd } = weekAndLastEnd(ix, staff.id, week, span.start);
    // One object, its reasons filled in after (a copy of it with the reasons spread in cost a fill 0.2 s).
    const candidate: Candidate = {
      staffId: staff.id,
      name: staff.name,
      warnings: added,
      weekMinutes,
      contractMinutes: staff.contractType === 'zero-hours' ? 0 : Math.round(staff.contractedHours * 60),
      restBeforeMinutes: lastEnd === null ? null : Math.max(0, Math.round((span.start - lastEnd) / 60_000)),
      familiar: knowsSite(staff, shift.site),
      reasons: [],
    };
    if (opts.reasons !== false) candidate.reasons = reasonsFor(candidate, staff, shift.site);
    candidates.push(candidate);
  }
  return { candidates: sortCandidates(candidates), rejected };
};

/** What a fill needs of the staff to rank them: who works each service, and everyone's place in the name order. */
export interface Roster {
  /** The current members of staff set up for each service, in the index's order. */
  byService: Map<string, Staff[]>;
  /** Each one's place in the name order of a ranking (`byName`, then id): ties on the rest of the key go by it. */
  names: Map<string, number>;
}

/** The `Roster` of the index's staff (who do not change as a fill puts people on shifts). */
export const rosterOf = (ix: RotaIndex): Roster => {
  const byService = new Map<string, Staff[]>();
  for (const staff of ix.staff.values()) {
    if (staff.archived) continue;
    for (const service of new Set(staff.services)) {
      const list = byService.get(service);
      if (list) list.push(staff);
      else byService.set(service, [staff]);
    }
  }
  const names = new Map(
    [...ix.staff.values()].sort((a, b) => byName(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((s, i) => [s.id, i]),
  );
  return { byService, names };
};

interface Keyed {
  staff: Staff;
  /** The ranking's key but for the warnings: hours against contract, rest before (negated), knowing the site, name. */
  k1: number;
  k2: number;
  k3: number;
  k4: number;
  /** The warnings the shift is certain to carry for them (`certain`), or -1 until worked out. */
  sure: number;
}

const byKnownKey = (a: Keyed, b: Keyed) => a.k1 - b.k1 || a.k2 - b.k2 || a.k3 - b.k3 || a.k4 - b.k4;

/**
 * The id of the person `evaluateCandidates` would rank first for the shift (null when no one can take it),
 * trying as few people as it can. All of the ranking but the warnings (hours this week, rest before, knowing
 * the site, name) is known without a trial, so people are tried in that order, and the first who passes
 * with no warning is first overall; one with warnings is first only if no one after has fewer. Someone
 * certain to carry as many warnings as the best so far (the shift is at a site they do not know, or outside
 * their stated availability) is not tried. `roster` is `rosterOf(ix)`.
 */
export const bestCandidate = (shift: Shift, ix: RotaIndex, memo: BeforeMemo, trials: TrialMemo, roster: Roster): string | null => {
  const weeks = weeksOf(shift);
  const signature = shiftSignature(shift);
  const week = weeks[0];
  const span = spanOf(shift.date, shift.start, shift.end);
  // Those who know the site apart: only they can have no warning.
  const familiar: Keyed[] = [];
  const others: Keyed[] = [];
  for (const staff of roster.byService.get(shift.service) ?? []) {
    // Already on a shift then: certain to be blocked (as is anyone not set up for the service, not listed).
    if (busyDuring(ix, staff.id, span)) continue;
    const { weekMinutes, lastEnd } = weekAndLastEnd(ix, staff.id, week, span.start);
    const contractMinutes = staff.contractType === 'zero-hours' ? 0 : Math.round(staff.contractedHours * 60);
    const restBefore = lastEnd === null ? null : Math.max(0, Math.round((span.start - lastEnd) / 60_000));
    const k3 = knowsSite(staff, shift.site) ? 0 : 1;
    (k3 === 0 ? familiar : others).push({
      staff,
      k1: weekMinutes - contractMinutes,
      k2: -(restBefore ?? Number.MAX_SAFE_INTEGER),
      k3,
      k4: roster.names.get(staff.id)!,
      sure: -1,
    });
  }
  // Warnings the shift itself is certain to carry, known without a trial: at a site the person does not know
  // (the familiarity rule's warning) or outside their stated availability (the availability rule's). Each is
  // about the shift tried, so never among the person's findings before it.
  const certain = (k: Keyed): number => (k.sure >= 0 ? k.sure : (k.sure = k.k3 + (withinAvailability(k.staff, shift) ? 0 : 1)));
  // First those with none certain, for one with no warning at all: when there is one, the first is the answer.
  familiar.sort(byKnownKey);
  for (const k of familiar) {
    if (certain(k) > 0) continue;
    const outcome = trialOf(shift, k.staff, ix, memo, trials, weeks, signature);
    if (outcome.blocks.length === 0 && warnCount(outcome.added) === 0) return k.staff.id;
  }
  // Else the first with fewest, leaving out anyone certain to have as many as the best so far.
  let best: string | null = null;
  let fewest = Infinity;
  for (const k of [...familiar, ...others].sort(byKnownKey)) {
    if (certain(k) >= fewest) continue;
    const outcome = trialOf(shift, k.staff, ix, memo, trials, weeks, signature);
    if (outcome.blocks.length > 0) continue;
    const warns = warnCount(outcome.added);
    if (warns < fewest) {
      fewest = warns;
      best = k.staff.id;
    }
  }
  return best;
};

/**
 * Everyone who could take `shift` without breaking a block rule, best first: fewest warnings, then most
 * under contract this week, then longest rest before it, then those who know the site.
 */
export const rankCandidates = (shift: Shift, ctx: RotaContext): Candidate[] =>
  evaluateCandidates(shift, indexForShifts(ctx, [shift], shift.id)).candidates;
