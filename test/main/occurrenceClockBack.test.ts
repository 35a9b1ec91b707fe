/**
 * The occurrence log at County Hall on Sun 25 Oct 2026, the night the clocks go back: 01:00–01:59 comes first in BST
 * (00:00Z–00:59Z), then again in GMT (01:00Z–01:59Z). A real data folder in a temp directory; times are worked out by
 * hand from those offsets.
 */
import { describe, expect, it } from 'vitest';
import { openTestApp, withManager, okData } from '../support/app';

const NIGHT = '2026-10-25';

describe('the occurrence log on the night the clocks go back', () => {
  it('keeps 01:30 BST and 01:30 GMT apart: reading order, numbers, back-dated, the screen and the CSV', async () => {
    const t = openTestApp({ start: '2026-10-25T00:31:00Z' }); // 01:31 BST
    const m = await withManager(t);
    const add = async (time: string, text: string, zone?: 'GMT') => {
      m.lastActive = t.clock.now;
      return t.call('log:add', { site: 'CH', date: NIGHT, time, kind: 'patrol', text, corrects: null, ...(zone ? { zone } : {}) }, m);
    };

    const first = okData(await add('01:30', 'Patrol one, all secure.'));
    expect([first.number, first.backDated, first.entry.zone]).toEqual([1, false, undefined]);
    // At 01:31 BST the second 01:30 is an hour away.
    expect(await add('01:30', 'Patrol two, all secure.', 'GMT')).toMatchObject({
      ok: false,
      code: 'invalid',
      fields: { time: '01:30 GMT on Sun 25 Oct 2026 has not come yet' },
    });

    t.clock.now = Date.parse('2026-10-25T01:40:00Z'); // 01:40 GMT
    const second = okData(await add('01:30', 'Patrol two, all secure.', 'GMT'));
    // Ten minutes after the second 01:30, not seventy after the first.
    expect([second.number, second.backDated, second.entry.zone]).toEqual([2, false, 'GMT']);
    // Written at 01:40 GMT about 00:59 BST (23:59Z): back-dated, and numbered in the order written.
    const late = okData(await add('00:59', 'Earlier: bin store gate found open, closed it.'));
    expect([late.number, late.backDated]).toEqual([3, true]);
    // 01:45 with no zone is 01:45 BST, 55 minutes ago.
    const bst = okData(await add('01:45', 'Alarm test at the east door.'));
    expect([bst.number, bst.backDated]).toEqual([4, true]);

    t.clock.now = Date.parse('2026-10-25T02:05:00Z');
    okData(await add('02:00', 'Patrol three, all secure.'));

    m.lastActive = t.clock.now;
    const lines = okData(await t.call('log:day', { site: 'CH', date: NIGHT }, m));
    expect(lines.map((l) => [l.entry.time, l.entry.zone ?? '', l.number, l.backDated])).toEqual([
      ['00:59', '', 3, true],
      ['01:30', '', 1, false],
      ['01:45', '', 4, true],
      ['01:30', 'GMT', 2, false],
      ['02:00', '', 5, false],
    ]);

    const csv = okData(await t.call('log:export-csv', { site: 'CH', date: NIGHT }, m));
    const rows = ('text' in csv ? csv.text : '').split('\r\n').slice(1);
    // No., Date, Time: the moment each happened, with the offset in force then.
    expect(rows.map((r) => r.split(',').slice(0, 3).join(','))).toEqual([
      '3,2026-10-25,2026-10-25T00:59+01:00',
      '1,2026-10-25,2026-10-25T01:30+01:00',
      '4,2026-10-25,2026-10-25T01:45+01:00',
      '2,2026-10-25,2026-10-25T01:30+00:00',
      '5,2026-10-25,2026-10-25T02:00+00:00',
    ]);

    // Stored, not worked out again: the same after a restart.
    const again = t.reopen();
    const m2 = again.session();
    okData(await again.call('auth:sign-in', { username: 'maria', password: 'correct horse 1' }, m2));
    const reread = okData(await again.call('log:day', { site: 'CH', date: NIGHT }, m2));
    expect(reread.map((l) => `${l.entry.time}${l.entry.zone ? ` ${l.entry.zone}` : ''}`)).toEqual([
      '00:59',
      '01:30',
      '01:45',
      '01:30 GMT',
      '02:00',
    ]);
    again.opened.close();
  });

  it('refuses GMT on a time that happens once, says why, and writes nothing', async () => {
    const t = openTestApp({ start: '2026-10-25T03:10:00Z' });
    const m = await withManager(t);
    const before = t.snapshot();
    const refusals: [string, string][] = [
      [NIGHT, '03:00'],
      [NIGHT, '00:30'],
      ['2026-10-24', '01:30'],
    ];
    for (const [date, time] of refusals) {
      m.lastActive = t.clock.now;
      const r = await t.call(
        'log:add',
        { site: 'CH', date, time, kind: 'patrol', text: 'Patrol, all secure.', corrects: null, zone: 'GMT' },
        m,
      );
      expect(r, `${date} ${time}`).toMatchObject({ ok: false, code: 'invalid', fields: { time: expect.stringContaining(`${time} on `) } });
      expect(!r.ok && r.fields?.time).toMatch(/happens once/);
    }
    // Only GMT is a zone an entry may name: the first pass is the entry without one.
    m.lastActive = t.clock.now;
    expect(
      await t.raw('log:add', { site: 'CH', date: NIGHT, time: '01:30', kind: 'patrol', text: 'Patrol.', corrects: null, zone: 'BST' }, m),
    ).toMatchObject({ ok: false, code: 'invalid' });
    expect(t.snapshot()).toEqual(before);
    m.lastActive = t.clock.now;
    expect(okData(await t.call('log:day', { site: 'CH', date: NIGHT }, m))).toEqual([]);
    t.opened.close();
  });
});
