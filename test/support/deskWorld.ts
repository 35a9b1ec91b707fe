/**
 * The desk at County Hall at 07:05 on Wed 25 Nov 2026, written straight into a data folder through the
 * repos: the 15 seed sites, a manager and the CH supervisor, and the morning's shifts, so service tests
 * and the Playwright journey stand at the same moment of the same rota.
 */
import type { AppCore } from '../../main/services/types';
import type { TestApp } from './app';
import { hashSecret } from '../../main/services/passwords';
import { newMeta, RecordClock } from '../../main/services/records';
import { seedSites } from '../../main/seed/sites';
import type { Account } from '../../shared/schemas/account';
import type { Attendance } from '../../shared/schemas/attendance';
import type { Incident } from '../../shared/schemas/incident';
import type { LogEntry } from '../../shared/schemas/occurrence';
import type { Shift } from '../../shared/schemas/shift';
import type { Staff } from '../../shared/schemas/staff';
import { makeStaff } from '../shared/domain/directory/factories';

export const DESK_NOW = '2026-11-25T07:05:00.000Z';
export const DESK_PASSWORD = 'sitedesk-demo';
const SYSTEM = 'seed_system_0001';
/** Stamps the fixed records below, which exist before any install opens them: a clock of no install. */
export const SEED_CLOCK = new RecordClock('');

const person = (id: string, name: string, employeeNumber: string, services: Staff['services'], o: Partial<Staff> = {}): Staff =>
  makeStaff({
    ...newMeta(SEED_CLOCK, SYSTEM, Date.parse('2026-01-05T09:00:00Z'), id),
    name,
    employeeNumber,
    services,
    familiarSites: ['CH'],
    contractedHours: 40,
    payRate: 12.5,
    sia: services.includes('security') ? { number: '1234567890123456', sector: 'security-guarding', expires: '2028-06-30' } : null,
    ...o,
  });

export const DESK_STAFF = {
  cleo: person('staff_cleo_0001', 'Cleo Early', 'E-2001', ['cleaning'], { payRate: 11.5 }),
  carla: person('staff_carla_001', 'Carla Brush', 'E-2002', ['cleaning'], { payRate: 11.5 }),
  sam: person('staff_sam_00001', 'Sam Guard', 'E-3001', ['security'], { payRate: 14 }),
  omar: person('staff_omar_0001', 'Omar Absent', 'E-3002', ['security'], { payRate: 14 }),
  nia: person('staff_nia_00001', 'Nia Night', 'E-3003', ['security'], { payRate: 14.5 }),
  rita: person('staff_rita_0001', 'Rita Relief', 'E-3004', ['security'], { payRate: 15, contractType: 'relief', contractedHours: 20 }),
  paul: person('staff_paul_0001', 'Paul Busy', 'E-3005', ['security'], { payRate: 14, homeSite: 'FH', familiarSites: ['FH'] }),
  kim: person('staff_kim_00001', 'Kim Expired', 'E-3006', ['security'], {
    sia: { number: '6543210987654321', sector: 'security-guarding', expires: '2026-12-20' },
  }),
  rhea: person('staff_rhea_0001', 'Rhea Desk', 'E-1001', ['reception'], { payRate: 12 }),
};

const shift = (
  id: string,
  staff: Staff | null,
  service: Shift['service'],
  date: string,
  start: string,
  end: string,
  site = 'CH',
  breakMinutes = 30,
): Shift => ({
  ...newMeta(SEED_CLOCK, SYSTEM, Date.parse('2026-11-16T09:00:00Z'), id),
  site,
  service,
  date,
  start,
  end,
  breakMinutes,
  staffId: staff?.id ?? null,
  notes: '',
  status: 'published',
  override: null,
  history: [],
  deleted: false,
});

const S = DESK_STAFF;
export const DESK_SHIFTS = {
  night: shift('shift_night_001', S.nia, 'security', '2026-11-24', '19:00', '07:00'),
  cleo: shift('shift_cleo_0001', S.cleo, 'cleaning', '2026-11-25', '07:00', '10:00', 'CH', 0),
  carla: shift('shift_carla_001', S.carla, 'cleaning', '2026-11-25', '05:00', '08:00', 'CH', 0),
  sam: shift('shift_sam_00001', S.sam, 'security', '2026-11-25', '06:45', '18:45'),
  omar: shift('shift_omar_0001', S.omar, 'security', '2026-11-25', '06:00', '18:00'),
  paul: shift('shift_paul_0001', S.paul, 'security', '2026-11-25', '07:00', '19:00', 'FH'),
  rhea: shift('shift_rhea_0001', S.rhea, 'reception', '2026-11-25', '08:00', '16:00'),
  openReception: shift('shift_open_0001', null, 'reception', '2026-11-25', '08:00', '18:00'),
};

