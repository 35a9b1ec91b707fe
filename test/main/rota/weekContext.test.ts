/**
 * The shifts around the week shown (WeekView.context) come without notes, history or the record's
 * bookkeeping (a third of an all-sites week's JSON), and the planner's live checks still see them.
 */
import { describe, expect, it } from 'vitest';
import { liveFindings } from '../../../renderer/features/rota/liveFindings';
import { DEFAULT_SETTINGS } from '../../../shared/schemas/settings';
import { makeShift } from '../../shared/domain/rota/factories';
import { item, NEXT_MONDAY, okData, rotaWorld } from './setup';

describe('the week’s context shifts', () => {
  it('carry when, where, what and who only, and the live rule check in the planner still finds a short rest against them', async () => {
    const { t, m, staff } = await rotaWorld({ Ana: {} });
    const saved = okData(
      await t.call(
        'rota:save',
        {
          items: [item({ date: '2026-11-29', start: '19:00', end: '07:00', staffId: staff.Ana.id, notes: 'Keys are at reception' })],
          override: 'Night cover',
        },
        m,
      ),
    );
    const night = saved.after[0];
    const week = okData(await t.call('rota:week', { week: NEXT_MONDAY, site: 'CH' }, m));
    expect(week.context).toStrictEqual([
      {
        id: night.id,
        site: 'CH',
        service: 'security',
        date: '2026-11-29',
        start: '19:00',
        end: '07:00',
        breakMinutes: 30,
        staffId: staff.Ana.id,
        status: 'draft',
      },
    ]);
    // Ana after the night, from 15:00 on Monday: 8 hours' rest, short of 11. The planner says so before saving.
    const draft = makeShift({ site: 'CH', service: 'security', date: NEXT_MONDAY, start: '15:00', end: '23:00', staffId: staff.Ana.id });
    const found = liveFindings(week, draft, DEFAULT_SETTINGS);
    expect(found.map((f) => f.rule)).toContain('daily-rest');
    // Later the same day, after 11 hours, nothing to say about rest.
    const later = liveFindings(week, { ...draft, start: '18:00', end: '23:59' }, DEFAULT_SETTINGS);
    expect(later.map((f) => f.rule)).not.toContain('daily-rest');
  });
});
