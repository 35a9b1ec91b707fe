/**
 * The desk at County Hall at 05:10 on Wed 25 Nov 2026: the morning of deskWorld, plus a late cleaner,
 * a night officer who never came, and a few people for the planner checks. The server's clock and the
 * page's clock both start at DAWN.
 */
import type { Page } from '@playwright/test';
import { newMeta } from '../../main/services/records';
import type { Shift } from '../../shared/schemas/shift';
import type { Staff } from '../../shared/schemas/staff';
import { DESK_SHIFTS, DESK_STAFF, SEED_CLOCK } from '../support/deskWorld';
import type { RunningServer } from '../support/server';
import { test as base } from './fixtures';
import { serveSeededDesk } from './seed';

export const DAWN = '2026-11-25T05:10:00.000Z';
const SYSTEM = 'seed_system_0001';

const person = (id: string, name: string, employeeNumber: string, services: Staff['services'], o: Partial<Staff> = {}): Staff => ({
  ...DESK_STAFF.cleo,
  ...newMeta(SEED_CLOCK, SYSTEM, Date.parse('2026-01-05T09:00:00Z'), id),
  name,
  employeeNumber,
  services,
  sia: services.includes('security') ? { number: '1111222233334444', sector: 'security-guarding', expires: '2028-06-30' } : null,
  ...o,
});

export const DAWN_STAFF = {
  lena: person('staff_lena_0001', 'Lena Late', 'E-2003', ['cleaning']),
  nick: person('staff_nick_0001', 'Nick Nightly', 'E-3007', ['security']),
  // 24 Oct to Thu 26 Nov is 33 days.
  ed: person('staff_ed_000001', 'Ed Lapsed', 'E-3008', ['security'], {
    sia: { number: '9999888877776666', sector: 'security-guarding', expires: '2026-10-24' },
  }),
};

const shift = (id: string, staffId: string, service: Shift['service'], date: string, start: string, end: string, site = 'CH'): Shift => ({
  ...DESK_SHIFTS.cleo,
  ...newMeta(SEED_CLOCK, SYSTEM, Date.parse('2026-11-16T09:00:00Z'), id),
  staffId,
  service,
  date,
  start,
  end,
  site,
  breakMinutes: 30,
});

export const DAWN_SHIFTS = {
  lena: shift('shift_lena_0001', DAWN_STAFF.lena.id, 'cleaning', '2026-11-25', '04:30', '08:30'),
  nick: shift('shift_nick_0001', DAWN_STAFF.nick.id, 'security', '2026-11-24', '21:00', '07:00'),
  ed: shift('shift_ed_000001', DAWN_STAFF.ed.id, 'security', '2026-11-26', '07:00', '19:00'),
  // Paul works Wednesday at Farnham House and Thursday here: 11.5 h at each.
  paulCh: shift('shift_paul_0002', DESK_STAFF.paul.id, 'security', '2026-11-26', '07:00', '19:00'),
};

interface DawnFixtures {
  dawnServer: RunningServer;
  openDawn: (page: Page) => Promise<void>;
}

export const dawnTest = base.extend<DawnFixtures>({
  // eslint-disable-next-line no-empty-pattern
  dawnServer: async ({}, use) =>
    serveSeededDesk(DAWN, use, (app) => {
      app.repos.staff.putMany([...Object.values(DAWN_STAFF), { ...DESK_STAFF.rita, phone: '07700 900123' }]);
      app.repos.shifts.put(Object.values(DAWN_SHIFTS));
    }),
  openDawn: async ({ dawnServer }, use) => {
    await use(async (page) => {
      await page.clock.install({ time: new Date(DAWN) });
      await page.goto(dawnServer.url);
      await page.locator('[data-app-state="loaded"]').waitFor();
    });
  },
});
