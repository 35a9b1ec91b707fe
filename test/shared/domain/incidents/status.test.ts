import { describe, expect, it } from 'vitest';
import {
  canTransition,
  closeBlockers,
  hasOverdueFollowUps,
  overdueFollowUps,
  validateAmendment,
  validateClose,
} from '../../../../shared/domain/incidents';
import { INCIDENT_STATUSES, type Incident } from '../../../../shared/schemas/incident';
import { makeIncident } from './factories';

const followUp = (id: string, due: string, done = false): Incident['followUps'][number] => ({
  id,
  action: `Action ${id}`,
  owner: 'Facilities',
  due,
  done,
});

describe('status transitions', () => {
  it('allow open → investigating → closed', () => {
    expect(canTransition('open', 'investigating')).toBe(true);
    expect(canTransition('investigating', 'closed')).toBe(true);
  });

  it('allow closing an open incident directly', () => {
    expect(canTransition('open', 'closed')).toBe(true);
  });

  it('never reopen a closed incident', () => {
    expect(canTransition('closed', 'open')).toBe(false);
    expect(canTransition('closed', 'investigating')).toBe(false);
    expect(INCIDENT_STATUSES.filter((to) => canTransition('closed', to))).toEqual([]);
  });

  it('do not go back from investigating to open', () => {
    expect(canTransition('investigating', 'open')).toBe(false);
  });

  it('staying in the same status is not a transition', () => {
    for (const s of INCIDENT_STATUSES) expect(canTransition(s, s)).toBe(false);
  });
});

describe('validateClose', () => {
  it('needs an outcome', () => {
    expect(validateClose('')).toMatchObject({ ok: false, message: expect.stringMatching(/outcome/) });
  });

  it('does not accept only spaces', () => {
    expect(validateClose('   \n ').ok).toBe(false);
  });

  it('accepts a written outcome', () => {
    expect(validateClose('Visitor escorted off site; no further action.')).toEqual({ ok: true });
  });

  it('refuses an outcome over 5,000 characters', () => {
    expect(validateClose('x'.repeat(5001)).ok).toBe(false);
  });
});

describe('closeBlockers', () => {
  it('is empty for an open incident with an outcome and nothing outstanding', () => {
    expect(closeBlockers(makeIncident(), 'Resolved')).toEqual([]);
  });

  it('lists follow-ups not yet done', () => {
    const inc = makeIncident({
      followUps: [followUp('fu_000001', '2026-03-09'), followUp('fu_000002', '2026-03-09'), followUp('fu_000003', '2026-03-01', true)],
    });
    expect(closeBlockers(inc, 'Resolved')).toEqual(['2 follow-ups are not done yet.']);
  });

  it('lists an unreported RIDDOR report', () => {
    const inc = makeIncident({ riddor: { kind: 'specified-injury', reportedOn: null, method: '', hseReference: '' } });
    expect(closeBlockers(inc, 'Resolved')).toEqual(['The RIDDOR report has not been recorded as made.']);
  });

  it('lists a missing outcome and an already closed incident', () => {
    expect(closeBlockers(makeIncident({ status: 'closed' }), '')).toHaveLength(2);
  });
});

describe('amendments', () => {
  it('an amendment needs a reason', () => {
    expect(validateAmendment(' ').ok).toBe(false);
    expect(validateAmendment('Wrong time recorded').ok).toBe(true);
  });
});

describe('overdueFollowUps', () => {
  const inc = makeIncident({
    followUps: [
      followUp('fu_000001', '2026-03-10'),
      followUp('fu_000002', '2026-03-05'),
      followUp('fu_000003', '2026-03-01', true),
      followUp('fu_000004', '2026-03-09'),
    ],
  });

  it('lists follow-ups not done and past due, most overdue first', () => {
    expect(overdueFollowUps(inc, '2026-03-10').map((o) => [o.followUp.id, o.daysOverdue])).toEqual([
      ['fu_000002', 5],
      ['fu_000004', 1],
    ]);
  });

  it('does not count a follow-up due today', () => {
    expect(overdueFollowUps(inc, '2026-03-10').some((o) => o.followUp.id === 'fu_000001')).toBe(false);
  });

  it('does not count a done follow-up however old', () => {
    expect(overdueFollowUps(inc, '2027-01-01').some((o) => o.followUp.id === 'fu_000003')).toBe(false);
  });

  it('counts across a month end', () => {
    const i = makeIncident({ followUps: [followUp('fu_000001', '2026-02-27')] });
    expect(overdueFollowUps(i, '2026-03-02')[0].daysOverdue).toBe(3);
  });

  it('hasOverdueFollowUps agrees', () => {
    expect(hasOverdueFollowUps(inc, '2026-03-05')).toBe(false);
    expect(hasOverdueFollowUps(inc, '2026-03-06')).toBe(true);
    expect(hasOverdueFollowUps(makeIncident(), '2030-01-01')).toBe(false);
  });
});
