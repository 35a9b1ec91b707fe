/** The page asks main who is signed in as its first script runs; the session store uses that answer once. */
import { describe, expect, it, vi } from 'vitest';

const asked: string[] = [];
let signedIn = false;
vi.mock('../../renderer/api', () => ({
  call: async (channel: string) => {
    asked.push(channel);
    return {
      ok: true,
      data: {
        setupNeeded: false,
        accountsLost: false,
        user: signedIn
          ? { id: 'maria000001', username: 'maria', displayName: 'Maria', role: 'manager', sites: [], disabled: false, hasPin: false }
          : null,
        locked: false,
        idleLockMinutes: 5,
        organisationName: 'Test',
      },
    };
  },
  onFailure: () => () => undefined,
}));

describe('the first check of who is signed in', () => {
  it('is asked before React starts, used by the first refresh, and a later refresh asks main again', async () => {
    await import('../../renderer/boot');
    expect(asked).toEqual(['auth:status']);
    const { useStore } = await import('../../renderer/store/appStore');
    // Someone signs in elsewhere meanwhile; the first refresh still shows the answer the page asked for.
    signedIn = true;
    await useStore.getState().refreshAuth();
    expect(asked).toEqual(['auth:status']);
    expect(useStore.getState().phase).toBe('signed-out');
    await useStore.getState().refreshAuth();
    expect(asked).toEqual(['auth:status', 'auth:status']);
    expect(useStore.getState().phase).toBe('ready');
  });
});
