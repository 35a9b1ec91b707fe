import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkWeek, fillOpenShifts, rankCandidates } from '../../../../shared/domain/rota';
import { spanOf } from '../../../../shared/domain/rota/instants';
import type { Shift } from '../../../../shared/schemas/shift';
import { makeContext, makeShift, makeStaff, shiftsFor } from './factories';
import { SITES, WEEK, makePeople, prng, randomShift } from './world';

const open = (o: Partial<Shift> & Pick<Shift, 'date' | 'start' | 'end'>) => makeShift({ staffId: null, ...o });

describe('rankCandidates', () => {
  it('leaves out everyone a block rule stops', () => {
    const shift = open({ date: '2026-11-04', start: '19:00', end: '07:00', service: 'security', breakMinutes: 60 });
    const ok = makeStaff({ name: 'Ok Guard', services: ['security'] });
    const people = [
      ok,
      makeStaff({ name: 'Receptionist', services: ['reception'] }),
      makeStaff({ name: 'Unlicensed', services: ['security'], sia: null }),
      makeStaff({ name: 'On Leave', services: ['security'], absences: [{ from: '2026-11-05', to: '2026-11-06' }] }),
      makeStaff({ name: 'Young', services: ['security'], youngWorker: true }),
      makeStaff({ name: 'Left', services: ['security'], archived: true, archivedOn: '2026-10-01' }),
    ];
    const busy = makeStaff({ name: 'Busy', services: ['security'] });
    const ctx = makeContext({
      staff: [...people, busy],
      shifts: [...shiftsFor(busy, [['2026-11-04', '14:00', '22:00']], { service: 'security' }), shift],
    });
    expect(rankCandidates(shift, ctx).map((c) => c.name)).toEqual(['Ok Guard']);
  });

  it('ranks by warnings, then hours under contract, then rest, then knowing the site', () => {
    const shift = open({ date: '2026-11-04', start: '09:00', end: '17:00' });
    const under30 = makeStaff({ name: 'Under Thirty', contractedHours: 37.5 }); // 7 h 30 min rostered
    const under20 = makeStaff({ name: 'Under Twenty', contractedHours: 37.5 }); // 15 h rostered, 18 h rest before
    const tired = makeStaff({ name: 'Short Rest', contractedHours: 37.5 }); // 15 h rostered, 11 h rest before
    const newcomer = makeStaff({ name: 'New Face', homeSite: 'LIB', contractedHours: 37.5 }); // not familiar: a warning
    const shifts = [
      ...shiftsFor(under30, [['2026-11-02', '09:00', '17:00']]),
      ...shiftsFor(under20, [
        ['2026-11-02', '09:00', '17:00'],
        ['2026-11-03', '07:00', '15:00'],
      ]),
      ...shiftsFor(tired, [
        ['2026-11-02', '09:00', '17:00'],
        ['2026-11-03', '14:00', '22:00'],
      ]),
      shift,
    ];
    const ranked = rankCandidates(shift, makeContext({ staff: [newcomer, tired, under20, under30], shifts }));
    expect(ranked.map((c) => c.name)).toEqual(['Under Thirty', 'Under Twenty', 'Short Rest', 'New Face']);
    expect(ranked[0].reasons).toEqual([
      'No warnings',
      '30 h under contract this week (7 h 30 min of 37 h 30 min)',
      '40 h rest before the shift',
      'Home site CH',
    ]);
    expect(ranked[2].restBeforeMinutes).toBe(11 * 60);
    expect(ranked[3].warnings.map((f) => f.rule)).toEqual(['familiarity']);
    expect(ranked[3].reasons[0]).toBe('1 warning: familiarity');
    expect(ranked[3].reasons[3]).toBe('New to CH');
  });

  it('counts what a Sunday shift does to the rest before next Monday', () => {
    const ana = makeStaff();
    const shift = open({ date: '2026-11-08', start: '14:00', end: '22:00' });
    const ctx = makeContext({ staff: [ana], shifts: [...shiftsFor(ana, [['2026-11-09', '06:00', '14:00']]), shift] });
    const [c] = rankCandidates(shift, ctx);
    expect(c.warnings.map((f) => f.message)).toEqual([
      'Ana Silva has 8 h rest between Sun 8 Nov 14:00–22:00 and Mon 9 Nov 06:00–14:00; 11 h required',
    ]);
  });

  it('lets the current holder of a shift stay on it (no overlap with itself)', () => {
    const ana = makeStaff();
    const [shift] = shiftsFor(ana, [['2026-11-04', '09:00', '17:00']]);
    expect(rankCandidates(shift, makeContext({ staff: [ana], shifts: [shift] })).map((c) => c.staffId)).toEqual([ana.id]);
  });

  it('reports an added block on a different shift (young worker pushed over 40 h) by leaving them out', () => {
    const jo = makeStaff({ name: 'Jo Patel', youngWorker: true, services: ['reception'] });
    const rows = ['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05'].map((d) => [d, '09:00', '17:30'] as [string, string, string]);
    const shift = open({ date: '2026-11-06', start: '09:00', end: '17:31' });
    const ctx = makeContext({ staff: [jo], shifts: [...shiftsFor(jo, rows), shift] });
    expect(rankCandidates(shift, ctx)).toEqual([]);
    expect(rankCandidates({ ...shift, end: '17:30' }, ctx).map((c) => c.name)).toEqual(['Jo Patel']);
  });
});

