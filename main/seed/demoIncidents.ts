/** Demo incidents (with references and hash-chained histories) and occurrence-log entries. */
import { addDays, minutesOfDay, timeOfMinutes, weekdayOf } from '../../shared/domain/dates';
import { appendHistory, creationChanges, diffIncident, type HistoryEntry } from '../../shared/domain/incidents/history';
import { londonDateOf } from '../../shared/domain/incidents/londonDate';
import { formatReference, parseReference, referenceYear } from '../../shared/domain/incidents/references';
import { riddorDeadline } from '../../shared/domain/incidents/riddor';
import { INCIDENT_CATEGORIES, RIDDOR_KINDS, type Incident } from '../../shared/schemas/incident';
import type { LogEntry } from '../../shared/schemas/occurrence';
import type { Site } from '../../shared/schemas/site';
import type { Rng } from './random';

type Category = (typeof INCIDENT_CATEGORIES)[number];
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();

const DETAILS: Record<Category, readonly string[]> = {
  security: [
    'Visitor became aggressive at reception and refused to leave; escorted from the building without further incident.',
    'Laptop reported stolen from an unattended desk on the first floor; CCTV reviewed and footage kept.',
    'Person tailgated through the staff entrance; challenged, signed in and escorted to their meeting.',
    'Suspicious vehicle parked in the service yard for over an hour; registration noted and vehicle left.',
    'Intruder alarm activation in the loading bay zone; building checked, no sign of entry.',
    'Graffiti found on the rear elevation during the morning patrol; photographed and reported to FM.',
    'Rough sleeper found in the bin store; welfare check made and signposted to the outreach team.',
    'Group of youths throwing stones at car park windows; dispersed on approach, police informed.',
  ],
  'health-safety': [
    'Visitor slipped on the wet floor near the main entrance; wet-floor sign was in place; first aid given.',
    'Member of staff cut their hand on broken glass in the kitchen; first aid given and area cleared.',
    'Visitor tripped on a raised paving slab outside the entrance; no injury, area coned off.',
    'Contractor found working at height without a permit; work stopped until the permit was issued.',
    'Employee felt faint at their desk; first aider attended and they were taken home by a relative.',
    'Cleaner reported back pain after lifting a full waste sack; manual handling refresher booked.',
  ],
  'fire-alarm': [
    'Fire alarm activation caused by burnt toast in the second-floor kitchen; building evacuated, no fire.',
    'False alarm from a detector head in the plant room; engineer called out to replace it.',
    'Fire door found wedged open on the first-floor stairwell; wedge removed and staff reminded.',
    'Weekly fire alarm test: call point 3 did not sound; fault logged with the alarm contractor.',
  ],
  'facilities-cleaning': [
    'Water leak from the ceiling in the ground-floor toilets; area coned off and FM helpdesk called.',
    'Blocked drain in the staff kitchen; contractor booked for the next morning.',
    'Lift stuck between floors 1 and 2 with no one inside; taken out of service and engineer called.',
    "Cleaning chemicals found unsecured in the cleaners' cupboard; locked away and COSHH sheet checked.",
    'Heating failure in the council chamber ahead of an evening meeting; portable heaters supplied.',
  ],
  'reception-visitor': [
    'Visitor upset about waiting time shouted at reception staff; calmed down and seen by the duty officer.',
    'Lost property handed in: a wallet; logged and locked in the reception safe.',
    'Child separated from their parent; reunited within ten minutes.',
    "Courier refused to sign the visitors' book and left the parcel at the door.",
    'Visitor badge not returned at the end of a visit; badge deactivated.',
  ],
};

