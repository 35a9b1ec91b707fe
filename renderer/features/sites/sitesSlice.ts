import { call } from '../../api';
import type { RequestOf, ResponseOf } from '../../../shared/contract';
import type { Err, Result } from '../../../shared/result';
import type { Site } from '../../../shared/schemas/site';
import type { Load, Slice } from '../../store/types';

export interface SitesSlice {
  sites: Load<Site[]>;
  loadSites: () => Promise<void>;
  /** The site open on its page. */
  site: Load<Site>;
  loadSite: (code: string) => Promise<void>;
  createSite: (input: RequestOf<'sites:create'>) => Promise<Result<Site>>;
  saveSite: (input: RequestOf<'sites:update'>) => Promise<Err | null>;
  copyCover: (input: RequestOf<'sites:copy-cover'>) => Promise<Result<ResponseOf<'sites:copy-cover'>>>;
}

export const createSitesSlice: Slice<SitesSlice> = (set, get) => ({
  sites: { status: 'idle' },
  loadSites: async () => {
    set({ sites: { status: 'loading' } });
    const r = await call('sites:list', { includeArchived: false });
    set({ sites: r.ok ? { status: 'ready', data: r.data } : { status: 'error', message: r.message } });
  },
  site: { status: 'idle' },
  loadSite: async (code) => {
    if (get().site.status !== 'ready') set({ site: { status: 'loading' } });
    const r = await call('sites:get', { code });
    set({ site: r.ok ? { status: 'ready', data: r.data } : { status: 'error', message: r.message } });
  },
  createSite: async (input) => {
    const r = await call('sites:create', input);
    if (r.ok) await get().loadSites();
    return r;
  },
  saveSite: async (input) => {
    const r = await call('sites:update', input);
    if (!r.ok) return r;
    set({ site: { status: 'ready', data: r.data } });
    await get().loadSites();
    return null;
  },
  copyCover: async (input) => {
    const r = await call('sites:copy-cover', input);
    if (r.ok) await get().loadSites();
    return r;
  },
});
