import { toSearchable, type SearchableIncident } from '../../shared/domain/incidents';
import type { Incident } from '../../shared/schemas/incident';
import type { Repos } from '../storage/repos';
import { inSlices } from '../storage/yieldingLoop';

/**
 * Every incident of the data folder in memory, ready to filter and search: ten years is about 70,000
 * incidents in 1,800 partition files (over 200 MB with their histories), so it is read in the
 * background after start-up, newest months first, a few files per slice (`warmIncidentIndex`);
 * whoever needs it before then finishes the reading at once (`incidentIndex`). It is kept up to date
 * by the services' own writes and by imports. Histories are left out to keep it small; whole incidents
 * are read from their partition.
 */
export class IncidentIndex {
  private readonly byId = new Map<string, SearchableIncident>();
  /** Partition keys not read yet, newest first. */
  private readonly unread: string[];

  constructor(private readonly repos: Repos) {
    this.unread = repos.incidents.keys().reverse();
  }

  /** Whether every partition has been read. */
  get complete(): boolean {
    return this.unread.length === 0;
  }

  /** Reads the next partition; false once there are none left. */
  readNext(): boolean {
    const key = this.unread.shift();
    if (key === undefined) return false;
    for (const incident of Object.values(this.repos.incidents.partitionOnce(key))) this.note(incident);
    return true;
  }

  /** Reads whatever is left, now. */
  finish(): this {
    while (this.readNext());
    return this;
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

const indexOf = (repos: Repos): IncidentIndex => {
  let index = indexes.get(repos);
  if (!index) {
    index = new IncidentIndex(repos);
    indexes.set(repos, index);
  }
  return index;
};

/** The complete index of a data folder's incidents, finishing any reading still to do. */
export const incidentIndex = (repos: Repos): IncidentIndex => indexOf(repos).finish();

/** The index as far as it has been read, without reading more (undefined before it was begun). */
export const partialIncidentIndex = (repos: Repos): IncidentIndex | undefined => indexes.get(repos);

/** Records incidents written outside the incident services (an import) in the index, if one exists. */
export const noteIncidents = (repos: Repos, incidents: readonly Incident[]): void => {
  const index = indexes.get(repos);
  if (index) for (const incident of incidents) index.note(incident);
};

/**
 * Starts reading the index in the background after `delayMs`, in slices of about `sliceMs` so requests
 * keep being answered in between. Stops when complete, when `current()` no longer returns these repos
 * (a restore replaced them) or when the returned function is called.
 */
export const warmIncidentIndex = (repos: Repos, current: () => Repos, delayMs: number, sliceMs = 8): (() => void) => {
  let stopped = false;
  const done = () => stopped || current() !== repos;
  const start = () => {
    if (done()) return;
    const index = indexOf(repos);
    // An unreadable folder is reported by whoever needs the index, not by a background read.
    inSlices(() => index.readNext(), sliceMs, done).catch(() => undefined);
  };
  const timer = setTimeout(start, delayMs);
  timer.unref();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
};
