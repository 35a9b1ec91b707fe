/**
 * Small instances solved to proven optimality, checked against enumeration of every assignment scored
 * by the rules engine itself (checkWeek before and after) plus the plain arithmetic of the other terms.
 */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/domain/dates';
import { checkWeek, minutesInDailyWindow, rankCandidates, type Finding, type RotaContext } from '../../../shared/domain/rota';
import { DEFAULT_AUTOFILL_WEIGHTS, MODELLED_WARNINGS } from '../../../shared/domain/rota/autofill/weights';
import { spanOf } from '../../../shared/domain/rota/instants';
import { weekRange } from '../../../shared/domain/rota/week';
import type { Shift } from '../../../shared/schemas/shift';
import type { Staff } from '../../../shared/schemas/staff';
import { planFill } from '../../../main/services/autofill/plan';
import { makeContext, makeShift, makeSite, makeStaff, shiftsFor } from '../../shared/domain/rota/factories';
import { pick, prng } from '../../shared/domain/rota/world';

const W = DEFAULT_AUTOFILL_WEIGHTS;
const key = (f: Finding) => `${f.rule}|${f.staffId}|${f.shiftIds.join(',')}|${f.message}`;
const minutes = (s: Shift) => {
  const sp = spanOf(s.date, s.start, s.end);
  return (sp.end - sp.start) / 60_000;
};
const paid = (s: Shift) => Math.max(0, minutes(s) - s.breakMinutes);

const scopeWeeks = (open: Shift[]) => {
  const dates = open.map((s) => s.date).sort();
  const out: string[] = [];
  for (let m = weekRange(dates[0]).start; m <= addDays(weekRange(dates[dates.length - 1]).start, 7); m = addDays(m, 7)) out.push(m);
  return out;
};

const eligibleCache = new WeakMap<RotaContext, Map<string, Set<string>>>();
const eligibleFor = (ctx: RotaContext, open: Shift[], base: Shift[]) => {
  let m = eligibleCache.get(ctx);
  if (!m) {
    m = new Map(open.map((s) => [s.id, new Set(rankCandidates({ ...s, staffId: null }, { ...ctx, shifts: base }).map((c) => c.staffId))]));
    eligibleCache.set(ctx, m);
  }
  return m;
};

const findingsIn = (ctx: RotaContext, weeks: string[]) => weeks.flatMap((w) => checkWeek(ctx, w));

/**
 * The objective of an assignment written from the list of terms, with every warning counted by
 * the engine: gaps, warnings, long days, hours off contract, fairness and pay. Relative to leaving all
 * open, so constants of the rota as it stands cancel. Null when the assignment adds a block finding.
 */
