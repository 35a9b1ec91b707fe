import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, londonInstant, shiftSpan, spanMinutes } from '../../../../shared/domain/dates';
import { checkWeek, type RotaContext, type RuleSettings } from '../../../../shared/domain/rota';
import { indexForWeek, personFindings, weekIndexOptions } from '../../../../shared/domain/rota/checkWeek';
import { personWeek } from '../../../../shared/domain/rota/personWeek';
import { buildIndex, entryOf, paidByDay, sortEntries, sumPaidBefore } from '../../../../shared/domain/rota/rotaIndex';
import { minutesOverWeeks } from '../../../../shared/domain/rota/rules/averageHours';
import { sortFindings } from '../../../../shared/domain/rota/sortFindings';
import { lookBackFrom, weekRange } from '../../../../shared/domain/rota/week';
import type { Shift } from '../../../../shared/schemas/shift';
import { makeContext, makeShift, makeStaff } from './factories';
import { makePeople, pick, prng, SITES, type Rand } from './world';

// A week's check sums the older part of its look-back per person and week instead of listing it. These
// compare that with the plain way: every shift listed, and the averages added up shift by shift.

// Thirty weeks crossing the clocks going back (25 Oct 2026), a year end and the clocks going forward (28 Mar 2027).
const FIRST = '2026-09-07';
const DAYS = 7 * 30;
const TIMES = [
  '00:00',
  '00:30',
  '01:00',
  '01:30',
  '02:00',
  '05:00',
  '06:00',
  '07:00',
  '12:00',
  '19:00',
  '22:00',
  '23:00',
  '23:30',
  '24:00',
];

const randomRota = (rand: Rand): RotaContext => {
  const people = makePeople(rand);
  const shifts: Shift[] = [];
  for (const [i, person] of people.entries()) {
    // Busy people, so the averages are over their limits in some weeks and under in others; the first
    // works twice a day, so weekly rest is short in every rota.
    const perWeek = i === 0 ? 14 : Math.floor(rand() * 8);
    for (let n = 0; n < (perWeek * DAYS) / 7; n += 1) {
      shifts.push(
        makeShift({
          date: addDays(FIRST, Math.floor(rand() * DAYS)),
          start: pick(rand, TIMES),
          end: pick(rand, TIMES),
          breakMinutes: pick(rand, [0, 30, 60]),
          service: pick(rand, people[0].services),
          site: pick(rand, SITES).code,
          staffId: rand() < 0.05 ? null : person.id,
          deleted: rand() < 0.03,
        }),
      );
    }
  }
  return makeContext({ staff: people, sites: SITES, shifts });
};

const settingsFor = (rand: Rand, base: RuleSettings): RuleSettings => ({
  ...base,
  referenceWeeks: pick(rand, [1, 2, 3, 17, 20]),
  securityReferenceWeeks: pick(rand, [2, 14, 15, 26]),
  nightReferenceWeeks: pick(rand, [1, 4, 17]),
  averageWeeklyHours: pick(rand, [20, 35, 48]),
  nightAvgHours: pick(rand, [3, 5, 8]),
});

/** The checked weeks: some with all of their look-back in the rota, some with part of it. */
const WEEKS = ['2026-10-19', '2026-10-26', '2026-12-28', '2027-01-04', '2027-03-22', '2027-03-29', '2027-03-29', '2027-03-22'];

/** Minutes over the weeks to the end of `monday`'s week, shift by shift from its real span. */
const bruteMinutes = (
  shifts: readonly { shift: Shift; start: number; paid: number }[],
  staffId: string,
  monday: string,
  weeks: number,
): number => {
  const from = londonInstant(addDays(monday, -7 * (weeks - 1)), '00:00');
  const to = londonInstant(addDays(monday, 7), '00:00');
  let total = 0;
  for (const { shift, start, paid } of shifts)
    if (shift.staffId === staffId && !shift.deleted && start >= from && start < to) total += paid;
  return total;
};

