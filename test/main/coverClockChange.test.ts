/**
 * Cover found by the desk in the hour the clocks go back (Sun 25 Oct 2026, 01:00–01:59 happens twice): the
 * shift as stored, read back as every screen reads it, never starts before the cover was arranged.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spanOf } from '../../shared/domain/rota/instants';
import type { Shift } from '../../shared/schemas/shift';
import { openTestApp, okData, type TestApp } from '../support/app';
import { DESK_SHIFTS, DESK_STAFF, seedDesk, signedInToDesk } from '../support/deskWorld';

let t: TestApp;
const night: Shift = { ...DESK_SHIFTS.omar, id: 'shift_omar_night', date: '2026-10-24', start: '22:00', end: '06:00' };

const open = async (iso: string) => {
  t = openTestApp({ start: iso });
  await seedDesk(t.opened.app);
  t.opened.app.repos.shifts.put([night]);
};
const signedIn = (username: string) => signedInToDesk(t, username);

afterEach(() => t.opened.close());

describe('cover on the night the clocks go back', () => {
  describe.each([
    // found at (UTC)              London then          stored start
    ['2026-10-25T01:10:00.000Z', '01:10 GMT, the second 01:10', '02:00'],
    ['2026-10-25T00:40:00.000Z', '01:40 BST, someone arriving at the second 01:10', '02:00'],
    ['2026-10-25T00:10:00.000Z', '01:10 BST, someone arriving at 01:40 BST', '01:40'],
  ])('found at %s (%s)', (found, _then, start) => {
    beforeEach(() => open(found));

    it(`offers and stores the cover from ${start}, which reads back as no earlier than the cover can arrive`, async () => {
      const sup = await signedIn('sup.ch');
      const offer = okData(await t.call('today:cover-candidates', { shiftId: night.id }, sup));
      expect(offer.cover).toEqual({ date: '2026-10-25', start, end: '06:00' });
      expect(offer.candidates.map((c) => c.staffId)).toContain(DESK_STAFF.rita.id);
      const stored = okData(await t.call('today:assign-cover', { shiftId: night.id, staffId: DESK_STAFF.rita.id }, sup));
      expect(stored).toMatchObject({ staffId: DESK_STAFF.rita.id, date: '2026-10-25', start, end: '06:00' });
      expect(stored.notes).toContain(`Cover by Rita Relief from ${start}`);
      expect(spanOf(stored.date, stored.start, stored.end).start).toBeGreaterThanOrEqual(Date.parse(found) + 30 * 60_000);
    });
  });
});