const attended = (id: string, s: Shift, signedInAt: string, signedOutAt: string | null): Attendance => ({
  ...newMeta(SEED_CLOCK, SYSTEM, Date.parse(signedInAt), id),
  shiftId: s.id,
  staffId: s.staffId!,
  site: s.site,
  date: s.date,
  signedInAt,
  signedOutAt,
  noShow: false,
  corrections: [],
});

const incident = (): Incident => ({
  ...newMeta(SEED_CLOCK, SYSTEM, Date.parse('2026-11-20T10:00:00Z'), 'incident_ch_0001'),
  site: 'CH',
  location: 'Car park barrier',
  occurredAt: '2026-11-20T09:40:00.000Z',
  reportedAt: '2026-11-20T09:50:00.000Z',
  reportedBy: 'Sam Guard',
  reportedTo: 'Site supervisor',
  category: 'security',
  severity: 'medium',
  details: 'Barrier arm struck by a van and left bent.',
  peopleInvolved: '',
  witnesses: '',
  actionTaken: 'Barrier taped off.',
  onwardReports: [],
  followUps: [{ id: 'followup_ch_0001', action: 'Confirm barrier repair booked', owner: 'Facilities', due: '2026-11-25', done: false }],
  riddor: null,
  ref: 'CH-2026-0042',
  status: 'open',
  outcome: '',
  photos: [],
  history: [{ at: '2026-11-20T10:00:00.000Z', by: SYSTEM, kind: 'created', changes: [], note: '', prevHash: '', hash: 'seed' }],
});

const logEntry = (id: string, time: string, kind: LogEntry['kind'], text: string): LogEntry => ({
  ...newMeta(SEED_CLOCK, SYSTEM, Date.parse(`2026-11-25T${time}:00Z`), id),
  site: 'CH',
  date: '2026-11-25',
  time,
  kind,
  text,
  corrects: null,
});

// One slow hash for every account and every test: scrypt is deliberately costly and the machine is shared.
let hashed: Promise<string> | null = null;

const account = async (id: string, username: string, displayName: string, role: Account['role'], sites: string[]): Promise<Account> => {
  hashed ??= hashSecret(DESK_PASSWORD);
  const meta = newMeta(SEED_CLOCK, SYSTEM, Date.parse('2026-01-05T09:00:00Z'), id);
  return {
    id,
    username,
    displayName,
    role,
    sites,
    passwordHash: await hashed,
    pinHash: null,
    disabled: false,
    createdAt: meta.createdAt,
    createdBy: SYSTEM,
    updatedAt: meta.updatedAt,
    updatedBy: SYSTEM,
    rev: 1,
    failedAttempts: 0,
    lastFailedAt: null,
  };
};

/** Writes the desk's world into an open data folder: sites, people, accounts, the morning so far. */
export const seedDesk = async (app: AppCore): Promise<void> => {
  app.repos.sites.putMany(seedSites(app.clock, SYSTEM, Date.parse('2026-01-05T09:00:00Z')));
  app.repos.staff.putMany(Object.values(DESK_STAFF));
  app.repos.accounts.putMany([
    await account('account_manager1', 'manager', 'Maria Okafor', 'manager', []),
    await account('account_sup_ch01', 'sup.ch', 'Dee Supervisor', 'supervisor', ['CH']),
    await account('account_sup_fh01', 'sup.fh', 'Frank Supervisor', 'supervisor', ['FH']),
  ]);
  app.repos.shifts.put(Object.values(DESK_SHIFTS));
  app.repos.attendance.put([
    attended('att_night_00001', DESK_SHIFTS.night, '2026-11-24T18:55:00.000Z', null),
    attended('att_carla_00001', DESK_SHIFTS.carla, '2026-11-25T04:58:00.000Z', null),
    attended('att_paul_000001', DESK_SHIFTS.paul, '2026-11-25T06:55:00.000Z', null),
  ]);
  app.repos.incidents.put([incident()]);
  app.repos.log.put([
    logEntry('log_ch_00000001', '06:00', 'patrol', 'Perimeter patrol, all doors secure.'),
    logEntry('log_ch_00000002', '07:00', 'handover', 'Night handover to day team.'),
  ]);
};

/** A session signed in to the desk world as `username` (every account there has DESK_PASSWORD). */
export const signedInToDesk = async (t: Pick<TestApp, 'session' | 'call'>, username: string) => {
  const s = t.session();
  const r = await t.call('auth:sign-in', { username, password: DESK_PASSWORD }, s);
  if (!r.ok) throw new Error(r.message);
  return s;
};
