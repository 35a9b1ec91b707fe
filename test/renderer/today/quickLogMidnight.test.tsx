// @vitest-environment happy-dom
/**
 * The Today screen's quick log just after midnight. The board refreshes every 30 s, so for a moment after midnight
 * it still shows yesterday; an entry written then, with no time given, is dated when it is written (00:20 on
 * Thursday), never on the board's day (Wednesday 00:20, 24 hours early, at the top of the wrong page).
 */
import { act } from 'react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import '../noServer';
import { mountEach, typeInto } from '../dom';
import type { TodayBoard } from '../../../shared/contract/today';

const { useStore } = await import('../../../renderer/store/appStore');
const { TodayView } = await import('../../../renderer/features/today/TodayView');

// The board as last loaded, at 23:59:45 on Wed 25 Nov 2026 (GMT), with the evening's one entry.
const board: TodayBoard = {
  site: { code: 'CH', name: 'County Hall' },
  sites: [{ code: 'CH', name: 'County Hall' }],
  today: '2026-11-25',
  now: '2026-11-25T23:59:45.000Z',
  graceMinutes: 10,
  services: [],
  gaps: [],
  incidents: [],
  followUps: [],
  log: [
    {
      id: 'log_ch_00000009',
      site: 'CH',
      date: '2026-11-25',
      time: '23:30',
      kind: 'patrol',
      text: 'Perimeter patrol, all doors secure.',
      corrects: null,
      createdAt: '2026-11-25T23:30:00.000Z',
      createdBy: 'account_sup_ch01',
      updatedAt: '2026-11-25T23:30:00.000Z',
      updatedBy: 'account_sup_ch01',
      rev: 1,
    },
  ],
};

const written: Parameters<ReturnType<typeof useStore.getState>['addLogEntry']>[0][] = [];

beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  // Written at 00:20 on Thursday; the board on screen has not caught up.
  vi.setSystemTime(new Date('2026-11-26T00:20:00.000Z'));
  useStore.setState({
    today: { status: 'ready', data: board },
    loadToday: async () => {},
    addLogEntry: async (entry: (typeof written)[number]) => {
      written.push(entry);
      return null;
    },
  } as never);
});
afterAll(() => {
  vi.useRealTimers();
});
mountEach(() => <TodayView />);

describe('the Today quick log just after midnight', () => {
  it('dates an entry with no time when it is written, not on the day the board still shows', async () => {
    expect(document.body.textContent).toContain('Wed 25 Nov 2026');
    await typeInto(document.querySelector('#today-log-text') as HTMLInputElement, 'Patrol of the car park, all secure');
    await act(async () => [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Add')!.click());
    expect(written.map(({ date, time, text }) => ({ date, time, text }))).toEqual([
      { date: '2026-11-26', time: '00:20', text: 'Patrol of the car park, all secure' },
    ]);
  });
});
