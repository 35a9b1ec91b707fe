import { useVirtualizer } from '@tanstack/react-virtual';
import { Camera, Download, Plus, TriangleAlert } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import type { IncidentFilterInput, IncidentRow } from '../../../shared/contract/incidents';
import { formatWhenGB } from '../../../shared/domain/dates';
import { CATEGORY_LABEL, SEVERITY_LABEL, STATUS_LABEL } from '../../../shared/domain/incidents';
import { INCIDENT_CATEGORIES, INCIDENT_STATUSES, SEVERITIES } from '../../../shared/schemas/incident';
import { Banner } from '../../components/Banner';
import { Field } from '../../components/Field';
import { Select } from '../../components/Select';
import { useStore, useStoreFields } from '../../store/appStore';
import { SeverityBadge, StatusBadge } from './badges';
import { IncidentPage } from './IncidentPage';
import './incidents.css';

const ANY = '';
const RIDDOR_FILTERS = [
  [ANY, 'Any'],
  ['reportable', 'Reportable'],
  ['unreported', 'Reportable, not yet reported'],
  ['overdue', 'Overdue'],
  ['not-reportable', 'Not reportable'],
] as const;

const one = <T extends string>(list: readonly T[] | undefined): string => list?.[0] ?? ANY;

const Filters = () => {
  const { incidentFilter: f, setIncidentFilter, sites } = useStoreFields('incidentFilter', 'setIncidentFilter', 'sites');
  const [text, setText] = useState(f.text ?? '');
  const siteList = sites.status === 'ready' ? sites.data : [];
  const put = (patch: Partial<IncidentFilterInput>) => setIncidentFilter({ ...f, ...patch });
  const list = <T extends string>(v: string) => (v ? [v as T] : undefined);
  useEffect(() => {
    const t = window.setTimeout(() => {
      if ((f.text ?? '') !== text) setIncidentFilter({ ...f, text: text || undefined });
    }, 200);
    return () => window.clearTimeout(t);
  }, [text, f, setIncidentFilter]);
  return (
    <form className="filters card" role="search" aria-label="Filter incidents" onSubmit={(e) => e.preventDefault()}>
      <Field
        label="Search"
        type="search"
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder="Reference, names, what happened…"
      />
      <Select
        label="Site"
        value={one(f.sites)}
        onChange={(e) => put({ sites: list(e.target.value) })}
        options={[[ANY, 'All sites'], ...siteList.map((s) => [s.code, `${s.code} · ${s.name}`] as const)]}
      />
      <Field label="From" type="date" value={f.from ?? ''} onChange={(e) => put({ from: e.target.value || undefined })} />
      <Field label="To" type="date" value={f.to ?? ''} onChange={(e) => put({ to: e.target.value || undefined })} />
      <Select
        label="Category"
        value={one(f.categories)}
        onChange={(e) => put({ categories: list(e.target.value) })}
        options={[[ANY, 'Any'], ...INCIDENT_CATEGORIES.map((c) => [c, CATEGORY_LABEL[c]] as const)]}
      />
      <Select
        label="Severity"
        value={one(f.severities)}
        onChange={(e) => put({ severities: list(e.target.value) })}
        options={[[ANY, 'Any'], ...SEVERITIES.map((c) => [c, SEVERITY_LABEL[c]] as const)]}
      />
      <Select
        label="Status"
        value={one(f.statuses)}
        onChange={(e) => put({ statuses: list(e.target.value) })}
        options={[[ANY, 'Any'], ...INCIDENT_STATUSES.map((c) => [c, STATUS_LABEL[c]] as const)]}
      />
      <Select
        label="RIDDOR"
        value={f.riddor ?? ANY}
        onChange={(e) => put({ riddor: (e.target.value || undefined) as IncidentFilterInput['riddor'] })}
        options={RIDDOR_FILTERS}
      />
      <label className="choice filter-check">
        <input
          type="checkbox"
          checked={Boolean(f.followUpsOverdue)}
          onChange={(e) => put({ followUpsOverdue: e.target.checked || undefined })}
        />{' '}
        Follow-ups overdue
      </label>
    </form>
  );
};

