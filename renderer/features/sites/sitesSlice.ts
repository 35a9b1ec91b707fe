import { call } from '../../api';
import type { Site } from '../../../shared/schemas/site';
import type { Load, Slice } from '../../store/types';

export interface SitesSlice {
  sites: Load<Site[]>;
  loadSites: () => Promise<void>;
}

export const createSitesSlice: Slice<SitesSlice> = (set) => ({
  sites: { status: 'idle' },
  loadSites: async () => {
    set({ sites: { status: 'loading' } });
    const r = await call('sites:list', { includeArchived: false });
    set({ sites: r.ok ? { status: 'ready', data: r.data } : { status: 'error', message: r.message } });
  },
});
