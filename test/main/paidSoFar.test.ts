/**
 * What the manager's Attendance screen and the payroll CSV pay someone who signs in late while their shift is
 * running: the hours so far from their actual sign-in, not the shift's scheduled hours, and once they sign out
 * the hours from their actual times.
 */
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, okData, type TestApp } from '../support/app';
import { DESK_NOW, DESK_SHIFTS, seedDesk, signedInToDesk } from '../support/deskWorld';

let t: TestApp;
const week = { from: '2026-11-23', to: '2026-11-29', site: 'CH' };

const advance = (iso: string, ...sessions: { lastActive: number }[]) => {
  t.clock.now = Date.parse(iso);
  for (const s of sessions) s.lastActive = t.clock.now;
};

/** Rhea's row on the Attendance screen, her line in its People table, and her row in the payroll CSV. */
const rhea = async (mgr: ReturnType<TestApp['session']>) => {
  const report = okData(await t.call('attendance:report', week, mgr));
  const csv = okData(await t.call('attendance:timesheet-csv', week, mgr));
  const csvRows = Papa.parse<Record<string, string>>(csv.text, { header: true, skipEmptyLines: true }).data;
  return {
    row: report.rows.find((r) => r.name === 'Rhea Desk'),
    person: report.people.find((p) => p.name === 'Rhea Desk'),
    csv: csvRows.find((r) => r.Name === 'Rhea Desk'),
  };
};

beforeEach(async () => {
  t = openTestApp({ start: DESK_NOW });
  await seedDesk(t.opened.app);
  // Rhea on a 07:00–19:00 with no unpaid break, so the hours are the plain clock times.
  t.opened.app.repos.shifts.put([{ ...DESK_SHIFTS.rhea, start: '07:00', end: '19:00', breakMinutes: 0 }]);
});
afterEach(() => t.opened.close());

describe('pay for a late sign-in', () => {
  it('is the hours so far from the sign-in while the shift runs, then the actual times once signed out', async () => {
    const sup = await signedInToDesk(t, 'sup.ch');
    const mgr = await signedInToDesk(t, 'manager');
    advance('2026-11-25T08:35:00Z', sup, mgr);
    okData(await t.call('today:sign-in', { shiftId: DESK_SHIFTS.rhea.id }, sup));

    // At 12:00: 08:35 to 12:00 is 3 h 25 min, 3.42 hours at £12: £41.00; not the 12 scheduled hours.
    advance('2026-11-25T12:00:00Z', sup, mgr);
    let now = await rhea(mgr);
    expect(now.row).toMatchObject({ scheduledMinutes: 720, paidMinutes: 205, paidBasis: 'so-far', cost: 41 });
    // Her line in the People table counts that shift as one whose hours are so far, so the total can say so.
    expect(now.person).toMatchObject({ scheduledMinutes: 720, paidMinutes: 205, cost: 41, soFar: 1 });
    expect([now.csv?.['Paid hours'], now.csv?.Cost, now.csv?.Basis]).toEqual(['3.42', '41.00', 'so-far']);

    // Out at 19:00: 08:35 to 19:00 is 10 h 25 min, 10.42 hours: £125.00.
    advance('2026-11-25T19:00:00Z', sup, mgr);
    okData(await t.call('today:sign-out', { shiftId: DESK_SHIFTS.rhea.id }, sup));
    now = await rhea(mgr);
    expect(now.row).toMatchObject({ paidMinutes: 625, paidBasis: 'actual', cost: 125 });
    expect(now.person).toMatchObject({ paidMinutes: 625, soFar: 0 });
    expect([now.csv?.['Paid hours'], now.csv?.Cost, now.csv?.Basis]).toEqual(['10.42', '125.00', 'actual']);
  });
});
