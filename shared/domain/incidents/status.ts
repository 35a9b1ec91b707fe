/**
 * Incident status: open → investigating → closed, or open → closed for a matter settled on the spot.
 * Status only moves forward: a closed incident is never reopened, because its closure may already have
 * been reported or exported; later corrections are recorded as amendments with a reason instead.
 */
import type { Incident } from '../../schemas/incident';
import { INCIDENT_STATUSES } from '../../schemas/values';
import { daysBetween } from '../dates';

export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
export type FollowUp = Incident['followUps'][number];

const NEXT: Record<IncidentStatus, readonly IncidentStatus[]> = {
  open: ['investigating', 'closed'],
  investigating: ['closed'],
  closed: [],
};

/** Whether an incident may move from `from` to `to` (staying put is not a transition). */
export const canTransition = (from: IncidentStatus, to: IncidentStatus): boolean => NEXT[from].includes(to);

export type CheckResult = { ok: true } | { ok: false; message: string };

const OUTCOME_MAX = 5000;

/** Closing needs a written outcome: what was found and what was done about it. */
export const validateClose = (outcome: string): CheckResult => {
  const text = outcome.trim();
  if (!text) return { ok: false, message: 'Write the outcome before closing the incident.' };
  if (text.length > OUTCOME_MAX) return { ok: false, message: `The outcome is at most ${OUTCOME_MAX} characters.` };
  return { ok: true };
};

/** Everything that stops `incident` being closed with `outcome` now; empty when it may close. */
export const closeBlockers = (incident: Pick<Incident, 'status' | 'followUps' | 'riddor'>, outcome: string): string[] => {
  const out: string[] = [];
  if (!canTransition(incident.status, 'closed')) out.push('This incident is already closed.');
  const close = validateClose(outcome);
  if (!close.ok) out.push(close.message);
  const open = incident.followUps.filter((f) => !f.done).length;
  // An open follow-up would vanish from every "still to do" list once the incident is closed.
  if (open) out.push(`${open} follow-up${open === 1 ? ' is' : 's are'} not done yet.`);
  if (incident.riddor && !incident.riddor.reportedOn) out.push('The RIDDOR report has not been recorded as made.');
  return out;
};

/** An amendment to a closed incident must say why it was made. */
export const validateAmendment = (note: string): CheckResult =>
  note.trim() ? { ok: true } : { ok: false, message: 'Say why this closed incident is being amended.' };

export interface OverdueFollowUp {
  followUp: FollowUp;
  daysOverdue: number;
}

/** Follow-ups not done whose due date is before `today` (a London date); due today is not yet overdue. */
export const overdueFollowUps = (incident: Pick<Incident, 'followUps'>, today: string): OverdueFollowUp[] =>
  incident.followUps
    .filter((f) => !f.done && f.due < today)
    .map((followUp) => ({ followUp, daysOverdue: daysBetween(followUp.due, today) }))
    .sort((a, b) => b.daysOverdue - a.daysOverdue);

/** Whether any follow-up of `incident` is overdue on `today`. */
export const hasOverdueFollowUps = (incident: Pick<Incident, 'followUps'>, today: string): boolean =>
  incident.followUps.some((f) => !f.done && f.due < today);
