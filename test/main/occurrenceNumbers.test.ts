import { describe, expect, it } from 'vitest';
import { isBackDated, logNumbers, nextLogNumber } from '../../shared/domain/incidents';
import { openTestApp, withManager, okData } from '../support/app';
import { makeLogEntry } from '../shared/domain/incidents/factories';

describe('occurrence log numbers follow the order entries were written', () => {
  it('a back-dated entry added later takes the next number and renumbers nothing; it is marked with both times', async () => {
    const t = openTestApp({ start: '2026-11-25T22:05:00Z' });
    const m = await withManager(t);
    // Someone at the desk all evening: the idle lock is not what this test is about.
    const add = async (time: string, text: string) => {
      m.lastActive = t.clock.now;
      return okData(await t.call('log:add', { site: 'CH', date: '2026-11-25', time, kind: 'patrol', text, corrects: null }, m));
    };
    await add('22:00', 'Patrol one, all secure.');
    t.clock.now = Date.parse('2026-11-25T23:01:00Z');
    await add('23:00', 'Patrol two, all secure.');
    // Written at 23:40 about something seen at 21:30: back-dated.
    t.clock.now = Date.parse('2026-11-25T23:40:00Z');
    const late = await add('21:30', 'Earlier: side gate found open, closed it.');
    expect([late.number, late.backDated]).toEqual([3, true]);

    m.lastActive = t.clock.now;
    const lines = okData(await t.call('log:day', { site: 'CH', date: '2026-11-25' }, m));
    // Read in time order; each keeps the number it was written with.
    expect(lines.map((l) => [l.entry.time, l.number, l.backDated])).toEqual([
      ['21:30', 3, true],
      ['22:00', 1, false],
      ['23:00', 2, false],
    ]);
    // And they survive a restart unchanged: stored, not worked out again.
    const again = t.reopen();
    const m2 = again.session();
    okData(await again.call('auth:sign-in', { username: 'maria', password: 'correct horse 1' }, m2));
    expect(okData(await again.call('log:day', { site: 'CH', date: '2026-11-25' }, m2)).map((l) => l.number)).toEqual([3, 1, 2]);
    again.opened.close();
  });
});

describe('log numbering rules', () => {
  it('entries from before numbers were stored are numbered by when they were written, and new ones follow them', () => {
    const a = makeLogEntry({ id: 'logen00001', time: '09:00', createdAt: '2026-03-02T10:00:00.000Z' });
    const b = makeLogEntry({ id: 'logen00002', time: '08:00', createdAt: '2026-03-02T10:30:00.000Z' });
    const c = makeLogEntry({ id: 'logen00003', time: '07:00', createdAt: '2026-03-02T11:00:00.000Z', seq: 3 });
    expect(Object.fromEntries(logNumbers([c, b, a]))).toEqual({ logen00001: 1, logen00002: 2, logen00003: 3 });
    expect(nextLogNumber([c, b, a])).toBe(4);
    expect(nextLogNumber([])).toBe(1);
  });

  it('counts an entry as back-dated when written more than 15 minutes after the time it records (London time)', () => {
    // 2 March is GMT: 22:00 London is 22:00Z. 25 October 2026 is BST until 01:00Z.
    const table: [string, string, string, boolean][] = [
      ['2026-03-02', '22:00', '2026-03-02T22:15:00.000Z', false],
      ['2026-03-02', '22:00', '2026-03-02T22:16:00.000Z', true],
      ['2026-03-02', '22:00', '2026-03-02T21:59:00.000Z', false],
      ['2026-07-01', '10:00', '2026-07-01T09:10:00.000Z', false],
      ['2026-07-01', '10:00', '2026-07-01T09:20:00.000Z', true],
    ];
    for (const [date, time, createdAt, expected] of table)
      expect(isBackDated(makeLogEntry({ date, time, createdAt })), `${date} ${time} written ${createdAt}`).toBe(expected);
  });
});
