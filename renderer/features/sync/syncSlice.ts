import { call } from '../../api';
import type { SyncStatus } from '../../../shared/contract/sync';
import type { Err } from '../../../shared/result';
import type { Slice } from '../../store/types';

export interface SyncSlice {
  /** The last status the hub service gave; null until first asked (or after sign-out). */
  syncStatus: SyncStatus | null;
  loadSyncStatus: () => Promise<void>;
  /** A manager points this install at a hub; field errors come back on failure. */
  connectSync: (input: { url: string; name: string; password: string }) => Promise<Err | null>;
}

export const createSyncSlice: Slice<SyncSlice> = (set) => ({
  syncStatus: null,
  loadSyncStatus: async () => {
    const r = await call('sync:status', {});
    // A failed poll (e.g. the session just locked) keeps the last known status rather than inventing one.
    if (r.ok) set({ syncStatus: r.data });
  },
  connectSync: async (input) => {
    const r = await call('sync:connect', input);
    if (!r.ok) return r;
    set({ syncStatus: r.data });
    return null;
  },
});
