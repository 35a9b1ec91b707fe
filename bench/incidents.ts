/** Free-text search over every incident in the folder with the shared search (toSearchable + searchIncidents). */
import { openApp } from '../main/app';
import { londonToday } from '../shared/domain/dates';
import { searchIncidents, toSearchable, type SearchableIncident } from '../shared/domain/incidents';
import type { Incident } from '../shared/schemas/incident';
import { StoreClassConf } from './data';
import { summarise, timeEach, type Stat } from './stats';

/** Queries a person would type at the desk: a word, two words, a reference-like string, and a miss. */
export const QUERIES = ['fire', 'door alarm', 'CH-2025', 'no such words anywhere'];

export interface IncidentBench {
  incidents: number;
  partitions: number;
  loadMs: number;
  prepare: Stat;
  query: Stat;
  matches: Record<string, number>;
}

/** Reads every incident partition, then prepares the search rows, then runs each query several times. */
export const incidentBench = async (dir: string, reps: number, now: number): Promise<IncidentBench> => {
  const opened = openApp({ dataDir: dir, StoreClass: StoreClassConf, mode: 'browser', version: 'bench', backupEveryMinutes: 0 });
  try {
    const { repos } = opened.app;
    const keys = repos.incidents.keys();
    const t = performance.now();
    const all: Incident[] = keys.flatMap((k) => Object.values(repos.incidents.partition(k)));
    const loadMs = performance.now() - t;
    let rows: SearchableIncident[] = [];
    const prepare = await timeEach(Math.max(3, Math.ceil(reps / 4)), () => (rows = all.map(toSearchable)));
    const today = londonToday(now);
    const matches: Record<string, number> = {};
    const samples: number[] = [];
    for (const text of QUERIES) {
      matches[text] = searchIncidents(rows, { text }, today).length;
      samples.push(...(await timeEach(reps, () => searchIncidents(rows, { text }, today))));
    }
    return { incidents: all.length, partitions: keys.length, loadMs, prepare: summarise(prepare), query: summarise(samples), matches };
  } finally {
    opened.close();
  }
};
