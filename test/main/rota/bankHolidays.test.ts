import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from '../../../main/services/types';
import type { TestApp } from '../../support/app';
import { item, okData, rotaWorld } from './setup';

// County Hall's seeded security cover: two officers 07:00–19:00 on weekdays, one all day on weekends and bank holidays.
const SUMMER_BANK_HOLIDAY = '2026-08-31';
const TUESDAY = '2026-09-01';

let t: TestApp;
let m: Session;
afterEach(() => t.opened.close());
const open = async () => {
  ({ t, m } = await rotaWorld());
};
const securityGaps = async (week: string, date: string) =>
  okData(await t.call('rota:week', { week, site: 'CH' }, m))
    .gaps.filter((g) => g.service === 'security' && g.date === date)
    .map((g) => `${g.start}–${g.endDate} ${g.end} × ${g.required}`);

describe('bank-holiday cover', () => {
  it('the planner asks for bank-holiday cover on the summer bank holiday and weekday cover the day after', async () => {
    await open();
    // One officer short from midnight until the weekday double starts on Tuesday morning.
    expect(await securityGaps(SUMMER_BANK_HOLIDAY, SUMMER_BANK_HOLIDAY)).toEqual(['00:00–2026-09-01 07:00 × 1']);
    expect(await securityGaps(SUMMER_BANK_HOLIDAY, TUESDAY)).toContain('07:00–2026-09-01 19:00 × 2');
  });

  it('a one-off day a manager adds gets bank-holiday cover; a day they remove gets its weekday cover back', async () => {
    await open();
    okData(
      await t.call(
        'settings:update',
        { bankHolidayChanges: { added: [{ date: '2026-09-07', name: 'Royal event' }], removed: [SUMMER_BANK_HOLIDAY] } },
        m,
      ),
    );
    expect(await securityGaps('2026-09-07', '2026-09-07')).toEqual(['00:00–2026-09-08 07:00 × 1']);
    expect(await securityGaps(SUMMER_BANK_HOLIDAY, SUMMER_BANK_HOLIDAY)).toContain('07:00–2026-08-31 19:00 × 2');
  });

  it('Today’s gaps on a bank holiday follow bank-holiday cover', async () => {
    await open();
    t.clock.now = Date.parse(`${SUMMER_BANK_HOLIDAY}T08:00:00Z`);
    m.lastActive = t.clock.now;
    const board = okData(await t.call('today:board', { site: 'CH' }, m));
    expect(board.gaps.filter((g) => g.service === 'security').map((g) => `${g.start}–${g.endDate} ${g.end} × ${g.required}`)).toEqual([
      '00:00–2026-09-01 00:00 × 1',
    ]);
  });

  it('the cover report requires bank-holiday cover on a bank holiday', async () => {
    await open();
    // The report starts at the first week with a rota (issue 15): one shift the week before makes these weeks count.
    okData(await t.call('rota:save', { items: [item({ date: '2026-08-24', start: '07:00', end: '19:00' })] }, m));
    const required = async (day: string) =>
      okData(await t.call('reports:cover', { from: day, to: day, site: 'CH' }, m)).rows.find((r) => r.service === 'security')
        ?.requiredMinutes;
    t.clock.now = Date.parse('2026-09-10T08:00:00Z');
    m.lastActive = t.clock.now;
    expect(await required(SUMMER_BANK_HOLIDAY)).toBe(24 * 60);
    expect(await required(TUESDAY)).toBe(7 * 60 + 12 * 60 * 2 + 5 * 60);
  });
});
