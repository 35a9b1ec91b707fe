import type { RequestOf } from '../../../shared/contract';
import { isSkippedTime, repeatedZoneOf, skippedTimeMessage, type LondonZone } from '../../../shared/domain/dates';
import { riddorDeadline } from '../../../shared/domain/incidents/riddor';
import type { Incident, IncidentInput } from '../../../shared/schemas/incident';
import { fromLocalInput, localParts, toLocalInput } from './londonInput';

export const AGENCIES = ['police', 'fire', 'ambulance', 'other'] as const;
type Agency = (typeof AGENCIES)[number];

/** The incident form's state: what the inputs hold, strings throughout. */
export interface IncidentDraft {
  site: string;
  location: string;
  occurredAt: string;
  reportedAt: string;
  reportedBy: string;
  reportedTo: string;
  category: Incident['category'];
  severity: Incident['severity'];
  details: string;
  peopleInvolved: string;
  witnesses: string;
  actionTaken: string;
  onward: Record<Agency, { on: boolean; reference: string }>;
  followUps: { id?: string; action: string; owner: string; due: string; done: boolean }[];
  riddor: { on: boolean; kind: NonNullable<Incident['riddor']>['kind']; reportedOn: string; method: string; hseReference: string };
  /** The instants the two time inputs were filled from, kept while they are not changed (see fromLocalInput). */
  filledFrom: { occurredAt: string; reportedAt: string };
  /** Which 01:00–01:59 each time input means on the night the clocks go back, when that hour comes twice. */
  zones: { occurredAt: LondonZone; reportedAt: LondonZone };
}

/** Which of the repeated hour an instant is in, BST for any other (where the choice is not asked). */
const zoneOf = (iso: string): LondonZone => repeatedZoneOf(Date.parse(iso)) ?? 'BST';

/** A form draft from a stored incident or a partial one, with `now` and the recorder as defaults. */
export const toDraft = (from: Partial<IncidentInput>, defaults: { site: string; nowIso: string; me: string }): IncidentDraft => ({
  site: from.site ?? defaults.site,
  location: from.location ?? '',
  occurredAt: toLocalInput(from.occurredAt ?? defaults.nowIso),
  reportedAt: toLocalInput(from.reportedAt ?? defaults.nowIso),
  reportedBy: from.reportedBy ?? '',
  reportedTo: from.reportedTo ?? defaults.me,
  category: from.category ?? 'security',
  severity: from.severity ?? 'low',
  details: from.details ?? '',
  peopleInvolved: from.peopleInvolved ?? '',
  witnesses: from.witnesses ?? '',
  actionTaken: from.actionTaken ?? '',
  onward: Object.fromEntries(
    AGENCIES.map((a) => {
      const r = from.onwardReports?.find((x) => x.agency === a);
      return [a, { on: Boolean(r), reference: r?.reference ?? '' }];
    }),
  ) as IncidentDraft['onward'],
  followUps: (from.followUps ?? []).map((f) => ({ ...f })),
  riddor: {
    on: Boolean(from.riddor),
    kind: from.riddor?.kind ?? 'specified-injury',
    reportedOn: from.riddor?.reportedOn ?? '',
    method: from.riddor?.method ?? '',
    hseReference: from.riddor?.hseReference ?? '',
  },
  filledFrom: { occurredAt: from.occurredAt ?? defaults.nowIso, reportedAt: from.reportedAt ?? defaults.nowIso },
  zones: { occurredAt: zoneOf(from.occurredAt ?? defaults.nowIso), reportedAt: zoneOf(from.reportedAt ?? defaults.nowIso) },
});

/** The request fields a draft stands for; a half-typed time goes through as sent so main names the field. */
export const fromDraft = (d: IncidentDraft): RequestOf<'incidents:create'> => ({
  site: d.site,
  location: d.location,
  occurredAt: fromLocalInput(d.occurredAt, d.zones.occurredAt, d.filledFrom.occurredAt) ?? d.occurredAt,
  reportedAt: fromLocalInput(d.reportedAt, d.zones.reportedAt, d.filledFrom.reportedAt) ?? d.reportedAt,
  reportedBy: d.reportedBy,
  reportedTo: d.reportedTo,
  category: d.category,
  severity: d.severity,
  details: d.details,
  peopleInvolved: d.peopleInvolved,
  witnesses: d.witnesses,
  actionTaken: d.actionTaken,
  onwardReports: AGENCIES.filter((a) => d.onward[a].on).map((agency) => ({ agency, reference: d.onward[agency].reference.trim() })),
  followUps: d.followUps.map((f) => ({ ...f })),
  riddor: d.riddor.on
    ? { kind: d.riddor.kind, reportedOn: d.riddor.reportedOn || null, method: d.riddor.method, hseReference: d.riddor.hseReference }
    : null,
});

/**
 * A time typed in the hour the clocks skip, per field: the form refuses it with the shared message, as the
 * shift and log channels do, instead of sending the instant an hour later.
 */
export const skippedTimeErrors = (d: Pick<IncidentDraft, 'occurredAt' | 'reportedAt'>): Record<string, string> => {
  const errors: Record<string, string> = {};
  for (const field of ['occurredAt', 'reportedAt'] as const) {
    const p = localParts(d[field]);
    if (p && isSkippedTime(p.date, p.time)) errors[field] = skippedTimeMessage(p.date, p.time);
  }
  return errors;
};

/** The RIDDOR deadline the draft implies, for showing as the recorder types. */
export const draftDeadline = (d: IncidentDraft): string | null => {
  const occurredAt = fromLocalInput(d.occurredAt, d.zones.occurredAt, d.filledFrom.occurredAt);
  return d.riddor.on && occurredAt
    ? riddorDeadline({ occurredAt, riddor: { kind: d.riddor.kind, reportedOn: null, method: '', hseReference: '' } })
    : null;
};

/** Field errors from main with a `patch.` prefix dropped, so edit and create forms share names. */
export const unprefixed = (errors: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(errors).map(([k, v]) => [k.replace(/^patch\./, ''), v]));
