/**
 * The manager's Attendance report counts arrivals that happened apart from people still not in: Sam's
 * 06:45 start has passed at 07:05 with no sign-in (not yet a no-show), so he is 20 minutes late but has
 * not arrived; once he signs in at 07:40 it is one late arrival of 55 minutes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, okData, type TestApp } from '../support/app';
import { DESK_NOW, DESK_SHIFTS, seedDesk, signedInToDesk } from '../support/deskWorld';

let t: TestApp;
const week = { from: '2026-11-23', to: '2026-11-29', site: 'CH' };

const signedIn = (username: string) => signedInToDesk(t, username);

beforeEach(async () => {
  t = openTestApp({ start: DESK_NOW });
  await seedDesk(t.opened.app);
});
afterEach(() => t.opened.close());

describe('someone whose shift has started who has not signed in yet', () => {
  it('is counted as not in yet, not as a late arrival', async () => {
    const mgr = await signedIn('manager');
    const sam = okData(await t.call('attendance:report', week, mgr)).people.find((p) => p.name === 'Sam Guard');
    expect(sam).toMatchObject({ late: 0, lateMinutes: 0, notIn: 1, notInMinutes: 20 });
  });

  it('becomes a late arrival once signed in', async () => {
    const sup = await signedIn('sup.ch');
    t.clock.now = Date.parse('2026-11-25T07:40:00Z');
    sup.lastActive = t.clock.now;
    await t.call('today:sign-in', { shiftId: DESK_SHIFTS.sam.id }, sup);
    const mgr = await signedIn('manager');
    const sam = okData(await t.call('attendance:report', week, mgr)).people.find((p) => p.name === 'Sam Guard');
    expect(sam).toMatchObject({ late: 1, lateMinutes: 55, notIn: 0, notInMinutes: 0 });
  });
});
