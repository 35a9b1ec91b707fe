import type { RecordMeta } from '../../../../shared/schemas/common';
import type { CoverWindow, Site } from '../../../../shared/schemas/site';
import type { Absence, Staff } from '../../../../shared/schemas/staff';

let seq = 0;
const nextId = (prefix: string) => `${prefix}${String(++seq).padStart(6, '0')}`;

/** Meta as if written by one manager at a fixed time, with a fresh id. */
export const meta = (overrides: Partial<RecordMeta> = {}): RecordMeta => ({
  id: nextId('rec'),
  createdAt: '2026-01-05T09:00:00.000Z',
  createdBy: 'manager01',
  updatedAt: '2026-01-05T09:00:00.000Z',
  updatedBy: 'manager01',
  rev: 1,
  ...overrides,
});

/** A cover window. */
export const w = (start: string, end: string, min = 1): CoverWindow => ({ start, end, min });

/** A valid site running reception only, with weekday reception cover. */
export const makeSite = (overrides: Partial<Site> = {}): Site => ({
  ...meta(),
  code: 'CH',
  name: 'County Hall',
  address: 'Pegs Lane, Hertford SG13 8DE',
  opening: { mon: { open: '08:00', close: '18:00' }, tue: { open: '08:00', close: '18:00' }, sat: null, sun: null },
  services: ['reception'],
  cover: { reception: { mon: [w('08:00', '18:00')] }, security: {}, cleaning: {} },
  contacts: [],
  notes: '',
  archived: false,
  ...overrides,
});

/** An approved whole-day absence. */
export const makeAbsence = (overrides: Partial<Absence> = {}): Absence => ({
  id: nextId('abs'),
  kind: 'annual-leave',
  from: '2026-03-02',
  to: '2026-03-02',
  partDay: null,
  approved: true,
  note: '',
  ...overrides,
});

/** A valid full-time cleaner at CH with no licence. */
export const makeStaff = (overrides: Partial<Staff> = {}): Staff => ({
  ...meta(),
  name: 'Alex Morgan',
  employeeNumber: nextId('E'),
  services: ['cleaning'],
  familiarSites: [],
  homeSite: 'CH',
  contractType: 'full-time',
  contractedHours: 37.5,
  payRate: 12.6,
  optOut: null,
  youngWorker: false,
  dateOfBirth: null,
  sia: null,
  availability: {},
  absences: [],
  phone: '',
  notes: '',
  archived: false,
  archivedOn: null,
  ...overrides,
});

/** A security officer whose licence expires on `expires`. */
export const makeOfficer = (expires: string, overrides: Partial<Staff> = {}): Staff =>
  makeStaff({ services: ['security'], sia: { number: '1234567890123456', sector: 'security-guarding', expires }, ...overrides });
