/**
 * After a week is shown, main reads in the background the shift files the weeks either side will need,
 * so the planner's next week does not wait for a month of files when its look-back reaches a new month.
 */
import fs from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addDays } from '../../../shared/domain/dates';
import { makeShift } from '../../shared/domain/rota/factories';
import { NEXT_MONDAY, okData, rotaWorld } from './setup';

afterEach(() => vi.restoreAllMocks());

const shiftFilesRead = (spy: { mock: { calls: unknown[][] } }) =>
  spy.mock.calls.map((c) => String(c[0])).filter((f) => f.includes('partitions') && f.includes('shifts'));

describe('reading ahead for the next week', () => {
  it('the week before needs no shift file read from disk once the week shown has been answered', async () => {
    const { t, m, staff } = await rotaWorld({ Ana: {} });
    // A shift on the 15th of every month for a year and a half, so every month of any look-back has a file.
    const months = Array.from({ length: 18 }, (_, i) => addDays('2025-06-15', 30 * i).slice(0, 8) + '15');
    t.opened.app.repos.shifts.put(
      months.map((date) => makeShift({ site: 'CH', date, start: '07:00', end: '15:00', staffId: staff.Ana.id })),
    );
    // A week whose week before reaches back (26 weeks and a day, the longest reference period) into an earlier month.
    let week = NEXT_MONDAY;
    while (addDays(week, -7 * 26 - 1).slice(0, 7) === addDays(week, -7 * 25 - 1).slice(0, 7)) week = addDays(week, -7);
    t.opened.app.ds.forget();
    okData(await t.call('rota:week', { week, site: null }, m));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const reads = vi.spyOn(fs, 'readFileSync');
    const before = okData(await t.call('rota:week', { week: addDays(week, -7), site: null }, m));
    expect(shiftFilesRead(reads)).toEqual([]);
    // And the answer is the one a fresh read gives.
    reads.mockRestore();
    t.opened.app.ds.forget();
    expect(okData(await t.call('rota:week', { week: addDays(week, -7), site: null }, m))).toEqual(before);
    t.opened.close();
  });
});