const LOCATIONS = [
  'Main reception',
  'Staff car park',
  'Service yard',
  'Ground-floor toilets',
  'First-floor open-plan office',
  'Council chamber',
  'Loading bay',
  'Second-floor kitchen',
  'Stairwell B',
  'Main entrance',
  'Plant room',
  'Bin store',
  'Lift lobby',
  'Meeting room 4',
];
const OUTCOMES = [
  'Reviewed with the site supervisor; no further action needed.',
  'Cause found and put right; staff briefed at the next team meeting.',
  'Contractor attended and completed the repair; area back in use.',
  'Police reference recorded; CCTV provided on request. Closed pending any police contact.',
  'Risk assessment updated and shared with the site team.',
];
const FOLLOW_UPS = [
  'Review CCTV footage',
  'Update the site risk assessment',
  'Chase the contractor for a repair date',
  'Brief the night team',
  'Write to the visitor',
  'Replace the damaged sign',
];

/** People the demo's records are written by and about. */
export interface Cast {
  managerId: string;
  managerName: string;
  supervisor: (site: string) => { id: string; name: string };
  /** Names of people based at a site, for reporters and log entries. */
  namesAt: (site: string) => readonly string[];
  instant: (date: string, time: string) => number;
}

/** An incident as first recorded, before its reference is issued and its history written. */
export type IncidentDraft = Omit<Incident, 'ref' | 'history'>;

/** Issues `CH-2026-0042` references per site and year, in the order incidents were recorded. */
export class References {
  private readonly last = new Map<string, number>();

  /** Counts a reference already on disk, so new ones carry on after it. */
  known(ref: string): void {
    const p = parseReference(ref);
    if (!p) return;
    const key = `${p.site}-${p.year}`;
    this.last.set(key, Math.max(this.last.get(key) ?? 0, p.seq));
  }

  issue(site: string, reportedAt: string): string {
    const year = referenceYear(reportedAt);
    const key = `${site}-${year}`;
    const seq = (this.last.get(key) ?? 0) + 1;
    this.last.set(key, seq);
    return formatReference({ site, year, seq, tag: null });
  }
}

const statusTarget = (rng: Rng, ageDays: number): Incident['status'] =>
  ageDays > 21
    ? rng.chance(0.96)
      ? 'closed'
      : 'investigating'
    : ageDays > 3
      ? rng.weighted([
          ['open', 25],
          ['investigating', 35],
          ['closed', 40],
        ] as const)
      : rng.weighted([
          ['open', 70],
          ['investigating', 20],
          ['closed', 10],
        ] as const);

export interface IncidentDayOptions {
  date: string;
  count: number;
  today: string;
  now: number;
  sites: readonly Site[];
  /** Whether the day should include a RIDDOR-reportable incident if one fits. */
  wantRiddor: boolean;
}

/**
 * One day's incidents across the sites, without references yet (they are issued in recording order
 * once a month's incidents are known). Each history is built through the incident history chain.
 */
