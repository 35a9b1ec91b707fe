/**
 * A version kept aside (`system/superseded`, merge.ts) in the words the Conflicts screen shows a manager: which record
 * it is a version of, why it was set aside, and each field in which it differs from the version in force. Pure: the
 * names of people, sites and users come in from the caller.
 *
 * Shifts are not here: their set-aside versions are in the shift's own history and a manager decides them
 * (decisions.ts). The other kinds are shown read-only; `USE_NOTE` says, per kind, why and what to do instead.
 */
import { fieldName } from '../../contract/fieldNames';
import { formatDateGB, formatWhenGB } from '../dates';
import { describeValue, FIELD_LABEL, HISTORY_KIND_LABEL, LOG_KIND_LABEL } from '../incidents/labels';
import { logClock } from '../incidents/occurrenceLog';
import { logEntryInputSchema } from '../../schemas/occurrence';
import { SERVICE_LABEL } from '../serviceLabel';
import { HLC_ZERO, parseHlc } from './hlc';
import type { Superseded, SyncKind, SyncRecord } from './merge';
import { counted } from '../counted';
import { availabilityInWords, CONTRACT_LABEL, SECTOR_LABEL } from '../directory/staffLabels';
import type { Availability } from '../../schemas/staff';

export type AsideKind = Exclude<SyncKind, 'shifts'>;

export interface Names {
  /** A person's name by staff id. */
  person: (id: string) => string;
  /** A site's name by code. */
  site: (code: string) => string;
  /** A user's name by account id (who wrote a version). */
  user: (id: string) => string;
}

/** One field in which the set-aside version differs from the version in force, both in words. */
export interface AsideField {
  label: string;
  inForce: string;
  setAside: string;
}

/** What kind of record each is, as the card names it. */
export const ASIDE_KIND_LABEL: Record<AsideKind, string> = {
  sites: 'Site',
  staff: 'Person',
  attendance: 'Attendance',
  incidents: 'Incident',
  log: 'Log entry',
};

/** Why nothing can be chosen on the card, and what a manager does instead. */
export const USE_NOTE: Record<AsideKind, string> = {
  sites:
    'Shown for reference. To use anything from the set-aside version, change the site in Sites: a site keeps no history of its own, so keeping this version here would lose the one in force.',
  staff:
    'Shown for reference. To use anything from the set-aside version, change the person in Staff: a person’s record keeps no history of its own, so keeping this version here would lose the one in force.',
  attendance:
    'Shown for reference. Both versions stay on record on every computer. To change the attendance record, correct it with a reason, as any correction is made.',
  incidents:
    'Shown for reference. An incident’s history is a sealed chain that cannot take another branch: this history is kept whole on every computer and can be checked on its own.',
  log: 'Shown for reference. A log entry never changes once written: the first written stands, and this one is kept on record on every computer.',
};

/** Fields every record carries about its writing, not its content. */
const META = new Set(['id', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy', 'rev', 'hlc', 'origin', 'base']);

/** Why the version was set aside, in a sentence. */
export const whyInWords = (kind: AsideKind, reason: Superseded['reason']): string => {
  if (reason === 'stamped-ahead')
    return 'Not taken in: this edit was stamped more than a day ahead of the computer that received it (the computer that made it had the wrong date).';
  if (reason === 'history-diverged')
    return 'Its history was added to on two computers while they were apart: a history cannot be joined, so the later is in force and this one was kept whole.';
  if (kind === 'log') return 'Two different entries were written under one id: the first written stands and this one was kept aside.';
  return 'Edited on two computers while they were apart: the later edit is in force and this one was kept aside.';
};

/** The wall-clock time of a stamp, or null for none. */
export const stampTime = (hlc: string | undefined): string | null =>
  !hlc || hlc === HLC_ZERO ? null : new Date(parseHlc(hlc).wall).toISOString();

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

const logWhen = logEntryInputSchema.pick({ date: true, time: true, zone: true });

/**
 * A log entry's time as the log shows it (`01:30 GMT` in the hour that comes twice). A version set aside was never
 * checked, so a time that is not one, or a zone the log does not store, is shown as it was written rather than thrown on.
 */
const logTime = (r: SyncRecord): string => {
  const when = logWhen.safeParse(r);
  return when.success ? logClock(when.data) : str(r.time);
};

/**
 * The record a version belongs to, in words, after its kind (`ASIDE_KIND_LABEL`): "Cleo Early (E-2001)", "Carla Brush at
 * County Hall, Wed 25 Nov 2026", "Patrol at County Hall, Wed 25 Nov 2026 07:10".
 */
export const titleOf = (kind: AsideKind, r: SyncRecord, names: Names): string => {
  const site = names.site(str(r.site));
  switch (kind) {
    case 'sites':
      return `${str(r.name)} (${str(r.code)})`;
    case 'staff':
      return `${str(r.name)} (${str(r.employeeNumber)})`;
    case 'attendance':
      return `${names.person(str(r.staffId))} at ${site}, ${formatDateGB(str(r.date))}`;
    case 'incidents':
      return `${str(r.ref)} at ${site}`;
    case 'log':
      return `${LOG_KIND_LABEL[r.kind as keyof typeof LOG_KIND_LABEL] ?? str(r.kind)} at ${site}, ${formatDateGB(str(r.date))} ${logTime(r)}`;
  }
};

const money = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });
const number = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
const PEOPLE = new Set(['staffId', 'requestedBy', 'decidedBy', 'by']);
const SITES = new Set(['site', 'homeSite', 'familiarSites']);

