import { describe, expect, it } from 'vitest';
import {
  riddorDays,
  riddorDeadline,
  riddorQueue,
  riddorStatus,
  riddorWithoutDelay,
  type RiddorKind,
} from '../../../../shared/domain/incidents';
import { makeIncident } from './factories';

const reportable = (occurredAt: string, kind: RiddorKind = 'specified-injury', reportedOn: string | null = null, ref = 'CH-2026-0001') =>
  makeIncident({ ref, occurredAt, category: 'health-safety', riddor: { kind, reportedOn, method: '', hseReference: '' } });

describe('riddorDeadline', () => {
  it('is null when the incident is not reportable', () => {
    expect(riddorDeadline(makeIncident())).toBeNull();
  });

  it('gives 10 days for a specified injury, counting the day of the accident as day zero', () => {
    // Monday 2 March 2026 -> Thursday 12 March.
    expect(riddorDeadline(reportable('2026-03-02T10:00:00.000Z'))).toBe('2026-03-12');
  });

  it('gives 15 days for an over-7-day incapacitation', () => {
    expect(riddorDeadline(reportable('2026-03-02T10:00:00.000Z', 'over-7-day-incapacitation'))).toBe('2026-03-17');
  });

  it('gives 10 days for every other kind', () => {
    const others: RiddorKind[] = ['death', 'dangerous-occurrence', 'non-worker-hospital', 'occupational-disease'];
    for (const kind of others) {
      expect(riddorDays(kind)).toBe(10);
      expect(riddorDeadline(reportable('2026-03-02T10:00:00.000Z', kind))).toBe('2026-03-12');
    }
  });

  it('counts weekends: a Friday accident is due on the Monday ten days later, not moved to a working day', () => {
    expect(riddorDeadline(reportable('2026-03-06T10:00:00.000Z'))).toBe('2026-03-16');
  });

  it('can fall on a weekend and stays there', () => {
    // Wednesday 4 March + 10 = Saturday 14 March.
    expect(riddorDeadline(reportable('2026-03-04T10:00:00.000Z'))).toBe('2026-03-14');
  });

  it('crosses a month end', () => {
    expect(riddorDeadline(reportable('2026-01-25T10:00:00.000Z'))).toBe('2026-02-04');
  });

  it('crosses a year end', () => {
    expect(riddorDeadline(reportable('2026-12-25T10:00:00.000Z'))).toBe('2027-01-04');
    expect(riddorDeadline(reportable('2026-12-20T10:00:00.000Z', 'over-7-day-incapacitation'))).toBe('2027-01-04');
  });

  it('counts 29 February in a leap year', () => {
    expect(riddorDeadline(reportable('2028-02-25T10:00:00.000Z'))).toBe('2028-03-06');
    expect(riddorDeadline(reportable('2026-02-25T10:00:00.000Z'))).toBe('2026-03-07');
  });

  it('uses the London date of the incident, not the UTC date', () => {
    // 23:30 UTC on 30 June is 00:30 on 1 July in British Summer Time.
    expect(riddorDeadline(reportable('2026-06-30T23:30:00.000Z'))).toBe('2026-07-11');
    // In winter London is on UTC, so 23:30 on New Year's Eve is still 31 December.
    expect(riddorDeadline(reportable('2026-12-31T23:30:00.000Z'))).toBe('2027-01-10');
  });

  it('counts a clock-change week as whole days', () => {
    // Clocks go forward on Sunday 29 March 2026.
    expect(riddorDeadline(reportable('2026-03-27T12:00:00.000Z', 'over-7-day-incapacitation'))).toBe('2026-04-11');
  });
});

