// @vitest-environment happy-dom
/**
 * The occurrence log screen's entry line: cleared once an entry is saved, but an entry (and its time) begun while the
 * last one was being saved is kept (the race seen in CI on 5 Dec in the bank-holiday form; see quickLogNext.test.tsx).
 */
import { act } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import '../noServer';
import { mountEach, typeInto } from '../dom';

const { useStore } = await import('../../../renderer/store/appStore');
const { LogView } = await import('../../../renderer/features/occurrence/LogView');

let pending: { entry: { text: string; time: string }; answer: () => void }[] = [];

const input = (id: string) => document.querySelector(`#${id}`) as HTMLInputElement;
const submit = () => act(async () => (document.querySelector('form[aria-label="New log entry"]') as HTMLFormElement).requestSubmit());

beforeEach(async () => {
  pending = [];
  useStore.setState({
    sites: { status: 'ready', data: [{ code: 'CH', name: 'County Hall' }] },
    loadSites: async () => {},
    showLogDay: async () => {},
    logDay: { site: 'CH', date: '2026-12-05' },
    logLines: { status: 'ready', data: [] },
    addLogEntry: (entry: { text: string; time: string }) => new Promise((resolve) => pending.push({ entry, answer: () => resolve(null) })),
  } as never);
});
mountEach(() => <LogView />);

describe('the log screen’s entry line', () => {
  it('is cleared once saved', async () => {
    await typeInto(input('log-time'), '21:40');
    await typeInto(input('log-text'), 'Alarm at the east door, reset');
    await submit();
    expect(pending.map((p) => [p.entry.time, p.entry.text])).toEqual([['21:40', 'Alarm at the east door, reset']]);
    await act(async () => pending[0].answer());
    expect(input('log-text').value).toBe('');
    expect(input('log-time').value).toBe('');
  });

  it('keeps the next entry and its time begun while the last was being saved', async () => {
    await typeInto(input('log-time'), '21:40');
    await typeInto(input('log-text'), 'Alarm at the east door, reset');
    await submit();
    await typeInto(input('log-time'), '21:55');
    await typeInto(input('log-text'), 'Patrol of the car pa');
    await act(async () => pending[0].answer());
    expect(input('log-text').value).toBe('Patrol of the car pa');
    expect(input('log-time').value).toBe('21:55');
  });
});