describe('the summed look-back of a week check', () => {
  it('gives the findings of an index that lists every shift', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const rand = prng(seed);
        const rota = randomRota(rand);
        const ctx = { ...rota, settings: settingsFor(rand, rota.settings) };
        const monday = pick(rand, WEEKS);
        const range = weekRange(monday);
        const listed = buildIndex(ctx, { from: lookBackFrom(monday, ctx.settings), to: range.end });
        const plain = sortFindings([...listed.byStaff.keys()].flatMap((id) => personFindings(listed, id, range)));
        expect(checkWeek(ctx, monday)).toEqual(plain);
        for (const f of plain) seen.add(f.rule);
      }),
      { numRuns: 60 },
    );
    // The comparison means something only if the averages are broken in some of the rotas.
    expect(seen).toContain('average-hours');
    expect(seen).toContain('night-work');
    expect(seen).toContain('weekly-rest');
  });

  it('gives the same findings when the caller sums the older shifts from lists of them (one per shift file) and leaves them out', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const rand = prng(seed);
        const rota = randomRota(rand);
        const ctx = { ...rota, settings: settingsFor(rand, rota.settings) };
        const monday = pick(rand, WEEKS);
        const { from, summariseBefore } = weekIndexOptions(ctx.settings, weekRange(monday));
        // Split as the store splits them (month and site), plus shifts of other dates in the same lists.
        const files = new Map<string, Shift[]>();
        for (const s of ctx.shifts)
          files.set(`${s.date.slice(0, 7)} ${s.site}`, [...(files.get(`${s.date.slice(0, 7)} ${s.site}`) ?? []), s]);
        const summed = sumPaidBefore([...files.values()].map(paidByDay), from, summariseBefore!);
        if (!summed) return;
        const listed = [...summed.unsummed, ...ctx.shifts.filter((s) => s.date >= summariseBefore!)];
        expect(checkWeek({ ...ctx, shifts: listed }, monday, summed.earlier)).toEqual(checkWeek(ctx, monday));
      }),
      { numRuns: 60 },
    );
  });

  it('still sees a night shift from the week before last that ends inside the fortnight of weekly rest', () => {
    // Monday 9 Nov. The night shift dated Sun 1 Nov ends at 10:00 on Mon 2 Nov, the start of the
    // fortnight, and leaves only 23 h before the next shift; without it that spell would be 33 h and,
    // with the 30 h one later in the week, the fortnight would have its two spells of 24 h.
    const ana = makeStaff();
    const on = (date: string, start: string, end: string) => makeShift({ date, start, end, staffId: ana.id, breakMinutes: 0 });
    const shifts = [
      on('2026-11-01', '22:00', '10:00'),
      on('2026-11-03', '09:00', '21:00'),
      on('2026-11-04', '09:00', '21:00'),
      on('2026-11-05', '08:00', '20:00'),
      on('2026-11-07', '02:00', '14:00'),
      on('2026-11-08', '08:00', '20:00'),
      ...[0, 1, 2, 3, 4, 5, 6].map((d) => on(addDays('2026-11-09', d), '08:00', '20:00')),
    ];
    const found = checkWeek(makeContext({ staff: [ana], shifts }), '2026-11-09').filter((f) => f.rule === 'weekly-rest');
    expect(found).toHaveLength(1);
  });

  it('lists a shift it cannot sum (a date it does not read) instead of failing', () => {
    const ctx = randomRota(prng(3));
    const odd = { ...ctx.shifts.find((s) => s.staffId !== null)!, id: 'odd', date: '2026-10-0' };
    const ix = buildIndex(
      { ...ctx, shifts: [...ctx.shifts, odd] },
      { from: '2026-09-01', to: '2026-11-30', summariseBefore: '2026-11-16' },
    );
    expect(ix.byStaff.get(odd.staffId!)?.some((e) => e.shift.id === 'odd')).toBe(true);
  });

  it("sorts a person's shifts as Array.prototype.sort does, ties included", () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 0, max: 90 }), (seed, n) => {
        const rand = prng(seed);
        // Few dates and times, so equal starts (and equal spans) are common.
        const entries = Array.from({ length: n }, (_, i) =>
          entryOf(
            makeShift({
              id: `shift-${i % 7}`,
              date: addDays('2026-10-24', Math.floor(rand() * 3)),
              start: pick(rand, ['00:00', '01:30', '22:00']),
              end: pick(rand, ['01:00', '06:00', '22:00']),
            }),
          ),
        );
        const want = [...entries].sort(
          (a, b) =>
            a.span.start - b.span.start || a.span.end - b.span.end || (a.shift.id < b.shift.id ? -1 : a.shift.id > b.shift.id ? 1 : 0),
        );
        const got = sortEntries([...entries]);
        expect(got.map((e) => entries.indexOf(e))).toEqual(want.map((e) => entries.indexOf(e)));
      }),
      { numRuns: 200 },
    );
  });

  it('adds up the same minutes as adding shift by shift, for any reference period', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const rand = prng(seed);
        const ctx = randomRota(rand);
        const monday = pick(rand, WEEKS);
        const range = weekRange(monday);
        const ix = indexForWeek(ctx, range);
        const spans = ctx.shifts.map((shift) => {
          const span = shiftSpan(shift.date, shift.start, shift.end);
          return { shift, start: span.start, paid: Math.max(0, spanMinutes(span) - shift.breakMinutes) };
        });
        expect(ix.earlier?.size).toBeGreaterThan(0);
        for (const staff of ix.staff.values()) {
          const p = personWeek(ix, staff, range);
          if (!p) continue;
          for (const weeks of [1, 2, 3, 4, 17, 26])
            expect(minutesOverWeeks(p, weeks), `${staff.name} over ${weeks} weeks to ${monday}`).toBe(
              bruteMinutes(spans, staff.id, monday, weeks),
            );
        }
      }),
      { numRuns: 40 },
    );
  });
});
