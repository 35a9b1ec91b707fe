/** A small random rota (seeded, so a failure can be replayed) for property tests. */
import { addDays } from '../../../../shared/domain/dates';
import type { Service } from '../../../../shared/schemas/common';
import type { Shift } from '../../../../shared/schemas/shift';
import type { Staff } from '../../../../shared/schemas/staff';
import { makeShift, makeSite, makeStaff } from './factories';

/** mulberry32: a tiny deterministic generator. */
export const prng = (seed: number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};
export type Rand = ReturnType<typeof prng>;
export const pick = <T>(rand: Rand, items: readonly T[]): T => items[Math.floor(rand() * items.length)];

export const WEEK = '2026-10-19'; // the week the clocks go back
const TIMES: [string, string][] = [
  ['07:00', '19:00'],
  ['19:00', '07:00'],
  ['22:00', '06:00'],
  ['06:00', '14:00'],
  ['14:00', '22:00'],
  ['09:00', '17:30'],
  ['05:00', '08:00'],
  ['12:00', '20:00'],
];
const SERVICES: Service[] = ['reception', 'security', 'cleaning'];
export const SITES = [makeSite(), makeSite({ code: 'LIB', name: 'Central Library' })];

/** People with every kind of record the rules care about. */
export const makePeople = (rand: Rand): Staff[] =>
  Array.from({ length: 8 }, (_, i) =>
    makeStaff({
      name: `Person ${i + 1}`,
      services: i % 3 === 0 ? ['security'] : i % 3 === 1 ? ['reception', 'cleaning'] : ['reception', 'security', 'cleaning'],
      youngWorker: i === 4,
      optOut: i === 2 ? { signed: '2025-06-01' } : null,
      contractedHours: pick(rand, [16, 37.5, 48]),
      contractType: i === 7 ? 'zero-hours' : 'full-time',
      homeSite: i % 2 ? 'CH' : 'LIB',
      sia:
        i === 5
          ? null
          : { number: '1234567890123456', sector: 'security-guarding', expires: pick(rand, ['2026-10-21', '2026-12-01', '2030-01-01']) },
      availability: i === 6 ? { mon: [{ start: '06:00', end: '18:00' }], tue: [{ start: '06:00', end: '18:00' }] } : {},
      absences: i === 3 ? [{ from: '2026-10-21', to: '2026-10-22' }] : [],
    }),
  );

/** A random shift in the three weeks before the checked week, the week itself, or the week after. */
export const randomShift = (rand: Rand, people: Staff[]): Shift => {
  const [start, end] = pick(rand, TIMES);
  return makeShift({
    date: addDays(WEEK, Math.floor(rand() * 35) - 21),
    start,
    end,
    breakMinutes: pick(rand, [0, 15, 30, 60]),
    site: pick(rand, SITES).code,
    service: pick(rand, SERVICES),
    staffId: rand() < 0.1 ? null : pick(rand, people).id,
  });
};
