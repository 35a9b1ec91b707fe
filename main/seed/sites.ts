import type { Service } from '../../shared/schemas/common';
import type { CoverWindow, DayKey, Site, SiteInput } from '../../shared/schemas/site';
import { newMeta, type RecordClock } from '../services/records';

type Cover = Partial<Record<DayKey, CoverWindow[]>>;
const WEEKDAYS: DayKey[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const ALL: DayKey[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'bankHoliday'];

const on = (days: DayKey[], windows: CoverWindow[], base: Cover = {}): Cover => {
  const out: Cover = { ...base };
  for (const d of days) out[d] = [...(out[d] ?? []), ...windows];
  return out;
};
const w = (start: string, end: string, min: number): CoverWindow => ({ start, end, min });

const officeHours = (open: string, close: string, saturday?: [string, string]): SiteInput['opening'] => {
  const o: SiteInput['opening'] = {};
  for (const d of WEEKDAYS) o[d] = { open, close };
  o.sat = saturday ? { open: saturday[0], close: saturday[1] } : null;
  o.sun = null;
  o.bankHoliday = null;
  return o;
};

// Cover windows never overlap: a busier part of a day is its own window with the higher head-count.
const TWENTY_FOUR_SEVEN_WITH_WEEKDAY_DOUBLE = on(
  WEEKDAYS,
  [w('00:00', '07:00', 1), w('07:00', '19:00', 2), w('19:00', '24:00', 1)],
  on(['sat', 'sun', 'bankHoliday'], [w('00:00', '24:00', 1)]),
);

interface SeedSite {
  code: string;
  name: string;
  address: string;
  opening: SiteInput['opening'];
  services: Service[];
  reception?: Cover;
  security?: Cover;
  cleaning?: Cover;
}

// Realistic Hertfordshire council sites: civic offices with 24/7 guarding, libraries and register
// offices with day cover, all with early-morning cleaning before opening.
// Data, one entry a site: the entries look alike on purpose (the duplicates tool pairs them).
const SITES: SeedSite[] = [
  {
    code: 'CH',
    name: 'County Hall',
    address: 'Pegs Lane, Hertford SG13 8DE',
    opening: officeHours('08:00', '18:00'),
    services: ['reception', 'security', 'cleaning'],
    reception: on(WEEKDAYS, [w('08:00', '18:00', 2)]),
    security: TWENTY_FOUR_SEVEN_WITH_WEEKDAY_DOUBLE,
    cleaning: on(WEEKDAYS, [w('05:00', '08:00', 3), w('18:00', '21:00', 2)]),
  },
  {
    code: 'FH',
    name: 'Farnham House',
    address: 'Six Hills Way, Stevenage SG1 2FQ',
    opening: officeHours('08:00', '18:00'),
    services: ['reception', 'security', 'cleaning'],
    reception: on(WEEKDAYS, [w('08:00', '18:00', 1)]),
    security: TWENTY_FOUR_SEVEN_WITH_WEEKDAY_DOUBLE,
    cleaning: on(WEEKDAYS, [w('05:00', '08:00', 2)]),
  },
  {
    code: 'RH',
    name: 'Robertson House',
    address: 'Six Hills Way, Stevenage SG1 2FQ',
    opening: officeHours('08:30', '17:30'),
    services: ['reception', 'cleaning'],
    reception: on(WEEKDAYS, [w('08:30', '17:30', 1)]),
    cleaning: on(WEEKDAYS, [w('06:00', '08:30', 2)]),
  },
  {
    code: 'APC',
    name: 'Apsley Civic Centre',
    address: 'London Road, Hemel Hempstead HP3 9SH',
    opening: officeHours('08:30', '17:00'),
    services: ['reception', 'security', 'cleaning'],
    reception: on(WEEKDAYS, [w('08:30', '17:00', 1)]),
    security: on(ALL, [w('18:00', '07:00', 1)], on(WEEKDAYS, [w('07:00', '18:00', 1)])),
    cleaning: on(WEEKDAYS, [w('05:30', '08:30', 2)]),
  },
  {
    code: 'SAL',
    name: 'St Albans Central Library',
    address: 'The Maltings, St Albans AL1 3HL',
    opening: officeHours('09:00', '19:00', ['09:00', '16:00']),
    services: ['reception', 'cleaning'],
    reception: on(['sat'], [w('09:00', '16:00', 1)], on(WEEKDAYS, [w('09:00', '19:00', 2)])),
    cleaning: on(['mon', 'tue', 'wed', 'thu', 'fri', 'sat'], [w('06:30', '09:00', 1)]),
  },
  {
    code: 'WAT',
    name: 'Watford Central Library',
    address: 'Hempstead Road, Watford WD17 3EU',
    opening: officeHours('09:00', '19:00', ['09:00', '16:00']),
    services: ['reception', 'security', 'cleaning'],
    reception: on(['sat'], [w('09:00', '16:00', 1)], on(WEEKDAYS, [w('09:00', '19:00', 2)])),
    security: on(['mon', 'tue', 'wed', 'thu', 'fri', 'sat'], [w('12:00', '20:00', 1)]),
    cleaning: on(['mon', 'tue', 'wed', 'thu', 'fri', 'sat'], [w('06:30', '09:00', 2)]),
  },
  {
    code: 'HIT',
    name: 'Hitchin Town Hall',
    address: 'Brand Street, Hitchin SG5 1HX',
    opening: officeHours('09:00', '17:00'),
    services: ['reception', 'cleaning'],
    reception: on(WEEKDAYS, [w('09:00', '17:00', 1)]),
    cleaning: on(WEEKDAYS, [w('06:00', '09:00', 1)]),
  },
  {
    code: 'LET',
    name: 'Letchworth Council Offices',
    address: 'Gernon Road, Letchworth Garden City SG6 3JF',
    opening: officeHours('08:45', '17:15'),
    services: ['reception', 'cleaning'],
    reception: on(WEEKDAYS, [w('08:45', '17:15', 1)]),
    cleaning: on(WEEKDAYS, [w('06:00', '08:45', 1)]),
  },
  {
    code: 'BSR',
    name: "Bishop's Stortford Register Office",
    address: "Windhill, Bishop's Stortford CM23 2NE",
    opening: officeHours('09:00', '17:00', ['09:00', '15:00']),
    services: ['reception', 'cleaning'],
    reception: on(['sat'], [w('09:00', '15:00', 1)], on(WEEKDAYS, [w('09:00', '17:00', 1)])),
    cleaning: on(['mon', 'wed', 'fri'], [w('07:00', '09:00', 1)]),
  },
  {
    code: 'BWD',
    name: 'Borehamwood Civic Offices',
    address: 'Elstree Way, Borehamwood WD6 1WA',
    opening: officeHours('08:30', '17:00'),
    services: ['reception', 'security', 'cleaning'],
    reception: on(WEEKDAYS, [w('08:30', '17:00', 1)]),
    security: on(ALL, [w('19:00', '07:00', 1)]),
    cleaning: on(WEEKDAYS, [w('06:00', '08:30', 2)]),
  },
  {
    code: 'WGC',
    name: 'Welwyn Garden City Campus',
    address: 'The Campus, Welwyn Garden City AL8 6AE',
    opening: officeHours('08:30', '17:30'),
    services: ['reception', 'security', 'cleaning'],
    reception: on(WEEKDAYS, [w('08:30', '17:30', 1)]),
    security: on(ALL, [w('00:00', '24:00', 1)]),
    cleaning: on(WEEKDAYS, [w('05:30', '08:30', 2)]),
  },
  {
    code: 'CHR',
    name: 'Cheshunt Register Office',
    address: 'Turners Hill, Cheshunt EN8 8LE',
    opening: officeHours('09:00', '17:00', ['09:00', '13:00']),
    services: ['reception', 'cleaning'],
    reception: on(['sat'], [w('09:00', '13:00', 1)], on(WEEKDAYS, [w('09:00', '17:00', 1)])),
    cleaning: on(WEEKDAYS, [w('07:00', '09:00', 1)]),
  },
  {
    code: 'TRG',
    name: 'Tring Library and Hub',
    address: 'Market Place, Tring HP23 5AY',
    opening: officeHours('09:30', '17:00', ['09:30', '13:00']),
    services: ['reception', 'cleaning'],
    reception: on(['sat'], [w('09:30', '13:00', 1)], on(WEEKDAYS, [w('09:30', '17:00', 1)])),
    cleaning: on(['mon', 'wed', 'fri'], [w('07:30', '09:30', 1)]),
  },
  {
    code: 'WAR',
    name: 'Ware Priory',
    address: 'High Street, Ware SG12 9AL',
    opening: officeHours('09:00', '17:00'),
    services: ['reception', 'cleaning'],
    reception: on(WEEKDAYS, [w('09:00', '17:00', 1)]),
    cleaning: on(WEEKDAYS, [w('07:00', '09:00', 1)]),
  },
  {
    code: 'HAT',
    name: 'Hatfield Council Offices',
    address: 'The Campus, Hatfield AL10 0HT',
    opening: officeHours('08:30', '17:00'),
    services: ['reception', 'security', 'cleaning'],
    reception: on(WEEKDAYS, [w('08:30', '17:00', 1)]),
    security: on(WEEKDAYS, [w('07:00', '19:00', 1)]),
    cleaning: on(WEEKDAYS, [w('05:30', '08:30', 2)]),
  },
];

/** The 15 sites a new SiteDesk starts with, written as by the first manager, stamped by the install's clock. */
export const seedSites = (clock: RecordClock, userId: string, now: number): Site[] =>
  SITES.map((s) => ({
    ...newMeta(clock, userId, now),
    code: s.code,
    name: s.name,
    address: s.address,
    opening: s.opening,
    services: s.services,
    cover: { reception: s.reception ?? {}, security: s.security ?? {}, cleaning: s.cleaning ?? {} },
    contacts: [],
    notes: '',
    archived: false,
  }));
