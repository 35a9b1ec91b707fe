import { call } from '../../api';
import type { SetAsideVersion, SyncConflict, SyncStatus } from '../../../shared/contract/sync';
import type { Err, Result } from '../../../shared/result';
import type { Slice } from '../../store/types';

export interface SyncSlice {
  /** The last status the hub service gave; null until first asked (or after sign-out). */
  syncStatus: SyncStatus | null;
  loadSyncStatus: () => Promise<void>;
  /** A manager points this install at a hub; field errors come back on failure. */
  connectSync: (input: { url: string; name: string; password: string }) => Promise<Err | null>;
  /** The conflicts waiting for a manager's decision; null until the panel first asks. */
  syncConflicts: SyncConflict[] | null;
  loadSyncConflicts: () => Promise<Err | null>;
  /** Keeps one version of a conflicting shift; the list comes back without it. */
  resolveSyncConflict: (c: SyncConflict, keep: 'current' | 'other') => Promise<Result<SyncConflict[]>>;
  /** Versions of other records kept aside (read-only); null until the panel first asks. */
  syncSetAside: SetAsideVersion[] | null;
  loadSyncSetAside: () => Promise<Err | null>;
}

export const createSyncSlice: Slice<SyncSlice> = (set, get) => ({
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
  syncConflicts: null,
  loadSyncConflicts: async () => {
    const r = await call('sync:conflicts', {});
    if (!r.ok) return r;
    set({ syncConflicts: r.data });
    return null;
  },
  syncSetAside: null,
  loadSyncSetAside: async () => {
    const r = await call('sync:set-aside', {});
    if (!r.ok) return r;
    set({ syncSetAside: r.data });
    return null;
  },
  resolveSyncConflict: async (c, keep) => {
    const r = await call('sync:resolve', { shiftId: c.shiftId, version: c.version, conflict: c.conflict, keep });
    if (r.ok) set({ syncConflicts: r.data });
    // The count in the shell follows at once rather than at the next poll.
    void get().loadSyncStatus();
    return r;
  },
});