describe('fillOpenShifts', () => {
  it('assigns in time order without double-booking, and says why a shift stays open', () => {
    const ana = makeStaff({ name: 'Ana Silva', contractedHours: 20 });
    const ben = makeStaff({ name: 'Ben Okafor', contractedHours: 40 });
    const shifts = [
      open({ date: '2026-11-03', start: '10:00', end: '18:00' }),
      open({ date: '2026-11-03', start: '08:00', end: '16:00' }),
      open({ date: '2026-11-03', start: '09:00', end: '17:00' }),
    ];
    const result = fillOpenShifts(shifts, makeContext({ staff: [ana, ben], shifts }));
    // Ben is further under contract, so takes the earliest shift.
    expect(result.assigned).toEqual([
      { shiftId: shifts[1].id, staffId: ben.id },
      { shiftId: shifts[2].id, staffId: ana.id },
    ]);
    expect(result.unfilled).toEqual([
      { shiftId: shifts[0].id, reason: 'No one can take it without breaking a rule: 2 already on a shift then' },
    ]);
  });

  it('never adds a block, on random rotas', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const rand = prng(seed);
        const people = makePeople(rand);
        const shifts = Array.from({ length: 60 }, () => randomShift(rand, people));
        const ctx = makeContext({ staff: people, sites: SITES, shifts });
        const openShifts = shifts.filter((s) => s.staffId === null);
        const { assigned, unfilled } = fillOpenShifts(openShifts, ctx);
        expect(assigned.length + unfilled.length).toBe(openShifts.length);
        const byId = new Map(assigned.map((a) => [a.shiftId, a.staffId]));
        const filled = makeContext({
          staff: people,
          sites: SITES,
          shifts: shifts.map((s) => (byId.has(s.id) ? { ...s, staffId: byId.get(s.id)! } : s)),
        });
        const blockKeys = (c: typeof ctx, week: string) =>
          new Set(
            checkWeek(c, week)
              .filter((f) => f.severity === 'block')
              .map((f) => `${f.rule}|${f.shiftIds}|${f.message}`),
          );
        for (const week of ['2026-09-28', '2026-10-05', '2026-10-12', WEEK, '2026-10-26', '2026-11-02']) {
          const before = blockKeys(ctx, week);
          expect([...blockKeys(filled, week)].filter((k) => !before.has(k))).toEqual([]);
        }
      }),
      { numRuns: 25 },
    );
  });

  it('gives each shift, in time order, to the person the ranked list puts first given the shifts filled before it', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const rand = prng(seed);
        const people = makePeople(rand);
        // Many open shifts, so most people have some already filled when a later one is ranked.
        const shifts = Array.from({ length: 60 }, () => randomShift(rand, people)).map((s) => (rand() < 0.5 ? { ...s, staffId: null } : s));
        const openShifts = shifts.filter((s) => s.staffId === null);
        const { assigned, unfilled } = fillOpenShifts(openShifts, makeContext({ staff: people, sites: SITES, shifts }));
        // The same fill, one shift at a time, by the full ranked list of everyone.
        const start = (s: Shift) => spanOf(s.date, s.start, s.end).start;
        const ordered = [...openShifts].sort((a, b) => start(a) - start(b) || (a.id < b.id ? -1 : 1));
        const byId = new Map<string, string>();
        const expected: { shiftId: string; staffId: string }[] = [];
        const stayOpen: string[] = [];
        for (const shift of ordered) {
          const now = shifts.map((s) => (byId.has(s.id) ? { ...s, staffId: byId.get(s.id)! } : s));
          const [first] = rankCandidates(shift, makeContext({ staff: people, sites: SITES, shifts: now }));
          if (!first) stayOpen.push(shift.id);
          else {
            byId.set(shift.id, first.staffId);
            expected.push({ shiftId: shift.id, staffId: first.staffId });
          }
        }
        expect(assigned).toEqual(expected);
        expect(unfilled.map((u) => u.shiftId)).toEqual(stayOpen);
      }),
      { numRuns: 25 },
    );
  });
});