/** A value of `field` in words; `path` names the fields it sits in, for the labels of nested ones. */
const inWords = (kind: AsideKind, field: string, value: unknown, names: Names, path: string[] = []): string => {
  if (value === null || value === undefined || value === '') return '—';
  if (kind === 'incidents' && field in FIELD_LABEL) return describeValue(field, value, formatWhenGB);
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return field === 'payRate' ? money.format(value) : number.format(value);
  if (kind === 'staff' && field === 'availability' && typeof value === 'object' && !Array.isArray(value))
    return availabilityInWords(value as Availability);
  if (typeof value === 'string') {
    if (PEOPLE.has(field)) return field === 'by' ? names.user(value) : names.person(value);
    if (SITES.has(field)) return names.site(value);
    if (field === 'services' || field === 'service') return SERVICE_LABEL[value as keyof typeof SERVICE_LABEL] ?? value;
    if (kind === 'log' && field === 'kind') return LOG_KIND_LABEL[value as keyof typeof LOG_KIND_LABEL] ?? value;
    if (kind === 'staff' && field === 'contractType') return CONTRACT_LABEL[value as keyof typeof CONTRACT_LABEL] ?? value;
    if (kind === 'staff' && field === 'sector') return SECTOR_LABEL[value as keyof typeof SECTOR_LABEL] ?? value;
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDateGB(value);
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return formatWhenGB(value);
    return value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return 'None';
    return value.map((v) => inWords(kind, field, v, names, path)).join('; ');
  }
  if (typeof value === 'object') {
    const parts = Object.entries(value as Record<string, unknown>)
      .filter(([k, v]) => k !== 'id' && v !== null && v !== undefined && v !== '')
      .map(([k, v]) => `${fieldName([...path, field, k]) ?? k} ${inWords(kind, k, v, names, [...path, field])}`);
    return parts.length ? parts.join(', ') : '—';
  }
  return String(value);
};

/** An incident's history or an attendance record's corrections, which differ as lists of events, in words. */
const eventsInWords = (kind: AsideKind, field: string, value: unknown, names: Names): string | null => {
  if (!Array.isArray(value)) return null;
  if (kind === 'incidents' && field === 'history') {
    const last = value.at(-1) as { kind: keyof typeof HISTORY_KIND_LABEL; at: string; by: string } | undefined;
    if (!last) return 'No entries';
    return `${counted(value.length, 'entry', 'entries')}; the last: ${HISTORY_KIND_LABEL[last.kind] ?? last.kind}, ${names.user(last.by)}, ${formatWhenGB(last.at)}`;
  }
  if (kind === 'attendance' && field === 'corrections') {
    const last = value.at(-1) as { reason: string; at: string; by: string } | undefined;
    if (!last) return 'None';
    return `${counted(value.length, 'correction')}; the last: “${last.reason}”, ${names.user(last.by)}, ${formatWhenGB(last.at)}`;
  }
  return null;
};

const LABELS: Partial<Record<AsideKind, Record<string, string>>> = {
  sites: { name: 'Site name', opening: 'Opening hours', cover: 'Cover needed' },
  staff: {
    leaveRequests: 'Leave requests',
    absences: 'Absences',
    archivedOn: 'Left on',
    services: 'Services',
    familiarSites: 'Knows the sites',
    optOut: '48-hour opt-out',
    sia: 'SIA licence',
  },
  attendance: {
    shiftId: 'Shift',
    signedInAt: 'Signed in',
    signedOutAt: 'Signed out',
    noShow: 'No-show',
    staffId: 'Person',
    corrections: 'Corrections',
  },
  incidents: { ...FIELD_LABEL, history: 'History' },
  log: { kind: 'Kind', text: 'Entry', corrects: 'Corrects', seq: 'Number in the day’s log' },
};

const labelOf = (kind: AsideKind, field: string): string => LABELS[kind]?.[field] ?? fieldName([field]) ?? field;

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Each field in which `setAside` differs from `inForce`, in the order the record holds its fields, both in words. A
 * pay rate the set-aside version does not carry (a person's version from the directory or a rota pack travels without
 * one) is not a difference. A log entry's time is shown as the log shows it, with its zone (`01:30 GMT`).
 */
export const differences = (kind: AsideKind, inForce: SyncRecord, setAside: SyncRecord, names: Names): AsideField[] => {
  const fields = [...new Set([...Object.keys(inForce), ...Object.keys(setAside)])].filter((f) => !META.has(f));
  const out: AsideField[] = [];
  for (const f of fields) {
    if (kind === 'staff' && f === 'payRate' && !(f in setAside)) continue;
    // A log entry's zone says which of a repeated hour its time is: it is shown, and compared, in the Time row.
    if (kind === 'log' && f === 'zone') continue;
    if (kind === 'log' && f === 'time') {
      if (same(inForce.time, setAside.time) && same(inForce.zone, setAside.zone)) continue;
      out.push({ label: labelOf(kind, f), inForce: logTime(inForce) || '—', setAside: logTime(setAside) || '—' });
      continue;
    }
    if (same(inForce[f], setAside[f])) continue;
    const words = (v: unknown) => eventsInWords(kind, f, v, names) ?? inWords(kind, f, v, names);
    out.push({ label: labelOf(kind, f), inForce: words(inForce[f]), setAside: words(setAside[f]) });
  }
  return out;
};
