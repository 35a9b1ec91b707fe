import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuthStatus } from '../../shared/contract/auth';

// The store's one seam to main, answered here by hand.
const answers: Record<string, unknown> = {};
vi.mock('../../renderer/api', () => ({
  call: async (channel: string) => ({ ok: true, data: answers[channel] }),
  onFailure: () => () => undefined,
}));
const { useStore } = await import('../../renderer/store/appStore');

const status = (user: { id: string; name: string } | null, locked = false): AuthStatus => ({
  setupNeeded: false,
  accountsLost: false,
  user: user && {
    id: user.id,
    username: user.name.toLowerCase(),
    displayName: user.name,
    role: 'manager',
    sites: [],
    disabled: false,
    hasPin: false,
  },
  locked,
  idleLockMinutes: 5,
  organisationName: 'Hertfordshire Council Facilities',
});
const MARIA = { id: 'maria000001', name: 'Maria' };
const SAM = { id: 'sam00000001', name: 'Sam' };
const PAY = [{ id: 'p1', name: 'Zebedee Quartermain', payRate: 13.75 }];

/** Signs Maria in and loads the staff list (with pay rates) into the store. */
const mariaWithStaff = async () => {
  answers['auth:sign-in'] = status(MARIA);
  await useStore.getState().signIn('maria', 'x');
  answers['staff:list'] = PAY;
  await useStore.getState().loadStaff();
  expect(useStore.getState().staff).toEqual({ status: 'ready', data: PAY });
};

describe('the renderer store is cleared on lock and on a change of user (issue 12, hole 8)', () => {
  beforeEach(() => useStore.getState().clearUserData());

  it('locking drops what was loaded, and keeps where the desk was', async () => {
    await mariaWithStaff();
    useStore.getState().go('staff');
    answers['auth:lock'] = status(MARIA, true);
    await useStore.getState().lock();
    expect(useStore.getState().staff).toEqual({ status: 'idle' });
    expect(useStore.getState().view).toBe('staff');
    expect(JSON.stringify(useStore.getState())).not.toContain('Zebedee');
  });

  it('a lock noticed from a refused call (the idle lock in main) drops it too', async () => {
    await mariaWithStaff();
    useStore.getState().markLocked();
    expect(useStore.getState().staff).toEqual({ status: 'idle' });
  });

  it('another person unlocking, or signing out, drops it', async () => {
    await mariaWithStaff();
    answers['auth:unlock'] = status(SAM);
    await useStore.getState().unlock('sam', 'x');
    expect(JSON.stringify(useStore.getState())).not.toContain('Zebedee');

    await mariaWithStaff();
    answers['auth:sign-out'] = status(null);
    await useStore.getState().signOut();
    expect(useStore.getState().staff).toEqual({ status: 'idle' });
  });

  it('a status poll for the same unlocked person keeps the data', async () => {
    await mariaWithStaff();
    answers['auth:status'] = status(MARIA);
    await useStore.getState().refreshAuth();
    expect(useStore.getState().staff).toEqual({ status: 'ready', data: PAY });
  });
});
