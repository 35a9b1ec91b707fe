/**
 * The engine as a library (shared/domain/rota/index.ts): records built through its builders, one
 * function per rule agreeing with the full check, and each rule's look-back being all it reads.
 */
import { describe, expect, it } from 'vitest';
import {
  checkRule,
  checkWeek,
  compensatoryRestBalance,
  lookBackFor,
  RULE_IDS,
  rotaContext,
  shiftRecord,
  siteRecord,
  staffRecord,
  type RotaContext,
  type RuleId,
} from '../../../../shared/domain/rota';
import { makeSite, makeStaff } from './factories';
import { makePeople, prng, randomShift, SITES, WEEK } from './world';

const stamp = (id: string) => ({ id, at: '2026-11-01T09:00:00.000Z', by: 'manager-1' });

describe('record builders', () => {
  it('build records shaped as stored, and refuse bad input naming the field', () => {
    const sam = staffRecord(
      { name: 'Sam Reid', employeeNumber: 'E-200', services: ['security'], contractedHours: 40, payRate: 13 },
      stamp('staff-sam-01'),
    );
    expect(sam).toMatchObject({ id: 'staff-sam-01', rev: 1, absences: [], sia: null, archived: false });
    const shift = shiftRecord(
      { site: 'HAT', service: 'security', date: '2026-11-03', start: '07:00', end: '19:00', breakMinutes: 60, staffId: sam.id },
      stamp('shift-0001'),
    );
    expect(shift).toMatchObject({ status: 'draft', deleted: false, history: [] });
    expect(() =>
      shiftRecord(
        { site: 'HAT', service: 'security', date: '2026-02-30', start: '07:00', end: '19:00', breakMinutes: 0 },
        stamp('shift-0002'),
      ),
    ).toThrow(/Not a valid shift: date: That date does not exist/);
    expect(
      siteRecord(
        { code: 'HAT', name: 'Hatfield Depot', address: '1 Road', services: ['security'], permanentPresence: true },
        stamp('site-hat-01'),
      ).permanentPresence,
    ).toBe(true);
  });
});

describe('one function per rule', () => {
  const world = (seed: number): RotaContext => {
    const rand = prng(seed);
    const people = makePeople(rand);
    // One site needing permanent presence and a CCTV post, so reg. 21 and the sector rule have work.
    const sites = [...SITES, makeSite({ code: 'HAT', name: 'Hatfield Depot', permanentPresence: true, securityLicence: 'cctv' })];
    const shifts = Array.from({ length: 160 }, () => randomShift(rand, people)).map((s, i) => (i % 5 === 0 ? { ...s, site: 'HAT' } : s));
    return rotaContext({
      staff: [...people, makeStaff({ name: 'Cam Vu', sia: { number: '1234567890123456', sector: 'cctv', expires: '2030-01-01' } })],
      sites,
      shifts,
    });
  };

  it.each([1, 2, 3])('checkRule gives, rule by rule, exactly what checkWeek gives (seed %i)', (seed) => {
    const ctx = world(seed);
    const all = checkWeek(ctx, WEEK);
    for (const rule of RULE_IDS)
      expect({ rule, found: checkRule(rule, ctx, WEEK) }).toEqual({ rule, found: all.filter((f) => f.rule === rule) });
    // Every kind of rule finding this world can produce shows up somewhere, so the comparison is not empty.
    expect(new Set(all.map((f) => f.rule)).size).toBeGreaterThan(10);
  });

  it.each([1, 2, 3])('a context holding only the shifts from lookBackFor gives the same findings (seed %i)', (seed) => {
    const ctx = world(seed);
    for (const rule of RULE_IDS) {
      const from = lookBackFor(rule as RuleId, WEEK, ctx.settings);
      const trimmed = { ...ctx, shifts: ctx.shifts.filter((s) => s.date >= from) };
      expect({ rule, found: checkRule(rule, trimmed, WEEK) }).toEqual({ rule, found: checkRule(rule, ctx, WEEK) });
    }
  });
});

describe('WTR reg. 24 compensatory rest balance', () => {
  it('owed, given and outstanding for an officer at a reg. 21(b) site', () => {
    const sam = makeStaff({ name: 'Sam Reid', services: ['security'] });
    const hat = makeSite({ code: 'HAT', name: 'Hatfield Depot', permanentPresence: true });
    const mk = (date: string, start: string, end: string, n: string) =>
      shiftRecord({ site: 'HAT', service: 'security', date, start, end, breakMinutes: 30, staffId: sam.id }, stamp(`shift-${n}`));
    // 8 h rest Tue 23:00 to Wed 07:00: 3 h owed (reg. 10(1)'s 11 h). Then Wed 15:00 to Thu 04:00 is 13 h: 2 h given.
    const shifts = [
      mk('2026-11-03', '15:00', '23:00', 'a1'),
      mk('2026-11-04', '07:00', '15:00', 'a2'),
      mk('2026-11-05', '04:00', '12:00', 'a3'),
    ];
    const ctx = rotaContext({ staff: [sam], sites: [hat], shifts });
    // Counted to Thu 20:00: the 8 h since 12:00 gives nothing beyond 11 h; the 39 h before Tue 15:00 came before anything was owed.
    const now = Date.parse('2026-11-05T20:00:00Z');
    const b = compensatoryRestBalance(ctx, sam.id, '2026-11-02', '2026-11-02', now);
    expect({ owed: b.owedMinutes, given: b.givenMinutes, outstanding: b.outstandingMinutes }).toEqual({
      owed: 180,
      given: 120,
      outstanding: 60,
    });
    expect(b.items.map((i) => [i.rule, i.due])).toEqual([['daily-rest', '2026-11-18']]);
  });
});
