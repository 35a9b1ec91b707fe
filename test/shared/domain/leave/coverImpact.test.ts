/**
 * What approving leave does to cover. Expectations are written from the site's cover (one officer a night
 * at HAT) and the ranking the planner documents (fewest warnings, then most hours under contract this week),
 * not read from the engine.
 */
import { describe, expect, it } from 'vitest';
import { leaveCoverImpact } from '../../../../shared/domain/leave/coverImpact';
import type { CoverWindow } from '../../../../shared/schemas/site';
import type { Staff } from '../../../../shared/schemas/staff';
import { makeContext, makeShift, makeSite, makeStaff } from '../rota/factories';

const every = (w: CoverWindow[]) => ({ mon: w, tue: w, wed: w, thu: w, fri: w, sat: w, sun: w });
/** HAT needs `nights` officers 19:00–07:00 and `days` officers 07:00–19:00, every day. */
const hat = (nights: number, days = 0) =>
  makeSite({
    code: 'HAT',
    name: 'Hatfield',
    cover: {
      reception: {},
      security: every([{ start: '19:00', end: '07:00', min: nights }, ...(days > 0 ? [{ start: '07:00', end: '19:00', min: days }] : [])]),
      cleaning: {},
    },
  });
const officer = (name: string, contractedHours: number, o: Partial<Staff> = {}) =>
  makeStaff({ name, employeeNumber: `E-${name.toUpperCase()}`, homeSite: 'HAT', contractedHours, services: ['security'], ...o });
const night = (who: Staff | null, date: string, site = 'HAT') =>
  makeShift({ site, service: 'security', date, start: '19:00', end: '07:00', breakMinutes: 60, staffId: who?.id ?? null });
const day = (who: Staff | null, date: string) =>
  makeShift({ site: 'HAT', service: 'security', date, start: '07:00', end: '19:00', breakMinutes: 60, staffId: who?.id ?? null });
const leave = (from: string, to: string, partDay: { start: string; end: string } | null = null) => ({
  id: 'leave-00001',
  from,
  to,
  partDay,
  note: '',
});

// Mon 7 to Wed 9 Dec 2026: Sam works the three nights at HAT.
const MON = '2026-12-07';
const TUE = '2026-12-08';
const WED = '2026-12-09';
/** Wed 25 Nov 2026 09:00: every shift below is still to come. */
const NOW = Date.parse('2026-11-25T09:00:00Z');

