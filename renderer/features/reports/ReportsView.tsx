import { useEffect, useState } from 'react';
import { addDays, londonToday, weekStart } from '../../../shared/domain/dates';
import { Banner } from '../../components/Banner';
import { download } from '../../components/download';
import { useNow } from '../../components/useNow';
import { useStoreFields } from '../../store/appStore';
import type { Range } from '../attendance/attendanceSlice';
import { RangeFilter } from '../attendance/RangeFilter';
import { ReportBody } from './ReportBody';
import { REPORT_KINDS, type ReportKind } from './reportsSlice';

const TITLES: Record<ReportKind, string> = {
  'reports:hours': 'Hours against contract',
  'reports:cover': 'Cover achieved',
  'reports:cost': 'Labour cost',
  'reports:incidents': 'Incidents',
  'reports:licences': 'Licence expiries',
};

/** The manager's reports: each a chart with its table, filtered by site and dates, printable and exportable. */
export const ReportsView = () => {
  const { report, loadReport } = useStoreFields('report', 'loadReport');
  const monday = weekStart(londonToday(useNow(60_000)));
  const [kind, setKind] = useState<ReportKind>('reports:cover');
  const [range, setRange] = useState<Range>({ from: addDays(monday, -21), to: addDays(monday, 6), site: null });

  useEffect(() => {
    void loadReport(kind, range);
  }, [loadReport, kind, range]);

  const ready = report.status === 'ready' && report.data.kind === kind ? report.data : null;
  return (
    <section aria-labelledby="reports-title" className="stack-wide reports">
      <header className="page-head">
        <h1 id="reports-title">Reports</h1>
        <p className="muted print-only">
          {TITLES[kind]} · {range.site ?? 'All sites'} · {range.from} to {range.to}
        </p>
      </header>
      <div className="report-tabs no-print" role="group" aria-label="Report">
        {REPORT_KINDS.map((k) => (
          <button key={k} className={`btn${k === kind ? ' btn-primary' : ''}`} aria-pressed={k === kind} onClick={() => setKind(k)}>
            {TITLES[k]}
          </button>
        ))}
      </div>
      <div className="toolbar no-print">
        <RangeFilter value={range} onChange={setRange} idPrefix="rep" />
        <button className="btn" disabled={!ready} onClick={() => ready && download(ready.data.csv)}>
          Download CSV
        </button>
        <button className="btn" onClick={() => window.print()}>
          Print
        </button>
      </div>
      <h2>{TITLES[kind]}</h2>
      {report.status === 'loading' && <p className="muted">Loading report…</p>}
      {report.status === 'error' && <Banner tone="error">{report.message}</Banner>}
      {ready && <ReportBody report={ready} from={range.from} />}
    </section>
  );
};
