/**
 * The daily occurrence log. Like the paper book it replaces, it is append-only: a mistake is put right by
 * a new entry that points at the old one, and both stay on the page so a reader sees what was first
 * written and what replaced it.
 */
import type { IncidentInput } from '../../schemas/incident';
import type { LogEntry, LogEntryInput } from '../../schemas/occurrence';
import { formatClockGB, formatDateGB, londonInstantIn, londonParts, repeatedZoneOf } from '../dates';
import type { CheckResult } from './status';

export type LogKind = LogEntry['kind'];

// Plain code-unit order: ISO dates, hh:mm times and ids sort correctly by it, the same on every machine.
// Instants are parsed instead, as their optional milliseconds would put `…00Z` after `…00.5Z`.
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The moment an entry records. Its date and wall-clock time, and in the hour the clocks go back, which pass of it: `GMT`
 * the second, an hour after the first; no zone the first, as every entry written before the zone was stored.
 */
export const logInstant = (entry: Pick<LogEntryInput, 'date' | 'time' | 'zone'>): number =>
  londonInstantIn(entry.date, entry.time, entry.zone ?? 'BST');

/** An entry's time as the log shows it: `22:05`, and in the hour that comes twice `01:30 BST` or `01:30 GMT`. */
export const logClock = (entry: Pick<LogEntryInput, 'date' | 'time' | 'zone'>): string => formatClockGB(logInstant(entry));

/** The date, time and (in the second pass of the hour the clocks go back) zone of an entry written at the instant `ms`. */
export const logStampAt = (ms: number): Pick<LogEntryInput, 'date' | 'time' | 'zone'> => ({
  ...londonParts(ms),
  ...(repeatedZoneOf(ms) === 'GMT' ? { zone: 'GMT' as const } : {}),
});

/**
 * The order a log is read in: date, then the moment it records (01:30 GMT after 01:45 BST), then when each entry was
 * written (then id, so it is total). Each entry's instants are worked out once, not at every comparison.
 */
const inReadingOrder = (entries: readonly LogEntry[]): LogEntry[] =>
  entries
    .map((e) => ({ e, at: logInstant(e), written: Date.parse(e.createdAt) }))
    .sort((a, b) => cmp(a.e.date, b.e.date) || a.at - b.at || a.written - b.written || cmp(a.e.id, b.e.id))
    .map(({ e }) => e);

/**
 * Each entry's number within its day, by the order entries were written: the stored `seq`, or, for
 * entries written before numbers were stored, their place among those by when they were written. Pass
 * one site's entries of one day.
 */
export const logNumbers = (dayEntries: readonly LogEntry[]): Map<string, number> => {
  const out = new Map<string, number>();
  const older = dayEntries
    .filter((e) => e.seq === undefined)
    .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || cmp(a.id, b.id));
  older.forEach((e, n) => out.set(e.id, n + 1));
  for (const e of dayEntries) if (e.seq !== undefined) out.set(e.id, e.seq);
  return out;
};

/** The number the next entry written to a day gets: one more than any it has. */
export const nextLogNumber = (dayEntries: readonly LogEntry[]): number => Math.max(0, ...logNumbers(dayEntries).values()) + 1;

/** How long after the time it records an entry may be written before it counts as back-dated. */
export const BACKDATED_AFTER_MINUTES = 15;

/** Whether an entry was written well after the time it records, so both times must be shown. */
export const isBackDated = (entry: LogEntry): boolean => Date.parse(entry.createdAt) - logInstant(entry) > BACKDATED_AFTER_MINUTES * 60_000;

export interface LogRow {
  entry: LogEntry;
  /** Ids of later entries that correct this one, oldest first. */
  correctedBy: string[];
  /** True when a later entry corrects this one, so the view can show it struck through but readable. */
  superseded: boolean;
}

/**
 * The given entries in reading order, each with the entries that correct it. Pass a day's entries plus
 * any later entries that correct them, so a correction written after midnight still links back.
 */
export const logDayView = (entries: readonly LogEntry[]): LogRow[] => {
  const sorted = inReadingOrder(entries);
  const correctedBy = new Map<string, string[]>();
  for (const e of sorted) {
    if (e.corrects) correctedBy.set(e.corrects, [...(correctedBy.get(e.corrects) ?? []), e.id]);
  }
  return sorted.map((entry) => {
    const by = correctedBy.get(entry.id) ?? [];
    return { entry, correctedBy: by, superseded: by.length > 0 };
  });
};

/**
 * Whether `correction` may correct `target`. It must be the same site and written at or after the
 * entry it corrects; any earlier day is allowed, because a mistake found at the morning handover or a
 * week later must still be put right in the open rather than left standing.
 */
export const validateCorrection = (correction: LogEntryInput, target: LogEntry | undefined): CheckResult => {
  if (!target) return { ok: false, message: 'The entry being corrected was not found.' };
  if (correction.corrects !== target.id) return { ok: false, message: 'This correction points at a different entry.' };
  if (correction.site !== target.site)
    return { ok: false, message: 'A correction must be in the same site’s log as the entry it corrects.' };
  if (correction.date < target.date || (correction.date === target.date && logInstant(correction) < logInstant(target))) {
    return { ok: false, message: 'A correction is written after the entry it corrects; give it the time it is written.' };
  }
  return { ok: true };
};

// Alarms at these sites are mostly fire-alarm activations; intruder alarms are re-filed as security by hand.
const CATEGORY_OF: Record<LogKind, IncidentInput['category']> = {
  alarm: 'fire-alarm',
  visitor: 'reception-visitor',
  patrol: 'security',
  keys: 'security',
  handover: 'security',
  other: 'security',
};

/**
 * A draft incident raised from a log entry, to be completed by the recorder: the location is left blank
 * (the log does not hold it) and severity starts low.
 */
export const incidentDraftFromLogEntry = (entry: LogEntry, people: { reportedBy: string; reportedTo: string }): IncidentInput => ({
  site: entry.site,
  location: '',
  occurredAt: new Date(logInstant(entry)).toISOString(),
  // The log entry is the first written report of what happened.
  reportedAt: entry.createdAt,
  reportedBy: people.reportedBy,
  reportedTo: people.reportedTo,
  category: CATEGORY_OF[entry.kind],
  severity: 'low',
  details: `${entry.text}\n\n(From the occurrence log, ${formatDateGB(entry.date)} ${logClock(entry)}.)`,
  peopleInvolved: '',
  witnesses: '',
  actionTaken: '',
  onwardReports: [],
  followUps: [],
  riddor: null,
});
