import { call } from '../../api';
import { takeFirstStatus } from '../../firstStatus';
import type { AuthStatus } from '../../../shared/contract/auth';
import type { Err } from '../../../shared/result';
import { mustClear } from '../../store/reset';
import type { Slice } from '../../store/types';

export type Phase = 'starting' | 'unreachable' | 'setup' | 'signed-out' | 'ready';

export interface SessionSlice {
  phase: Phase;
  auth: AuthStatus | null;
  startupError: string | null;
  refreshAuth: () => Promise<void>;
  setup: (input: { username: string; displayName: string; password: string }) => Promise<Err | null>;
  signIn: (username: string, password: string) => Promise<Err | null>;
  signOut: () => Promise<void>;
  lock: () => Promise<void>;
  unlock: (username: string, secret: string) => Promise<Err | null>;
  markLocked: () => void;
  markSignedOut: () => void;
}

const phaseOf = (s: AuthStatus): Phase => (s.setupNeeded || s.accountsLost ? 'setup' : s.user ? 'ready' : 'signed-out');

export const createSessionSlice: Slice<SessionSlice> = (set, get) => {
  const apply = (s: AuthStatus) => {
    // Locking, or another person (or nobody) at the desk: what was loaded for the last one goes first.
    if (mustClear(get().auth, s)) get().clearUserData();
    set({ auth: s, phase: phaseOf(s), startupError: null });
  };
  const act = async (run: () => ReturnType<typeof call<'auth:status'>>): Promise<Err | null> => {
    const r = await run();
    if (!r.ok) return r;
    apply(r.data);
    return null;
  };
  return {
    phase: 'starting',
    auth: null,
    startupError: null,
    refreshAuth: async () => {
      // The first check of a start uses the answer asked for as the page loaded.
      const r = await (takeFirstStatus() ?? call('auth:status', {}));
      if (r.ok) apply(r.data);
      else set({ phase: 'unreachable', startupError: r.message });
    },
    setup: (input) => act(() => call('auth:setup', input)),
    signIn: (username, password) => act(() => call('auth:sign-in', { username, password })),
    signOut: async () => {
      await act(() => call('auth:sign-out', {}));
      get().resetNav();
    },
    lock: async () => {
      await act(() => call('auth:lock', {}));
    },
    unlock: (username, secret) => act(() => call('auth:unlock', { username, secret })),
    markLocked: () => {
      const auth = get().auth;
      if (auth?.user && !auth.locked) {
        get().clearUserData();
        set({ auth: { ...auth, locked: true } });
      }
    },
    markSignedOut: () => {
      void get().refreshAuth();
    },
  };
};
