// @vitest-environment happy-dom
/**
 * Settings → Sync → Conflicts while it is open: when a sync brings new versions (the status's last sync stamp moves to a
 * new time) both lists are read again, with the manager's focus left where it was.
 */
import { act } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { SetAsideVersion, SyncConflict, SyncStatus } from '../../../shared/contract/sync';
import type { Result } from '../../../shared/result';
import '../noServer';
import { mountEach } from '../dom';

const { useStore } = await import('../../../renderer/store/appStore');
const { ConflictsView } = await import('../../../renderer/features/sync/ConflictsView');

const side = (person: string, editedAt: string) => ({
  person,
  site: 'CH',
  siteName: 'County Hall',
  service: 'security',
  date: '2026-11-25',
  start: '07:00',
  end: '19:00',
  breakMinutes: 30,
  notes: '',
  removed: false,
  published: true,
  editedAt,
  editedBy: 'Maria Manager',
});
const conflict = (shiftId: string, person: string): SyncConflict => ({
  shiftId,
  version: `v-${shiftId}`,
  conflict: `c-${shiftId}`,
  differs: ['staffId'],
  current: side(person, '2026-11-25T10:00:00.000Z'),
  other: side('Rhea Guard', '2026-11-25T09:00:00.000Z'),
});
const aside = (key: string, title: string): SetAsideVersion => ({
  key,
  kind: 'staff',
  recordId: `staff_${key}`,
  what: 'Person',
  title,
  reason: 'edited-on-two-installs',
  why: 'Changed on two computers while they were apart.',
  lostTo: null,
  inForce: { editedAt: '2026-11-25T10:00:00.000Z', editedBy: 'Maria Manager' },
  setAside: { editedAt: '2026-11-25T09:00:00.000Z', editedBy: 'Priya Manager' },
  differs: [{ label: 'Phone', inForce: '01632 960001', setAside: '01632 960002' }],
  note: 'Shown for reference only.',
});
const status = (at: string | null, conflicts: number): SyncStatus => ({
  state: at ? 'up-to-date' : 'syncing',
  hub: 'https://hub.example',
  at,
  done: 0,
  total: 0,
  waiting: 0,
  rejected: [],
  conflicts,
});

/** What the app answers, changed by each test as a sync would change it. */
let answers: Record<string, Result<unknown>>;
const asked: string[] = [];
const ok = (data: unknown): Result<unknown> => ({ ok: true, data }) as Result<unknown>;
const refused = (message: string): Result<unknown> => ({ ok: false, code: 'internal', message }) as Result<unknown>;

beforeEach(() => {
  asked.length = 0;
  answers = {
    'sync:conflicts': ok([conflict('shift_a', 'Sam Guard')]),
    'sync:set-aside': ok([aside('k1', 'Cleo Early (E-2001)')]),
  };
  window.sitedesk = {
    mode: 'electron',
    api: new Proxy(
      {},
      {
        get: (_t, channel: string) => async () => {
          asked.push(channel);
          return answers[channel] ?? refused('No server in this test.');
        },
      },
    ),
  };
  useStore.setState({ syncConflicts: null, syncSetAside: null, syncStatus: status('2026-11-25T11:00:00.000Z', 1) });
});
mountEach(() => <ConflictsView />);

const shiftList = () => document.querySelector('section[aria-labelledby="conflicts-title"] > .stack')!;
const asideSection = () => document.querySelector('section[aria-labelledby="aside-title"]')!;
const settle = () => act(async () => {});
/** A sync as the shell's poll sees it: the status comes back with `s`. */
const syncBrings = (s: SyncStatus) => act(async () => useStore.setState({ syncStatus: s }));

describe('while the screen is open', () => {
  it('reads the versions kept aside again when a sync has brought new ones', async () => {
    await settle();
    expect(asideSection().textContent).toContain('Cleo Early (E-2001)');
    answers['sync:set-aside'] = ok([aside('k2', 'Omar Late (E-2004)'), aside('k1', 'Cleo Early (E-2001)')]);
    await syncBrings(status(null, 1));
    await syncBrings(status('2026-11-25T11:05:00.000Z', 1));
    expect(asideSection().textContent).toContain('Omar Late (E-2004)');
    expect(asideSection().textContent).toContain('Cleo Early (E-2001)');
  });

  it('reads the shift conflicts again when a sync brings a new one in place of one decided elsewhere', async () => {
    await settle();
    answers['sync:conflicts'] = ok([conflict('shift_b', 'Kim Guard')]);
    await syncBrings(status('2026-11-25T11:05:00.000Z', 1));
    expect(shiftList().textContent).toContain('Kim Guard');
    expect(shiftList().textContent).not.toContain('Sam Guard');
  });

  it('leaves the focus on the button the manager was on, and does not go back to "Loading…"', async () => {
    await settle();
    const button = [...shiftList().querySelectorAll('button')].find((b) => b.textContent?.includes('Keep the set-aside version'))!;
    button.focus();
    answers['sync:conflicts'] = ok([conflict('shift_a', 'Sam Guard'), conflict('shift_b', 'Kim Guard')]);
    answers['sync:set-aside'] = ok([aside('k2', 'Omar Late (E-2004)'), aside('k1', 'Cleo Early (E-2001)')]);
    await syncBrings(status('2026-11-25T11:05:00.000Z', 2));
    expect(shiftList().textContent).toContain('Kim Guard');
    expect(asideSection().textContent).toContain('Omar Late (E-2004)');
    expect(document.activeElement).toBe(button);
    expect(document.body.textContent).not.toContain('Loading…');
  });

  it('does not read the lists again while nothing has changed', async () => {
    await settle();
    asked.length = 0;
    await syncBrings({ ...status('2026-11-25T11:00:00.000Z', 1) });
    expect(asked.filter((c) => c !== 'sync:status')).toEqual([]);
  });
});
