import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../shared/contract/sync';
import { conflictsText, syncText } from '../../renderer/features/sync/labels';

const status = (s: Partial<SyncStatus>): SyncStatus => ({
  state: 'off',
  hub: 'https://hub.example',
  at: null,
  done: 0,
  total: 0,
  waiting: 0,
  rejected: [],
  conflicts: 0,
  ...s,
});

// The words are issue 11's own examples: en-GB numbers, 24-hour London time (BST in summer).
describe('sync state in words', () => {
  it.each<[Partial<SyncStatus>, string | null]>([
    [{ state: 'off', hub: null }, null],
    [{ state: 'up-to-date', at: '2026-11-25T10:42:00.000Z' }, 'Up to date · 10:42'],
    [{ state: 'up-to-date', at: '2026-07-01T21:05:00.000Z' }, 'Up to date · 22:05'],
    // The night the clocks go back (Sun 25 Oct 2026): the two 01:30s, an hour apart, said apart.
    [{ state: 'up-to-date', at: '2026-10-25T00:30:00.000Z' }, 'Up to date · 01:30 BST'],
    [{ state: 'up-to-date', at: '2026-10-25T01:30:00.000Z' }, 'Up to date · 01:30 GMT'],
    [{ state: 'syncing', done: 1240, total: 8900 }, 'Syncing 1,240 of 8,900'],
    [{ state: 'offline', waiting: 14 }, 'Offline — 14 changes waiting'],
    [{ state: 'offline', waiting: 1 }, 'Offline — 1 change waiting'],
    [{ state: 'offline', waiting: 0 }, 'Offline — nothing waiting'],
    [{ state: 'refused' }, 'Hub refused this desk’s password'],
  ])('%o reads %s', (s, words) => {
    expect(syncText(status(s))).toBe(words);
  });
});

describe('conflicts waiting, in words', () => {
  it.each<[number, string]>([
    [0, 'No conflicts to decide'],
    [1, '1 conflict to decide'],
    [2, '2 conflicts to decide'],
    [1200, '1,200 conflicts to decide'],
  ])('%i reads %s', (n, words) => {
    expect(conflictsText(n)).toBe(words);
  });
});
