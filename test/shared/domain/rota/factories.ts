/** Test records for the rota engine, parsed through the real schemas so they are shaped as stored. */
import { shiftSchema, type Shift } from '../../../../shared/schemas/shift';
import { siteSchema, type Site } from '../../../../shared/schemas/site';
import { staffSchema, type Staff } from '../../../../shared/schemas/staff';
import { DEFAULT_RULE_SETTINGS, type RotaContext, type RuleSettings } from '../../../../shared/domain/rota';

const META = {
  createdAt: '2026-01-01T09:00:00.000Z',
  createdBy: 'manager-1',
  updatedAt: '2026-01-01T09:00:00.000Z',
  updatedBy: 'manager-1',
  rev: 1,
};

let seq = 0;
const nextId = (prefix: string) => `${prefix}-${String(++seq).padStart(5, '0')}`;

export type StaffOverrides = Partial<Omit<Staff, 'absences'>> & { absences?: Partial<Staff['absences'][number]>[] };

/** A full-time adult who works every service at CH, with a valid SIA licence and no stated availability. */
export const makeStaff = (o: StaffOverrides = {}): Staff =>
  staffSchema.parse({
    id: nextId('staff'),
    name: 'Ana Silva',
    employeeNumber: 'E-100',
    services: ['reception', 'security', 'cleaning'],
    familiarSites: [],
    homeSite: 'CH',
    contractType: 'full-time',
    contractedHours: 48,
    payRate: 13.5,
    sia: { number: '1234567890123456', sector: 'security-guarding', expires: '2030-12-31' },
    ...META,
    ...o,
    absences: (o.absences ?? []).map((a) => ({ id: nextId('absence'), kind: 'annual-leave', from: '2026-01-01', to: '2026-01-01', ...a })),
  });

/** A published shift at CH on reception, assigned to `staffId` (null for an open shift). */
export const makeShift = (o: Partial<Shift> & Pick<Shift, 'date' | 'start' | 'end'>): Shift =>
  shiftSchema.parse({
    id: nextId('shift'),
    site: 'CH',
    service: 'reception',
    breakMinutes: 30,
    staffId: null,
    notes: '',
    status: 'published',
    ...META,
    ...o,
  });

/** A site running every service with no cover required unless given. */
export const makeSite = (o: Partial<Site> = {}): Site =>
  siteSchema.parse({
    id: nextId('site'),
    code: 'CH',
    name: 'County Hall',
    address: '1 High Street, Anytown',
    opening: {},
    services: ['reception', 'security', 'cleaning'],
    cover: { reception: {}, security: {}, cleaning: {} },
    ...META,
    ...o,
  });

/** A context with default UK settings. */
export const makeContext = (
  o: { shifts?: Shift[]; staff?: Staff[]; sites?: Site[]; settings?: Partial<RuleSettings>; bankHolidays?: string[] } = {},
): RotaContext => ({
  shifts: o.shifts ?? [],
  staff: o.staff ?? [],
  sites: o.sites ?? [makeSite()],
  settings: { ...DEFAULT_RULE_SETTINGS, ...o.settings },
  bankHolidays: o.bankHolidays ?? [],
});

/** Shifts for one person from a compact list of [date, start, end] (and optional break minutes). */
export const shiftsFor = (staff: Staff, rows: [string, string, string, number?][], o: Partial<Shift> = {}): Shift[] =>
  rows.map(([date, start, end, breakMinutes]) =>
    makeShift({ date, start, end, breakMinutes: breakMinutes ?? 30, staffId: staff.id, ...o }),
  );
