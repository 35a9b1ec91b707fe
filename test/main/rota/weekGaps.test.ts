/**
 * The week's cover gaps read only the shifts that can meet the week (main/services/rota/week.ts): a
 * night shift dated the Sunday before still covers the week's first hours.
 */
import { describe, expect, it } from 'vitest';
import { item, NEXT_MONDAY, okData, rotaWorld } from './setup';

describe('cover gaps at the edge of the week', () => {
  it('a night shift from the Sunday before covers Monday until 07:00, so the first gap starts at 07:00', async () => {
    const { t, m, staff } = await rotaWorld({ Ana: {} });
    okData(
      await t.call(
        'rota:save',
        { items: [item({ date: '2026-11-29', start: '19:00', end: '07:00', staffId: staff.Ana.id })], override: 'Night cover' },
        m,
      ),
    );
    const week = okData(await t.call('rota:week', { week: NEXT_MONDAY, site: 'CH' }, m));
    const security = week.gaps.filter((g) => g.service === 'security');
    // County Hall asks for one officer overnight and two from 07:00 to 19:00 on weekdays; Ana is the only one on.
    expect(security[0]).toMatchObject({ date: NEXT_MONDAY, start: '07:00' });
    expect(security.some((g) => g.date === NEXT_MONDAY && g.start === '00:00')).toBe(false);
    // The night shift belongs to the week before, so the planner gets it as context, not as the week's own.
    expect(week.shifts).toEqual([]);
    expect(week.context.map((s) => s.date)).toEqual(['2026-11-29']);
  });
});
