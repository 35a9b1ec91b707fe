// @vitest-environment happy-dom
/**
 * The occurrence log screens on Sun 25 Oct 2026, the night the clocks go back: 01:00–01:59 comes first in BST
 * (00:00Z–00:59Z), then in GMT (01:00Z–01:59Z). A time typed in that hour asks which; an entry timed now in the second
 * pass is GMT by itself; entries in that hour say which.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LogLine } from '../../../shared/contract/occurrence';
import type { LogEntry, LogEntryInput } from '../../../shared/schemas/occurrence';
import '../noServer';
import { typeInto } from '../dom';

const { useStore } = await import('../../../renderer/store/appStore');
const { LogView } = await import('../../../renderer/features/occurrence/LogView');
const { TodayLogPanel } = await import('../../../renderer/features/today/TodayLogPanel');

const NIGHT = '2026-10-25';
let sent: LogEntryInput[] = [];

const entry = (id: string, time: string, text: string, zone?: 'GMT'): LogEntry => ({
  id,
  site: 'CH',
  date: NIGHT,
  time,
  ...(zone ? { zone } : {}),
  kind: 'patrol',
  text,
  corrects: null,
  createdAt: '2026-10-25T02:05:00.000Z',
  createdBy: 'user_sup',
  updatedAt: '2026-10-25T02:05:00.000Z',
  updatedBy: 'user_sup',
  rev: 1,
  seq: Number(id.slice(-1)),
});
const line = (e: LogEntry): LogLine => ({
  entry: e,
  number: e.seq!,
  backDated: false,
  author: 'Sam Desk',
  correctedBy: [],
  superseded: false,
});
const entries = [
  entry('logen0001', '00:59', 'Patrol one'),
  entry('logen0002', '01:30', 'Patrol two'),
  entry('logen0003', '01:30', 'Patrol three', 'GMT'),
  entry('logen0004', '02:00', 'Patrol four'),
];

let root: Root | null = null;
const mount = async (element: React.ReactElement) => {
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  await act(async () => root!.render(element));
};

beforeEach(() => {
  sent = [];
  vi.useFakeTimers({ toFake: ['Date'] });
  useStore.setState({
    sites: { status: 'ready', data: [{ code: 'CH', name: 'County Hall' }] },
    loadSites: async () => {},
    showLogDay: async () => {},
    logDay: { site: 'CH', date: NIGHT },
    logLines: { status: 'ready', data: entries.map(line) },
    addLogEntry: async (input: LogEntryInput) => {
      sent.push(input);
      return null;
    },
  } as never);
});
afterEach(async () => {
  await act(async () => root?.unmount());
  root = null;
  document.body.innerHTML = '';
  vi.useRealTimers();
});

const input = (id: string) => document.querySelector(`#${id}`) as HTMLInputElement;
const submitLog = () => act(async () => (document.querySelector('form[aria-label="New log entry"]') as HTMLFormElement).requestSubmit());
const choice = (legend: string) =>
  [...document.querySelectorAll('fieldset')].find((f) => f.querySelector('legend')?.textContent === legend);
const option = (legend: string, text: string) =>
  [...choice(legend)!.querySelectorAll('label')].find((l) => l.textContent?.trim() === text)!.querySelector('input')!;
const sentTimes = () => sent.map((s) => [s.date, s.time, s.zone ?? '']);

describe('the log screen on the night the clocks go back', () => {
  it('shows which 01:30 each entry in the repeated hour is, and other times as they are', async () => {
    vi.setSystemTime(new Date('2026-10-25T02:10:00Z'));
    await mount(<LogView />);
    const rows = [...document.querySelectorAll<HTMLTableRowElement>('.log-table tbody tr')].map((r) => [
      r.cells[1].textContent,
      r.cells[3].textContent,
    ]);
    expect(rows).toEqual([
      ['00:59', 'Patrol one'],
      ['01:30 BST', 'Patrol two'],
      ['01:30 GMT', 'Patrol three'],
      ['02:00', 'Patrol four'],
    ]);
  });

  it('asks which 01:30 a typed time is, first (BST) unless told, and sends GMT for the second', async () => {
    vi.setSystemTime(new Date('2026-10-25T02:10:00Z'));
    await mount(<LogView />);
    expect(choice('Time: which 01:30?')).toBeUndefined();
    await typeInto(input('log-time'), '01:30');
    expect(option('Time: which 01:30?', '01:30 BST (first)').checked).toBe(true);
    await act(async () => option('Time: which 01:30?', '01:30 GMT (second, an hour later)').click());
    await typeInto(input('log-text'), 'Rear gate found open, closed it');
    await submitLog();
    await typeInto(input('log-time'), '01:45');
    await typeInto(input('log-text'), 'Alarm test');
    await submitLog();
    expect(sentTimes()).toEqual([
      [NIGHT, '01:30', 'GMT'],
      [NIGHT, '01:45', ''],
    ]);
  });

  it('asks nothing for a time that happens once, and sends no zone though GMT was chosen for an earlier time typed', async () => {
    vi.setSystemTime(new Date('2026-10-25T02:10:00Z'));
    await mount(<LogView />);
    await typeInto(input('log-time'), '01:30');
    await act(async () => option('Time: which 01:30?', '01:30 GMT (second, an hour later)').click());
    await typeInto(input('log-time'), '02:00');
    expect(document.querySelector('fieldset.repeated-hour')).toBeNull();
    await typeInto(input('log-text'), 'Patrol, all secure');
    await submitLog();
    expect(sentTimes()).toEqual([[NIGHT, '02:00', '']]);
  });

  it('an entry timed now at 01:40 GMT is the second 01:40; at 01:40 BST the first', async () => {
    vi.setSystemTime(new Date('2026-10-25T01:40:00Z'));
    await mount(<LogView />);
    await typeInto(input('log-text'), 'Patrol, all secure');
    await submitLog();
    vi.setSystemTime(new Date('2026-10-25T00:40:00Z'));
    await typeInto(input('log-text'), 'Patrol, all secure');
    await submitLog();
    expect(sentTimes()).toEqual([
      [NIGHT, '01:40', 'GMT'],
      [NIGHT, '01:40', ''],
    ]);
  });
});

describe('the quick log entry on the Today board on the night the clocks go back', () => {
  const submitQuick = () => act(async () => [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Add')!.click());

  it('records GMT by itself in the second pass, nothing in the first, and lists which 01:30', async () => {
    vi.setSystemTime(new Date('2026-10-25T01:40:00Z'));
    await mount(<TodayLogPanel entries={entries} site="CH" onAdded={() => {}} />);
    await typeInto(input('today-log-text'), 'Patrol of the car park, all secure');
    await submitQuick();
    vi.setSystemTime(new Date('2026-10-25T00:40:00Z'));
    await typeInto(input('today-log-text'), 'Gate B locked');
    await submitQuick();
    vi.setSystemTime(new Date('2026-10-25T02:00:00Z'));
    await typeInto(input('today-log-text'), 'Handover');
    await submitQuick();
    expect(sentTimes()).toEqual([
      [NIGHT, '01:40', 'GMT'],
      [NIGHT, '01:40', ''],
      [NIGHT, '02:00', ''],
    ]);
    // Newest first.
    expect([...document.querySelectorAll('.log-list .log-time')].map((t) => t.textContent)).toEqual([
      '02:00',
      '01:30 GMT',
      '01:30 BST',
      '00:59',
    ]);
  });
});
