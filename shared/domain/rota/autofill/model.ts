/**
 * The auto-scheduler's model: which person takes which open shift, as a mixed-integer program.
 *
 * Pure: it builds the columns and rows from the rota and the rules engine, writes them as CPLEX LP text for
 * HiGHS, and evaluates or decodes an assignment. Solving is main's business (main/services/autofill).
 * Eligibility is the engine's own verdict: a person is a candidate for a shift only if the engine finds
 * no new block when they are put on it alone. What depends on several shifts at once (overlaps, young
 * workers' rest and hours, rest between shifts, weekly hours, averages) is written as rows, so that the
 * warnings the model counts are the warnings the engine will find. See docs/autoschedule.md.
 */
import type { Shift } from '../../../schemas/shift';
import type { Staff } from '../../../schemas/staff';
import { addDays, weekdayOf } from '../../dates';
import { retarget, shiftSignature, type Rejection } from '../candidates';
import { personFindings } from '../checkWeek';
import { insertEntry, removeEntry } from '../rotaIndex';
import { availabilityRule, BLOCK_RULES, breakRule, familiarityRule } from '../rules';
import { serviceFinding } from '../rules/service';
import type { Finding } from '../types';
import { licenceStatus } from '../licence';
import { lastDateOf, spanOf } from '../instants';
import { buildIndex, type Entry, type RotaIndex } from '../rotaIndex';
import type { RotaContext, RuleId } from '../types';
import { lookBackFrom, weekRange, type WeekRange } from '../week';
import { minutesInDailyWindow } from '../windows';
import { isYoungWorker } from '../youngWorkerAge';
import { DEFAULT_AUTOFILL_WEIGHTS, type AutofillWeights } from './weights';

/** What a soft column stands for, so a plan can say what it costs and why. */
export type Term = RuleId | 'long-day' | 'gap' | 'hours-off-contract' | 'fairness' | 'pay' | 'move';

export interface Column {
  name: string;
  kind: 'x' | 'open' | 'binary' | 'continuous';
  cost: number;
  term?: Term;
  /** The open shift a "left open" column is for; the shift whose rest before it a rest column counts. */
  shiftId?: string;
  staffId?: string;
  /** Its value when no open shift is assigned (a finding the rota has already, that a plan could remove). */
  base: number;
}

/** `scale·aux ≥ constant + Σ coef·x`: the lower bound a soft column is pushed down onto. */
export interface Definition {
  aux: number;
  scale: number;
  constant: number;
  terms: [number, number][];
}

export interface Row {
  terms: [number, number][];
  lo: number;
  hi: number;
}

/**
 * A hard row, `Σ coef·x ≤ hi` (overlaps, young workers' hours and rest, no-good cuts): not a soft column's definition
 * (`≥ lo`), nor a cover row (`= 1`, one of u and the x's by construction).
 */
const isHardRow = (r: Row): boolean => r.lo === -Infinity && r.hi < Infinity;

export interface AutofillOptions {
  /** Open shifts to fill; a shift with a person on it may be moved to someone else. */
  open: readonly Shift[];
  weights?: AutofillWeights;
  /** Keep at most this many candidates per shift (the cheapest alone); all when unset. */
  maxCandidates?: number;
  /** A person kept among a shift's candidates whatever the cap (the greedy fill's choice, to compare with). */
  keep?: ReadonlyMap<string, string>;
  /** The engine's trials made ahead (`prepareTrials`, same rota and open shifts): not made again. */
  trials?: ModelTrials;
}

export interface Pair {
  shift: Shift;
  staffId: string;
  /** Cost of this person on this shift alone, in points, and the engine findings that make it. */
  own: number;
  ownWarnings: RuleId[];
  longDay: boolean;
}

export interface AutofillModel {
  columns: Column[];
  rows: Row[];
  definitions: Definition[];
  /** Column index of each candidate pair. */
  pairs: Map<number, Pair>;
  /** Open shift id → column of its "left open" slack. */
  openColumn: Map<string, number>;
  /**
   * Who was ruled out of each open shift and why (worked out when first read: the trials keep each person's
   * verdict, and nothing in the fill reads these lists).
   */
  rejected: ReadonlyMap<string, Rejection[]>;
  open: Shift[];
  /** The weeks whose findings the model counts (the fill's weeks and the one after). */
  scope: WeekRange[];
  weights: AutofillWeights;
  ctx: RotaContext;
  /** Shifts whose candidates were cut down to `maxCandidates`. */
  capped: Set<string>;
  /** Person-week → weekly-rest column, made on demand by `addWeeklyRestCut`. */
  weeklyRest: Map<string, number>;
  /** The hours-off-contract term of each person-week, for the Lagrangian bound. */
  deviations: Deviation[];
}

/** One person-week's `d ≥ |fixed + Σ paid·x − target|` (minutes), at `cost` points a minute. */
export interface Deviation {
  cost: number;
  fixed: number;
  target: number;
  /** [paid minutes, x column]. */
  terms: [number, number][];
  staffId: string;
  weekStart: string;
  /** The "over contracted hours" column of the week, when it has one: a finding once fixed + Σ paid·x > minutes. */
  overContract: { minutes: number; cost: number } | null;
}

const PER_SHIFT: readonly RuleId[] = ['familiarity', 'availability', 'break'];

const paidOf = (s: Shift): number => {
  const span = spanOf(s.date, s.start, s.end);
  return Math.max(0, Math.round((span.end - span.start) / 60_000) - s.breakMinutes);
};

interface Item {
  entry: Entry;
  /** Column, or -1 for a shift already on the rota. */
  col: number;
}

const isNight = (ctx: RotaContext, e: Entry) =>
  minutesInDailyWindow(e.span, e.shift.date, ctx.settings.nightStart, ctx.settings.nightEnd) >= ctx.settings.nightWorkerMinHours * 60;

/** The weeks a model of `open` counts findings in: the fill's weeks and the one after. */
const scopeOf = (open: readonly Shift[]): { from: string; to: string; scope: WeekRange[] } => {
  const dates = open.map((s) => s.date).sort();
  const from = dates[0] ?? '2000-01-03';
  const to = dates[dates.length - 1] ?? from;
  const scope: WeekRange[] = [];
  for (let m = weekRange(from).start; m <= addDays(weekRange(to).start, 7); m = addDays(m, 7)) scope.push(weekRange(m));
  return { from, to, scope };
};

/** The fixed rota (everything but the open shifts) around the model's weeks. */
const fixedIndex = (ctx: RotaContext, open: readonly Shift[]): RotaIndex => {
  const openIds = new Set(open.map((s) => s.id));
  const { scope } = scopeOf(open);
  const fixedCtx = { ...ctx, shifts: ctx.shifts.filter((s) => !openIds.has(s.id)) };
  return buildIndex(fixedCtx, {
    from: lookBackFrom(scope[0].start, ctx.settings),
    to: addDays(scope[scope.length - 1].end, 1),
  });
};

/** Who may take each open shift (and who not, and why), by the engine's trials: most of a model's build. */
export interface ModelTrials {
  ix: RotaIndex;
  byShift: Map<string, TrialResult>;
}

interface TrialResult {
  /** Each candidate's findings of the per-shift rules, made about the shift `about` (this one, or a copy of it). */
  candidates: { staffId: string; warnings: Finding[]; about: string }[];
  /** Who was ruled out and why, worked out from the verdicts kept when asked for. */
  rejected: () => Rejection[];
}

/**
 * A map whose values are made when first read (then kept): the same entries as a Map of them all, for a
 * reader, without making the ones nobody reads.
 */
class LazyMap<K, V> implements ReadonlyMap<K, V> {
  private readonly made = new Map<K, V>();
  constructor(private readonly makers: ReadonlyMap<K, () => V>) {}
  get size(): number {
    return this.makers.size;
  }
  has(key: K): boolean {
    return this.makers.has(key);
  }
  get(key: K): V | undefined {
    if (this.made.has(key)) return this.made.get(key);
    const make = this.makers.get(key);
    if (!make) return undefined;
    const value = make();
    this.made.set(key, value);
    return value;
  }
  *entries(): MapIterator<[K, V]> {
    for (const key of this.makers.keys()) yield [key, this.get(key) as V];
  }
  keys(): MapIterator<K> {
    return this.makers.keys();
  }
  *values(): MapIterator<V> {
    for (const key of this.makers.keys()) yield this.get(key) as V;
  }
  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }
  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }
}

/**
 * The engine's trials for a model of `open` on `ctx`, ahead of `buildModel` (pass them as `trials`, with the
 * same rota and open shifts): nothing in them depends on `keep`, so the fill makes them while the greedy fill
 * it keeps runs on another thread.
 */
export const prepareTrials = (ctx: RotaContext, open: readonly Shift[]): ModelTrials => {
  const live = open.filter((s) => !s.deleted);
  const ix = fixedIndex(ctx, live);
  const trial = makeTrial(ix);
  return { ix, byShift: new Map(live.map((s) => [s.id, trial(s)])) };
};

/**
 * The engine's trial of each person on the shift, as the ranked list makes it: a person is out if it adds
 * or worsens a block (in the shift's week or the next); the per-shift warnings it would carry come from
 * the engine's own familiarity, availability and break rules. `ix` holds the fixed rota only.
 */
const makeTrial = (ix: RotaIndex): ((shift: Shift) => TrialResult) => {
  const keyOf = (f: Finding) => `${f.rule}|${f.shiftIds.join(',')}|${f.message}`;
  type Verdict = { shiftId: string; blocks: Finding[]; warnings: Finding[] };
  // The current staff by their place in the index, and those set up for each service (in that order): the
  // trials look only at them, and keep what they found by week, or by signature, and place.
  const staffList = [...ix.staff.values()];
  const byService = new Map<string, number[]>();
  staffList.forEach((staff, i) => {
    if (staff.archived) return;
    for (const service of new Set(staff.services)) {
      const list = byService.get(service);
      if (list) list.push(i);
      else byService.set(service, [i]);
    }
  });
  const blocksBefore = new Map<string, (Set<string> | undefined)[]>();
  const verdicts = new Map<string, (Verdict | undefined)[]>();
  return (shift: Shift) => {
    const signature = shiftSignature(shift);
    const weeks = [weekRange(shift.date), weekRange(addDays(weekRange(shift.date).start, 7))];
    const candidates: TrialResult['candidates'] = [];
    let weekBlocks = blocksBefore.get(weeks[0].start);
    if (!weekBlocks) blocksBefore.set(weeks[0].start, (weekBlocks = new Array<Set<string> | undefined>(staffList.length)));
    let slotVerdicts = verdicts.get(signature);
    if (!slotVerdicts) verdicts.set(signature, (slotVerdicts = new Array<Verdict | undefined>(staffList.length)));
    for (const i of byService.get(shift.service) ?? []) {
      const staff = staffList[i];
      let known = weekBlocks[i];
      if (!known) {
        known = new Set(weeks.flatMap((wk) => personFindings(ix, staff.id, wk, BLOCK_RULES)).map(keyOf));
        weekBlocks[i] = known;
      }
      // The index holds only the fixed rota, so a person's verdict on one copy of a slot is their verdict
      // on every copy (the rules read the shift's site, service, times and break, never its id).
      let outcome = slotVerdicts[i];
      if (!outcome) {
        const entry = insertEntry(ix, { ...shift, staffId: staff.id });
        const blocks = weeks.flatMap((wk) => personFindings(ix, staff.id, wk, BLOCK_RULES)).filter((f) => !known.has(keyOf(f)));
        const warnings = blocks.length > 0 ? [] : personFindings(ix, staff.id, weeks[0], [familiarityRule, availabilityRule, breakRule]);
        removeEntry(ix, staff.id, entry);
        outcome = { shiftId: shift.id, blocks, warnings };
        slotVerdicts[i] = outcome;
      }
      if (outcome.blocks.length === 0) candidates.push({ staffId: staff.id, warnings: outcome.warnings, about: outcome.shiftId });
    }
    const verdictsHere = slotVerdicts;
    const rejected = () => {
      const no: Rejection[] = [];
      staffList.forEach((staff, i) => {
        if (staff.archived) return;
        if (!staff.services.includes(shift.service)) {
          no.push({ staffId: staff.id, blocks: [serviceFinding(staff, shift)] });
          return;
        }
        const outcome = verdictsHere[i]!;
        const blocks = retarget(outcome.blocks, outcome.shiftId, shift.id);
        if (blocks.length > 0) no.push({ staffId: staff.id, blocks });
      });
      return no;
    };
    return { candidates, rejected };
  };
};

