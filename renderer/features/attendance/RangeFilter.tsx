import { useEffect } from 'react';
import { GbInput } from '../../components/GbInput';
import { useStoreFields } from '../../store/appStore';
import type { Range } from './attendanceSlice';
import { SiteOptions } from '../../components/SiteOptions';

/** Site and date-range filters shared by the manager's attendance and report screens. */
export const RangeFilter = ({ value, onChange, idPrefix }: { value: Range; onChange: (r: Range) => void; idPrefix: string }) => {
  const { sites, loadSites } = useStoreFields('sites', 'loadSites');
  useEffect(() => {
    if (sites.status === 'idle') void loadSites();
  }, [sites.status, loadSites]);
  return (
    <div className="filters no-print" role="group" aria-label="Filters">
      <div className="field">
        <label htmlFor={`${idPrefix}-site`}>Site</label>
        <select id={`${idPrefix}-site`} value={value.site ?? ''} onChange={(e) => onChange({ ...value, site: e.target.value || null })}>
          <option value="">All sites</option>
          {sites.status === 'ready' && <SiteOptions sites={sites.data} />}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-from`}>From</label>
        <GbInput
          id={`${idPrefix}-from`}
          kind="date"
          value={value.from}
          onChange={(e) => e.target.value && onChange({ ...value, from: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-to`}>To</label>
        <GbInput
          id={`${idPrefix}-to`}
          kind="date"
          value={value.to}
          onChange={(e) => e.target.value && onChange({ ...value, to: e.target.value })}
        />
      </div>
    </div>
  );
};
