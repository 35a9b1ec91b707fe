import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkWeek, recheck, type RotaChange, type RotaContext } from '../../../../shared/domain/rota';
import type { Shift } from '../../../../shared/schemas/shift';
import type { Staff } from '../../../../shared/schemas/staff';
import { makeContext, makeShift, makeStaff } from './factories';
import { SITES, WEEK, makePeople, pick, prng, randomShift, type Rand } from './world';

type Edit = { ctx: RotaContext; change: RotaChange };

/** One random edit of the kinds a planner makes, with the change description a caller would pass. */
const randomEdit = (rand: Rand, ctx: RotaContext, people: Staff[]): Edit => {
  const shifts = [...ctx.shifts];
  const kind = Math.floor(rand() * 6);
  if (kind === 5) {
    // A staff record changes: new leave, or a licence renewed.
    const who = pick(rand, people);
    const changed: Staff =
      rand() < 0.5
        ? {
            ...who,
            absences: [
              ...who.absences,
              {
                id: `abs-${Math.floor(rand() * 1e9)}`,
                kind: 'sickness',
                from: '2026-10-20',
                to: '2026-10-20',
                partDay: null,
                approved: true,
                note: '',
              },
            ],
          }
        : { ...who, sia: who.sia && { ...who.sia, expires: '2031-01-01' } };
    const staff = (ctx.staff as Staff[]).map((s) => (s.id === who.id ? changed : s));
    return { ctx: { ...ctx, staff }, change: { staffIds: [who.id] } };
  }
  if (kind === 4 || shifts.length === 0) {
    const added = randomShift(rand, people);
    return {
      ctx: { ...ctx, shifts: [...shifts, added] },
      change: rand() < 0.5 ? { shiftIds: [added.id] } : { shiftIds: [added.id], after: [added] },
    };
  }
  const i = Math.floor(rand() * shifts.length);
  const before = shifts[i];
  const after: Shift =
    kind === 0
      ? { ...before, staffId: rand() < 0.2 ? null : pick(rand, people).id }
      : kind === 1
        ? { ...before, date: randomShift(rand, people).date, start: pick(rand, ['06:00', '21:00', '23:30']) }
        : kind === 2
          ? { ...before, deleted: true }
          : { ...before, service: pick(rand, ['reception', 'security', 'cleaning'] as const), site: pick(rand, SITES).code };
  shifts[i] = after;
  // Callers may pass the current versions too, which spares the engine looking them up.
  return {
    ctx: { ...ctx, shifts },
    change: rand() < 0.5 ? { shiftIds: [after.id], before: [before] } : { shiftIds: [after.id], before: [before], after: [after] },
  };
};

describe('recheck', () => {
  it('equals a full check after any sequence of random edits', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 8 }), (seed, edits) => {
        const rand = prng(seed);
        const people = makePeople(rand);
        let ctx = makeContext({ staff: people, sites: SITES, shifts: Array.from({ length: 90 }, () => randomShift(rand, people)) });
        let findings = checkWeek(ctx, WEEK);
        for (let n = 0; n < edits; n += 1) {
          const edit = randomEdit(rand, ctx, people);
          ctx = edit.ctx;
          findings = recheck(findings, ctx, WEEK, edit.change);
          expect(findings).toEqual(checkWeek(ctx, WEEK));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('equals a full check along long chains of edits, and from one check branching to many edits', () => {
    // Edits that give each changed shift before and after let recheck work from the index behind the
    // previous findings; the chains make sure what it passes on stays true to the rota.
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const rand = prng(seed);
        const people = makePeople(rand);
        const rota = makeContext({ staff: people, sites: SITES, shifts: Array.from({ length: 120 }, () => randomShift(rand, people)) });
        // Short reference periods and low limits put the averages near their limits, so an edit to the
        // summed part of the look-back shows.
        const settings = {
          ...rota.settings,
          referenceWeeks: pick(rand, [3, 4]),
          securityReferenceWeeks: pick(rand, [4, 5]),
          nightReferenceWeeks: pick(rand, [3, 4]),
          averageWeeklyHours: pick(rand, [6, 8, 10, 12]),
          nightAvgHours: pick(rand, [1, 2]),
        };
        const start = { ...rota, settings };
        const first = checkWeek(start, WEEK);
        for (let branch = 0; branch < 3; branch += 1) {
          let ctx = start;
          let findings = first;
          for (let n = 0; n < 12; n += 1) {
            const edit = randomEdit(rand, ctx, people);
            const { change } = edit;
            const after = (change.shiftIds ?? []).flatMap((id) => edit.ctx.shifts.filter((s) => s.id === id));
            ctx = edit.ctx;
            findings = recheck(findings, ctx, WEEK, change.before ? { ...change, after } : change);
            expect(findings).toEqual(checkWeek(ctx, WEEK));
          }
        }
      }),
      { numRuns: 25 },
    );
  });

  it('has something to recheck: the random rota produces findings of many rules', () => {
    const rand = prng(7);
    const people = makePeople(rand);
    const rules = new Set(
      checkWeek(
        makeContext({ staff: people, sites: SITES, shifts: Array.from({ length: 90 }, () => randomShift(rand, people)) }),
        WEEK,
      ).map((f) => f.rule),
    );
    expect(rules.size).toBeGreaterThanOrEqual(8);
  });

  it('rechecks the person taken off a shift, not only the one put on it', () => {
    const ana = makeStaff();
    const ben = makeStaff({ name: 'Ben Okafor' });
    const a = makeShift({ date: '2026-11-03', start: '07:00', end: '15:00', staffId: ana.id });
    const b = makeShift({ date: '2026-11-03', start: '14:00', end: '22:00', staffId: ana.id });
    const ctx = makeContext({ staff: [ana, ben], shifts: [a, b] });
    const previous = checkWeek(ctx, '2026-11-02');
    expect(previous.some((f) => f.rule === 'overlap')).toBe(true);
    const moved = { ...b, staffId: ben.id };
    const next = makeContext({ staff: [ana, ben], shifts: [a, moved] });
    const after = recheck(previous, next, '2026-11-02', { shiftIds: [b.id], before: [b] });
    expect(after.some((f) => f.rule === 'overlap')).toBe(false);
    expect(after).toEqual(checkWeek(next, '2026-11-02'));
  });

  it("keeps everyone else's findings as they were", () => {
    const ana = makeStaff();
    const ben = makeStaff({ name: 'Ben Okafor', services: ['cleaning'] });
    const shifts = [makeShift({ date: '2026-11-03', start: '07:00', end: '15:00', staffId: ben.id })];
    const ctx = makeContext({ staff: [ana, ben], shifts });
    const sentinel = {
      rule: 'familiarity' as const,
      severity: 'warn' as const,
      staffId: ben.id,
      shiftIds: [],
      message: 'kept from before',
    };
    const added = makeShift({ date: '2026-11-04', start: '07:00', end: '15:00', staffId: ana.id });
    const after = recheck([sentinel], { ...ctx, shifts: [...shifts, added] }, '2026-11-02', { shiftIds: [added.id] });
    expect(after).toContainEqual(sentinel);
  });
});
