import { useEffect, useState } from 'react';
import { call } from '../../api';

export interface IncidentHelpers {
  /** Places at the site incidents were recorded at before, most used first. */
  locations: string[];
  /** Everyone on the staff list, for reported-by, people involved and witnesses. */
  staffNames: string[];
}

/** What the incident form offers to pick from: the site's remembered locations and the staff list. */
export const useIncidentHelpers = (site: string): IncidentHelpers => {
  const [locations, setLocations] = useState<{ site: string; list: string[] }>({ site: '', list: [] });
  const [staffNames, setStaffNames] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    void call('staff:list', { includeArchived: false }).then(
      (r) => live && r.ok && setStaffNames(r.data.map((s) => s.name).sort((a, b) => a.localeCompare(b))),
    );
    return () => {
      live = false;
    };
  }, []);
  useEffect(() => {
    if (!site) return;
    let live = true;
    void call('incidents:list', { sites: [site], limit: 500 }).then((r) => {
      if (!live || !r.ok) return;
      const count = new Map<string, number>();
      for (const row of r.data.rows) if (row.location.trim()) count.set(row.location.trim(), (count.get(row.location.trim()) ?? 0) + 1);
      setLocations({ site, list: [...count].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([l]) => l) });
    });
    return () => {
      live = false;
    };
  }, [site]);
  return { locations: locations.site === site ? locations.list : [], staffNames };
};
