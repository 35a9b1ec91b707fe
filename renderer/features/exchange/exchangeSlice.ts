import { call } from '../../api';
import type { BinaryFile } from '../../../shared/contract/define';
import type { ExchangeStatus, ImportPreview, ImportResult, PackDownload } from '../../../shared/contract/exchange';
import type { Result } from '../../../shared/result';
import type { AccountView } from '../../../shared/schemas/account';
import type { Load, Slice } from '../../store/types';

/** An import in progress: a file chosen and previewed, then applied or cancelled. */
export type ImportState =
  | { status: 'idle' }
  | { status: 'reading'; fileName: string }
  | { status: 'preview'; fileName: string; file: string; preview: ImportPreview }
  | { status: 'applying'; fileName: string; file: string; preview: ImportPreview }
  | { status: 'done'; fileName: string; result: ImportResult }
  | { status: 'error'; fileName: string; message: string };

export interface ExchangeSlice {
  exchange: Load<ExchangeStatus>;
  importState: ImportState;
  supervisors: Load<AccountView[]>;
  loadExchange: () => Promise<void>;
  loadSupervisors: () => Promise<void>;
  exportRota: (sites: string[], weeks: string[]) => Promise<Result<PackDownload>>;
  exportActivity: (from: string, to: string) => Promise<Result<PackDownload>>;
  previewPack: (fileName: string, file: string) => Promise<void>;
  applyPack: () => Promise<void>;
  resetImport: () => void;
  createEnrolment: (
    sites: string[],
    supervisors: string[],
    hub?: { name: string; password: string },
  ) => Promise<Result<BinaryFile & { code: string }>>;
  enrolDesk: (file: string, code: string) => Promise<Result<{ organisationName: string; sites: string[]; accounts: number }>>;
}

export const createExchangeSlice: Slice<ExchangeSlice> = (set, get) => ({
  exchange: { status: 'idle' },
  importState: { status: 'idle' },
  supervisors: { status: 'idle' },
  loadExchange: async () => {
    const r = await call('exchange:status', {});
    set({ exchange: r.ok ? { status: 'ready', data: r.data } : { status: 'error', message: r.message } });
  },
  loadSupervisors: async () => {
    const r = await call('accounts:list', {});
    set({
      supervisors: r.ok
        ? { status: 'ready', data: r.data.filter((a) => a.role === 'supervisor' && !a.disabled) }
        : { status: 'error', message: r.message },
    });
  },
  exportRota: async (sites, weeks) => {
    const r = await call('exchange:export-rota', { sites, weeks });
    if (r.ok) await get().loadExchange();
    return r;
  },
  exportActivity: (from, to) => call('exchange:export-activity', { from, to }),
  previewPack: async (fileName, file) => {
    set({ importState: { status: 'reading', fileName } });
    const r = await call('exchange:preview', { file });
    set({ importState: r.ok ? { status: 'preview', fileName, file, preview: r.data } : { status: 'error', fileName, message: r.message } });
  },
  applyPack: async () => {
    const s = get().importState;
    if (s.status !== 'preview') return;
    set({ importState: { ...s, status: 'applying' } });
    const r = await call('exchange:apply', { file: s.file });
    set({
      importState: r.ok
        ? { status: 'done', fileName: s.fileName, result: r.data }
        : { status: 'error', fileName: s.fileName, message: r.message },
    });
  },
  resetImport: () => set({ importState: { status: 'idle' } }),
  createEnrolment: async (sites, supervisors, hub) => {
    const r = await call('enrol:create', { sites, supervisors, ...(hub ? { hub } : {}) });
    if (r.ok) await get().loadExchange();
    return r;
  },
  enrolDesk: async (file, code) => {
    const r = await call('enrol:import', { file, code });
    if (r.ok) await get().refreshAuth();
    return r;
  },
});
