// @vitest-environment happy-dom
/**
 * The Today board's clock and its cover gaps on the nights the clocks change. On Sun 25 Oct 2026 01:00–01:59 happens
 * twice (BST, then GMT an hour later): the desk says which, as it does for "In at 01:30 BST". On Sun 28 Mar 2027 it does
 * not happen at all, and any other night reads as it always has.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import type { TodayBoard } from '../../../shared/contract/today';
import { londonToday } from '../../../shared/domain/dates';
import type { Gap } from '../../../shared/domain/rota/types';
import '../noServer';

const { useStore } = await import('../../../renderer/store/appStore');
const { TodayView } = await import('../../../renderer/features/today/TodayView');

const gap = (date: string, start: string, end: string, endDate = date): Gap => ({
  site: 'CH',
  service: 'security',
  date,
  start,
  end,
  endDate,
  required: 1,
  present: 0,
  shortMinutes: 0,
});
const board = (now: string, gaps: Gap[] = []): TodayBoard => ({
  site: { code: 'CH', name: 'County Hall' },
  sites: [{ code: 'CH', name: 'County Hall' }],
  today: londonToday(Date.parse(now)),
  now,
  graceMinutes: 15,
  services: [{ service: 'security', now: [], next: [], earlier: [], open: [] }],
  gaps,
  incidents: [],
  followUps: [],
  log: [],
});

let root: Root | null = null;
const show = async (b: TodayBoard) => {
  useStore.setState({ today: { status: 'ready', data: b }, loadToday: async () => {} } as never);
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  await act(async () => root!.render(<TodayView />));
};
afterEach(async () => {
  await act(async () => root?.unmount());
  document.body.innerHTML = '';
});
const clock = () => document.querySelector('.today-clock')!.textContent;
const gapItems = () =>
  [...document.querySelectorAll('li[aria-label^="Gap in"]')].map((li) => li.querySelector('.person-times')!.textContent);

describe('the board’s clock', () => {
  it.each([
    ['2026-10-24T23:59:00.000Z', 'Sun 25 Oct 2026 · 00:59'],
    ['2026-10-25T00:30:00.000Z', 'Sun 25 Oct 2026 · 01:30 BST'],
    ['2026-10-25T01:30:00.000Z', 'Sun 25 Oct 2026 · 01:30 GMT'],
    ['2026-10-25T02:00:00.000Z', 'Sun 25 Oct 2026 · 02:00'],
    ['2026-11-25T01:30:00.000Z', 'Wed 25 Nov 2026 · 01:30'],
    ['2027-03-28T00:59:00.000Z', 'Sun 28 Mar 2027 · 00:59'],
    ['2027-03-28T01:00:00.000Z', 'Sun 28 Mar 2027 · 02:00'],
  ])('at %s reads %s', async (now, shown) => {
    await show(board(now));
    expect(clock()).toBe(shown);
    expect(document.querySelector('.today-clock [aria-label]')!.getAttribute('aria-label')).toBe(`Time now ${shown.split(' · ')[1]}`);
  });
});

describe('the board’s cover gaps', () => {
  it.each([
    ['ends just before the repeated hour', 'Security 00:00–00:59: 0 of 1 person', gap('2026-10-25', '00:00', '00:59')],
    ['ends at the first 01:30 (BST)', 'Security 00:00–01:30 BST: 0 of 1 person', gap('2026-10-25', '00:00', '01:30')],
    [
      'starts at the first 01:30 and runs to 02:00, 90 minutes',
      'Security 01:30 BST–02:00: 0 of 1 person',
      gap('2026-10-25', '01:30', '02:00'),
    ],
    ['runs from 02:00', 'Security 02:00–04:00: 0 of 1 person', gap('2026-10-25', '02:00', '04:00')],
    ['is on an ordinary night', 'Security 00:00–01:30: 0 of 1 person', gap('2026-11-25', '00:00', '01:30')],
    ['runs up to the spring jump and past it', 'Security 00:00–02:30: 0 of 1 person', gap('2027-03-28', '00:00', '02:30')],
    ['runs into the next day', 'Security 23:00–01:30 BST (next day): 0 of 1 person', gap('2026-10-24', '23:00', '01:30', '2026-10-25')],
  ])('a gap that %s reads “%s”', async (_what, shown, g) => {
    // Just before the gap starts, so it is still to come.
    await show(board(new Date(Date.parse(`${g.date}T00:00:00Z`) - 7_200_000).toISOString(), [g]));
    expect(gapItems()).toEqual([shown]);
  });

  it('says which 01:30 a gap starts at, in the words a screen reader reads too', async () => {
    await show(board('2026-10-25T01:40:00.000Z', [gap('2026-10-25', '01:30', '02:00')]));
    expect(document.querySelector('li[aria-label^="Gap in"]')!.getAttribute('aria-label')).toBe('Gap in Security cover 01:30 BST to 02:00');
  });
});
