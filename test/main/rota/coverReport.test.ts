/** The cover report starts at the first week with a rota: weeks with no data are not "under 95%" (issue 15). */
import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from '../../../main/services/types';
import type { TestApp } from '../../support/app';
import { item, okData, rotaWorld } from './setup';

let t: TestApp;
let m: Session;
afterEach(() => t.opened.close());

describe('the cover report’s weeks', () => {
  it('leaves out the weeks before the first rota, and says which week that is', async () => {
    ({ t, m } = await rotaWorld());
    t.clock.now = Date.parse('2026-11-27T12:00:00Z');
    m.lastActive = t.clock.now;
    // The first shift on record is on Wed 18 Nov; the report asked for is the four weeks from Mon 2 Nov.
    okData(await t.call('rota:save', { items: [item({ date: '2026-11-18', start: '07:00', end: '19:00' })] }, m));
    const report = okData(await t.call('reports:cover', { from: '2026-11-02', to: '2026-11-29', site: 'CH' }, m));
    expect(report.firstWeek).toBe('2026-11-16');
    expect([...new Set(report.rows.map((r) => r.week))]).toEqual(['2026-11-16', '2026-11-23']);
    expect(report.csv.text).not.toContain('2026-11-02');
    expect(report.csv.text).not.toContain('2026-11-09');
  });

  it('has no rows and no first week when there is no rota at all', async () => {
    ({ t, m } = await rotaWorld());
    const report = okData(await t.call('reports:cover', { from: '2026-11-02', to: '2026-11-29', site: null }, m));
    expect(report).toMatchObject({ rows: [], firstWeek: null });
  });
});