export const incidentsForDay = (rng: Rng, cast: Cast, o: IncidentDayOptions): IncidentDraft[] => {
  const weights = o.sites.map((s) => [s, s.services.includes('security') ? 3 : 1] as const);
  const out: IncidentDraft[] = [];
  let riddorLeft = o.wantRiddor ? 1 : 0;
  for (let n = 0; n < o.count; n += 1) {
    const site = rng.weighted(weights);
    const category = rng.weighted<Category>([
      ['security', site.services.includes('security') ? 30 : 12],
      ['health-safety', 18],
      ['fire-alarm', 12],
      ['facilities-cleaning', 22],
      ['reception-visitor', 20],
    ]);
    const severity = rng.weighted([
      ['low', 55],
      ['medium', 30],
      ['high', 12],
      ['critical', 3],
    ] as const);
    const occurred = cast.instant(o.date, timeOfMinutes(rng.int(0, 1439)));
    const reported = occurred + rng.int(3, 90) * MINUTE;
    if (reported > o.now) continue;
    const sup = cast.supervisor(site.code);
    const names = cast.namesAt(site.code);
    const riddor =
      category === 'health-safety' && (riddorLeft > 0 || rng.chance(0.03)) && severity !== 'low'
        ? {
            kind: rng.pick(RIDDOR_KINDS.filter((k) => k !== 'death' && k !== 'occupational-disease')),
            reportedOn: null,
            method: '',
            hseReference: '',
          }
        : null;
    if (riddor) riddorLeft -= 1;
    const police = category === 'security' && severity !== 'low' && rng.chance(0.4);
    const ambulance = category === 'health-safety' && (severity === 'high' || severity === 'critical' || riddor !== null);
    out.push({
      id: rng.id(),
      site: site.code,
      location: rng.pick(LOCATIONS),
      occurredAt: iso(occurred),
      reportedAt: iso(reported),
      reportedBy: names.length ? rng.pick(names) : sup.name,
      reportedTo: sup.name,
      category,
      severity,
      details: rng.pick(DETAILS[category]),
      peopleInvolved:
        category === 'security' || category === 'reception-visitor' || category === 'health-safety'
          ? rng.pick(['One member of the public', 'Two visitors', 'A member of staff', 'A contractor', 'Unknown male, approx. 30', ''])
          : '',
      witnesses: rng.chance(0.4) && names.length ? rng.pick(names) : '',
      actionTaken: rng.pick([
        'Area made safe.',
        'Supervisor informed.',
        'First aid given.',
        'Reported to the FM helpdesk.',
        'Logged and monitored.',
      ]),
      onwardReports: [
        ...(police
          ? [{ agency: 'police' as const, reference: `CAD ${rng.int(1000, 9999)} ${o.date.slice(8, 10)}/${o.date.slice(5, 7)}` }]
          : []),
        ...(ambulance ? [{ agency: 'ambulance' as const, reference: `EEAST ${rng.int(100000, 999999)}` }] : []),
      ],
      followUps: rng.chance(0.3)
        ? [
            {
              id: rng.id(),
              action: rng.pick(FOLLOW_UPS),
              owner: rng.chance(0.5) ? sup.name : cast.managerName,
              due: addDays(o.date, rng.int(3, 21)),
              done: false,
            },
          ]
        : [],
      riddor,
      status: 'open',
      outcome: '',
      photos: [],
      createdAt: iso(reported),
      createdBy: sup.id,
      updatedAt: iso(reported),
      updatedBy: sup.id,
      rev: 1,
    });
  }
  return out;
};

/**
 * Gives a recorded incident its reference and its history up to `now`: created by the site's supervisor,
 * then (as time allows) investigated, updated with follow-ups done and any RIDDOR report made, and closed
 * by the manager. The incident's fields are whatever the history replays to.
 */
export const completeIncident = (rng: Rng, cast: Cast, draft: IncidentDraft, ref: string, now: number, today: string): Incident => {
  const reported = Date.parse(draft.reportedAt);
  const target = statusTarget(rng, (now - reported) / DAY);
  let current: Incident = { ...draft, ref, history: [] };
  let history: HistoryEntry[] = appendHistory(
    [],
    { at: draft.createdAt, by: draft.createdBy, kind: 'created', changes: creationChanges(current), note: '' },
    draft.id,
  );
  let at = reported;
  const step = (next: Incident, by: string, kind: HistoryEntry['kind'], note = ''): void => {
    history = appendHistory(history, { at: iso(at), by, kind, changes: diffIncident(current, next), note }, draft.id);
    current = { ...next, updatedAt: iso(at), updatedBy: by, rev: current.rev + 1 };
  };
  if (target === 'open') return { ...current, history };
  at += rng.int(1, 20) * HOUR;
  if (at > now) return { ...current, history };
  step({ ...current, status: 'investigating' }, cast.managerId, 'status');
  at += rng.int(1, 6) * DAY;
  const reportedOn = londonDateOf(iso(at));
  // A RIDDOR report not yet made stays in the manager's queue, due or overdue, as it would in life.
  if (at > now || (riddorDeadline(current) && reportedOn > today)) return { ...current, history };
  if (current.followUps.length || current.riddor) {
    step(
      {
        ...current,
        followUps: current.followUps.map((f) => ({ ...f, done: true })),
        riddor: current.riddor
          ? {
              ...current.riddor,
              reportedOn,
              method: 'Online (HSE F2508)',
              hseReference: `${reportedOn.slice(0, 4)}/${rng.int(100000, 999999)}`,
            }
          : null,
      },
      cast.managerId,
      'updated',
    );
  }
  if (target !== 'closed') return { ...current, history };
  at += rng.int(2, 48) * HOUR;
  if (at > now) return { ...current, history };
  step({ ...current, status: 'closed', outcome: rng.pick(OUTCOMES) }, cast.managerId, 'status');
  return { ...current, history };
};