const RiddorQueue = () => {
  const { riddorQueue, openIncident } = useStoreFields('riddorQueue', 'openIncident');
  if (!riddorQueue.length) return null;
  return (
    <section className="card riddor-queue" aria-labelledby="riddor-title">
      <h2 id="riddor-title">
        <TriangleAlert aria-hidden size={18} /> RIDDOR reports not yet made ({riddorQueue.length})
      </h2>
      <ul>
        {riddorQueue.map(({ incident: i, status }) => (
          <li key={i.id} className={status.state === 'overdue' ? 'overdue' : ''}>
            <button className="link" onClick={() => void openIncident(i.id)}>
              <span className="code">{i.ref}</span>
            </button>{' '}
            <strong>{status.state === 'overdue' ? 'Overdue' : 'Due'}</strong> — {status.message}{' '}
            <span className="muted">
              ({CATEGORY_LABEL[i.category]}, {i.location})
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
};

const ROW_HEIGHT = 76;

const Row = ({ row, onOpen }: { row: IncidentRow; onOpen: () => void }) => (
  <button className="incident-row" onClick={onOpen} aria-label={`${row.ref}, ${STATUS_LABEL[row.status]}, ${row.location}`}>
    <span className="col-ref">
      <span className="code">{row.ref}</span>
      <span className="muted small">{formatWhenGB(row.occurredAt)}</span>
    </span>
    <span className="col-main">
      <span className="strong">
        {CATEGORY_LABEL[row.category]} · {row.location}
      </span>
      <span className="summary">{row.summary}</span>
    </span>
    <span className="col-flags">
      <SeverityBadge severity={row.severity} />
      <StatusBadge status={row.status} />
      {row.riddor !== 'not-reportable' && (
        <span className={`flag flag-${row.riddor}`}>
          RIDDOR{row.riddor === 'overdue' ? ' overdue' : row.riddor === 'due' ? ' due' : ' ✓'}
        </span>
      )}
      {row.overdueFollowUps > 0 && <span className="flag flag-overdue">{row.overdueFollowUps} follow-up overdue</span>}
      {row.photos > 0 && (
        <span className="flag" title={`${row.photos} photos`}>
          <Camera aria-hidden size={13} /> {row.photos}
        </span>
      )}
    </span>
  </button>
);

const List = ({ rows }: { rows: IncidentRow[] }) => {
  const openIncident = useStore((s) => s.openIncident);
  const parent = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualiser's functions are read in this render only
  const v = useVirtualizer({ count: rows.length, getScrollElement: () => parent.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  return (
    <div ref={parent} className="incident-list" tabIndex={-1}>
      <ul style={{ height: v.getTotalSize() }} aria-label="Incidents">
        {v.getVirtualItems().map((item) => (
          <li key={rows[item.index].id} style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}>
            <Row row={rows[item.index]} onOpen={() => void openIncident(rows[item.index].id)} />
          </li>
        ))}
      </ul>
    </div>
  );
};

const IncidentList = () => {
  const { incidentList, loadIncidents, loadRiddorQueue, loadSites, startNewIncident, exportIncidentsCsv } = useStoreFields(
    'incidentList',
    'loadIncidents',
    'loadRiddorQueue',
    'loadSites',
    'startNewIncident',
    'exportIncidentsCsv',
  );
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void loadIncidents();
    void loadRiddorQueue();
    void loadSites();
  }, [loadIncidents, loadRiddorQueue, loadSites]);
  return (
    <section aria-labelledby="incidents-title">
      <header className="page-head">
        <h1 id="incidents-title">Incidents</h1>
        {incidentList.status === 'ready' && (
          <p className="muted">
            {incidentList.data.total === incidentList.data.rows.length
              ? `${incidentList.data.total} shown`
              : `Newest ${incidentList.data.rows.length} of ${incidentList.data.total}; narrow the filters to see older ones`}
          </p>
        )}
        <div className="head-actions">
          <button className="btn" onClick={async () => setError((await exportIncidentsCsv())?.message ?? null)}>
            <Download aria-hidden size={16} /> Export CSV
          </button>
          <button className="btn btn-primary" onClick={() => startNewIncident()}>
            <Plus aria-hidden size={16} /> Record incident
          </button>
        </div>
      </header>
      {error && <Banner tone="error">{error}</Banner>}
      <RiddorQueue />
      <Filters />
      {incidentList.status === 'error' && <Banner tone="error">{incidentList.message}</Banner>}
      {incidentList.status === 'loading' && <p className="muted">Loading incidents…</p>}
      {incidentList.status === 'ready' && incidentList.data.total === 0 && (
        <p className="empty">No incidents match. Record one with the button above or Ctrl+I from any screen.</p>
      )}
      {incidentList.status === 'ready' && incidentList.data.total > 0 && <List rows={incidentList.data.rows} />}
    </section>
  );
};

/** Incidents: the list with its filters and RIDDOR queue, or one incident when one is open. */
export const IncidentsView = () => {
  const viewParam = useStore((s) => s.viewParam);
  return viewParam ? <IncidentPage id={viewParam} /> : <IncidentList />;
};
