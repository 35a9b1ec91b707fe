import { describe, expect, it } from 'vitest';
import { queryWords, searchIncidents, searchKey, toSearchable, type IncidentFilter } from '../../../../shared/domain/incidents';
import type { Incident } from '../../../../shared/schemas/incident';
import { makeIncident } from './factories';

const TODAY = '2026-03-20';
const riddor = (reportedOn: string | null): Incident['riddor'] => ({
  kind: 'specified-injury',
  reportedOn,
  method: '',
  hseReference: 'HSE-778',
});

const incidents = [
  makeIncident({
    ref: 'CH-2026-0001',
    site: 'CH',
    occurredAt: '2026-03-01T10:00:00.000Z',
    category: 'security',
    severity: 'low',
    status: 'open',
    details: 'Shoplifter seen near the café',
    peopleInvolved: 'Zoë Brown',
  }),
  makeIncident({
    ref: 'CH-2026-0002',
    site: 'CH',
    occurredAt: '2026-03-05T10:00:00.000Z',
    category: 'health-safety',
    severity: 'high',
    status: 'investigating',
    details: 'Slip on wet floor',
    riddor: riddor(null),
  }),
  makeIncident({
    ref: 'HA-2026-0001',
    site: 'HA',
    occurredAt: '2026-03-15T10:00:00.000Z',
    category: 'fire-alarm',
    severity: 'medium',
    status: 'closed',
    details: 'False alarm, burnt toast',
    witnesses: 'Priya Shah',
    outcome: 'Reset panel',
  }),
  makeIncident({
    ref: 'HA-2026-0002-M7',
    site: 'HA',
    occurredAt: '2026-03-18T10:00:00.000Z',
    category: 'health-safety',
    severity: 'critical',
    status: 'open',
    details: 'Fall from ladder',
    riddor: riddor('2026-03-19'),
    actionTaken: 'Ambulance called',
    onwardReports: [{ agency: 'ambulance', reference: 'AMB-5521' }],
  }),
  makeIncident({
    ref: 'BR-2026-0001',
    site: 'BR',
    occurredAt: '2026-02-28T23:30:00.000Z',
    category: 'facilities-cleaning',
    severity: 'low',
    status: 'open',
    details: 'Leak in toilets',
    followUps: [{ id: 'fu_000001', action: 'Call plumber', owner: 'Estates team', due: '2026-03-10', done: false }],
  }),
];
const rows = incidents.map(toSearchable);
const refs = (filter: IncidentFilter, today = TODAY) => searchIncidents(rows, filter, today).map((i) => i.ref);

describe('searchKey', () => {
  it('is lowercase and accent-folded', () => {
    const key = searchKey(incidents[0]);
    expect(key).toContain('ch-2026-0001');
    expect(key).toContain('zoe brown');
    expect(key).toContain('cafe');
    expect(key).toBe(key.toLowerCase());
  });

  it('includes onward report references and follow-ups', () => {
    expect(searchKey(incidents[3])).toContain('amb-5521');
    expect(searchKey(incidents[4])).toContain('call plumber');
    expect(searchKey(incidents[4])).toContain('estates team');
  });
});