const PATROL = [
  'External patrol completed; all doors and windows secure.',
  'Internal patrol of all floors; lights off, no issues.',
  'Car park patrol; barrier working, no vehicles of concern.',
  'Perimeter check; rear gate found unlocked and secured.',
];
const ALARM = [
  'Fire panel showed a fault on loop 2; reset and logged for the engineer.',
  'Intruder alarm set at close of business.',
  'Intruder alarm unset on arrival of the cleaning team.',
  'Lift alarm pressed in error; no one trapped.',
];
const KEYS = [
  'Key set 4 issued to the cleaning supervisor.',
  'Key set 4 returned and checked.',
  'Master key signed out to the heating engineer.',
  'Master key returned by the heating engineer.',
];
const VISITOR = [
  'Out-of-hours contractor signed in for the server room.',
  'Councillor arrived for the evening meeting; escorted to the chamber.',
  'Delivery accepted at the service yard and placed in the post room.',
];

/** Security windows of a site on a weekday, as [start, end] minutes (end past 1440 when it runs overnight). */
const securityMinutes = (site: Site, date: string): [number, number][] =>
  (site.cover.security[weekdayOf(date)] ?? []).map((w) => {
    const s = minutesOfDay(w.start);
    const e = minutesOfDay(w.end);
    return [s, e <= s ? e + 1440 : e];
  });

/**
 * A day's occurrence log at a security site: handovers, patrols through the guarded hours, alarms, keys
 * and visitors, with the odd correction pointing at an earlier entry.
 */
export const logForDay = (rng: Rng, cast: Cast, site: Site, date: string, count: number, now: number): LogEntry[] => {
  const windows = securityMinutes(site, date).map(([s, e]) => [s, Math.min(e, 1439)] as const);
  if (!windows.length) return [];
  const sup = cast.supervisor(site.code);
  const names = cast.namesAt(site.code);
  const minutes: number[] = [];
  for (const [s] of windows) minutes.push(s);
  while (minutes.length < count) {
    const [s, e] = rng.pick(windows);
    minutes.push(rng.int(s, e));
  }
  minutes.sort((a, b) => a - b);
  const out: LogEntry[] = [];
  for (const [n, m] of minutes.entries()) {
    const time = timeOfMinutes(m);
    const written = cast.instant(date, time) + rng.int(1, 10) * MINUTE;
    if (written > now) break;
    const officer = names.length ? rng.pick(names) : sup.name;
    const correcting = out.length > 0 && rng.chance(0.01) ? rng.pick(out) : null;
    const kind = correcting
      ? correcting.kind
      : n < windows.length
        ? 'handover'
        : rng.weighted([
            ['patrol', 60],
            ['alarm', 10],
            ['keys', 15],
            ['visitor', 10],
            ['other', 5],
          ] as const);
    const text = correcting
      ? `Correction to the ${correcting.time} entry: the time written was wrong; it was about ${timeOfMinutes(minutesOfDay(correcting.time) + 15)}.`
      : kind === 'handover'
        ? `Handover to ${officer}; keys, radio and log checked.`
        : `${rng.pick(kind === 'patrol' ? PATROL : kind === 'alarm' ? ALARM : kind === 'keys' ? KEYS : kind === 'visitor' ? VISITOR : ['Noise complaint from a neighbour about the generator test.', 'Power cut for 5 minutes; systems restarted.'])} (${officer})`;
    out.push({
      id: rng.id(),
      site: site.code,
      date,
      time,
      kind,
      text,
      corrects: correcting?.id ?? null,
      createdAt: iso(written),
      createdBy: sup.id,
      updatedAt: iso(written),
      updatedBy: sup.id,
      rev: 1,
    });
  }
  return out;
};