/** Whether the items are in order of start. */
const startsInOrder = (items: readonly Item[]): boolean => {
  for (let i = 1; i < items.length; i += 1) if (items[i].entry.span.start < items[i - 1].entry.span.start) return false;
  return true;
};

/**
 * The longest of the items, in ms (0 for none): none starting more than this before a moment can still run at
 * it. Infinity if any has a time that is not a number (then every item is looked at).
 */
const longestOf = (items: readonly Item[]): number => {
  let most = 0;
  for (const it of items) {
    const length = it.entry.span.end - it.entry.span.start;
    if (!Number.isFinite(it.entry.span.start) || !Number.isFinite(length)) return Infinity;
    most = Math.max(most, length);
  }
  return most;
};

/** The index of the first of `items` (in order of start) whose start passes `test` (`items.length` when none does). */
const firstStarting = (items: readonly Item[], test: (startMs: number) => boolean): number => {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (test(items[mid].entry.span.start)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
};

/** Build the model for filling `opts.open` on the rota `ctx`. */
export const buildModel = (ctx: RotaContext, opts: AutofillOptions): AutofillModel => {
  const weights = opts.weights ?? DEFAULT_AUTOFILL_WEIGHTS;
  const open = opts.open.filter((s) => !s.deleted);
  const { from, to, scope } = scopeOf(open);
  const ix: RotaIndex = opts.trials?.ix ?? fixedIndex(ctx, open);

  const columns: Column[] = [];
  const rows: Row[] = [];
  const definitions: Definition[] = [];
  const pairs = new Map<number, Pair>();
  const openColumn = new Map<string, number>();
  const rejected = new Map<string, () => Rejection[]>();
  const deviations: Deviation[] = [];
  const col = (c: Column) => columns.push(c) - 1;
  const define = (aux: number, scale: number, constant: number, terms: [number, number][]) => {
    definitions.push({ aux, scale, constant, terms });
    // scale·aux − Σ terms ≥ constant
    rows.push({ terms: [[scale, aux], ...terms.map(([c, v]) => [-c, v] as [number, number])], lo: constant, hi: Infinity });
  };
  const w = (rule: RuleId) => weights.warning[rule] ?? 0;
  const mondays = new Map<string, string>();
  const mondayOf = (date: string) => {
    let m = mondays.get(date);
    if (m === undefined) mondays.set(date, (m = weekRange(date).start));
    return m;
  };
  const longDayMinutes = (24 - ctx.settings.dailyRestHours) * 60;

  // 1. Candidates: the engine's own trial of each person on each shift.
  const byPerson = new Map<string, Item[]>();
  const trial = makeTrial(ix);
  // Per date, per person: how many of that day's shifts they are a candidate for so far.
  const candidateLoad = new Map<string, Map<string, number>>();
  const capped = new Set<string>();
  const ordered = [...open].sort(
    (a, b) => spanOf(a.date, a.start, a.end).start - spanOf(b.date, b.start, b.end).start || (a.id < b.id ? -1 : 1),
  );
  for (const shift of ordered) {
    const hours = Math.max(paidOf(shift), 60) / 60;
    const u = col({ name: `u${columns.length}`, kind: 'open', cost: weights.gapPerHour * hours, term: 'gap', shiftId: shift.id, base: 1 });
    openColumn.set(shift.id, u);
    const { candidates, rejected: no } = opts.trials?.byShift.get(shift.id) ?? trial(shift);
    rejected.set(shift.id, no);
    const span = spanOf(shift.date, shift.start, shift.end);
    const paid = paidOf(shift);
    const longDay = (span.end - span.start) / 60_000 > longDayMinutes;
    let scored = candidates.map((c) => {
      const staff = ix.staff.get(c.staffId)!;
      // About this shift: the findings were made about `c.about`, a copy of it (what retarget would rename).
      const ownWarnings = c.warnings
        .filter(
          (f) =>
            f.severity === 'warn' &&
            PER_SHIFT.includes(f.rule) &&
            f.shiftIds.length === 1 &&
            (f.shiftIds[0] === c.about || f.shiftIds[0] === shift.id),
        )
        .map((f) => f.rule);
      const pay = (paid / 60) * staff.payRate * weights.perPound;
      const move = shift.staffId !== null && shift.staffId !== c.staffId ? weights.moveExisting : 0;
      const own = ownWarnings.reduce((sum, r) => sum + w(r), 0) + (longDay ? weights.longDay : 0) + pay + move;
      return { staff, ownWarnings, longDay, own };
    });
    if (opts.maxCandidates !== undefined && scored.length > opts.maxCandidates) {
      // The cheapest alone, spread over people: each shift a person is already a candidate for that day
      // counts against them, or every similar shift would weigh the same few and strand the rest. The
      // present holder is always kept.
      const load = candidateLoad.get(shift.date);
      const kept = opts.keep?.get(shift.id);
      scored = scored
        .map((s) => ({ s, rank: s.own + 10 * (load?.get(s.staff.id) ?? 0) }))
        .sort((a, b) => a.rank - b.rank)
        .filter((r, i) => i < opts.maxCandidates! || r.s.staff.id === shift.staffId || kept === r.s.staff.id)
        .map((r) => r.s);
      capped.add(shift.id);
    }
    let load = candidateLoad.get(shift.date);
    if (!load) candidateLoad.set(shift.date, (load = new Map()));
    for (const s of scored) load.set(s.staff.id, (load.get(s.staff.id) ?? 0) + 1);
    const cover: [number, number][] = [[1, u]];
    for (const s of scored) {
      const x = col({ name: `x${columns.length}`, kind: 'x', cost: s.own, shiftId: shift.id, staffId: s.staff.id, base: 0 });
      pairs.set(x, { shift, staffId: s.staff.id, own: s.own, ownWarnings: s.ownWarnings, longDay: s.longDay });
      cover.push([1, x]);
      const items = byPerson.get(s.staff.id) ?? [];
      items.push({ entry: { shift: { ...shift, staffId: s.staff.id }, span, paid }, col: x });
      byPerson.set(s.staff.id, items);
    }
    rows.push({ terms: cover, lo: 1, hi: 1 });
  }

  // 2. Per person: the rows that tie their shifts together.
  const fairness = {
    night: new Map<string, [number, number][]>(),
    weekend: new Map<string, [number, number][]>(),
    holiday: new Map<string, [number, number][]>(),
  };
  const fairFixed = { night: new Map<string, number>(), weekend: new Map<string, number>(), holiday: new Map<string, number>() };
  const bankHolidays = new Set(ctx.bankHolidays);
  const category = (e: Entry) => ({
    night: isNight(ctx, e),
    weekend: weekdayOf(e.shift.date) === 'sat' || weekdayOf(e.shift.date) === 'sun',
    holiday: bankHolidays.has(e.shift.date),
  });
  for (const [staffId, candidateItems] of byPerson) {
    const staff = ix.staff.get(staffId) as Staff;
    const fixed: Item[] = (ix.byStaff.get(staffId) ?? []).map((entry) => ({ entry, col: -1 }));
    const items = [...fixed, ...candidateItems].sort(
      (a, b) => a.entry.span.start - b.entry.span.start || a.entry.span.end - b.entry.span.end,
    );
    const vars = candidateItems;

    // Overlaps: at the start of each candidate shift, at most one shift of theirs may be running. Only shifts
    // starting in the longest shift's length before it can be (the candidates are in time order; else all are looked at).
    const varsLongest = longestOf(vars);
    const varsInOrder = varsLongest < Infinity && startsInOrder(vars);
    for (const b of vars) {
      const at = b.entry.span.start;
      const from = varsInOrder ? firstStarting(vars, (ms) => ms >= at - varsLongest) : 0;
      const to = varsInOrder ? firstStarting(vars, (ms) => ms > at) : vars.length;
      const running: Item[] = [];
      for (let i = from; i < to; i += 1) {
        const a = vars[i];
        if (a.entry.span.start <= at && a.entry.span.end > at) running.push(a);
      }
      if (running.length > 1) rows.push({ terms: running.map((a) => [1, a.col]), lo: -Infinity, hi: 1 });
    }

    // Rest before each shift: the engine pairs a shift with the one before it, which (no overlaps being
    // allowed) is the one that ends last before it starts. So the shift b has under 11 h rest exactly when
    // it is worked, something the person works ends in the 11 h before b starts, and nothing they work ends
    // just as b starts (touching shifts are one stretch). The shifts ending in that window are grouped into
    // sets that share a moment (at most one of each set can be worked), one row per set.
    const near = items.filter(
      (it) =>
        it.entry.span.end >= vars[0].entry.span.start - 2 * 86_400_000 &&
        it.entry.span.start <= vars[vars.length - 1].entry.span.end + 2 * 86_400_000,
    );
    // Only shifts starting before b, and no earlier than the rest required and the longest shift's length
    // before it, can end in that rest or as b starts, or still be running then (`near` is in time order).
    const nearLongest = longestOf(near);
    for (const b of near) {
      const bDate = b.entry.shift.date;
      if (bDate < scope[0].start || bDate > scope[scope.length - 1].end) continue;
      const young = isYoungWorker(staff, bDate);
      const required = (young ? ctx.settings.youngDailyRestHours : ctx.settings.dailyRestHours) * 60 * 60_000;
      const bs = b.entry.span.start;
      const window =
        nearLongest < Infinity && Number.isFinite(required)
          ? near.slice(
              firstStarting(near, (ms) => ms >= bs - required - nearLongest),
              firstStarting(near, (ms) => ms >= bs),
            )
          : near;
      const touching = window.filter((c) => c !== b && c.entry.span.end === bs && c.entry.span.start < bs);
      const before = window.filter((a) => a !== b && a.entry.span.start < bs && a.entry.span.end < bs && a.entry.span.end > bs - required);
      // Long stretches: a shift ending as b starts, making one stretch of over 13 h.
      for (const a of touching) {
        if (a.col < 0 && b.col < 0) continue;
        if (b.entry.span.end - a.entry.span.start <= longDayMinutes * 60_000) continue;
        const fixedOnes = (a.col < 0 ? 1 : 0) + (b.col < 0 ? 1 : 0);
        const terms: [number, number][] = [];
        if (a.col >= 0) terms.push([1, a.col]);
        if (b.col >= 0) terms.push([1, b.col]);
        const y = col({ name: `l${columns.length}`, kind: 'binary', cost: weights.longDay, term: 'long-day', staffId, base: 0 });
        define(y, 1, fixedOnes - 1, terms);
      }
      // The engine pairs b with the earlier-starting shift that ends last: a shift already on the rota
      // still running when b starts (an overlap the rota has already) means b never has a rest finding.
      const running = window.some((c) => c !== b && c.col < 0 && c.entry.span.start < bs && c.entry.span.end > bs);
      if (before.length === 0 || running || touching.some((c) => c.col < 0)) continue;
      if (b.col < 0 && before.some((a) => a.col < 0) && touching.length === 0) continue; // already on the rota, unchanged
      const fixedBefore = before.some((a) => a.col < 0);
      const bTerm: [number, number][] = b.col >= 0 ? [[1, b.col]] : [];
      const bConst = b.col >= 0 ? 0 : 1;
      const untouched: [number, number][] = touching.map((c) => [-1, c.col]);
      const groups: [number, number][][] = [];
      if (fixedBefore) groups.push([]);
      else {
        // Sets of candidate shifts sharing a moment: sweep by end, a new set when a shift starts after the set's earliest end.
        const sorted = before.filter((a) => a.col >= 0).sort((x, y) => x.entry.span.end - y.entry.span.end);
        let current: Item[] = [];
        let latestStart = -Infinity;
        let earliestEnd = Infinity;
        for (const a of sorted) {
          if (current.length > 0 && Math.max(latestStart, a.entry.span.start) >= Math.min(earliestEnd, a.entry.span.end)) {
            groups.push(current.map((c) => [1, c.col]));
            current = [];
            latestStart = -Infinity;
            earliestEnd = Infinity;
          }
          current.push(a);
          latestStart = Math.max(latestStart, a.entry.span.start);
          earliestEnd = Math.min(earliestEnd, a.entry.span.end);
        }
        if (current.length > 0) groups.push(current.map((c) => [1, c.col]));
      }
      const constOf = (g: [number, number][]) => bConst + (g.length === 0 ? 1 : 0) - 1;
      if (young) {
        // A block: never worked with under 12 h rest before it.
        for (const g of groups) rows.push({ terms: [...bTerm, ...g, ...untouched], lo: -Infinity, hi: -constOf(g) });
      } else {
        const base = b.col < 0 && fixedBefore ? 1 : 0;
        const y = col({
          name: `r${columns.length}`,
          kind: 'binary',
          cost: w('daily-rest'),
          term: 'daily-rest',
          staffId,
          shiftId: b.entry.shift.id,
          base,
        });
        for (const g of groups) define(y, 1, constOf(g), [...bTerm, ...g, ...untouched]);
      }
    }

    // Week by week: contract, young hours, averages, licence reminders, hours off contract.
    for (const week of scope) {
      const inWeek = (it: Item) => it.entry.span.start >= week.startMs && it.entry.span.start < week.endMs;
      const wVars = vars.filter(inWeek);
      const wFixed = fixed.filter(inWeek);
      if (wVars.length === 0) continue;
      const fixedMin = wFixed.reduce((s, it) => s + it.entry.paid, 0);
      const varTerms: [number, number][] = wVars.map((it) => [it.entry.paid, it.col]);
      const varMax = wVars.reduce((s, it) => s + it.entry.paid, 0);
      // Young workers: a block, so a hard row; by day and by week.
      if (wVars.some((it) => isYoungWorker(staff, it.entry.shift.date))) {
        const young = (it: Item) => isYoungWorker(staff, it.entry.shift.date);
        rows.push({
          terms: wVars.filter(young).map((it) => [it.entry.paid, it.col]),
          lo: -Infinity,
          hi: ctx.settings.youngWeeklyHours * 60 - wFixed.filter(young).reduce((s, it) => s + it.entry.paid, 0),
        });
        const days = new Set(wVars.filter(young).map((it) => it.entry.shift.date));
        for (const day of days) {
          const onDay = (it: Item) => it.entry.shift.date === day;
          rows.push({
            terms: wVars.filter(onDay).map((it) => [it.entry.paid, it.col]),
            lo: -Infinity,
            hi: ctx.settings.youngDailyHours * 60 - wFixed.filter(onDay).reduce((s, it) => s + it.entry.paid, 0),
          });
        }
      }
      // More than the contract in the week: one finding per person-week.
      let overContract: Deviation['overContract'] = null;
      if (staff.contractType !== 'zero-hours') {
        const contract = Math.round(staff.contractedHours * 60);
        if (fixedMin <= contract && fixedMin + varMax > contract) {
          const o = col({
            name: `c${columns.length}`,
            kind: 'binary',
            cost: w('contracted-hours'),
            term: 'contracted-hours',
            staffId,
            base: 0,
          });
          define(o, varMax, fixedMin - contract, varTerms);
          overContract = { minutes: contract, cost: w('contracted-hours') };
        }
      }
      // Licence close to expiry on a security shift: one finding per person-week.
      const expiring = (it: Item) =>
        it.entry.shift.service === 'security' &&
        licenceStatus(staff, lastDateOf(it.entry.shift), ctx.settings.licenceExpiryWarnDays).status === 'expiring';
      const expVars = wVars.filter(expiring);
      if (expVars.length > 0 && !wFixed.some(expiring)) {
        const s = col({ name: `e${columns.length}`, kind: 'binary', cost: w('sia-expiring'), term: 'sia-expiring', staffId, base: 0 });
        for (const it of expVars) define(s, 1, 0, [[1, it.col]]);
      }
      // Averages over the reference period ending with this week.
      const average = (rule: 'average-hours' | 'night-work', refWeeks: number, limitTotal: number, counts: (it: Item) => boolean) => {
        const startMs = weekRange(addDays(week.start, -7 * (refWeeks - 1))).startMs;
        const inRef = (it: Item) => it.entry.span.start >= startMs && it.entry.span.start < week.endMs;
        const fixedTotal = fixed.filter(inRef).reduce((s, it) => s + it.entry.paid, 0);
        const refVars = vars.filter(inRef);
        // No one works more than the hours a week has, whatever the candidates add up to.
        const candidateWeeks = new Set(refVars.map((it) => mondayOf(it.entry.shift.date))).size;
        const refMax = Math.min(
          refVars.reduce((s, it) => s + it.entry.paid, 0),
          candidateWeeks * 169 * 60,
        );
        if (fixedTotal + refMax <= limitTotal) return;
        const trigger = wVars.filter(counts);
        const fixedTrigger = wFixed.some(counts);
        if (fixedTrigger && fixedTotal > limitTotal) return;
        if (!fixedTrigger && trigger.length === 0) return;
        const a = col({ name: `a${columns.length}`, kind: 'binary', cost: w(rule), term: rule, staffId, base: 0 });
        const M = refVars.reduce((s, it) => s + it.entry.paid, 0) + Math.max(0, fixedTotal - limitTotal) + 1;
        const terms: [number, number][] = refVars.map((it) => [it.entry.paid, it.col]);
        if (fixedTrigger) define(a, M, fixedTotal - limitTotal, terms);
        else {
          // h: the person works a shift this week that makes the rule apply (one is enough).
          const h = col({ name: `h${columns.length}`, kind: 'continuous', cost: 0, staffId, base: 0 });
          for (const t of trigger) define(h, 1, 0, [[1, t.col]]);
          define(a, M, fixedTotal - limitTotal - M, [...terms, [M, h]]);
        }
      };
      if (!(staff.optOut && staff.optOut.signed <= week.end)) {
        const ref = staff.services.includes('security') ? ctx.settings.securityReferenceWeeks : ctx.settings.referenceWeeks;
        average('average-hours', ref, ctx.settings.averageWeeklyHours * 60 * ref, () => true);
      }
      const nref = ctx.settings.nightReferenceWeeks;
      average('night-work', nref, ctx.settings.nightAvgHours * 60 * (nref * 7 - nref), (it) => isNight(ctx, it.entry));
      // Hours away from contract over the whole week (what is already on the rota counts too), so a
      // person already over is not offered more because one day of theirs looks light.
      if (staff.contractType !== 'zero-hours' && weights.hoursOffContractPerHour > 0) {
        const target = staff.contractedHours * 60;
        const d = col({
          name: `d${columns.length}`,
          kind: 'continuous',
          cost: weights.hoursOffContractPerHour / 60,
          term: 'hours-off-contract',
          staffId,
          base: Math.abs(target - fixedMin),
        });
        deviations.push({
          cost: weights.hoursOffContractPerHour / 60,
          fixed: fixedMin,
          target,
          terms: varTerms,
          staffId,
          weekStart: week.start,
          overContract,
        });
        define(d, 1, fixedMin - target, varTerms);
        define(
          d,
          1,
          target - fixedMin,
          varTerms.map(([c, v]) => [-c, v]),
        );
      }
    }

    // Nights, weekends and bank holidays in the period, for the fairness terms below.
    for (const it of [...fixed.filter((f) => f.entry.shift.date >= from && f.entry.shift.date <= to), ...vars]) {
      const cat = category(it.entry);
      for (const k of ['night', 'weekend', 'holiday'] as const) {
        if (!cat[k]) continue;
        if (it.col < 0) fairFixed[k].set(staffId, (fairFixed[k].get(staffId) ?? 0) + 1);
        else fairness[k].set(staffId, [...(fairness[k].get(staffId) ?? []), [1, it.col]]);
      }
    }
  }

  // 3. Fairness: shifts above an even share of the period's nights, weekends and bank holidays, among the
  // people who could take one.
  if (weights.unfairShift > 0) {
    for (const k of ['night', 'weekend', 'holiday'] as const) {
      const people = new Set([...fairness[k].keys()]);
      if (people.size === 0) continue;
      const total =
        [...people].reduce((s, p) => s + (fairFixed[k].get(p) ?? 0), 0) +
        open.filter((s) => category({ shift: s, span: spanOf(s.date, s.start, s.end), paid: 0 })[k]).length;
      const share = Math.ceil(total / people.size);
      for (const p of people) {
        const had = fairFixed[k].get(p) ?? 0;
        const f = col({
          name: `f${columns.length}`,
          kind: 'continuous',
          cost: weights.unfairShift,
          term: 'fairness',
          staffId: p,
          base: Math.max(0, had - share),
        });
        define(f, 1, had - share, fairness[k].get(p)!);
      }
    }
  }

  return {
    columns,
    rows,
    definitions,
    pairs,
    openColumn,
    rejected: new LazyMap(rejected),
    open,
    scope,
    weights,
    ctx,
    capped,
    weeklyRest: new Map(),
    deviations,
  };
};

/**
 * A weekly-rest finding the engine reported for a plan: no 24 h in the week nor 48 h in the fortnight.
 * Working more never gives more rest, so every plan that gives the person all of these shifts has it too:
 * `w ≥ Σ x − (|S| − 1)` counts it without ruling out anything else.
 */
export const addWeeklyRestCut = (model: AutofillModel, staffId: string, weekStart: string, shiftCols: readonly number[]): void => {
  const k = `${staffId}|${weekStart}`;
  let v = model.weeklyRest.get(k);
  if (v === undefined) {
    v =
      model.columns.push({
        name: `w${model.columns.length}`,
        kind: 'binary',
        cost: model.weights.warning['weekly-rest'] ?? 0,
        term: 'weekly-rest',
        staffId,
        base: 0,
      }) - 1;
    model.weeklyRest.set(k, v);
  }
  const terms = shiftCols.map((c) => [1, c] as [number, number]);
  model.definitions.push({ aux: v, scale: 1, constant: 1 - shiftCols.length, terms });
  model.rows.push({ terms: [[1, v], ...terms.map(([c, x]) => [-c, x] as [number, number])], lo: 1 - shiftCols.length, hi: Infinity });
};

/**
 * A block finding the engine reported for a plan that only a set of shifts together causes (an under-18's
 * 48 h weekly rest, reg. 11(3)): working more never gives more rest, so no plan may give the person all of them.
 */
export const addNoGoodCut = (model: AutofillModel, shiftCols: readonly number[]): void => {
  model.rows.push({ terms: shiftCols.map((c) => [1, c] as [number, number]), lo: -Infinity, hi: shiftCols.length - 1 });
};

const num = (n: number) => {
  const r = Math.round(n * 1e6) / 1e6;
  return Number.isInteger(r) ? String(r) : r.toFixed(6).replace(/0+$/, '');
};

/** `terms` as LP text; with none left, `0` times the column `empty` names (the text must name some column). */
const expr = (terms: readonly [number, number][], columns: readonly Column[], empty: string) => {
  const merged = new Map<number, number>();
  for (const [c, v] of terms) merged.set(v, (merged.get(v) ?? 0) + c);
  let out = '';
  for (const [v, c] of merged) {
    if (c === 0) continue;
    out += `${c < 0 ? ' -' : ' +'} ${num(Math.abs(c))} ${columns[v].name}`;
  }
  return out || ' 0 ' + empty;
};

/**
 * The model as CPLEX LP text, the form HiGHS reads. With `fixed` (a repair window's held columns, `heldOutside`), the
 * held columns are left out of the text: each row's held terms are folded into its bounds, a row left with no free
 * column is dropped where the held values keep it (kept, as `0 ≥ …`, where they break it, so the window is infeasible
 * as the whole model would be), and what the held columns cost is the objective's constant, so HiGHS's objective,
 * bound and gap are the whole model's. The same problem in a smaller text: at the design-load week the whole model's
 * was 2.9 MB, read in 0.6–1.3 s for every window, where a day's window is now about 0.6 MB, read in 0.1–0.2 s (4 Dec).
 */
export const toLp = (model: AutofillModel, fixed?: ReadonlyMap<number, number>): string => {
  const { columns, rows } = model;
  const free = (i: number) => fixed?.get(i) === undefined;
  const firstFree = columns.findIndex((_, i) => free(i));
  if (firstFree < 0) throw new Error('toLp: every column is held; there is nothing to solve');
  // With nothing free left, a free column is named: a held one must not come back into the text.
  const freeExpr = (terms: readonly [number, number][]) =>
    expr(
      terms.filter(([, v]) => free(v)),
      columns,
      columns[firstFree].name,
    );
  const held = (terms: readonly [number, number][]) => terms.reduce((sum, [c, v]) => (free(v) ? sum : sum + c * fixed!.get(v)!), 0);
  const costs = columns.map((c, i) => [c.cost, i] as [number, number]).filter(([c]) => c !== 0);
  const offset = fixed ? held(costs) : 0;
  const constant = offset === 0 ? '' : ` ${offset < 0 ? '-' : '+'} ${num(Math.abs(offset))}`;
  const lines: string[] = ['Minimize', ` obj:${freeExpr(costs)}${constant}`, 'Subject To'];
  rows.forEach((r, i) => {
    if (r.terms.length === 0) return;
    const k = fixed ? held(r.terms) : 0;
    const lo = r.lo - k;
    const hi = r.hi - k;
    // (Held to the float's rounding: a scaled soft column's value times its scale can miss its row's sum by an ulp.)
    const eps = 1e-9 * Math.max(1, Math.abs(k));
    if (fixed && r.terms.every(([, v]) => !free(v)) && lo <= eps && hi >= -eps) return;
    const e = freeExpr(r.terms);
    if (lo === hi) lines.push(` e${i}:${e} = ${num(lo)}`);
    else {
      if (lo > -Infinity) lines.push(` g${i}:${e} >= ${num(lo)}`);
      if (hi < Infinity) lines.push(` l${i}:${e} <= ${num(hi)}`);
    }
  });
  lines.push('Bounds');
  columns.forEach((c, i) => {
    if (free(i)) lines.push(` 0 <= ${c.name} <= ${c.kind === 'continuous' ? 'inf' : '1'}`);
  });
  const ints = columns.filter((c, i) => free(i) && (c.kind === 'x' || c.kind === 'binary')).map((c) => c.name);
  if (ints.length > 0) {
    lines.push('Binary');
    for (let i = 0; i < ints.length; i += 200) lines.push(` ${ints.slice(i, i + 200).join(' ')}`);
  }
  lines.push('End');
  return lines.join('\n');
};

/**
 * What a window of the model may change, and the value everything else is held at: every pair column `isFree` does
 * not name, at its value in `values` (a plan's, `evaluate`), and every soft column no free pair reaches through the
 * rows (a person-week's hours, rest and fairness columns whose pairs are all held; a shift's "left open" column whose
 * pairs are all held), at its value there too. A soft column's value in `evaluate` is the least its rows allow, and
 * so its value in every optimum of the window, so holding it changes nothing but the size of the text HiGHS reads
 * (`toLp`). A column a free pair reaches, or one that reaches it through a row, stays free.
 */
export const heldOutside = (model: AutofillModel, values: readonly number[], isFree: (column: number) => boolean): Map<number, number> => {
  const { columns, rows } = model;
  const rowsOf: number[][] = columns.map(() => []);
  rows.forEach((r, i) => {
    for (const [, c] of r.terms) rowsOf[c].push(i);
  });
  const reached = new Uint8Array(columns.length);
  const queue: number[] = [];
  for (const c of model.pairs.keys())
    if (isFree(c)) {
      reached[c] = 1;
      queue.push(c);
    }
  const rowSeen = new Uint8Array(rows.length);
  while (queue.length > 0) {
    const c = queue.pop()!;
    for (const i of rowsOf[c]) {
      if (rowSeen[i]) continue;
      rowSeen[i] = 1;
      // A held pair is a constant in the row; the soft columns beside a free one move with it.
      for (const [, d] of rows[i].terms)
        if (!reached[d] && columns[d].kind !== 'x') {
          reached[d] = 1;
          queue.push(d);
        }
    }
  }
  const held = new Map<number, number>();
  columns.forEach((_, c) => {
    if (!reached[c]) held.set(c, values[c]);
  });
  return held;
};

export interface Evaluation {
  objective: number;
  /** What each term costs in the plan, in points. */
  byTerm: Partial<Record<Term, number>>;
  /** Warnings the plan adds (negative: removes) beyond the rota as it stands, by rule. */
  warningsAdded: Partial<Record<RuleId, number>>;
  values: number[];
}

/**
 * The objective of an assignment (column indices of the pairs chosen), each soft column at the least value
 * its rows allow. The solver's objective at an optimum equals this for the assignment it returns.
 */
export const evaluate = (model: AutofillModel, chosen: ReadonlySet<number>): Evaluation => {
  const values: number[] = model.columns.map((c, i) => (c.kind === 'x' && chosen.has(i) ? 1 : 0));
  const filled = new Set<string>();
  for (const x of chosen) {
    const p = model.pairs.get(x);
    if (p) filled.add(p.shift.id);
  }
  for (const [shiftId, u] of model.openColumn) values[u] = filled.has(shiftId) ? 0 : 1;
  for (const d of model.definitions) {
    const lhs = (d.constant + d.terms.reduce((s, [c, v]) => s + c * values[v], 0)) / d.scale;
    const kind = model.columns[d.aux].kind;
    const need = kind === 'binary' ? (lhs > 1e-9 ? 1 : 0) : Math.max(0, lhs);
    if (need > values[d.aux]) values[d.aux] = need;
  }
  const byTerm: Partial<Record<Term, number>> = {};
  const warningsAdded: Partial<Record<RuleId, number>> = {};
  let objective = 0;
  model.columns.forEach((c, i) => {
    if (values[i] === 0 && c.base === 0) return;
    const cost = c.cost * values[i];
    objective += cost;
    if (c.kind === 'x') {
      const p = model.pairs.get(i)!;
      for (const r of p.ownWarnings) {
        byTerm[r] = (byTerm[r] ?? 0) + (model.weights.warning[r] ?? 0);
        warningsAdded[r] = (warningsAdded[r] ?? 0) + 1;
      }
      if (p.longDay) byTerm['long-day'] = (byTerm['long-day'] ?? 0) + model.weights.longDay;
      return;
    }
    if (c.term) byTerm[c.term] = (byTerm[c.term] ?? 0) + cost;
    if (c.kind === 'binary' && c.term && c.term !== 'long-day') {
      const rule = c.term as RuleId;
      warningsAdded[rule] = (warningsAdded[rule] ?? 0) + values[i] - c.base;
    }
  });
  return { objective, byTerm, warningsAdded, values };
};

/**
 * A first plan in a blink, for the solver to start from and to keep if it is stopped at once: shifts with
 * fewest candidates first, each to the cheapest candidate the hard rows still allow.
 */
export const greedyStart = (model: AutofillModel): Set<number> => {
  const { columns, definitions } = model;
  const n = columns.length;
  const isX = new Uint8Array(n);
  columns.forEach((c, i) => {
    if (c.kind === 'x') isX[i] = 1;
  });
  // Flat lists by column (counted, then filled): each pair column's hard rows, once per term it has there, with
  // its whole coefficient in the row (its terms there summed in order, from 0).
  const hard = model.rows.filter(isHardRow);
  const scratch = new Float64Array(n);
  const rowStart = new Int32Array(n + 1);
  // Indexed loops over the terms: destructuring each [coef, column] pair cost most of this function's time.
  for (const r of hard) for (let j = 0; j < r.terms.length; j += 1) if (isX[r.terms[j][1]]) rowStart[r.terms[j][1] + 1] += 1;
  for (let c = 0; c < n; c += 1) rowStart[c + 1] += rowStart[c];
  const rowAt = rowStart.slice(0, n);
  const rowOf = new Int32Array(rowStart[n]);
  const rowCoef = new Float64Array(rowStart[n]);
  hard.forEach((r, i) => {
    const t = r.terms;
    for (let j = 0; j < t.length; j += 1) scratch[t[j][1]] = 0;
    for (let j = 0; j < t.length; j += 1) scratch[t[j][1]] += t[j][0];
    for (let j = 0; j < t.length; j += 1) {
      const v = t[j][1];
      if (!isX[v]) continue;
      rowOf[rowAt[v]] = i;
      rowCoef[rowAt[v]] = scratch[v];
      rowAt[v] += 1;
    }
  });
  const hi = Float64Array.from(hard, (r) => r.hi);
  // Each soft column's definitions, and each pair column's, once each, with its whole coefficient there.
  const auxStart = new Int32Array(n + 1);
  for (const d of definitions) auxStart[d.aux + 1] += 1;
  for (let c = 0; c < n; c += 1) auxStart[c + 1] += auxStart[c];
  const auxAt = auxStart.slice(0, n);
  const defsOfAux = new Int32Array(definitions.length);
  definitions.forEach((d, i) => {
    defsOfAux[auxAt[d.aux]] = i;
    auxAt[d.aux] += 1;
  });
  const defStart = new Int32Array(n + 1);
  const seen = new Int32Array(n).fill(-1);
  definitions.forEach((d, i) => {
    const t = d.terms;
    for (let j = 0; j < t.length; j += 1) {
      const v = t[j][1];
      if (!isX[v] || seen[v] === i) continue;
      seen[v] = i;
      defStart[v + 1] += 1;
    }
  });
  for (let c = 0; c < n; c += 1) defStart[c + 1] += defStart[c];
  const defAt = defStart.slice(0, n);
  const defOf = new Int32Array(defStart[n]);
  const defCoef = new Float64Array(defStart[n]);
  // A definition whose terms are all pair columns (0 or 1) with whole coefficients has its sum Σ coef·x worked
  // out exactly, in any order: kept up to date as pairs are chosen instead of added up again at every look.
  const exact = new Uint8Array(definitions.length);
  const sums = new Float64Array(definitions.length);
  seen.fill(-1);
  definitions.forEach((d, i) => {
    const t = d.terms;
    let size = Math.abs(d.constant);
    let whole = true;
    for (let j = 0; j < t.length; j += 1) {
      const k = t[j][0];
      const v = t[j][1];
      size += Math.abs(k);
      if (!isX[v] || !Number.isInteger(k) || Object.is(k, -0)) whole = false;
    }
    if (whole && size < Number.MAX_SAFE_INTEGER) exact[i] = 1;
    for (let j = 0; j < t.length; j += 1) scratch[t[j][1]] = 0;
    for (let j = 0; j < t.length; j += 1) scratch[t[j][1]] += t[j][0];
    for (let j = 0; j < t.length; j += 1) {
      const v = t[j][1];
      if (!isX[v] || seen[v] === i) continue;
      seen[v] = i;
      defOf[defAt[v]] = i;
      defCoef[defAt[v]] = scratch[v];
      defAt[v] += 1;
    }
  });
  const values = new Float64Array(n);
  /** The least value of soft column `aux` with the pairs chosen, and pair column `extra` too (-1 for none). */
  const auxValue = (aux: number, extra: number) => {
    let need = 0;
    const binary = columns[aux].kind === 'binary';
    for (let at = auxStart[aux]; at < auxStart[aux + 1]; at += 1) {
      const i = defsOfAux[at];
      const d = definitions[i];
      let sum = 0;
      if (exact[i]) {
        sum = sums[i];
        if (extra >= 0) for (let e = defStart[extra]; e < defStart[extra + 1]; e += 1) if (defOf[e] === i) sum += defCoef[e];
      } else {
        if (extra >= 0) values[extra] = 1;
        for (const [k, v] of d.terms) sum += k * values[v];
        if (extra >= 0) values[extra] = 0;
      }
      const lhs = (d.constant + sum) / d.scale;
      need = Math.max(need, binary ? (lhs > 1e-9 ? 1 : 0) : lhs);
    }
    return need;
  };
  // Soft columns that depend on no shift still take their values (a rest warning a plan could only remove).
  const auxes: number[] = [];
  for (const d of definitions) {
    if (seen[d.aux] === -2) continue;
    seen[d.aux] = -2;
    auxes.push(d.aux);
  }
  for (const aux of auxes) values[aux] = auxValue(aux, -1);
  // Each pair column's soft columns, each once, in the order its definitions name them.
  const auxesOf = (c: number): number[] => {
    const out: number[] = [];
    for (let e = defStart[c]; e < defStart[c + 1]; e += 1) {
      const aux = definitions[defOf[e]].aux;
      if (!out.includes(aux)) out.push(aux);
    }
    return out;
  };
  const activity = new Float64Array(hard.length);
  const byShift = new Map<string, number[]>();
  for (const [c, p] of model.pairs) {
    const list = byShift.get(p.shift.id);
    if (list) list.push(c);
    else byShift.set(p.shift.id, [c]);
  }
  const chosen = new Set<number>();
  // The shifts with fewest candidates first: they are the ones a careless early choice leaves open.
  const startOf = new Map(model.open.map((s) => [s.id, spanOf(s.date, s.start, s.end).start]));
  const ordered = [...model.open].sort(
    (a, b) => (byShift.get(a.id)?.length ?? 0) - (byShift.get(b.id)?.length ?? 0) || startOf.get(a.id)! - startOf.get(b.id)!,
  );
  for (const shift of ordered) {
    let best = -1;
    let bestCost = Infinity;
    for (const c of byShift.get(shift.id) ?? []) {
      let fits = true;
      for (let e = rowStart[c]; e < rowStart[c + 1] && fits; e += 1) fits = !(activity[rowOf[e]] + rowCoef[e] > hi[rowOf[e]] + 1e-9);
      if (!fits) continue;
      // What this person on the shift adds: their own cost and every soft column it pushes up.
      let cost = columns[c].cost;
      for (const aux of auxesOf(c)) cost += columns[aux].cost * (auxValue(aux, c) - values[aux]);
      if (cost < bestCost) {
        bestCost = cost;
        best = c;
      }
    }
    // Left open when every candidate costs more than the gap does.
    if (best < 0 || bestCost >= columns[model.openColumn.get(shift.id)!].cost) continue;
    for (let e = rowStart[best]; e < rowStart[best + 1]; e += 1) activity[rowOf[e]] += rowCoef[e];
    values[best] = 1;
    for (let e = defStart[best]; e < defStart[best + 1]; e += 1) if (exact[defOf[e]]) sums[defOf[e]] += defCoef[e];
    for (const aux of auxesOf(best)) values[aux] = auxValue(aux, -1);
    chosen.add(best);
  }
  return chosen;
};

/**
 * A lower bound on any plan's objective that needs no solver: each shift costs at least the cheaper of
 * leaving it open and its cheapest candidate alone, and every other term costs nothing or more.
 */
export const simpleBound = (model: AutofillModel): number => {
  const cheapest = new Map<string, number>();
  for (const [shiftId, u] of model.openColumn) cheapest.set(shiftId, model.columns[u].cost);
  for (const [c, p] of model.pairs) cheapest.set(p.shift.id, Math.min(cheapest.get(p.shift.id) ?? Infinity, model.columns[c].cost));
  return [...cheapest.values()].reduce((a, b) => a + b, 0);
};

/** Whether an assignment keeps every hard row (overlaps, young workers' hours and rest, no-good cuts). */
export const keepsHardRows = (model: AutofillModel, chosen: ReadonlySet<number>): boolean =>
  model.rows.every((r) => {
    if (!isHardRow(r)) return true;
    const lhs = r.terms.reduce((sum, [k, v]) => sum + (model.columns[v].kind === 'x' && chosen.has(v) ? k : 0), 0);
    return lhs <= r.hi + 1e-9;
  });

/**
 * `chosen` less the pairs it must let go to keep every hard row: from each `Σ coef·x ≤ hi` row it breaks (a young
 * worker's weekly rest found by the engine after a search, as a no-good cut; an overlap), its chosen pairs from the
 * last, until the row holds. Their shifts are left open, for a search to fill again.
 */
export const dropBroken = (model: AutofillModel, chosen: ReadonlySet<number>): Set<number> => {
  const out = new Set(chosen);
  for (const r of model.rows) {
    if (!isHardRow(r)) continue;
    let lhs = 0;
    const mine: [number, number][] = [];
    for (const [k, v] of r.terms)
      if (model.columns[v].kind === 'x' && out.has(v)) {
        lhs += k;
        if (k > 0) mine.push([k, v]);
      }
    while (lhs > r.hi + 1e-9 && mine.length > 0) {
      const [k, v] = mine.pop()!;
      out.delete(v);
      lhs -= k;
    }
  }
  return out;
};

/** The pairs a column vector from the solver chooses. */
export const chosenPairs = (model: AutofillModel, colValue: ArrayLike<number>): Set<number> => {
  const chosen = new Set<number>();
  for (const i of model.pairs.keys()) if (colValue[i] > 0.5) chosen.add(i);
  return chosen;
};

/** One shift in a person-week's best-path pricing. */
export interface PathItem {
  /** Paid minutes (whole). */
  w: number;
  /** Its cost less the shift's multiplier. */
  a: number;
  /** Its span, in ms. */
  start: number;
  end: number;
  /**
   * Whether under 11 h rest before it, after another of these shifts, is a finding the model counts: false
   * when one of the person's fixed shifts runs into or touches its start (the engine then pairs it with that one).
   */
  restCounts: boolean;
  /** Bit k set: the shift counts towards `PathWeek.fair[k]` (a night, a weekend or a bank-holiday shift). */
  cats?: number;
}

/** What a person-week's choice costs beyond its shifts: the model's rows, as the path pricing reads them. */
export interface PathWeek {
  /** Points per minute away from contract, on `fixed + Σ paid − target`. */
  k: number;
  fixed: number;
  target: number;
  /** The over-contract finding: once fixed + Σ paid > minutes. */
  overContract: { minutes: number; cost: number } | null;
  /** Under this much rest between two shifts (the later one not touching the earlier) costs `restCost`. */
  restMs: number;
  restCost: number;
  /** Two touching shifts making a stretch longer than this cost `longCost`. */
  longMs: number;
  longCost: number;
  /**
   * Fair shares still below the person's even share (`f ≥ had − share + Σ x`, had < share): the first `cap` shifts
   * of category k (items with bit k in `cats`) cost nothing, each one after costs `cost`. The path carries a count of
   * each, up to its cap, so the share is paid exactly (at most a few categories, each a small cap).
   */
  fair?: readonly { cap: number; cost: number }[];
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * A person-week's cheapest choice of shifts, exactly, as a longest-path table: shifts by start, a state for
 * each (last shift taken, paid time so far, and the count of each fair share in `fair` up to its cap). Two shifts that
 * overlap are never both taken; consecutive ones pay the rest finding (under `restMs` apart) or the long stretch
 * (touching, over `longMs` together); a share's shifts past its cap pay its cost; the total pays its distance from
 * contract and the over-contract finding. Chains whose last shift ended more
 * than `restMs` before the next one starts are pooled (no pair cost can reach), so each shift looks back only
 * at the few that end within its rest window. Null when the table would be over `maxSize` columns of paid time.
 */
export const bestPersonWeek = (items: readonly PathItem[], week: PathWeek, maxSize = 4000): { value: number; chosen: number[] } | null => {
  const table = personWeekTable(items, week, maxSize);
  return table && table(items.map((it) => it.a));
};

/** Scratch for the path tables, grown as needed and shared by every call (each call fills what it reads). */
let scratchValue = new Float64Array(0);
let scratchBack = new Int32Array(0);
let scratchBackM = new Int32Array(0);
let scratchPool = new Float64Array(0);
let scratchPoolLast = new Int32Array(0);
let scratchHi = new Int32Array(0);

/**
 * `bestPersonWeek` in two parts: what depends only on the shifts (times, paid time, `restCounts`) and the week,
 * worked out once, and a function that prices the shifts at costs `a` (by item). The same table, the same
 * steps in the same order, so the same value and choice, to the bit; the pricer keeps one per person-week
 * and calls it at each λ. Null when the table would be over `maxSize` columns of paid time.
 */
export const personWeekTable = (
  items: readonly Omit<PathItem, 'a'>[],
  week: PathWeek,
  maxSize = 4000,
): ((a: ArrayLike<number>) => { value: number; chosen: number[] }) | null => {
  const hoursCost = (minutes: number) => {
    const total = week.fixed + minutes;
    return week.k * Math.abs(total - week.target) + (week.overContract && total > week.overContract.minutes ? week.overContract.cost : 0);
  };
  const n = items.length;
  if (n === 0) {
    const value = hoursCost(0);
    return () => ({ value, chosen: [] });
  }
  const hoursMatter = week.k > 0 || week.overContract !== null;
  let unit = 0;
  if (hoursMatter) for (const it of items) unit = gcd(unit, Math.round(it.w));
  unit = Math.max(unit, 1);
  const units = Int32Array.from(items, (it) => (hoursMatter ? Math.round(it.w / unit) : 0));
  let size = 0;
  if (hoursMatter) {
    let minStart = Infinity;
    let maxEnd = -Infinity;
    for (const it of items) {
      minStart = Math.min(minStart, it.start);
      maxEnd = Math.max(maxEnd, it.end);
    }
    // Shifts taken never overlap, so their paid time fits in the span they cover.
    size = Math.min(
      units.reduce((t, u) => t + u, 0),
      Math.ceil((maxEnd - minStart) / 60_000 / unit),
    );
  }
  if (size > maxSize) return null;
  // From `top` units on (enough paid time that the total is at or over target and over the over-contract
  // line) the hours cost only grows, by k a minute: those states are one, and a shift taken into it pays
  // k·unit for each unit past `top`. Exact, and the table is often a third as wide (a contract's hours
  // against a week's span).
  let top = size;
  if (hoursMatter) {
    let t = Math.max(0, Math.ceil((week.target - week.fixed) / unit));
    if (week.overContract) t = Math.max(t, Math.floor((week.overContract.minutes - week.fixed) / unit) + 1);
    top = Math.min(size, t);
  }
  const perUnit = week.k * unit;
  const S = top + 1;
  /** The hours cost with m units of paid time taken. */
  const hours = Float64Array.from({ length: S }, (_, m) => hoursCost(m * unit));
  const order = Int32Array.from(items.map((_, i) => i).sort((x, y) => items[x].start - items[y].start || items[x].end - items[y].end));
  const byEnd = Int32Array.from(items.map((_, i) => i).sort((x, y) => items[x].end - items[y].end));
  // At step k (the shift order[k]): the shifts settled into the pool so far (byEnd[0, settledTo[k])), and the
  // shifts ending within its rest window before it, with the rest or long-stretch cost of taking both.
  const settledTo = new Int32Array(n);
  const predStart = new Int32Array(n + 1);
  const predA: number[] = [];
  const predPair: number[] = [];
  let settled = 0;
  for (let k = 0; k < n; k += 1) {
    const B = items[order[k]];
    const horizon = B.start - week.restMs;
    while (settled < n && items[byEnd[settled]].end <= horizon) settled += 1;
    settledTo[k] = settled;
    predStart[k] = predA.length;
    for (let j = settled; j < n && items[byEnd[j]].end <= B.start; j += 1) {
      const a = byEnd[j];
      const A = items[a];
      if (A.end <= A.start) continue;
      predA.push(a);
      predPair.push(A.end < B.start ? (B.restCounts ? week.restCost : 0) : B.end - A.start > week.longMs ? week.longCost : 0);
    }
  }
  predStart[n] = predA.length;
  const preds = Int32Array.from(predA);
  const pairs = Float64Array.from(predPair);
  // The fair-share counts: state c (mixed radix, digit k up to fair[k].cap) beside the paid time m, as q = c·S + m.
  // Taking shift b from count c leads to count next[b·C + c] and pays fair[b·C + c] for the shares it passes.
  const fairRows = week.fair ?? [];
  let C = 1;
  const radix = fairRows.map((f) => {
    const r = C;
    C *= f.cap + 1;
    return r;
  });
  const next = new Int32Array(n * C);
  const fairCost = new Float64Array(n * C);
  for (let i = 0; i < n; i += 1)
    for (let c = 0; c < C; c += 1) {
      let to = c;
      let add = 0;
      fairRows.forEach((f, k) => {
        if (((items[i].cats ?? 0) & (1 << k)) === 0) return;
        if (Math.floor(c / radix[k]) % (f.cap + 1) < f.cap) to += radix[k];
        else add += f.cost;
      });
      next[i * C + c] = to;
      fairCost[i * C + c] = add;
    }
  const Q = S * C;
  const cells = n * Q;
  return (a: ArrayLike<number>) => {
    if (scratchValue.length < cells) {
      scratchValue = new Float64Array(cells);
      scratchBack = new Int32Array(cells);
      scratchBackM = new Int32Array(cells);
    }
    if (scratchPool.length < Q) {
      scratchPool = new Float64Array(Q);
      scratchPoolLast = new Int32Array(Q);
    }
    if (scratchHi.length < n * C + C) scratchHi = new Int32Array(n * C + C);
    // value[i·Q + q]: least cost of a choice whose last shift is i, in state q = c·S + m (fair-share counts c, m units
    // of paid time; m = top: at least top); back / backM: the shift before (−1 none) and its state, written whenever
    // value is.
    const value = scratchValue;
    const back = scratchBack;
    const backM = scratchBackM;
    const pool = scratchPool;
    const poolLast = scratchPoolLast;
    // hi[i·C + c]: no state (c, m) of shift i with m above it is reached (−1: none of count c is); hi[n·C + c], the
    // same for the pool. Each loop over m stops there: the states past it are Infinity, and skipping them changes
    // no value and no choice (the paid time a chain has reached grows through the week, and a share's count is
    // reached only after one of its shifts, so early in the week most of the table is unreached).
    const hi = scratchHi;
    const poolHi = n * C;
    hi.fill(-1, 0, n * C + C);
    hi[poolHi] = 0;
    value.fill(Infinity, 0, cells);
    pool.fill(Infinity, 0, Q);
    poolLast.fill(-1, 0, Q);
    pool[0] = 0;
    let inPool = 0;
    for (let k = 0; k < n; k += 1) {
      const b = order[k];
      for (const to = settledTo[k]; inPool < to;) {
        const settler = byEnd[inPool++];
        for (let c = 0; c < C; c += 1) {
          const h = hi[settler * C + c];
          if (h < 0) continue;
          if (h > hi[poolHi + c]) hi[poolHi + c] = h;
          const from = settler * Q + c * S;
          const into = c * S;
          for (let m = 0; m <= h; m += 1) {
            const v = value[from + m];
            if (v < pool[into + m]) {
              pool[into + m] = v;
              poolLast[into + m] = settler;
            }
          }
        }
      }
      const wb = units[b];
      const ab = a[b];
      const straight = Math.max(0, S - wb);
      for (let c = 0; c < C; c += 1) {
        const src = c * S;
        const to = next[b * C + c];
        const row = b * Q + to * S;
        const abc = ab + fairCost[b * C + c];
        // value[row + m + wb] from the pool, then from each shift within the rest window (clamped at top).
        let reach = -1;
        const hp = hi[poolHi + c];
        if (hp >= 0) {
          reach = Math.min(top, hp + wb);
          for (let m = 0, end = Math.min(straight, hp + 1); m < end; m += 1) {
            const v = pool[src + m] + abc;
            if (v < value[row + m + wb]) {
              value[row + m + wb] = v;
              back[row + m + wb] = poolLast[src + m];
              backM[row + m + wb] = src + m;
            }
          }
          for (let m = straight; m <= hp; m += 1) {
            const v = pool[src + m] + abc + perUnit * (m + wb - top);
            if (v < value[row + top]) {
              value[row + top] = v;
              back[row + top] = poolLast[src + m];
              backM[row + top] = src + m;
            }
          }
        }
        for (let p = predStart[k], pEnd = predStart[k + 1]; p < pEnd; p += 1) {
          const prev = preds[p];
          const hq = hi[prev * C + c];
          if (hq < 0) continue;
          reach = Math.max(reach, Math.min(top, hq + wb));
          const fromAt = prev * Q + src;
          const add = pairs[p] + abc;
          for (let m = 0, end = Math.min(straight, hq + 1); m < end; m += 1) {
            const v = value[fromAt + m] + add;
            if (v < value[row + m + wb]) {
              value[row + m + wb] = v;
              back[row + m + wb] = prev;
              backM[row + m + wb] = src + m;
            }
          }
          for (let m = straight; m <= hq; m += 1) {
            const v = value[fromAt + m] + add + perUnit * (m + wb - top);
            if (v < value[row + top]) {
              value[row + top] = v;
              back[row + top] = prev;
              backM[row + top] = src + m;
            }
          }
        }
        if (reach > hi[b * C + to]) hi[b * C + to] = reach;
      }
    }
    let best = hours[0];
    let last = -1;
    let at = 0;
    for (let i = 0; i < n; i += 1)
      for (let c = 0; c < C; c += 1)
        for (let m = 0, h = hi[i * C + c]; m <= h; m += 1) {
          const q = c * S + m;
          const v = value[i * Q + q];
          if (v === Infinity) continue;
          const t = v + hours[m];
          if (t < best) {
            best = t;
            last = i;
            at = q;
          }
        }
    const chosen: number[] = [];
    for (let i = last, q = at; i >= 0;) {
      chosen.push(i);
      const prev = back[i * Q + q];
      q = backM[i * Q + q];
      i = prev;
    }
    return { value: best, chosen: chosen.reverse() };
  };
};

/** Where each row's terms start in one flat array of them all, and (last) how many there are. */
const termStarts = (rows: readonly { terms: readonly unknown[] }[]): Int32Array => {
  const start = new Int32Array(rows.length + 1);
  rows.forEach((row, i) => (start[i + 1] = start[i] + row.terms.length));
  return start;
};

/** The person a column belongs to: a pair's person, or a soft column's (undefined for a shift's "left open"). */
export const staffOfColumn = (model: AutofillModel, c: number): string | undefined =>
  model.columns[c].kind === 'x' ? model.pairs.get(c)!.staffId : model.columns[c].staffId;

/** One person's own rows: every soft column of the model and every hard row belongs to one person. */
export interface PersonRows {
  /** Their hard rows (`Σ coef·x ≤ hi`: overlaps, young workers, no-good cuts). */
  hard: Row[];
  /** Their soft columns' definitions, in model order (a soft column may feed another's row). */
  defs: Definition[];
  /** Their soft columns. */
  aux: number[];
  /** The same rows flattened into typed arrays, for `personSoftCost` (made by `rowsByPerson`). */
  flat: FlatRows;
}

/**
 * A person's rows as flat arrays, in the same order as `PersonRows` holds them, so that `personSoftCost` does
 * the very same arithmetic (same terms, same order) without walking pairs of tuples or looking up columns.
 */
export interface FlatRows {
  /** Hard row r's terms are [hardStart[r], hardStart[r + 1]) of hardCoef / hardCol; its limit is hardHi[r] (hi + 1e-9). */
  hardStart: Int32Array;
  hardCoef: Float64Array;
  hardCol: Int32Array;
  hardHi: Float64Array;
  /** Definition d's terms are [defStart[d], defStart[d + 1]) of defCoef / defCol. */
  defStart: Int32Array;
  defCoef: Float64Array;
  defCol: Int32Array;
  defConstant: Float64Array;
  defScale: Float64Array;
  defAux: Int32Array;
  /** 1 where the definition's soft column is binary. */
  defBinary: Uint8Array;
  aux: Int32Array;
  auxCost: Float64Array;
  /**
   * Whether their rows read no column but x columns and their own soft columns, and their hard rows x columns
   * only: then what `personSoftCost` leaves in their soft columns is read by nothing but the next call for them.
   */
  closed: boolean;
}

const flatten = (model: AutofillModel, r: { hard: Row[]; defs: Definition[]; aux: number[] }): FlatRows => {
  const { columns } = model;
  const isX = (v: number) => columns[v].kind === 'x';
  const mine = new Set(r.aux);
  let closed = true;
  const hardStart = termStarts(r.hard);
  const hardCoef = new Float64Array(hardStart[r.hard.length]);
  const hardCol = new Int32Array(hardStart[r.hard.length]);
  const hardHi = new Float64Array(r.hard.length);
  r.hard.forEach((row, i) => {
    hardHi[i] = row.hi + 1e-9;
    row.terms.forEach(([k, v], j) => {
      hardCoef[hardStart[i] + j] = k;
      hardCol[hardStart[i] + j] = v;
      if (!isX(v)) closed = false;
    });
  });
  const defStart = termStarts(r.defs);
  const defCoef = new Float64Array(defStart[r.defs.length]);
  const defCol = new Int32Array(defStart[r.defs.length]);
  const defConstant = new Float64Array(r.defs.length);
  const defScale = new Float64Array(r.defs.length);
  const defAux = new Int32Array(r.defs.length);
  const defBinary = new Uint8Array(r.defs.length);
  r.defs.forEach((d, i) => {
    defConstant[i] = d.constant;
    defScale[i] = d.scale;
    defAux[i] = d.aux;
    defBinary[i] = columns[d.aux].kind === 'binary' ? 1 : 0;
    d.terms.forEach(([k, v], j) => {
      defCoef[defStart[i] + j] = k;
      defCol[defStart[i] + j] = v;
      if (!isX(v) && !mine.has(v)) closed = false;
    });
  });
  const aux = Int32Array.from(r.aux);
  const auxCost = Float64Array.from(r.aux, (a) => columns[a].cost);
  return {
    hardStart,
    hardCoef,
    hardCol,
    hardHi,
    defStart,
    defCoef,
    defCol,
    defConstant,
    defScale,
    defAux,
    defBinary,
    aux,
    auxCost,
    closed,
  };
};

/** Each person's own rows, as the model has them when called (cuts added later are not in it). */
export const rowsByPerson = (model: AutofillModel): Map<string, PersonRows> => {
  const out = new Map<string, PersonRows>();
  const lists = new Map<string, { hard: Row[]; defs: Definition[]; aux: number[] }>();
  const of = (p: string) => {
    let r = lists.get(p);
    if (!r) lists.set(p, (r = { hard: [], defs: [], aux: [] }));
    return r;
  };
  for (const d of model.definitions) {
    const p = staffOfColumn(model, d.aux);
    if (p !== undefined) of(p).defs.push(d);
  }
  for (const r of model.rows) {
    if (!isHardRow(r) || r.terms.length === 0) continue;
    const p = staffOfColumn(model, r.terms[0][1]);
    if (p !== undefined) of(p).hard.push(r);
  }
  for (const [p, r] of lists) {
    r.aux = [...new Set(r.defs.map((d) => d.aux))];
    out.set(p, { ...r, flat: flatten(model, r) });
  }
  return out;
};

/** `personSoftCost` on a person's flat rows. */
const flatSoftCost = (f: FlatRows, values: Float64Array): number => {
  const { hardStart, hardCoef, hardCol, hardHi, defStart, defCoef, defCol, defConstant, defScale, defAux, defBinary, aux, auxCost } = f;
  const nHard = hardHi.length;
  for (let r = 0, t = 0; r < nHard; r += 1) {
    let lhs = 0;
    for (const end = hardStart[r + 1]; t < end; t += 1) lhs += hardCoef[t] * values[hardCol[t]];
    if (lhs > hardHi[r]) return Infinity;
  }
  const nAux = aux.length;
  for (let i = 0; i < nAux; i += 1) values[aux[i]] = 0;
  const nDefs = defAux.length;
  for (let d = 0, t = 0; d < nDefs; d += 1) {
    let lhs = defConstant[d];
    for (const end = defStart[d + 1]; t < end; t += 1) lhs += defCoef[t] * values[defCol[t]];
    lhs /= defScale[d];
    const need = defBinary[d] === 1 ? (lhs > 1e-9 ? 1 : 0) : Math.max(0, lhs);
    const a = defAux[d];
    if (need > values[a]) values[a] = need;
  }
  let cost = 0;
  for (let i = 0; i < nAux; i += 1) cost += auxCost[i] * values[aux[i]];
  return cost;
};

/**
 * What one person's soft columns cost with their x columns as `values` holds them (1 chosen, 0 not): each soft
 * column at the least value its rows allow, as `evaluate` counts it, written back into `values`. Infinity
 * when the choice breaks one of their hard rows. Their x columns' own costs are not included.
 */
export const personSoftCost = (_model: AutofillModel, own: PersonRows | undefined, values: Float64Array): number =>
  own ? flatSoftCost(own.flat, values) : 0;

/** Compressed lists by key: the entries of key k are [start[k], start[k + 1]) of `a` (and `b`). */
interface Csr {
  start: Int32Array;
  a: Int32Array;
  b: Float64Array;
}

/** Lists by key from entries written flat, three numbers each: key, a, b. */
const csr = (keys: number, entries: readonly number[]): Csr => {
  const count = entries.length / 3;
  const start = new Int32Array(keys + 1);
  for (let e = 0; e < entries.length; e += 3) start[entries[e] + 1] += 1;
  for (let k = 0; k < keys; k += 1) start[k + 1] += start[k];
  const at = start.slice(0, keys);
  const a = new Int32Array(count);
  const b = new Float64Array(count);
  for (let e = 0; e < entries.length; e += 3) {
    const k = entries[e];
    a[at[k]] = entries[e + 1];
    b[at[k]] = entries[e + 2];
    at[k] += 1;
  }
  return { start, a, b };
};

/** The people's soft columns for the local search, kept up to date move by move (`makeSoftTracker`). */
interface SoftTracker {
  /** Sets x column c to v (0 or 1), keeping the sums of the rows it is in. */
  set: (c: number, v: number) => void;
  /** Person p's soft cost from scratch, as `personSoftCost` (and their soft columns' values, kept). */
  full: (p: number) => number;
  /** Person p's soft cost after their x columns among `off` and `on` were set, as `personSoftCost` counts it. */
  price: (p: number, off: readonly number[], on: readonly number[]) => number;
  /** A move begins; the move priced since is undone (bounds, soft columns), once its x columns are set back. */
  begin: () => void;
  undo: () => void;
}

/**
 * What each person's soft columns cost, kept from move to move so that a move touching one of their shifts
 * reads only the rows that shift is in: each definition's lower bound and each hard row's activity are kept
 * (as exact sums, where the coefficients and constant are whole numbers, so the same double whatever the order
 * they are added in), and a definition is read again only when one of its columns moved. Each soft column is
 * then the largest of its definitions' bounds and the cost the same sum over their soft columns, as
 * `personSoftCost` makes them: the same figures to the bit. A person whose choice broke a hard row is priced
 * from scratch until a move mends it. Null when a person's rows read a column not their own, or a soft column
 * before all its definitions (then moves are priced from scratch, with `personSoftCost`).
 */
const makeSoftTracker = (
  model: AutofillModel,
  flatOf: readonly (FlatRows | undefined)[],
  personOf: Int32Array,
  values: Float64Array,
): SoftTracker | null => {
  const { columns } = model;
  const P = flatOf.length;
  const defBase = new Int32Array(P + 1);
  const hardBase = new Int32Array(P + 1);
  for (let p = 0; p < P; p += 1) {
    defBase[p + 1] = defBase[p] + (flatOf[p]?.defAux.length ?? 0);
    hardBase[p + 1] = hardBase[p] + (flatOf[p]?.hardHi.length ?? 0);
  }
  const nDefs = defBase[P];
  const nHard = hardBase[P];
  const xHard: number[] = [];
  const xDef: number[] = [];
  const auxDefs: number[] = [];
  const auxReaders: number[] = [];
  const defInt = new Uint8Array(nDefs);
  const hardInt = new Uint8Array(nHard);
  const safe = (sum: number) => sum <= Number.MAX_SAFE_INTEGER;
  for (let p = 0; p < P; p += 1) {
    const f = flatOf[p];
    if (!f) continue;
    const lastDef = new Map<number, number>();
    for (let d = 0; d < f.defAux.length; d += 1) {
      lastDef.set(f.defAux[d], d);
      auxDefs.push(f.defAux[d], defBase[p] + d, 0);
    }
    for (let r = 0; r < f.hardHi.length; r += 1) {
      let sum = 0;
      let whole = true;
      for (let t = f.hardStart[r]; t < f.hardStart[r + 1]; t += 1) {
        const v = f.hardCol[t];
        if (columns[v].kind !== 'x' || personOf[v] !== p) return null;
        xHard.push(v, hardBase[p] + r, f.hardCoef[t]);
        whole &&= Number.isSafeInteger(f.hardCoef[t]);
        sum += Math.abs(f.hardCoef[t]);
      }
      hardInt[hardBase[p] + r] = whole && safe(sum) ? 1 : 0;
    }
    for (let d = 0; d < f.defAux.length; d += 1) {
      let sum = Math.abs(f.defConstant[d]);
      let whole = Number.isSafeInteger(f.defConstant[d]);
      for (let t = f.defStart[d]; t < f.defStart[d + 1]; t += 1) {
        const v = f.defCol[t];
        if (columns[v].kind === 'x') {
          if (personOf[v] !== p) return null;
          xDef.push(v, defBase[p] + d, f.defCoef[t]);
        } else {
          // A soft column of theirs, whose every definition comes before this one.
          const last = lastDef.get(v);
          if (last === undefined || last >= d) return null;
          auxReaders.push(v, defBase[p] + d, 0);
          whole = false;
        }
        whole &&= Number.isSafeInteger(f.defCoef[t]);
        sum += Math.abs(f.defCoef[t]);
      }
      defInt[defBase[p] + d] = whole && safe(sum) ? 1 : 0;
    }
  }
  const n = columns.length;
  const hardOfX = csr(n, xHard);
  const defsOfX = csr(n, xDef);
  const defsOfAux = csr(n, auxDefs);
  const readersOfAux = csr(n, auxReaders);
  // Each definition's and hard row's Σ coef·x, kept exact (whole numbers only); each definition's bound.
  const defSum = new Float64Array(nDefs);
  const hardSum = new Float64Array(nHard);
  const need = new Float64Array(nDefs);
  const valid = new Uint8Array(P);
  /** A valid person's soft cost as it stands (the same sum over the same soft columns' values). */
  const soft = new Float64Array(P);
  const dirty = new Uint8Array(nDefs);
  const hardLhs = (f: FlatRows, r: number) => {
    let lhs = 0;
    for (let t = f.hardStart[r]; t < f.hardStart[r + 1]; t += 1) lhs += f.hardCoef[t] * values[f.hardCol[t]];
    return lhs;
  };
  const defLhs = (f: FlatRows, d: number) => {
    let lhs = f.defConstant[d];
    for (let t = f.defStart[d]; t < f.defStart[d + 1]; t += 1) lhs += f.defCoef[t] * values[f.defCol[t]];
    return lhs;
  };
  for (let p = 0; p < P; p += 1) {
    const f = flatOf[p];
    if (!f) continue;
    for (let r = 0; r < f.hardHi.length; r += 1) hardSum[hardBase[p] + r] = hardLhs(f, r);
    for (let d = 0; d < f.defAux.length; d += 1) defSum[defBase[p] + d] = defLhs(f, d);
  }
  // Changes since `begin`: [0 a bound / 1 a soft column's value / 2 a person's soft cost, index, old value].
  let logKind = new Uint8Array(64);
  let logAt = new Int32Array(64);
  let logOld = new Float64Array(64);
  let logged = 0;
  const log = (kind: number, at: number, old: number) => {
    if (logged === logKind.length) {
      const grow = <T extends Uint8Array | Int32Array | Float64Array>(a: T, b: T): T => (b.set(a), b);
      logKind = grow(logKind, new Uint8Array(2 * logged));
      logAt = grow(logAt, new Int32Array(2 * logged));
      logOld = grow(logOld, new Float64Array(2 * logged));
    }
    logKind[logged] = kind;
    logAt[logged] = at;
    logOld[logged] = old;
    logged += 1;
  };
  const costNow = (f: FlatRows) => {
    let cost = 0;
    for (let i = 0; i < f.aux.length; i += 1) cost += f.auxCost[i] * values[f.aux[i]];
    return cost;
  };
  const full = (p: number): number => {
    const f = flatOf[p];
    valid[p] = 0;
    if (!f) return 0;
    for (let r = 0; r < f.hardHi.length; r += 1) if (hardLhs(f, r) > f.hardHi[r]) return Infinity;
    for (let i = 0; i < f.aux.length; i += 1) values[f.aux[i]] = 0;
    for (let d = 0; d < f.defAux.length; d += 1) {
      const lhs = defLhs(f, d) / f.defScale[d];
      const v = f.defBinary[d] === 1 ? (lhs > 1e-9 ? 1 : 0) : Math.max(0, lhs);
      need[defBase[p] + d] = v;
      if (v > values[f.defAux[d]]) values[f.defAux[d]] = v;
    }
    valid[p] = 1;
    return (soft[p] = costNow(f));
  };
  // The x columns set since `begin`, and their values then.
  const setCol: number[] = [];
  const setWas: number[] = [];
  const set = (c: number, v: number) => {
    if (!setCol.includes(c)) {
      setCol.push(c);
      setWas.push(values[c]);
    }
    const delta = v - values[c];
    if (delta === 0) return;
    values[c] = v;
    for (let i = hardOfX.start[c]; i < hardOfX.start[c + 1]; i += 1) hardSum[hardOfX.a[i]] += delta * hardOfX.b[i];
    for (let i = defsOfX.start[c]; i < defsOfX.start[c + 1]; i += 1) defSum[defsOfX.a[i]] += delta * defsOfX.b[i];
  };
  let first = 0;
  const mark = (c: number) => {
    for (let i = defsOfX.start[c]; i < defsOfX.start[c + 1]; i += 1) {
      const g = defsOfX.a[i];
      dirty[g] = 1;
      if (g < first) first = g;
    }
  };
  const hardBroken = (p: number, f: FlatRows, c: number) => {
    for (let i = hardOfX.start[c]; i < hardOfX.start[c + 1]; i += 1) {
      const g = hardOfX.a[i];
      const r = g - hardBase[p];
      if ((hardInt[g] === 1 ? hardSum[g] : hardLhs(f, r)) > f.hardHi[r]) return true;
    }
    return false;
  };
  /** People priced from scratch in the move: back to so when it is undone. */
  const fresh: number[] = [];
  const price = (p: number, off: readonly number[], on: readonly number[]): number => {
    const f = flatOf[p];
    if (!f) return 0;
    if (valid[p] === 0) {
      fresh.push(p);
      return full(p);
    }
    // Their hard rows held before the move: only the rows of the shifts it moves can break.
    for (const c of off) if (personOf[c] === p && hardBroken(p, f, c)) return Infinity;
    for (const c of on) if (personOf[c] === p && hardBroken(p, f, c)) return Infinity;
    first = defBase[p + 1];
    for (const c of off) if (personOf[c] === p) mark(c);
    for (const c of on) if (personOf[c] === p) mark(c);
    let moved = false;
    for (let g = first; g < defBase[p + 1]; g += 1) {
      if (dirty[g] === 0) continue;
      dirty[g] = 0;
      const d = g - defBase[p];
      const lhs = (defInt[g] === 1 ? defSum[g] : defLhs(f, d)) / f.defScale[d];
      const v = f.defBinary[d] === 1 ? (lhs > 1e-9 ? 1 : 0) : Math.max(0, lhs);
      if (v === need[g]) continue;
      log(0, g, need[g]);
      need[g] = v;
      // Its soft column: the largest of its definitions' bounds (0 when none is above).
      const a = f.defAux[d];
      let value = 0;
      for (let i = defsOfAux.start[a]; i < defsOfAux.start[a + 1]; i += 1) {
        const b = need[defsOfAux.a[i]];
        if (b > value) value = b;
      }
      if (value === values[a]) continue;
      log(1, a, values[a]);
      values[a] = value;
      moved = true;
      // The definitions reading it come after every one of its own.
      for (let i = readersOfAux.start[a]; i < readersOfAux.start[a + 1]; i += 1) dirty[readersOfAux.a[i]] = 1;
    }
    // No soft column moved: the same sum as before.
    if (!moved) return soft[p];
    log(2, p, soft[p]);
    return (soft[p] = costNow(f));
  };
  return {
    set,
    full,
    price,
    begin: () => {
      logged = 0;
      fresh.length = 0;
      setCol.length = 0;
      setWas.length = 0;
    },
    undo: () => {
      for (let i = logged - 1; i >= 0; i -= 1) {
        if (logKind[i] === 0) need[logAt[i]] = logOld[i];
        else if (logKind[i] === 1) values[logAt[i]] = logOld[i];
        else soft[logAt[i]] = logOld[i];
      }
      for (const p of fresh) valid[p] = 0;
      // A move undone need not leave its x columns as it found them (one of a shift's two holders given and
      // taken back ends at 0): then that person is priced from scratch next time, as they would be anyway.
      for (let i = 0; i < setCol.length; i += 1) if (values[setCol[i]] !== setWas[i]) valid[personOf[setCol[i]]] = 0;
    },
  };
};

/**
 * Local search on the model's own objective, for parts too large for HiGHS to improve in the time a
 * manager waits. Every soft column belongs to one person (or is a shift's "left open"), so moving a shift
 * from one person to another changes only their two costs and that shift's gap: each move is priced
 * exactly, by the model's rows, from the two people's columns alone. Moves: give a shift (or an open one) to
 * another candidate, leave it open, or swap two people's shifts; a move is taken when it costs less and
 * keeps every hard row (overlaps, young workers, cuts). Stops at a local optimum or when `stop()` says so.
 */
export const localSearch = (
  model: AutofillModel,
  start: ReadonlySet<number>,
  opts: { stop: () => boolean; seed?: number },
): Set<number> => {
  const { columns } = model;
  const own = rowsByPerson(model);
  const values = new Float64Array(columns.length);
  // People and shifts by number, each pair's person and shift by column: no strings looked up per move.
  const personIndex = new Map<string, number>();
  const flatOf: (FlatRows | undefined)[] = [];
  const shiftIds = [...model.openColumn.keys()];
  const shiftIndex = new Map(shiftIds.map((id, i) => [id, i]));
  const gap = Float64Array.from(shiftIds, (id) => columns[model.openColumn.get(id)!].cost);
  const personOf = new Int32Array(columns.length).fill(-1);
  const shiftOf = new Int32Array(columns.length).fill(-1);
  const byShift: number[][] = shiftIds.map(() => []);
  // Each person's shifts in the order a set would hold them (their own costs are summed in that order).
  const mine: number[][] = [];
  for (const [c, p] of model.pairs) {
    let q = personIndex.get(p.staffId);
    if (q === undefined) {
      personIndex.set(p.staffId, (q = mine.length));
      mine.push([]);
      flatOf.push(own.get(p.staffId)?.flat);
    }
    personOf[c] = q;
    shiftOf[c] = shiftIndex.get(p.shift.id)!;
    byShift[shiftOf[c]].push(c);
  }
  const people = mine.length;
  // Each shift's first candidate pair of each person (the pair a swap gives back).
  const pairOf = new Map<number, number>();
  for (const [c] of model.pairs) {
    const k = shiftOf[c] * people + personOf[c];
    if (!pairOf.has(k)) pairOf.set(k, c);
  }
  // What a rejected move leaves in people's soft columns is read by nothing when every person's rows are closed.
  const restore = flatOf.some((f) => f !== undefined && !f.closed);
  /** The person's soft columns' cost with their x columns as in `values` (Infinity when a hard row breaks). */
  const costOf = (p: number): number => {
    const f = flatOf[p];
    return f ? flatSoftCost(f, values) : 0;
  };
  let tracker: SoftTracker | null = null;
  /** A set's add and delete on a list: a new one goes last, one already in stays where it is. */
  const add = (list: number[], c: number) => {
    if (!list.includes(c)) list.push(c);
  };
  const remove = (list: number[], c: number) => {
    const i = list.indexOf(c);
    if (i < 0) return;
    for (let j = i + 1; j < list.length; j += 1) list[j - 1] = list[j];
    list.pop();
  };
  // The holder of each shift: by number for reading, and in a map whose order is the plan's order.
  const holder = new Map<string, number>();
  const held = new Int32Array(shiftIds.length).fill(-1);
  for (const c of start) {
    values[c] = 1;
    holder.set(shiftIds[shiftOf[c]], c);
    held[shiftOf[c]] = c;
    add(mine[personOf[c]], c);
  }
  const colCost = Float64Array.from(columns, (c) => c.cost);
  const ownCost = (p: number) => {
    const list = mine[p];
    let s = 0;
    for (let i = 0; i < list.length; i += 1) s += colCost[list[i]];
    return s;
  };
  if (!restore) tracker = makeSoftTracker(model, flatOf, personOf, values);
  const cost = new Float64Array(people);
  for (let p = 0; p < people; p += 1) cost[p] = (tracker ? tracker.full(p) : costOf(p)) + ownCost(p);
  /** Whether list[i] is the first of the list on its shift; whether the list has a column on shift s. */
  const firstAt = (list: readonly number[], i: number) => {
    for (let j = 0; j < i; j += 1) if (shiftOf[list[j]] === shiftOf[list[i]]) return false;
    return true;
  };
  const inList = (list: readonly number[], s: number) => {
    for (const c of list) if (shiftOf[c] === s) return true;
    return false;
  };
  const who = new Int32Array(4);
  const after = new Float64Array(4);
  /** Price a change of x columns (set to 0 / 1) touching people `who`; keep it when it saves. */
  const tryMove = (off: readonly number[], on: readonly number[]): boolean => {
    let nWho = 0;
    for (let k = 0; k < off.length + on.length; k += 1) {
      const p = personOf[k < off.length ? off[k] : on[k - off.length]];
      let seen = false;
      for (let i = 0; i < nWho; i += 1) if (who[i] === p) seen = true;
      if (!seen) who[nWho++] = p;
    }
    let before = 0;
    for (let i = 0; i < nWho; i += 1) before += cost[who[i]];
    if (tracker) {
      tracker.begin();
      for (const c of off) tracker.set(c, 0);
      for (const c of on) tracker.set(c, 1);
    } else {
      for (const c of off) values[c] = 0;
      for (const c of on) values[c] = 1;
    }
    for (const c of off) remove(mine[personOf[c]], c);
    for (const c of on) add(mine[personOf[c]], c);
    let total = 0;
    for (let i = 0; i < nWho; i += 1) {
      const v = (tracker ? tracker.price(who[i], off, on) : costOf(who[i])) + ownCost(who[i]);
      after[i] = v;
      total += v;
    }
    // Gaps: a shift losing its person without another costs its gap; one gaining one saves it (each shift once).
    for (let i = 0; i < off.length; i += 1) if (firstAt(off, i) && !inList(on, shiftOf[off[i]])) total += gap[shiftOf[off[i]]];
    for (let i = 0; i < on.length; i += 1) if (firstAt(on, i) && !inList(off, shiftOf[on[i]])) total -= gap[shiftOf[on[i]]];
    if (total < before - 1e-7) {
      for (let i = 0; i < nWho; i += 1) cost[who[i]] = after[i];
      for (let i = 0; i < off.length; i += 1)
        if (firstAt(off, i) && !inList(on, shiftOf[off[i]])) {
          holder.delete(shiftIds[shiftOf[off[i]]]);
          held[shiftOf[off[i]]] = -1;
        }
      for (const c of on) {
        holder.set(shiftIds[shiftOf[c]], c);
        held[shiftOf[c]] = c;
      }
      return true;
    }
    if (tracker) {
      for (const c of on) tracker.set(c, 0);
      for (const c of off) tracker.set(c, 1);
      tracker.undo();
    } else {
      for (const c of on) values[c] = 0;
      for (const c of off) values[c] = 1;
    }
    for (const c of on) remove(mine[personOf[c]], c);
    for (const c of off) add(mine[personOf[c]], c);
    if (restore) for (let i = 0; i < nWho; i += 1) costOf(who[i]); // restore their soft columns
    return false;
  };
  let seed = opts.seed ?? 1;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  const shifts = shiftIds.map((_, i) => i);
  const theirs: number[] = [];
  // The moves' lists, reused (a move reads them only while it is priced).
  const none: number[] = [];
  const offOne = [0];
  const onOne = [0];
  const offTwo = [0, 0];
  const onTwo = [0, 0];
  const one = (list: number[], c: number) => ((list[0] = c), list);
  const two = (list: number[], c: number, d: number) => ((list[0] = c), (list[1] = d), list);
  // Sweeps of single moves (cheap) until they stop paying, then a sweep of swaps (dearer), and again.
  for (let swaps = false; !opts.stop();) {
    let improved = false;
    // A fresh order each sweep, so one person's choices do not always go first.
    for (let i = shifts.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [shifts[i], shifts[j]] = [shifts[j], shifts[i]];
    }
    for (const s of shifts) {
      if (opts.stop()) break;
      const cands = byShift[s];
      if (!swaps) {
        // Leave it open, or give it to someone else.
        const cur = held[s];
        if (cur >= 0 && tryMove(one(offOne, cur), none)) improved = true;
        const now = held[s];
        for (const c of cands) {
          if (c === now || held[s] !== now) continue;
          if (tryMove(now < 0 ? none : one(offOne, now), one(onOne, c))) {
            improved = true;
            break;
          }
        }
        continue;
      }
      // Swap with a shift the other candidate holds that the present holder could take.
      const h = held[s];
      if (h < 0) continue;
      const p = personOf[h];
      swap: for (const c of cands) {
        if (c === h) continue;
        theirs.length = 0;
        for (const d of mine[personOf[c]]) theirs.push(d);
        for (const d of theirs) {
          const back = pairOf.get(shiftOf[d] * people + p);
          if (back === undefined) continue;
          if (tryMove(two(offTwo, h, d), two(onTwo, c, back))) {
            improved = true;
            break swap;
          }
        }
      }
    }
    // After moves that paid, moves again; after moves that did not, swaps; after swaps that did not, done.
    if (swaps && !improved) break;
    swaps = !improved;
  }
  return new Set(holder.values());
};
