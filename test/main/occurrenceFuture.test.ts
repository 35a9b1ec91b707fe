import { describe, expect, it } from 'vitest';
import { openTestApp, withManager, okData } from '../support/app';

describe('the occurrence log refuses entries for a time that has not come yet', () => {
  it('at 07:05 an entry for 23:00 the same day, or for tomorrow, is refused and nothing is written; a few minutes ahead is taken', async () => {
    const t = openTestApp({ start: '2026-11-25T07:05:00Z' });
    const m = await withManager(t);
    const add = (date: string, time: string, text: string) =>
      t.call('log:add', { site: 'CH', date, time, kind: 'patrol', text, corrects: null }, m);

    const later = await add('2026-11-25', '23:00', 'Alarm at east door, reset.');
    expect(later).toMatchObject({ ok: false, code: 'invalid', fields: { time: expect.stringContaining('has not come yet') } });
    const tomorrow = await add('2026-11-26', '07:05', 'Patrol, all secure.');
    expect(tomorrow).toMatchObject({ ok: false, code: 'invalid' });

    // The desk PC's clock may run a little behind the officer's watch.
    okData(await add('2026-11-25', '07:09', 'Keys issued to contractor.'));
    expect(okData(await t.call('log:day', { site: 'CH', date: '2026-11-25' }, m)).map((l) => l.entry.text)).toEqual([
      'Keys issued to contractor.',
    ]);
    expect(okData(await t.call('log:day', { site: 'CH', date: '2026-11-26' }, m))).toEqual([]);
  });
});
