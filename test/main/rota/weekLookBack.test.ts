/**
 * A week's check adds up the older part of its 26-week look-back from sums kept per shift file and
 * shared between weeks (main/services/rota/context.ts lookBackSums). A save to a file in that part,
 * weeks before the week shown, must change what the week shows at once: these save shifts eight weeks
 * back through the planner's own channel and ask for the week again.
 */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/domain/dates';
import { checkWeek } from '../../../shared/domain/rota';
import { contextFor } from '../../../main/services/rota/context';
import type { WeekView } from '../../../shared/contract/rota';
import { makeShift } from '../../shared/domain/rota/factories';
import { input, item, NEXT_MONDAY, okData, rotaWorld } from './setup';

const averages = (view: WeekView) => view.findings.filter((f) => f.rule === 'average-hours');

describe('the summed look-back of the week shown', () => {
  it('counts a shift saved eight weeks before the week, and stops counting it once it is deleted', async () => {
    const { t, m, staff } = await rotaWorld({ Ana: {} });
    const ana = staff.Ana;
    // Ana (security: a 26-week reference period) works 8 paid hours Monday to Saturday for the 27 weeks
    // to the end of the week shown: 48 hours a week on average, exactly the limit, in this week and the one before.
    const shifts = [];
    for (let week = 0; week < 27; week += 1)
      for (let day = 0; day < 6; day += 1)
        shifts.push(makeShift({ date: addDays(NEXT_MONDAY, -7 * week + day), start: '08:00', end: '16:30', staffId: ana.id }));
    t.opened.app.repos.shifts.put(shifts);
    const week = async (monday = NEXT_MONDAY) => okData(await t.call('rota:week', { week: monday, site: null }, m));
    // What the check gives from every shift of the look-back, read afresh: the answer must equal it.
    const plain = (view: WeekView) => {
      const ids = new Set(view.shifts.map((s) => s.id));
      const ctx = contextFor(t.opened.app, view.weekStart, addDays(view.weekStart, 6));
      return checkWeek(ctx, view.weekStart).filter((f) => f.shiftIds.some((id) => ids.has(id)));
    };

    const first = await week();
    expect(averages(first)).toEqual([]);
    // The week before, with its own look-back, is worked out from the same sums.
    expect(averages(await week(addDays(NEXT_MONDAY, -7)))).toEqual([]);

    // Four more hours on the Sunday eight weeks back: 48 h 9 min a week on average over the 26 weeks.
    const sunday = addDays(NEXT_MONDAY, -7 * 8 + 6);
    const saved = okData(
      await t.call(
        'rota:save',
        { items: [item({ date: sunday, start: '07:00', end: '11:30', staffId: ana.id, service: 'reception' })], override: null },
        m,
      ),
    );
    const after = await week();
    expect(averages(after).map((f) => f.message)).toEqual([
      `Ana averages 48 h 9 min a week over the 26 weeks to Sun 6 Dec 2026; the limit is 48 h without a signed opt-out`,
    ]);
    expect(after.findings).toEqual(plain(after));
    // The week before reads the same file in its look-back: 48 h 9 min there too.
    const before = await week(addDays(NEXT_MONDAY, -7));
    expect(averages(before).map((f) => f.message)).toEqual([
      `Ana averages 48 h 9 min a week over the 26 weeks to Sun 29 Nov 2026; the limit is 48 h without a signed opt-out`,
    ]);
    expect(before.findings).toEqual(plain(before));

    // Deleted again, the average is back at the limit.
    okData(await t.call('rota:save', { items: [{ ...input(saved.after[0]), id: saved.after[0].id, deleted: true }], override: null }, m));
    const undone = await week();
    expect(averages(undone)).toEqual([]);
    expect(undone.findings).toEqual(plain(undone));
    expect(undone.findings).toEqual(first.findings);
    t.opened.close();
  });
});
