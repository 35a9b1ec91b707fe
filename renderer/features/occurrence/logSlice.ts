import { call } from '../../api';
import { download } from '../../components/download';
import type { LogLine } from '../../../shared/contract/occurrence';
import type { Err } from '../../../shared/result';
import type { LogEntryInput } from '../../../shared/schemas/occurrence';
import type { Load, Slice } from '../../store/types';

export interface LogSlice {
  logDay: { site: string; date: string } | null;
  logLines: Load<LogLine[]>;
  showLogDay: (site: string, date: string) => Promise<void>;
  addLogEntry: (input: LogEntryInput) => Promise<Err | null>;
  exportLogCsv: () => Promise<Err | null>;
}

export const createLogSlice: Slice<LogSlice> = (set, get) => ({
  logDay: null,
  logLines: { status: 'idle' },
  showLogDay: async (site, date) => {
    set({ logDay: { site, date }, logLines: { status: 'loading' } });
    const r = await call('log:day', { site, date });
    const now = get().logDay;
    if (now?.site !== site || now.date !== date) return;
    set({ logLines: r.ok ? { status: 'ready', data: r.data } : { status: 'error', message: r.message } });
  },
  addLogEntry: async (input) => {
    const r = await call('log:add', input);
    if (!r.ok) return r;
    // A new entry is shown on its own day; a correction beside the entry it corrects, on the day shown.
    const day = get().logDay;
    if (day) await (input.corrects ? get().showLogDay(day.site, day.date) : get().showLogDay(input.site, input.date));
    return null;
  },
  exportLogCsv: async () => {
    const day = get().logDay;
    if (!day) return null;
    const r = await call('log:export-csv', day);
    if (!r.ok) return r;
    download(r.data);
    return null;
  },
});