describe('riddorStatus', () => {
  const inc = reportable('2026-03-02T10:00:00.000Z');

  it('is not-reportable without a RIDDOR kind', () => {
    expect(riddorStatus(makeIncident(), '2026-03-03')).toEqual({ state: 'not-reportable', daysLeft: null });
  });

  it('counts the days left', () => {
    const s = riddorStatus(inc, '2026-03-05');
    expect(s.state).toBe('due');
    expect(s.daysLeft).toBe(7);
  });

  it('is still due, with 0 days left, on the deadline itself', () => {
    const s = riddorStatus(inc, '2026-03-12');
    expect(s).toMatchObject({ state: 'due', daysLeft: 0, deadline: '2026-03-12' });
  });

  it('is overdue the day after the deadline', () => {
    expect(riddorStatus(inc, '2026-03-13')).toMatchObject({ state: 'overdue', daysLeft: -1 });
  });

  it('is reported once a report date is recorded, on time or late', () => {
    expect(riddorStatus(reportable('2026-03-02T10:00:00.000Z', 'specified-injury', '2026-03-12'), '2026-04-01')).toMatchObject({
      state: 'reported',
      late: false,
    });
    expect(riddorStatus(reportable('2026-03-02T10:00:00.000Z', 'specified-injury', '2026-03-13'), '2026-04-01')).toMatchObject({
      state: 'reported',
      late: true,
    });
  });

  it('tells the user to notify without delay for a specified injury, death or dangerous occurrence', () => {
    for (const kind of ['specified-injury', 'death', 'dangerous-occurrence'] as const) {
      expect(riddorWithoutDelay(kind)).toBe(true);
      const s = riddorStatus(reportable('2026-03-02T10:00:00.000Z', kind), '2026-03-02');
      expect(s.state === 'due' && s.message).toMatch(/without delay/);
      expect(s.state === 'due' && s.message).toMatch(/Thu 12 Mar 2026/);
    }
  });

  it('does not say "without delay" for an over-7-day injury', () => {
    const s = riddorStatus(reportable('2026-03-02T10:00:00.000Z', 'over-7-day-incapacitation'), '2026-03-10');
    expect(s.state === 'due' && s.message).not.toMatch(/without delay/);
    expect(s.state === 'due' && s.message).toMatch(/7 days left/);
  });

  it('says how late an overdue report is', () => {
    const s = riddorStatus(inc, '2026-03-14');
    expect(s.state === 'overdue' && s.message).toMatch(/2 days ago/);
  });
});

describe('riddorQueue', () => {
  it('lists unreported reportable incidents, overdue first, then soonest due', () => {
    const today = '2026-03-20';
    const notReportable = makeIncident({ ref: 'CH-2026-0001' });
    const reported = reportable('2026-03-01T10:00:00.000Z', 'specified-injury', '2026-03-02', 'CH-2026-0002');
    const dueLater = reportable('2026-03-19T10:00:00.000Z', 'over-7-day-incapacitation', null, 'CH-2026-0003'); // 2026-04-03
    const slightlyOverdue = reportable('2026-03-09T10:00:00.000Z', 'specified-injury', null, 'CH-2026-0004'); // 2026-03-19
    const dueSoon = reportable('2026-03-15T10:00:00.000Z', 'specified-injury', null, 'CH-2026-0005'); // 2026-03-25
    const veryOverdue = reportable('2026-02-01T10:00:00.000Z', 'dangerous-occurrence', null, 'CH-2026-0006'); // 2026-02-11
    const queue = riddorQueue([notReportable, reported, dueLater, slightlyOverdue, dueSoon, veryOverdue], today);
    expect(queue.map((q) => q.incident.ref)).toEqual(['CH-2026-0006', 'CH-2026-0004', 'CH-2026-0005', 'CH-2026-0003']);
    expect(queue.map((q) => q.status.state)).toEqual(['overdue', 'overdue', 'due', 'due']);
  });

  it('breaks ties by reference', () => {
    const a = reportable('2026-03-09T10:00:00.000Z', 'specified-injury', null, 'CH-2026-0010');
    const b = reportable('2026-03-09T11:00:00.000Z', 'specified-injury', null, 'CH-2026-0009');
    expect(riddorQueue([a, b], '2026-03-10').map((q) => q.incident.ref)).toEqual(['CH-2026-0009', 'CH-2026-0010']);
  });
});
