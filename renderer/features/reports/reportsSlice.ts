import { call } from '../../api';
import type { ResponseOf } from '../../../shared/contract';
import type { Load, Slice } from '../../store/types';
import type { Range } from '../attendance/attendanceSlice';

export const REPORT_KINDS = ['reports:hours', 'reports:cover', 'reports:cost', 'reports:incidents', 'reports:licences'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** A loaded report, tagged with its kind so a view narrows its rows by it. */
export type Report = { [K in ReportKind]: { kind: K; data: ResponseOf<K> } }[ReportKind];

export interface ReportsSlice {
  report: Load<Report>;
  loadReport: (kind: ReportKind, r: Range) => Promise<void>;
}

const fetchReport = async (kind: ReportKind, r: Range) => {
  if (kind === 'reports:licences') {
    const res = await call(kind, { within: 90, site: r.site });
    return res.ok ? { ok: true as const, report: { kind, data: res.data } as Report } : res;
  }
  const res = await call(kind, r);
  return res.ok ? { ok: true as const, report: { kind, data: res.data } as Report } : res;
};

export const createReportsSlice: Slice<ReportsSlice> = (set) => ({
  report: { status: 'idle' },
  loadReport: async (kind, r) => {
    set({ report: { status: 'loading' } });
    const res = await fetchReport(kind, r);
    set({ report: res.ok ? { status: 'ready', data: res.report } : { status: 'error', message: res.message } });
  },
});
