import { useVirtualizer } from '@tanstack/react-virtual';
import { Download, Plus, Upload } from 'lucide-react';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { StaffView } from '../../../shared/contract/staff';
import {
  filterStaff,
  indexStaff,
  LICENCE_STATUSES,
  licenceStatusOn,
  type LicenceStatus,
  type StaffFilter,
} from '../../../shared/domain/directory';
import { londonToday } from '../../../shared/domain/dates';
import { leaveBalance } from '../../../shared/domain/leave/balance';
import { useLeaveRules } from './useLeaveRules';
import { SERVICES } from '../../../shared/schemas/common';
import { CONTRACT_TYPES } from '../../../shared/schemas/staff';
import { Banner } from '../../components/Banner';
import { LicenceBadge } from '../../components/LicenceBadge';
import { useNow } from '../../components/useNow';
import { useStoreFields } from '../../store/appStore';
import { SERVICE_LABEL } from '../sites/CoverEditor';
import { download } from '../../components/download';
import './staff.css';
import { SiteOptions } from '../../components/SiteOptions';
import { Select } from '../../components/Select';
import { CONTRACT_LABEL } from '../../../shared/domain/directory/staffLabels';

const ROW = 56;
export const LICENCE_LABEL: Record<LicenceStatus, string> = {
  valid: 'Valid',
  'expiring-60': 'Expires in 31–60 days',
  'expiring-30': 'Expires within 30 days',
  expired: 'Expired',
  none: 'No licence',
};

/** `15 days leave left`, for the leave year containing today; nothing without leave terms. */
const leaveLeft = (p: StaffView, today: string, rules: LeaveRules): string | null => {
  const b = leaveBalance(p, today, rules.holidays, undefined, rules.policy);
  return b && `${Number(b.remainingDays.toFixed(2))} days leave left`;
};

type LeaveRules = ReturnType<typeof useLeaveRules>;

const Row = ({ p, today, rules, onOpen }: { p: StaffView; today: string; rules: LeaveRules; onOpen: () => void }) => (
  <button className="staff-row staff-cols" onClick={onOpen}>
    <span>
      <span className="name">{p.name}</span>
      {p.archived && <span className="archived-tag">Archived</span>}
      <span className="sub"> · {p.employeeNumber}</span>
    </span>
    <span className="tags">
      {p.services.map((s) => (
        <span key={s} className={`tag tag-${s}`}>
          {SERVICE_LABEL[s]}
        </span>
      ))}
    </span>
    <span>{p.homeSite ?? <span className="muted">—</span>}</span>
    <span className="sub">
      {CONTRACT_LABEL[p.contractType]} · {p.contractedHours} h{leaveLeft(p, today, rules) && ` · ${leaveLeft(p, today, rules)}`}
    </span>
    <span>
      {p.services.includes('security') || p.sia ? (
        <LicenceBadge state={licenceStatusOn(p, today)} />
      ) : (
        <span className="muted small">Not security</span>
      )}
    </span>
  </button>
);

