/** The demo's people: names, contracts, licences, availability and leave, sized to the week's shifts. */
import { addDays, daysBetween } from '../../shared/domain/dates';
import { WEEKDAYS, type Service, type Weekday } from '../../shared/schemas/common';
import type { Site } from '../../shared/schemas/site';
import type { Absence, Availability, Staff } from '../../shared/schemas/staff';
import { FIRST_NAMES, SURNAMES } from './names';
import type { Rng } from './random';

/** A staff record plus what the demo rota needs to know to give them shifts. */
export interface DemoPerson {
  staff: Staff;
  /** First day they can be rostered (young workers joined recently). */
  startDate: string;
  /** Most minutes a week the rota gives them without breaking a rule on purpose. */
  capMinutes: number;
  /** Available minute ranges per weekday; absent = not available. */
  ranges: Partial<Record<Weekday, [number, number][]>>;
}

// How many hours a week one person typically works on each service, given shift lengths.
const CAPACITY_HOURS: Record<Service, number> = { security: 28, reception: 24, cleaning: 11 };

const round2 = (n: number) => Math.round(n * 100) / 100;
const halfHours = (rng: Rng, min: number, max: number) => rng.int(min * 2, max * 2) / 2;
const phone = (rng: Rng) => `07700 900${String(rng.int(0, 999)).padStart(3, '0')}`;
const siaNumber = (rng: Rng) => Array.from({ length: 16 }, (_, i) => (i === 0 ? rng.int(1, 9) : rng.int(0, 9))).join('');

/** How many people each service needs, in proportion to the minutes asked for, adding up to `count`. */
const peoplePerService = (demand: Map<string, Record<Service, number>>, count: number): Record<Service, number> => {
  const want: Record<Service, number> = { reception: 0, security: 0, cleaning: 0 };
  for (const d of demand.values()) for (const s of Object.keys(want) as Service[]) want[s] += d[s] / 60 / CAPACITY_HOURS[s];
  const total = want.reception + want.security + want.cleaning;
  const security = Math.round((want.security / total) * count);
  const reception = Math.round((want.reception / total) * count);
  return { security, reception, cleaning: count - security - reception };
};

/** Home sites for `n` people of a service, spread over the sites in proportion to their demand. */
const homesFor = (service: Service, n: number, demand: Map<string, Record<Service, number>>): string[] => {
  const sites = [...demand].filter(([, d]) => d[service] > 0);
  const total = sites.reduce((sum, [, d]) => sum + d[service], 0);
  const exact = sites.map(([code, d]) => ({ code, share: (d[service] / total) * n }));
  const out = exact.flatMap(({ code, share }) => Array<string>(Math.floor(share)).fill(code));
  const byRemainder = [...exact].sort((a, b) => (b.share % 1) - (a.share % 1));
  for (let i = 0; out.length < n; i += 1) out.push(byRemainder[i % byRemainder.length].code);
  return out;
};

const ALL_DAY: [number, number][] = [[0, 1440]];

const availabilityOf = (ranges: DemoPerson['ranges']): Availability => {
  const out: Availability = {};
  for (const d of WEEKDAYS) {
    const r = ranges[d];
    if (r)
      out[d] = r.map(([s, e]) => ({
        start: `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`,
        end: e === 1440 ? '24:00' : `${String(Math.floor(e / 60)).padStart(2, '0')}:${String(e % 60).padStart(2, '0')}`,
      }));
  }
  return out;
};

export interface StaffOptions {
  count: number;
  today: string;
  /** First day of the demo's history; annual leave is spread over every year from here. */
  from: string;
  sites: readonly Site[];
  demand: Map<string, Record<Service, number>>;
  /** Share of cleaning time that is evening work, so enough cleaners are free in the evenings. */
  eveningCleaningShare: number;
  /** The first employee number to give out (SD10001 in an empty folder). */
  firstNumber: number;
  userId: string;
  at: string;
}

