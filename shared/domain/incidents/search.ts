/**
 * Filtering and free-text search over ten years of incidents (about 70,000). The text to search is
 * worked out once per incident, when the list is loaded, so each keystroke is only a pass of cheap
 * comparisons and substring tests. The date range is turned into two instants once per search rather
 * than each incident into a London date, which is the slow part of date maths at this scale.
 */
import type { Incident } from '../../schemas/incident';
import { riddorStatus } from './riddor';
import { hasOverdueFollowUps } from './status';
import { addDays, londonInstant } from '../dates';

export type RiddorFilter = 'reportable' | 'unreported' | 'overdue' | 'not-reportable';

/** What to show; a missing or empty list means "any". Dates are London dates of when it happened, inclusive. */
export interface IncidentFilter {
  sites?: readonly string[];
  from?: string;
  to?: string;
  categories?: readonly Incident['category'][];
  severities?: readonly Incident['severity'][];
  statuses?: readonly Incident['status'][];
  riddor?: RiddorFilter;
  followUpsOverdue?: boolean;
  text?: string;
}

export interface SearchableIncident<T extends Incident = Incident> {
  incident: T;
  /** When it happened, ms since the epoch. */
  at: number;
  key: string;
}

// Accents are dropped so "Zoe" finds "Zoë", as people type names at a busy desk.
const fold = (s: string): string => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/** The lowercase, accent-folded text an incident is searched by. */
export const searchKey = (incident: Incident): string =>
  fold(
    [
      incident.ref,
      incident.location,
      incident.details,
      incident.peopleInvolved,
      incident.witnesses,
      incident.actionTaken,
      incident.outcome,
      incident.reportedBy,
      incident.reportedTo,
      ...incident.onwardReports.map((r) => r.reference),
      ...incident.followUps.flatMap((f) => [f.action, f.owner]),
      incident.riddor?.hseReference ?? '',
    ].join('\n'),
  );

/** Prepares one incident for searching; do it when the list loads or an incident changes. */
export const toSearchable = <T extends Incident>(incident: T): SearchableIncident<T> => ({
  incident,
  at: Date.parse(incident.occurredAt),
  key: searchKey(incident),
});

/** The words of a query, folded like the search keys; every word must appear. */
export const queryWords = (text: string): string[] => fold(text).split(/\s+/).filter(Boolean);

const anyOf = <V>(list: readonly V[] | undefined): Set<V> | null => (list && list.length ? new Set(list) : null);

const matchesRiddor = (i: Incident, want: RiddorFilter, today: string): boolean => {
  switch (want) {
    case 'not-reportable':
      return i.riddor === null;
    case 'reportable':
      return i.riddor !== null;
    case 'unreported':
      return i.riddor !== null && !i.riddor.reportedOn;
    case 'overdue':
      return riddorStatus(i, today).state === 'overdue';
  }
};

/** The incidents matching `filter` on `today` (a London date), in the order given. */
export const searchIncidents = <T extends Incident>(rows: readonly SearchableIncident<T>[], filter: IncidentFilter, today: string): T[] => {
  const sites = anyOf(filter.sites);
  const categories = anyOf(filter.categories);
  const severities = anyOf(filter.severities);
  const statuses = anyOf(filter.statuses);
  const words = queryWords(filter.text ?? '');
  const fromMs = filter.from ? londonInstant(filter.from, '00:00') : -Infinity;
  const toMs = filter.to ? londonInstant(addDays(filter.to, 1), '00:00') : Infinity;
  const out: T[] = [];
  for (const { incident: i, at, key } of rows) {
    if (sites && !sites.has(i.site)) continue;
    if (at < fromMs || at >= toMs) continue;
    if (categories && !categories.has(i.category)) continue;
    if (severities && !severities.has(i.severity)) continue;
    if (statuses && !statuses.has(i.status)) continue;
    if (filter.riddor && !matchesRiddor(i, filter.riddor, today)) continue;
    if (filter.followUpsOverdue && !hasOverdueFollowUps(i, today)) continue;
    if (words.length && !words.every((w) => key.includes(w))) continue;
    out.push(i);
  }
  return out;
};