/** Everyone on file, searchable and filterable, drawn a screenful at a time so hundreds of people stay instant. */
export const StaffList = () => {
  const {
    staff,
    loadStaff,
    sites,
    loadSites,
    go,
    auth,
    staffFilter: filter,
    setStaffFilter,
    exportStaff,
    exportLeave,
  } = useStoreFields(
    'staff',
    'loadStaff',
    'sites',
    'loadSites',
    'go',
    'auth',
    'staffFilter',
    'setStaffFilter',
    'exportStaff',
    'exportLeave',
  );
  const [exportError, setExportError] = useState<string | null>(null);
  const today = londonToday(useNow());
  const rules = useLeaveRules(today);
  const manager = auth?.user?.role === 'manager';
  useEffect(() => {
    void loadStaff();
    void loadSites();
  }, [loadStaff, loadSites]);

  const list = useMemo(() => (staff.status === 'ready' ? staff.data : []), [staff]);
  const index = useMemo(() => indexStaff(list), [list]);
  const rows = useMemo(() => filterStaff(index, filter, today), [index, filter, today]);

  const search = useRef<HTMLInputElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualiser's functions are read in render on purpose
  const virtual = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW, overscan: 8 });

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      const typing =
        e.target instanceof HTMLElement && (['INPUT', 'TEXTAREA', 'SELECT'].includes(e.target.tagName) || e.target.isContentEditable);
      if (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        search.current?.focus();
        search.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const focusRow = (i: number) => {
    if (i < 0 || i >= rows.length) return;
    virtual.scrollToIndex(i, { align: 'auto' });
    requestAnimationFrame(() => scroller.current?.querySelector<HTMLButtonElement>(`[data-index="${i}"] button`)?.focus());
  };
  const onListKey = (e: KeyboardEvent) => {
    const at = Number((document.activeElement?.closest('[data-index]') as HTMLElement | null)?.dataset.index ?? -1);
    const step = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 }[e.key];
    if (step) {
      e.preventDefault();
      if (at + step < 0) search.current?.focus();
      else focusRow(Math.min(rows.length - 1, Math.max(0, at + step)));
    } else if (e.key === 'Home') focusRow(0);
    else if (e.key === 'End') focusRow(rows.length - 1);
  };
  const onSearchKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && rows.length > 0) go('staff', rows[0].id);
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      focusRow(0);
    }
  };
  const doExport = async () => {
    const r = await exportStaff({ includeArchived: filter.archived !== 'active', includePay: manager });
    if (!r.ok) return setExportError(r.message);
    setExportError(null);
    download(r.data);
  };
  const doLeaveExport = async () => {
    const r = await exportLeave();
    if (!r.ok) return setExportError(r.message);
    setExportError(null);
    download(r.data);
  };
  const set = (patch: Partial<StaffFilter>) => setStaffFilter(patch);
  const siteList = sites.status === 'ready' ? sites.data : [];
  const filtered = Boolean(
    filter.text || filter.service || filter.site || filter.contractType || filter.licence?.length || filter.archived !== 'active',
  );

  return (
    <section aria-labelledby="staff-title">
      <header className="page-head">
        <h1 id="staff-title">Staff</h1>
        {staff.status === 'ready' && <p className="muted">{list.filter((p) => !p.archived).length} people on the books</p>}
        <div className="page-actions">
          <button className="btn" onClick={() => void doExport()}>
            <Download aria-hidden size={16} /> Export CSV
          </button>
          {manager && (
            <>
              <button className="btn" onClick={() => void doLeaveExport()}>
                <Download aria-hidden size={16} /> Leave balances CSV (payroll)
              </button>
              <button className="btn" onClick={() => go('staff', 'import')}>
                <Upload aria-hidden size={16} /> Import CSV
              </button>
              <button className="btn btn-primary" onClick={() => go('staff', 'new')}>
                <Plus aria-hidden size={16} /> Add person
              </button>
            </>
          )}
        </div>
      </header>
      {exportError && <Banner tone="error">{exportError}</Banner>}
      {!manager && <Banner tone="info">You see the staff of your sites. Pay rates are shown to managers only.</Banner>}
      <div className="filters" role="search">
        <div className="field search">
          <label htmlFor="staff-search">
            Search name or employee number{' '}
            <span className="kbd" aria-hidden>
              /
            </span>
          </label>
          <input
            id="staff-search"
            ref={search}
            type="search"
            value={filter.text ?? ''}
            onChange={(e) => set({ text: e.target.value })}
            onKeyDown={onSearchKey}
            placeholder="e.g. Shah or E-1001"
            autoComplete="off"
            aria-describedby="staff-search-hint"
          />
          <span id="staff-search-hint" className="visually-hidden">
            Press Enter to open the first match, or the down arrow to move into the list.
          </span>
        </div>
        <Select
          label="Service"
          options={[['', 'Any'], ...SERVICES.map((x) => [x, SERVICE_LABEL[x]] as const)]}
          value={filter.service ?? ''}
          onChange={(e) => set({ service: (e.target.value || undefined) as StaffFilter['service'] })}
        />
        <div className="field">
          <label htmlFor="f-site">Site</label>
          <select id="f-site" value={filter.site ?? ''} onChange={(e) => set({ site: e.target.value || undefined })}>
            <option value="">Any</option>
            <SiteOptions sites={siteList} />
          </select>
        </div>
        <Select
          label="SIA licence"
          options={[
            ['', 'Any'],
            ['expired,expiring-30,expiring-60', 'Needs attention (expired or ≤ 60 days)'],
            ...LICENCE_STATUSES.map((x) => [x, LICENCE_LABEL[x]] as const),
          ]}
          value={filter.licence?.join(',') ?? ''}
          onChange={(e) => set({ licence: e.target.value ? (e.target.value.split(',') as LicenceStatus[]) : undefined })}
        />
        <Select
          label="Contract"
          options={[['', 'Any'], ...CONTRACT_TYPES.map((c) => [c, CONTRACT_LABEL[c]] as const)]}
          value={filter.contractType ?? ''}
          onChange={(e) => set({ contractType: (e.target.value || undefined) as StaffFilter['contractType'] })}
        />
        <div className="field">
          <label htmlFor="f-archived">Showing</label>
          <select
            id="f-archived"
            value={filter.archived ?? 'active'}
            onChange={(e) => set({ archived: e.target.value as StaffFilter['archived'] })}
          >
            <option value="active">Current staff</option>
            <option value="archived">Archived leavers</option>
            <option value="all">Everyone</option>
          </select>
        </div>
      </div>
      {staff.status === 'error' && <Banner tone="error">{staff.message}</Banner>}
      {staff.status === 'loading' && <p className="muted">Loading staff…</p>}
      {staff.status === 'ready' && list.length === 0 && (
        <div className="empty">
          <p className="strong">No staff on file yet.</p>
          {manager ? (
            <p>Add people one by one, or import the HR list as a CSV file.</p>
          ) : (
            <p>A manager adds staff; ask them to add your team.</p>
          )}
        </div>
      )}
      {staff.status === 'ready' && list.length > 0 && (
        <>
          <div className="list-meta" aria-live="polite">
            <span>{rows.length === list.length ? `${rows.length} people` : `${rows.length} of ${list.length} people match`}</span>
            {filtered && (
              <button
                className="btn btn-quiet btn-small"
                onClick={() =>
                  setStaffFilter({
                    text: '',
                    service: undefined,
                    site: undefined,
                    licence: undefined,
                    contractType: undefined,
                    archived: 'active',
                  })
                }
              >
                Clear filters
              </button>
            )}
          </div>
          {rows.length === 0 ? (
            <p className="empty">Nobody matches. Try fewer words or clear the filters.</p>
          ) : (
            <div className="staff-table">
              <div className="staff-head staff-cols" aria-hidden>
                <span>Name</span>
                <span>Services</span>
                <span>Home</span>
                <span>Contract</span>
                <span>SIA licence</span>
              </div>
              <div className="staff-scroll" ref={scroller} onKeyDown={onListKey}>
                <ul
                  role="list"
                  aria-label="Staff"
                  style={{ height: virtual.getTotalSize(), position: 'relative', margin: 0, padding: 0, listStyle: 'none' }}
                >
                  {virtual.getVirtualItems().map((v) => (
                    <li
                      key={rows[v.index].id}
                      data-index={v.index}
                      style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW, transform: `translateY(${v.start}px)` }}
                    >
                      <Row p={rows[v.index]} today={today} rules={rules} onOpen={() => go('staff', rows[v.index].id)} />
                    </li>
                  ))}
                </ul>
              </div>
            </div>
          )}
        </>
      )}
    </section>
  );
};