/** About `count` people with realistic contracts, licences and leave around `today`. */
export const makeStaff = (rng: Rng, o: StaffOptions): DemoPerson[] => {
  const perService = peoplePerService(o.demand, o.count);
  const roles: { service: Service; home: string }[] = (['security', 'reception', 'cleaning'] as const).flatMap((service) =>
    homesFor(service, perService[service], o.demand).map((home) => ({ service, home })),
  );
  const sitesFor = (service: Service) => o.sites.filter((s) => s.services.includes(service)).map((s) => s.code);
  const historyYears = Math.ceil(daysBetween(o.from, o.today) / 365);
  const usedNames = new Set<string>();
  const youngSlots = new Set(
    rng.shuffle(roles.map((r, i) => (r.service === 'cleaning' ? i : -1)).filter((i) => i >= 0)).slice(0, rng.int(2, 3)),
  );
  const cleanersAt = new Map<string, number>();
  let expiredLeft = 3;
  let expiringLeft = 5;

  return roles.map(({ service, home }, i) => {
    let name = `${rng.pick(FIRST_NAMES)} ${rng.pick(SURNAMES)}`;
    while (usedNames.has(name)) name = `${rng.pick(FIRST_NAMES)} ${rng.pick(SURNAMES)}`;
    usedNames.add(name);
    const young = youngSlots.has(i);
    const services: Service[] = [service];
    if (service === 'reception' && rng.chance(0.2)) services.push('cleaning');
    if (service === 'cleaning' && !young && rng.chance(0.15)) services.push('reception');

    const familiar = new Set([home]);
    for (const s of services) for (const code of rng.shuffle(sitesFor(s)).slice(0, rng.int(1, 3))) familiar.add(code);

    const contractType = young
      ? 'part-time'
      : rng.weighted(
          service === 'security'
            ? ([
                ['full-time', 70],
                ['part-time', 15],
                ['zero-hours', 15],
              ] as const)
            : service === 'reception'
              ? ([
                  ['full-time', 35],
                  ['part-time', 50],
                  ['zero-hours', 15],
                ] as const)
              : ([
                  ['full-time', 10],
                  ['part-time', 70],
                  ['zero-hours', 20],
                ] as const),
        );
    const contractedHours = young
      ? rng.int(10, 16)
      : contractType === 'full-time'
        ? halfHours(rng, 37.5, 48)
        : contractType === 'part-time'
          ? rng.int(16, 30)
          : 0;
    const payRate = round2(
      service === 'security' ? 12.6 + rng.next() * 3.4 : service === 'reception' ? 11.8 + rng.next() * 2.4 : 11.44 + rng.next() * 1.2,
    );

    let sia: Staff['sia'] = null;
    if (service === 'security') {
      const expires =
        expiredLeft > 0 && rng.chance(0.15)
          ? (expiredLeft--, addDays(o.today, -rng.int(5, 60)))
          : expiringLeft > 0 && rng.chance(0.2)
            ? (expiringLeft--, addDays(o.today, rng.int(3, 58)))
            : addDays(o.today, rng.int(90, 1000));
      sia = { number: siaNumber(rng), sector: rng.chance(0.75) ? 'security-guarding' : 'door-supervision', expires };
      // An officer whose licence lapsed keeps working on the front desk until it is renewed.
      if (expires < o.today) services.push('reception');
    }

    const ranges: DemoPerson['ranges'] = {};
    if (young) {
      for (const d of ['mon', 'tue', 'wed', 'thu', 'fri'] as const) ranges[d] = [[16 * 60, 22 * 60]];
      ranges.sat = [[6 * 60, 22 * 60]];
      ranges.sun = [[6 * 60, 22 * 60]];
    } else {
      const days = contractType === 'full-time' ? WEEKDAYS : rng.shuffle(WEEKDAYS).slice(0, rng.int(service === 'cleaning' ? 5 : 4, 7));
      // Cleaners work either the early or the evening clean: eleven hours' rest rules out both in a day.
      // Each site's cleaners are split between the two in the proportion the plan asks for.
      const j = cleanersAt.get(home) ?? 0;
      cleanersAt.set(home, j + 1);
      const evening = Math.floor((j + 1) * o.eveningCleaningShare) > Math.floor(j * o.eveningCleaningShare);
      const cleanerRanges: [number, number][] = evening ? [[16 * 60, 22 * 60]] : [[4 * 60 + 30, 12 * 60]];
      for (const d of days) ranges[d] = service === 'cleaning' && services.length === 1 ? cleanerRanges : ALL_DAY;
    }

    const absences: Absence[] = [];
    const absence = (kind: Absence['kind'], from: string, days: number, approved = true, note = ''): void => {
      absences.push({ id: rng.id(), kind, from, to: addDays(from, days - 1), partDay: null, approved, note });
    };
    for (let y = Number(o.from.slice(0, 4)); y < Number(o.today.slice(0, 4)); y += 1) {
      absence('annual-leave', addDays(`${y}-01-01`, rng.int(120, 200)), rng.int(5, 10));
      absence('annual-leave', addDays(`${y}-01-01`, rng.int(300, 355)), rng.int(3, 5));
    }
    if (rng.chance(0.35)) {
      const pending = rng.chance(0.1);
      absence(
        'annual-leave',
        addDays(o.today, rng.int(-20, 40)),
        rng.int(3, 10),
        !pending,
        pending ? 'Waiting for the manager to approve' : '',
      );
    }
    if (rng.chance(0.1))
      absence(
        'sickness',
        addDays(o.today, rng.int(-25, -1)),
        rng.int(1, 5),
        true,
        rng.pick(['Flu', 'Back pain', 'Stomach bug', 'Fit note received', '']),
      );
    if (rng.chance(0.1))
      absence(
        'training',
        addDays(o.today, rng.int(-15, 30)),
        rng.int(1, 2),
        true,
        rng.pick(['First aid at work', 'Fire marshal refresher', 'Conflict management', 'Manual handling']),
      );
    absences.sort((a, b) => a.from.localeCompare(b.from));

    const optOut =
      contractType === 'full-time' && contractedHours >= 44 && rng.chance(0.3) ? { signed: addDays(o.today, -rng.int(30, 1500)) } : null;
    const staff: Staff = {
      id: rng.id(),
      createdAt: o.at,
      createdBy: o.userId,
      updatedAt: o.at,
      updatedBy: o.userId,
      rev: 1,
      name,
      employeeNumber: `SD${String(o.firstNumber + i)}`,
      services,
      familiarSites: [...familiar].sort(),
      homeSite: home,
      contractType,
      contractedHours,
      payRate,
      optOut,
      youngWorker: young,
      dateOfBirth: young
        ? addDays(o.today, -(17 * 365 + rng.int(0, 300)))
        : addDays(o.today, -rng.int((19 + historyYears) * 365, 66 * 365)),
      sia,
      availability: availabilityOf(ranges),
      absences,
      phone: phone(rng),
      notes: young ? 'Young worker: cleaning only, no work 22:00–06:00, at most 8 h a day and 40 h a week.' : '',
      archived: false,
      archivedOn: null,
    };
    const capHours = young ? contractedHours : contractType === 'zero-hours' ? rng.int(12, 30) : contractedHours;
    return { staff, startDate: young ? addDays(o.today, -rng.int(60, 150)) : o.from, capMinutes: capHours * 60, ranges };
  });
};
