/**
 * What the manager's Attendance screen and the payroll CSV pay for a no-show: nothing, whether the clock
 * made them a no-show while the shift is still running, the shift has ended, or someone else covered it
 * (then the cover is paid for the part they worked).
 */
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, okData, type TestApp } from '../support/app';
import { DESK_NOW, DESK_SHIFTS, DESK_STAFF, seedDesk, signedInToDesk } from '../support/deskWorld';

let t: TestApp;
const week = { from: '2026-11-23', to: '2026-11-29', site: 'CH' };

const signedIn = (username: string) => signedInToDesk(t, username);
const advance = (iso: string, ...sessions: { lastActive: number }[]) => {
  t.clock.now = Date.parse(iso);
  for (const s of sessions) s.lastActive = t.clock.now;
};

/** The Attendance screen's row and the payroll CSV's row for `name`. */
const payFor = async (mgr: ReturnType<TestApp['session']>, name: string) => {
  const report = okData(await t.call('attendance:report', week, mgr));
  const csv = okData(await t.call('attendance:timesheet-csv', week, mgr));
  const csvRows = Papa.parse<Record<string, string>>(csv.text, { header: true, skipEmptyLines: true }).data;
  return {
    person: report.people.find((p) => p.name === name),
    rows: report.rows.filter((r) => r.name === name),
    csv: csvRows.filter((r) => r.Name === name),
  };
};

beforeEach(async () => {
  t = openTestApp({ start: DESK_NOW });
  await seedDesk(t.opened.app);
});
afterEach(() => t.opened.close());

describe('pay for a no-show', () => {
  it('is nothing while the shift is still running and the clock has made them a no-show', async () => {
    // Omar's 06:00–18:00: nobody signed in, and at 07:05 the desk shows him as a no-show.
    const mgr = await signedIn('manager');
    const omar = await payFor(mgr, 'Omar Absent');
    expect(omar.rows.map((r) => [r.noShow, r.paidMinutes, r.cost])).toEqual([[true, 0, 0]]);
    expect(omar.person).toMatchObject({ noShows: 1, paidMinutes: 0, cost: 0 });
    expect(omar.csv.map((r) => [r['No-show'], r['Paid hours'], r.Cost])).toEqual([['Yes', '0.00', '0.00']]);
  });

  it('is nothing once the shift has ended with nobody signed in', async () => {
    const mgr = await signedIn('manager');
    advance('2026-11-25T19:00:00Z', mgr);
    const omar = await payFor(mgr, 'Omar Absent');
    expect(omar.rows.map((r) => [r.noShow, r.paidMinutes])).toEqual([[true, 0]]);
    expect(omar.csv.map((r) => [r['No-show'], r['Paid hours'], r.Cost])).toEqual([['Yes', '0.00', '0.00']]);
  });

  it('is nothing when someone else covers the shift, and the cover is paid for the part they work', async () => {
    const sup = await signedIn('sup.ch');
    await t.call('today:assign-cover', { shiftId: DESK_SHIFTS.omar.id, staffId: DESK_STAFF.rita.id }, sup);
    const mgr = await signedIn('manager');

    // Before Rita arrives: Omar nothing; Rita shown at her scheduled 07:35–18:00 less the 30-minute break.
    let omar = await payFor(mgr, 'Omar Absent');
    let rita = await payFor(mgr, 'Rita Relief');
    expect(omar.csv.map((r) => [r['No-show'], r['Paid hours']])).toEqual([['Yes', '0.00']]);
    expect(rita.rows.map((r) => [r.scheduledStart, r.paidMinutes])).toEqual([['07:35', 595]]);

    // Rita signs in at 07:40 and out at 18:00: paid 07:40–18:00 less the break; Omar still nothing.
    advance('2026-11-25T07:40:00Z', sup, mgr);
    await t.call('today:sign-in', { shiftId: DESK_SHIFTS.omar.id }, sup);
    advance('2026-11-25T18:00:00Z', sup, mgr);
    await t.call('today:sign-out', { shiftId: DESK_SHIFTS.omar.id }, sup);
    omar = await payFor(mgr, 'Omar Absent');
    rita = await payFor(mgr, 'Rita Relief');
    expect(omar.person).toMatchObject({ paidMinutes: 0, cost: 0 });
    expect(omar.csv.map((r) => r['Paid hours'])).toEqual(['0.00']);
    expect(rita.csv.map((r) => [r['No-show'], r['Paid hours'], r.Cost])).toEqual([['No', '9.83', '147.50']]);
  });
});
