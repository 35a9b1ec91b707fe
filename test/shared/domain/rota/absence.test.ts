import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../../shared/domain/dates';
import { absenceOverlaps, checkWeek } from '../../../../shared/domain/rota';
import { spanOf } from '../../../../shared/domain/rota/instants';
import { weekRange } from '../../../../shared/domain/rota/week';
import { makeContext, makeShift, makeStaff } from './factories';

// The absence rules look only at the leave near the week; this checks that against every absence of
// every shift, with leave and shifts either side of the week's edges (part days past midnight, 24:00).
const WEEK = '2026-11-09';
const TIMES = ['00:00', '02:00', '06:00', '12:00', '22:00', '23:30', '24:00'];
const time = fc.constantFrom(...TIMES);
const near = fc.integer({ min: -3, max: 9 }).map((n) => addDays(WEEK, n));
const absence = fc.record({
  from: near,
  days: fc.integer({ min: 0, max: 2 }),
  partDay: fc.option(fc.record({ start: time, end: time }), { nil: null }),
  approved: fc.boolean(),
});
const shift = fc.record({ date: near, start: time, end: time });

describe('absence rules', () => {
  it('find every shift in the week that meets an absence, approved or asked for', () => {
    fc.assert(
      fc.property(fc.array(absence, { maxLength: 6 }), fc.array(shift, { minLength: 1, maxLength: 12 }), (absences, times) => {
        const ana = makeStaff({
          absences: absences.map((a) => ({ from: a.from, to: addDays(a.from, a.days), partDay: a.partDay, approved: a.approved })),
        });
        const shifts = times.map((t) => makeShift({ ...t, staffId: ana.id }));
        const range = weekRange(WEEK);
        const want: string[] = [];
        for (const s of shifts) {
          const start = spanOf(s.date, s.start, s.end).start;
          if (start < range.startMs || start >= range.endMs) continue;
          for (const a of ana.absences) if (absenceOverlaps(a, s)) want.push(`${a.approved ? 'absence' : 'absence-pending'} ${s.id}`);
        }
        const got = checkWeek(makeContext({ staff: [ana], shifts }), WEEK)
          .filter((f) => f.rule === 'absence' || f.rule === 'absence-pending')
          .map((f) => `${f.rule} ${f.shiftIds[0]}`);
        expect(got.sort()).toEqual(want.sort());
      }),
      { numRuns: 400 },
    );
  });
});
