import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, shiftSpan, weekdayOf, type Span } from '../../../../shared/domain/dates';
import { withinAvailability } from '../../../../shared/domain/rota';
import type { Staff } from '../../../../shared/schemas/staff';

/** withinAvailability checked another way: every window as real instants, and each place coverage could end tested. */
const reference = (availability: Staff['availability'], shift: { date: string; start: string; end: string }): boolean => {
  if (Object.keys(availability).length === 0) return true;
  const span = shiftSpan(shift.date, shift.start, shift.end);
  const windows: Span[] = [];
  for (let d = -1; d <= 1; d += 1) {
    const day = addDays(shift.date, d);
    for (const w of availability[weekdayOf(day) as keyof typeof availability] ?? []) windows.push(shiftSpan(day, w.start, w.end));
  }
  // Covered when every instant where coverage could stop (the start, and each window's end inside the
  // shift) lies inside some window: no sort, no sweep.
  if (span.end <= span.start) return true; // nothing to cover
  const edges = [span.start, ...windows.map((w) => w.end).filter((e) => e > span.start && e < span.end)];
  return edges.every((p) => windows.some((w) => w.start <= p && p < w.end));
};

const TIMES = [
  '00:00',
  '00:30',
  '01:00',
  '01:30',
  '02:00',
  '06:00',
  '07:00',
  '09:00',
  '12:00',
  '17:00',
  '18:00',
  '22:00',
  '23:00',
  '23:30',
  '24:00',
];
const time = fc.constantFrom(...TIMES);
const windows = fc.array(fc.record({ start: time, end: time }), { maxLength: 3 });
const availability = fc.record(
  { mon: windows, tue: windows, wed: windows, thu: windows, fri: windows, sat: windows, sun: windows },
  { requiredKeys: [] },
);
// Days either side of both clock changes of 2026, and a year end.
const date = fc.constantFrom(
  ...['2026-03-27', '2026-10-23', '2026-12-30'].flatMap((d) => [0, 1, 2, 3].map((n) => addDays(d, n))),
  '2026-06-10',
);

describe('withinAvailability', () => {
  it('answers as merging every window as real instants does, across clock changes and midnight', () => {
    fc.assert(
      fc.property(availability, date, time, time, (av, d, start, end) => {
        expect(withinAvailability({ availability: av }, { date: d, start, end })).toBe(reference(av, { date: d, start, end }));
      }),
      { numRuns: 3000 },
    );
  });
});
