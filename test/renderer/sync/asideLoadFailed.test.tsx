// @vitest-environment happy-dom
/**
 * Settings → Sync → Conflicts when the shift conflicts or the versions kept aside cannot be read (the call refused, the
 * app unreachable): each list says so in its own place, not "Loading…" for ever, which a manager would wait on.
 */
import { act } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import '../noServer';
import { mountEach } from '../dom';

const { useStore } = await import('../../../renderer/store/appStore');
const { ConflictsView } = await import('../../../renderer/features/sync/ConflictsView');

beforeEach(() => {
  useStore.setState({
    syncSetAside: null,
    syncConflicts: null,
    loadSyncConflicts: async () => ({ ok: false, code: 'internal', message: 'The conflicts could not be read.' }),
    loadSyncSetAside: async () => ({ ok: false, code: 'internal', message: 'The versions kept aside could not be read.' }),
  } as never);
});
mountEach(() => <ConflictsView />);

const asideSection = () => document.querySelector('section[aria-labelledby="aside-title"]')!;
const shiftList = () => document.querySelector('section[aria-labelledby="conflicts-title"] > .stack')!;

describe('the versions kept aside, when they cannot be shown', () => {
  it('says so where they would be, and is no longer loading', async () => {
    await act(async () => {});
    expect(asideSection().textContent).not.toContain('Loading…');
    expect(asideSection().textContent).toContain('The versions kept aside could not be read.');
  });
});

describe('the shift conflicts, when they cannot be shown', () => {
  it('says so where they would be, and is no longer loading', async () => {
    await act(async () => {});
    expect(shiftList().textContent).not.toContain('Loading…');
    expect(shiftList().textContent).toContain('The conflicts could not be read.');
  });
});