const scoreByEngine = (ctx: RotaContext, open: Shift[], assign: (string | null)[]): number | null => {
  const weeks = scopeWeeks(open);
  const openIds = new Set(open.map((s) => s.id));
  const base = ctx.shifts.filter((s) => !openIds.has(s.id));
  const filled = open.map((s, i) => ({ ...s, staffId: assign[i] }));
  const before = findingsIn({ ...ctx, shifts: base }, weeks);
  const after = findingsIn({ ...ctx, shifts: [...base, ...filled] }, weeks);
  const beforeKeys = new Set(before.map(key));
  if (after.some((f) => f.severity === 'block' && !beforeKeys.has(key(f)))) return null;
  const count = (fs: Finding[], rule: string) => fs.filter((f) => f.rule === rule && f.severity === 'warn').length;
  let score = 0;
  for (const rule of MODELLED_WARNINGS) score += (W.warning[rule] ?? 0) * (count(after, rule) - count(before, rule));
  const staff = new Map((ctx.staff as Staff[]).map((p) => [p.id, p]));
  open.forEach((s, i) => {
    const who = assign[i];
    if (who === null) return;
    score -= W.gapPerHour * (Math.max(paid(s), 60) / 60);
    score += (paid(s) / 60) * staff.get(who)!.payRate * W.perPound;
    if (minutes(s) > 13 * 60) score += W.longDay;
  });
  // Touching shifts making a stretch over 13 h.
  const all = [...base, ...filled].filter((s) => s.staffId !== null);
  for (const a of all)
    for (const b of all) {
      if (a.staffId !== b.staffId || a === b) continue;
      const sa = spanOf(a.date, a.start, a.end);
      const sb = spanOf(b.date, b.start, b.end);
      if (sa.end === sb.start && sb.end - sa.start > 13 * 3_600_000 && (openIds.has(a.id) || openIds.has(b.id))) score += W.longDay;
    }
  // Hours away from contract in each week the fill touches, everything the person works that week counted.
  const dates = open.map((s) => s.date).sort();
  const [from, to] = [dates[0], dates[dates.length - 1]];
  const offContract = (shifts: Shift[], who: Staff) => {
    let total = 0;
    for (const w of weeks) {
      if (!open.some((s) => weekRange(s.date).start === w)) continue;
      const mins = shifts.filter((s) => s.staffId === who.id && weekRange(s.date).start === w).reduce((t, s) => t + paid(s), 0);
      total += Math.abs(mins - who.contractedHours * 60) / 60;
    }
    return total;
  };
  // Fair shares of nights, weekends and bank holidays among those the engine would let take one.
  const eligible = eligibleFor(ctx, open, base);
  const cats = {
    // The engine's definition of night time (WTR reg. 2: 23:00–06:00 by default), at least 3 hours of it.
    night: (s: Shift) => minutesInDailyWindow(spanOf(s.date, s.start, s.end), s.date, '23:00', '06:00') >= 180,
    weekend: (s: Shift) => [0, 6].includes(new Date(`${s.date}T12:00:00Z`).getUTCDay()),
    holiday: (s: Shift) => ctx.bankHolidays.includes(s.date),
  };
  const unfair = (shifts: Shift[]) => {
    let total = 0;
    for (const isCat of Object.values(cats)) {
      const people = new Set<string>();
      for (const s of open) if (isCat(s)) for (const p of eligible.get(s.id)!) people.add(p);
      if (people.size === 0) continue;
      const inRange = (s: Shift) => s.date >= from && s.date <= to && isCat(s);
      const share = Math.ceil(
        (base.filter((s) => inRange(s) && s.staffId !== null && people.has(s.staffId)).length + open.filter(isCat).length) / people.size,
      );
      for (const p of people) total += Math.max(0, shifts.filter((s) => inRange(s) && s.staffId === p).length - share);
    }
    return total;
  };
  for (const who of staff.values()) {
    if (who.contractType === 'zero-hours' || !open.some((s) => eligible.get(s.id)!.has(who.id))) continue;
    score += W.hoursOffContractPerHour * (offContract([...base, ...filled], who) - offContract(base, who));
  }
  score += W.unfairShift * (unfair([...base, ...filled]) - unfair(base));
  return score;
};

const enumerate = (ctx: RotaContext, open: Shift[]): number => {
  const people = (ctx.staff as Staff[]).map((p) => p.id);
  let best = Infinity;
  const assign: (string | null)[] = open.map(() => null);
  const walk = (i: number) => {
    if (i === open.length) {
      const s = scoreByEngine(ctx, open, assign);
      if (s !== null && s < best) best = s;
      return;
    }
    for (const p of [null, ...people]) {
      assign[i] = p;
      walk(i + 1);
    }
  };
  walk(0);
  return best;
};

const TIMES: [string, string][] = [
  ['07:00', '15:00'],
  ['14:00', '22:00'],
  ['22:00', '07:00'],
  ['09:00', '17:00'],
  ['19:00', '07:00'],
  ['06:00', '14:00'],
];

