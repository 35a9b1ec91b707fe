import { toSearchable, type SearchableIncident } from '../../shared/domain/incidents';
import type { Incident } from '../../shared/schemas/incident';
import type { Repos } from '../storage/repos';

/**
 * Every incident of the data folder in memory, ready to filter and search: read once per run (ten
 * years is about 70,000 incidents in 2,000 small files), then kept up to date by the service's own
 * writes. Histories are left out to keep it small; whole incidents are read from their partition.
 */
export class IncidentIndex {
  private readonly byId = new Map<string, SearchableIncident>();

  constructor(private readonly repos: Repos) {
    for (const key of repos.incidents.keys()) for (const incident of Object.values(repos.incidents.partition(key))) this.note(incident);
  }

  /** Records an incident as written, so the index matches the disk. */
  note(incident: Incident): void {
    this.byId.set(incident.id, toSearchable({ ...incident, history: [] }));
  }

  /** Every incident (without history), ready for searchIncidents. */
  rows(): SearchableIncident[] {
    return [...this.byId.values()];
  }

  /** The whole stored incident, read from its partition. */
  get(id: string): Incident | undefined {
    const hit = this.byId.get(id);
    return hit ? this.repos.incidents.partition(this.repos.incidents.partitionOf(hit.incident))[id] : undefined;
  }

  /** Every reference known on this install, for issuing the next one. */
  refs(): string[] {
    return [...this.byId.values()].map((r) => r.incident.ref);
  }
}

const indexes = new WeakMap<Repos, IncidentIndex>();

/** The index of a data folder's incidents, built on first use. */
export const incidentIndex = (repos: Repos): IncidentIndex => {
  let index = indexes.get(repos);
  if (!index) {
    index = new IncidentIndex(repos);
    indexes.set(repos, index);
  }
  return index;
};
