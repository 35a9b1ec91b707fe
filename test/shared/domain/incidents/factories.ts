import type { Incident } from '../../../../shared/schemas/incident';
import type { LogEntry } from '../../../../shared/schemas/occurrence';
import type { RecordMeta } from '../../../../shared/schemas/common';
import { appendHistory, creationChanges } from '../../../../shared/domain/incidents';

let counter = 0;
/** A fresh valid id, distinct across a test run. */
export const testId = (prefix = 'id'): string => `${prefix}_${String(++counter).padStart(6, '0')}`;

/** Record meta fields, all at `at`. */
export const meta = (at = '2026-03-02T09:00:00.000Z', overrides: Partial<RecordMeta> = {}): RecordMeta => ({
  id: testId('rec'),
  createdAt: at,
  createdBy: 'user_supervisor1',
  updatedAt: at,
  updatedBy: 'user_supervisor1',
  rev: 1,
  ...overrides,
});

/** A valid incident with a single `created` history entry matching its fields. */
// Written out field by field, not built with the product's own defaults: a twin of occurrenceLog's draft on purpose.
export const makeIncident = (overrides: Partial<Incident> = {}): Incident => {
  const base: Incident = {
    ...meta(overrides.createdAt),
    site: 'CH',
    ref: 'CH-2026-0001',
    location: 'Main reception',
    occurredAt: '2026-03-02T09:00:00.000Z',
    reportedAt: '2026-03-02T09:05:00.000Z',
    reportedBy: 'Sam Patel',
    reportedTo: 'Alex Jones',
    category: 'security',
    severity: 'low',
    details: 'Visitor refused to sign in and left.',
    peopleInvolved: '',
    witnesses: '',
    actionTaken: '',
    onwardReports: [],
    followUps: [],
    riddor: null,
    status: 'open',
    outcome: '',
    photos: [],
    history: [],
    ...overrides,
  };
  if (overrides.history) return base;
  const history = appendHistory(
    [],
    { at: base.createdAt, by: base.createdBy, kind: 'created', changes: creationChanges(base), note: '' },
    base.id,
  );
  return { ...base, history };
};

/** A valid occurrence log entry. */
export const makeLogEntry = (overrides: Partial<LogEntry> = {}): LogEntry => ({
  ...meta(overrides.createdAt ?? '2026-03-02T22:00:00.000Z'),
  site: 'CH',
  date: '2026-03-02',
  time: '22:00',
  kind: 'patrol',
  text: 'External patrol, all secure.',
  corrects: null,
  ...overrides,
});
