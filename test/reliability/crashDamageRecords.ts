/** The records the crash-then-damage test writes, one new record (or a numbered edit) per save. */
import type { Account } from '../../shared/schemas/account';
import type { Attendance } from '../../shared/schemas/attendance';
import type { Shift } from '../../shared/schemas/shift';
import { openDraft } from '../support/shifts';

/** Every kind of data file: the directory files and the monthly partitions. */
export const damageKinds = ['staff', 'shifts', 'accounts', 'incidents', 'settings', 'attendance', 'sites', 'log'] as const;
export type DamageKind = (typeof damageKinds)[number];

const at = '2026-11-20T10:00:00.000Z';
const meta = (id: string) => ({ id, createdAt: at, createdBy: 'crashtest', updatedAt: at, updatedBy: 'crashtest', rev: 1 });

export const newAccount = (id: string): Account => ({
  ...meta(id),
  username: `u${id.toLowerCase()}`.slice(0, 32),
  displayName: `Account ${id}`,
  role: 'supervisor',
  sites: ['CH'],
  passwordHash: 'scrypt$not-a-real-hash-for-this-test',
  pinHash: null,
  disabled: false,
  failedAttempts: 0,
  lastFailedAt: null,
});

export const newShift = (id: string): Shift => ({
  ...meta(id),
  site: 'CH',
  service: 'cleaning',
  date: '2026-11-20',
  start: '05:00',
  end: '08:00',
  breakMinutes: 0,
  ...openDraft(),
});

export const newAttendance = (id: string, shiftId: string): Attendance => ({
  ...meta(id),
  shiftId,
  staffId: 'crashstaff1',
  site: 'CH',
  date: '2026-11-20',
  signedInAt: at,
  signedOutAt: null,
  noShow: false,
  corrections: [],
});
