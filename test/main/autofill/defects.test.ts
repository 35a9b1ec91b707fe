/** The three defects issue 14 reports in the greedy fill and its ranking, and the weekly-rest count. */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/domain/dates';
import { checkWeek, fillOpenShifts, rankCandidates, type RotaContext } from '../../../shared/domain/rota';
import { rankByObjective } from '../../../shared/domain/rota/autofill/explain';
import type { Shift } from '../../../shared/schemas/shift';
import { planFill } from '../../../main/services/autofill/plan';
import { makeContext, makeShift, makeSite, makeStaff, shiftsFor } from '../../shared/domain/rota/factories';

const warnings = (ctx: RotaContext, monday: string) => checkWeek(ctx, monday).filter((f) => f.severity === 'warn');
const withAssignments = (ctx: RotaContext, a: { shiftId: string; staffId: string }[]): RotaContext => {
  const m = new Map(a.map((x) => [x.shiftId, x.staffId]));
  return { ...ctx, shifts: ctx.shifts.map((s) => (m.has(s.id) ? { ...s, staffId: m.get(s.id)! } : s)) };
};

describe('defects of the greedy fill (issue 14)', () => {
  it('does not raise warnings when a plan without any exists (greedy takes the most-under-contract person first and strands the next shift)', async () => {
    // Ana is furthest under contract, so greedy gives her Monday's late; Tuesday's early then has only Ana
    // (Ben is on leave), with 8 h rest. Ben on the late and Ana on the early adds nothing.
    const ana = makeStaff({ name: 'Ana Silva', contractedHours: 40 });
    const ben = makeStaff({ name: 'Ben Okafor', contractedHours: 37.5, absences: [{ from: '2026-11-03', to: '2026-11-03' }] });
    const late = makeShift({ date: '2026-11-02', start: '14:00', end: '22:00' });
    const early = makeShift({ date: '2026-11-03', start: '06:00', end: '14:00' });
    const ctx = makeContext({ staff: [ana, ben], shifts: [late, early] });
    const before = warnings(ctx, '2026-11-02').length;
    const greedy = fillOpenShifts([late, early], ctx);
    expect(warnings(withAssignments(ctx, greedy.assigned), '2026-11-02').length - before).toBe(1);
    const plan = await planFill(ctx, [late, early], { relGap: 0 });
    expect(plan.unfilled).toEqual([]);
    expect(warnings(withAssignments(ctx, plan.assignments), '2026-11-02').length - before).toBe(0);
    expect(plan.assignments.find((a) => a.shiftId === late.id)?.staffId).toBe(ben.id);
  });

  it('ranks the BWD regular above someone who does not know BWD for a night security shift', async () => {
    const bwd = makeSite({ code: 'BWD', name: 'Bridgewater Depot' });
    // The regular's licence is valid for the shift; a renewal reminder is not a reason to send a stranger.
    const regular = makeStaff({
      name: 'Rita Regular',
      homeSite: 'BWD',
      contractedHours: 48,
      sia: { number: '1234567890123456', sector: 'security-guarding', expires: '2026-12-20' },
    });
    const stranger = makeStaff({ name: 'Sam Stranger', homeSite: 'CH', contractedHours: 48 });
    const night = makeShift({ date: '2026-11-04', site: 'BWD', service: 'security', start: '19:00', end: '07:00', breakMinutes: 60 });
    const history = shiftsFor(regular, [['2026-11-02', '07:00', '19:00', 60]], { site: 'BWD', service: 'security' });
    const ctx = makeContext({ staff: [stranger, regular], sites: [makeSite(), bwd], shifts: [...history, night] });
    // Today's ranking, for the record: one warning each, then hours under contract puts the stranger first.
    expect(rankCandidates(night, ctx)[0].name).toBe('Sam Stranger');
    const ranked = rankByObjective(night, ctx);
    expect(ranked.map((c) => c.name)).toEqual(['Rita Regular', 'Sam Stranger']);
    expect(ranked[1].reasons[0]).toContain('new to the site');
    const plan = await planFill(ctx, [night], { relGap: 0 });
    expect(plan.assignments.map((a) => a.staffId)).toEqual([regular.id]);
  });

  it('does not offer a 13¼-hour day as "No warnings"', async () => {
    const officer = makeStaff({ name: 'Olu Officer', contractedHours: 48 });
    const other = makeStaff({ name: 'Pat Other', contractedHours: 48 });
    const day = shiftsFor(officer, [['2026-11-04', '07:00', '19:00', 60]], { service: 'security' });
    const busyOther = shiftsFor(
      other,
      [
        ['2026-11-02', '07:00', '19:00', 60],
        ['2026-11-03', '07:00', '19:00', 60],
      ],
      { service: 'security' },
    );
    const extension = makeShift({ date: '2026-11-04', service: 'security', start: '19:00', end: '20:15', breakMinutes: 0 });
    const ctx = makeContext({ staff: [officer, other], shifts: [...day, ...busyOther, extension] });
    // The greedy ranking offered the officer first with "No warnings" for 07:00–20:15; since the HSG256
    // working-day rule (issue 16) the engine itself warns, so both rankings put the other officer first.
    const old = rankCandidates(extension, ctx);
    expect(old[0].name).toBe('Pat Other');
    expect(old.find((c) => c.name === 'Olu Officer')!.reasons[0]).not.toBe('No warnings');
    const ranked = rankByObjective(extension, ctx);
    expect(ranked[0].name).toBe('Pat Other');
    const olu = ranked.find((c) => c.name === 'Olu Officer')!;
    expect(olu.reasons[0]).toContain('over 13 h');
    const plan = await planFill(ctx, [extension], { relGap: 0 });
    expect(plan.assignments.map((a) => a.staffId)).toEqual([other.id]);
  });

  it('counts a weekly-rest warning the engine finds (no 24 h in the week, no 48 h in the fortnight)', async () => {
    const ana = makeStaff({ name: 'Ana Silva', contractedHours: 48 });
    const lastWeek = shiftsFor(
      ana,
      Array.from({ length: 7 }, (_, d) => [addDays('2026-10-26', d), '07:00', '15:00'] as [string, string, string]),
    );
    const open: Shift[] = Array.from({ length: 7 }, (_, d) => makeShift({ date: addDays('2026-11-02', d), start: '07:00', end: '15:00' }));
    const ctx = makeContext({ staff: [ana], shifts: [...lastWeek, ...open] });
    const plan = await planFill(ctx, open, { relGap: 0 });
    expect(plan.assignments).toHaveLength(7);
    const after = withAssignments(ctx, plan.assignments);
    const engine =
      warnings(after, '2026-11-02').filter((f) => f.rule === 'weekly-rest').length -
      warnings(ctx, '2026-11-02').filter((f) => f.rule === 'weekly-rest').length;
    expect(engine).toBe(1);
    expect(plan.warningsAdded['weekly-rest']).toBe(1);
  });
});