/** A tiny random week at one site: three people with mixed records, a few shifts on the rota, four open. */
const tinyInstance = (seed: number) => {
  const rand = prng(seed);
  const people = [0, 1, 2].map((i) =>
    makeStaff({
      name: `P${i}`,
      services: i === 2 ? ['reception'] : ['reception', 'security'],
      contractedHours: pick(rand, [8, 16, 37.5]),
      homeSite: pick(rand, ['CH', 'LIB']),
      youngWorker: i === 1 && rand() < 0.3,
      sia: { number: '1234567890123456', sector: 'security-guarding', expires: pick(rand, ['2026-11-20', '2030-01-01']) },
      availability: rand() < 0.3 ? { tue: [{ start: '06:00', end: '18:00' }] } : {},
      absences: rand() < 0.3 ? [{ from: '2026-11-04', to: '2026-11-04' }] : [],
    }),
  );
  const day = (n: number) => addDays('2026-11-02', n);
  const fixed = people.flatMap((p) =>
    rand() < 0.6 ? shiftsFor(p, [[day(Math.floor(rand() * 5)), ...pick(rand, TIMES)]], { service: 'reception' }) : [],
  );
  const open = Array.from({ length: 4 }, () => {
    const [start, end] = pick(rand, TIMES);
    return makeShift({
      date: day(Math.floor(rand() * 5)),
      start,
      end,
      breakMinutes: pick(rand, [0, 30]),
      service: pick(rand, ['reception', 'security'] as const),
    });
  });
  return {
    ctx: makeContext({
      staff: people,
      shifts: [...fixed, ...open],
      sites: [makeSite(), makeSite({ code: 'LIB', name: 'Central Library' })],
    }),
    open,
  };
};

describe('auto-scheduler on small instances', () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`seed ${seed}: the solver's optimum is the best of all 256 assignments, scored by the engine`, async () => {
      const { ctx, open } = tinyInstance(seed);
      const plan = await planFill(ctx, open, { relGap: 0 });
      expect(plan.status).toBe('optimal');
      expect(plan.gap).toBe(0);
      const assign = open.map((s) => plan.assignments.find((a) => a.shiftId === s.id)?.staffId ?? null);
      const mine = scoreByEngine(ctx, open, assign);
      expect(mine).not.toBeNull();
      const best = enumerate(ctx, open);
      expect(mine).toBeCloseTo(best, 6);
    });
  }

  it('1 site, 1 week, 20 people: proven optimal (gap 0) and no block finding added', async () => {
    const rand = prng(42);
    const people = Array.from({ length: 20 }, (_, i) =>
      makeStaff({
        name: `Officer ${i + 1}`,
        services: ['security'],
        contractedHours: pick(rand, [24, 37.5, 48]),
        familiarSites: i % 3 === 0 ? [] : ['CH'],
        homeSite: i % 3 === 0 ? 'LIB' : 'CH',
        youngWorker: i === 7,
        sia: i === 5 ? null : { number: '1234567890123456', sector: 'security-guarding', expires: i === 6 ? '2026-11-05' : '2030-01-01' },
        absences: i % 4 === 1 ? [{ from: '2026-11-03', to: '2026-11-05' }] : [],
      }),
    );
    const open: Shift[] = [];
    for (let d = 0; d < 7; d += 1) {
      const date = addDays('2026-11-02', d);
      open.push(makeShift({ date, start: '07:00', end: '19:00', service: 'security', breakMinutes: 60 }));
      open.push(makeShift({ date, start: '07:00', end: '19:00', service: 'security', breakMinutes: 60 }));
      open.push(makeShift({ date, start: '19:00', end: '07:00', service: 'security', breakMinutes: 60 }));
      open.push(makeShift({ date, start: '19:00', end: '07:00', service: 'security', breakMinutes: 60 }));
    }
    const ctx = makeContext({ staff: people, shifts: open, sites: [makeSite(), makeSite({ code: 'LIB', name: 'Central Library' })] });
    const plan = await planFill(ctx, open, { relGap: 0 });
    expect(plan.status).toBe('optimal');
    expect(plan.gap).toBe(0);
    expect(plan.unfilled).toEqual([]);
    const filled = { ...ctx, shifts: open.map((s) => ({ ...s, staffId: plan.assignments.find((a) => a.shiftId === s.id)!.staffId })) };
    const blocks = scopeWeeks(open)
      .flatMap((w) => checkWeek(filled, w))
      .filter((f) => f.severity === 'block');
    expect(blocks).toEqual([]);
  });
});