describe('searchIncidents', () => {
  it('returns everything for an empty filter, in the order given', () => {
    expect(refs({})).toEqual(incidents.map((i) => i.ref));
  });

  it('treats empty lists as "any"', () => {
    expect(refs({ sites: [], categories: [], severities: [], statuses: [], text: '  ' })).toHaveLength(5);
  });

  it('filters by site', () => {
    expect(refs({ sites: ['HA'] })).toEqual(['HA-2026-0001', 'HA-2026-0002-M7']);
    expect(refs({ sites: ['HA', 'BR'] })).toHaveLength(3);
  });

  it('filters by an inclusive London date range', () => {
    expect(refs({ from: '2026-03-05', to: '2026-03-15' })).toEqual(['CH-2026-0002', 'HA-2026-0001']);
  });

  it('uses the London date: 23:30 UTC on 28 Feb is still 28 Feb in winter', () => {
    expect(refs({ to: '2026-02-28' })).toEqual(['BR-2026-0001']);
  });

  it('uses the London date in summer time: 23:30 UTC on 30 June is 1 July', () => {
    const summer = [toSearchable(makeIncident({ ref: 'CH-2026-0100', occurredAt: '2026-06-30T23:30:00.000Z' }))];
    expect(searchIncidents(summer, { from: '2026-07-01', to: '2026-07-01' }, TODAY)).toHaveLength(1);
    expect(searchIncidents(summer, { to: '2026-06-30' }, TODAY)).toHaveLength(0);
  });

  it('includes the whole last day of the range, up to London midnight', () => {
    const late = [toSearchable(makeIncident({ occurredAt: '2026-03-15T23:59:59.999Z' }))];
    expect(searchIncidents(late, { from: '2026-03-15', to: '2026-03-15' }, TODAY)).toHaveLength(1);
    expect(searchIncidents(late, { from: '2026-03-16' }, TODAY)).toHaveLength(0);
  });

  it('filters by category, severity and status together', () => {
    expect(refs({ categories: ['health-safety'] })).toEqual(['CH-2026-0002', 'HA-2026-0002-M7']);
    expect(refs({ categories: ['health-safety'], severities: ['critical'] })).toEqual(['HA-2026-0002-M7']);
    expect(refs({ statuses: ['open'], severities: ['low'] })).toEqual(['CH-2026-0001', 'BR-2026-0001']);
  });

  it('filters by RIDDOR', () => {
    expect(refs({ riddor: 'reportable' })).toEqual(['CH-2026-0002', 'HA-2026-0002-M7']);
    expect(refs({ riddor: 'unreported' })).toEqual(['CH-2026-0002']);
    expect(refs({ riddor: 'not-reportable' })).toHaveLength(3);
    // Due 15 March: not overdue on the 15th, overdue on the 16th.
    expect(refs({ riddor: 'overdue' }, '2026-03-15')).toEqual([]);
    expect(refs({ riddor: 'overdue' }, '2026-03-16')).toEqual(['CH-2026-0002']);
  });

  it('filters by overdue follow-ups', () => {
    expect(refs({ followUpsOverdue: true }, '2026-03-10')).toEqual([]);
    expect(refs({ followUpsOverdue: true }, '2026-03-11')).toEqual(['BR-2026-0001']);
  });

  it('matches free text across reference, details, people, witnesses, actions and outcome', () => {
    expect(refs({ text: 'ha-2026-0002' })).toEqual(['HA-2026-0002-M7']);
    expect(refs({ text: '0001' })).toEqual(['CH-2026-0001', 'HA-2026-0001', 'BR-2026-0001']);
    expect(refs({ text: 'wet floor' })).toEqual(['CH-2026-0002']);
    expect(refs({ text: 'priya' })).toEqual(['HA-2026-0001']);
    expect(refs({ text: 'Ambulance' })).toEqual(['HA-2026-0002-M7']);
    expect(refs({ text: 'reset panel' })).toEqual(['HA-2026-0001']);
    expect(refs({ text: 'hse-778' })).toEqual(['CH-2026-0002', 'HA-2026-0002-M7']);
  });

  it('requires every word, in any order', () => {
    expect(refs({ text: 'toast false' })).toEqual(['HA-2026-0001']);
    expect(refs({ text: 'toast ladder' })).toEqual([]);
  });

  it('matches regardless of case and accents', () => {
    expect(refs({ text: 'ZOË' })).toEqual(['CH-2026-0001']);
    expect(refs({ text: 'zoe' })).toEqual(['CH-2026-0001']);
    expect(refs({ text: 'CAFE' })).toEqual(['CH-2026-0001']);
  });

  it('combines text with filters', () => {
    expect(refs({ text: 'main reception', sites: ['CH'] })).toEqual(['CH-2026-0001', 'CH-2026-0002']);
  });

  it('splits a query into folded words', () => {
    expect(queryWords('  Zoë   BROWN ')).toEqual(['zoe', 'brown']);
  });
});

describe('search at ten years of scale', () => {
  it('prepares and filters 70,000 incidents quickly', () => {
    const sites = ['CH', 'HA', 'BR', 'ST', 'WA'];
    const words = ['door', 'alarm', 'visitor', 'leak', 'patrol', 'fall', 'theft', 'lift', 'window', 'keys'];
    const base = makeIncident({ history: [] });
    const many: Incident[] = [];
    for (let i = 0; i < 70_000; i++) {
      const day = new Date(Date.UTC(2016, 0, 1) + (i % 3650) * 86_400_000).toISOString().slice(0, 10);
      many.push({
        ...base,
        id: `inc_${String(i).padStart(6, '0')}`,
        ref: `${sites[i % 5]}-${day.slice(0, 4)}-${String(i).padStart(5, '0')}`,
        site: sites[i % 5],
        occurredAt: `${day}T10:00:00.000Z`,
        details: `Report ${i}: ${words[i % 10]} near ${words[(i * 7) % 10]} on floor ${i % 4}. `.repeat(4),
        peopleInvolved: `Person ${i % 997}`,
      });
    }
    const prepared = many.map(toSearchable);
    const hits = searchIncidents(prepared, { text: 'patrol person 12', sites: ['WA'], from: '2020-01-01' }, '2026-03-20');
    expect(hits.length).toBeGreaterThan(0);
    const expected = many.filter(
      (m) =>
        m.site === 'WA' &&
        m.occurredAt >= '2020-01-01' &&
        ['patrol', 'person', '12'].every((w) => `${m.ref} ${m.location} ${m.details} ${m.peopleInvolved}`.toLowerCase().includes(w)),
    );
    expect(hits.map((h) => h.id)).toEqual(expected.map((m) => m.id));
    // Speed at this size is measured by `npm run bench`, not here: shared machines make timings noisy.
  });
});