describe('leaveCoverImpact', () => {
  it('approving three nights off leaves HAT Security 1 short on 3 nights, and names who could cover, best first', () => {
    const sam = officer('Sam', 36);
    // Ranked by hours under contract this week (none has a shift): Dee 48 h, Eve 44 h, Fay 40 h, Gus 38 h.
    const [dee, eve, fay, gus] = [officer('Dee', 48), officer('Eve', 44), officer('Fay', 40), officer('Gus', 38)];
    // Hal is on a night at CH on Monday, so can only take Tuesday and Wednesday.
    const hal = officer('Hal', 48, { familiarSites: ['CH'] });
    // Ivy does not work security; Jo is on approved sick leave all week.
    const ivy = officer('Ivy', 48, { services: ['reception'] });
    const jo = makeStaff({
      name: 'Jo',
      homeSite: 'HAT',
      services: ['security'],
      absences: [{ kind: 'sickness', from: MON, to: '2026-12-13', approved: true }],
    });
    const shifts = [night(sam, MON), night(sam, TUE), night(sam, WED), night(hal, MON, 'CH')];
    const ctx = makeContext({ sites: [hat(1), makeSite()], staff: [sam, dee, eve, fay, gus, hal, ivy, jo], shifts });

    const impact = leaveCoverImpact(ctx, sam.id, leave(MON, WED), NOW);

    expect(impact.summary).toBe('Approving leaves HAT Security 1 short on 3 nights; these 5 people could cover: Dee, Eve, Fay, Gus, Hal.');
    expect(impact.opened.map((s) => s.date)).toEqual([MON, TUE, WED]);
    expect(impact.shortfalls).toEqual([
      { site: 'HAT', service: 'security', short: 1, shiftIds: shifts.slice(0, 3).map((s) => s.id), shiftWord: 'nights' },
    ]);
    expect(impact.coverers.map((c) => [c.name, c.shiftIds.length])).toEqual([
      ['Dee', 3],
      ['Eve', 3],
      ['Fay', 3],
      ['Gus', 3],
      ['Hal', 2],
    ]);
    expect(impact.candidates[shifts[0].id].map((c) => c.name)).toEqual(['Dee', 'Eve', 'Fay', 'Gus']);
    // Sam, on the leave, never appears as cover for their own shifts.
    expect(impact.coverers.some((c) => c.staffId === sam.id)).toBe(false);
  });

  it('a site with an officer to spare stays covered: the shifts open but no shortfall is reported', () => {
    const sam = officer('Sam', 36);
    const kim = officer('Kim', 36);
    const lee = officer('Lee', 48);
    // One officer needed a night; Sam and Kim both on Monday night.
    const shifts = [night(sam, MON), night(kim, MON)];
    const ctx = makeContext({ sites: [hat(1)], staff: [sam, kim, lee], shifts });
    const impact = leaveCoverImpact(ctx, sam.id, leave(MON, MON), NOW);
    expect(impact.shortfalls).toEqual([]);
    expect(impact.summary).toBe('Approving opens 1 shift; cover stays as the sites require, and this person could cover: Lee.');
  });

  it('a site already short gets shorter: two needed, Sam alone on, approving leaves it 2 short on 1 night', () => {
    const sam = officer('Sam', 36);
    const ctx = makeContext({ sites: [hat(2)], staff: [sam], shifts: [night(sam, TUE)] });
    const impact = leaveCoverImpact(ctx, sam.id, leave(TUE, TUE), NOW);
    expect(impact.summary).toBe('Approving leaves HAT Security 2 short on 1 night; no one could cover without breaking a rule.');
  });

  it('a day and a night opened together are counted as shifts', () => {
    const sam = officer('Sam', 48);
    const uma = officer('Uma', 48);
    const ctx = makeContext({ sites: [hat(1, 1)], staff: [sam, uma], shifts: [day(sam, MON), night(sam, WED)] });
    const impact = leaveCoverImpact(ctx, sam.id, leave(MON, WED), NOW);
    expect(impact.summary).toBe('Approving leaves HAT Security 1 short on 2 shifts; this person could cover: Uma.');
  });

  it('a part-day absence opens only the shifts its hours touch: 09:00–13:00 on Tuesday clashes with the day, not the night before', () => {
    const sam = officer('Sam', 48);
    const shifts = [night(sam, MON), day(sam, TUE)];
    const ctx = makeContext({ sites: [hat(1, 1)], staff: [sam], shifts });
    const impact = leaveCoverImpact(ctx, sam.id, leave(TUE, TUE, { start: '09:00', end: '13:00' }), NOW);
    expect(impact.opened.map((s) => `${s.date} ${s.start}`)).toEqual([`${TUE} 07:00`]);
    expect(impact.summary).toBe('Approving leaves HAT Security 1 short on 1 day; no one could cover without breaking a rule.');
  });

  it('leave on days with no planned shifts opens nothing', () => {
    const sam = officer('Sam', 36);
    const ctx = makeContext({ sites: [hat(1)], staff: [sam], shifts: [night(sam, '2026-12-14')] });
    const impact = leaveCoverImpact(ctx, sam.id, leave(MON, WED), NOW);
    expect(impact.opened).toEqual([]);
    expect(impact.summary).toBe('Approving opens no shifts: Sam has none planned then.');
  });

  it('a clashing shift already under way at `now` is left as planned and said so; only later ones open', () => {
    const sam = officer('Sam', 36);
    const shifts = [night(sam, MON), night(sam, TUE)];
    const ctx = makeContext({ sites: [hat(1)], staff: [sam], shifts });
    // 20:00 on Monday: Monday's night started at 19:00.
    const impact = leaveCoverImpact(ctx, sam.id, leave(MON, TUE), Date.parse('2026-12-07T20:00:00Z'));
    expect(impact.started.map((s) => s.date)).toEqual([MON]);
    expect(impact.opened.map((s) => s.date)).toEqual([TUE]);
    expect(impact.summary).toBe(
      'Approving leaves HAT Security 1 short on 1 night; no one could cover without breaking a rule. 1 shift in the leave had already started and stays as planned.',
    );
  });

  it('a night that starts the evening before the leave and runs into its first day is opened (whole days run from midnight)', () => {
    const sam = officer('Sam', 36);
    const ctx = makeContext({ sites: [hat(1)], staff: [sam], shifts: [night(sam, '2026-12-06')] });
    const impact = leaveCoverImpact(ctx, sam.id, leave(MON, MON), NOW);
    expect(impact.opened.map((s) => s.date)).toEqual(['2026-12-06']);
  });
});
