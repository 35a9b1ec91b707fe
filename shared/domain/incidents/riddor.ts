/**
 * RIDDOR 2013 reporting deadlines. The day of the incident is day zero and weekends and bank holidays
 * count, so "within 10 days" of an accident on Monday 2 March is Thursday 12 March. An over-7-day
 * incapacitation (seven days not counting the day of the accident, weekends included) must be reported
 * within 15 days of the accident; everything else has 10 days for the written report, and a death,
 * specified injury, dangerous occurrence or non-worker taken to hospital must also be notified to the
 * HSE without delay, by the quickest practicable means.
 */
import type { Incident } from '../../schemas/incident';
import { RIDDOR_KINDS } from '../../schemas/values';
import { addDays, daysBetween, formatDateGB } from '../dates';
import { compareReferences } from './references';
import { londonDateOf } from './londonDate';
import { counted } from '../counted';

export type RiddorKind = (typeof RIDDOR_KINDS)[number];
type RiddorFields = Pick<Incident, 'occurredAt' | 'riddor'>;

const WITHOUT_DELAY: readonly RiddorKind[] = ['death', 'specified-injury', 'dangerous-occurrence', 'non-worker-hospital'];

// An occupational disease is reported once a doctor's diagnosis is received; the recorder enters the
// diagnosis as the incident's date, so the same 10-day clock runs from it.
/** Days allowed for the written report: 15 for over-7-day incapacitation, 10 for every other kind. */
export const riddorDays = (kind: RiddorKind): number => (kind === 'over-7-day-incapacitation' ? 15 : 10);

/** Whether the kind must also be notified to the HSE at once by the quickest means (phone or online). */
export const riddorWithoutDelay = (kind: RiddorKind): boolean => WITHOUT_DELAY.includes(kind);

/** The last day (London date) the written RIDDOR report may be made, or null when not reportable. */
export const riddorDeadline = (incident: RiddorFields): string | null =>
  incident.riddor ? addDays(londonDateOf(incident.occurredAt), riddorDays(incident.riddor.kind)) : null;

export type RiddorStatus =
  | { state: 'not-reportable'; daysLeft: null }
  | { state: 'reported'; daysLeft: null; deadline: string; reportedOn: string; late: boolean }
  | { state: 'due' | 'overdue'; daysLeft: number; deadline: string; withoutDelay: boolean; message: string };

const dueMessage = (deadline: string, daysLeft: number, withoutDelay: boolean): string => {
  const by =
    daysLeft < 0
      ? `The RIDDOR report was due on ${formatDateGB(deadline)}, ${counted(-daysLeft, 'day')} ago; report it now.`
      : daysLeft === 0
        ? `The RIDDOR report is due today (${formatDateGB(deadline)}).`
        : `The RIDDOR report is due by ${formatDateGB(deadline)} (${counted(daysLeft, 'day')} left).`;
  return withoutDelay ? `Tell the HSE without delay by the quickest means. ${by}` : by;
};

/** Where an incident stands against its RIDDOR deadline on `today` (a London date). */
export const riddorStatus = (incident: RiddorFields, today: string): RiddorStatus => {
  const deadline = riddorDeadline(incident);
  if (!incident.riddor || !deadline) return { state: 'not-reportable', daysLeft: null };
  const { reportedOn, kind } = incident.riddor;
  if (reportedOn) return { state: 'reported', daysLeft: null, deadline, reportedOn, late: reportedOn > deadline };
  const daysLeft = daysBetween(today, deadline);
  const withoutDelay = riddorWithoutDelay(kind);
  return {
    state: daysLeft < 0 ? 'overdue' : 'due',
    daysLeft,
    deadline,
    withoutDelay,
    message: dueMessage(deadline, daysLeft, withoutDelay),
  };
};

export interface RiddorQueueItem<T> {
  incident: T;
  status: Extract<RiddorStatus, { state: 'due' | 'overdue' }>;
}

/** Reportable incidents not yet reported: the most overdue first, then the soonest due. */
export const riddorQueue = <T extends RiddorFields & Pick<Incident, 'ref'>>(
  incidents: readonly T[],
  today: string,
): RiddorQueueItem<T>[] => {
  const out: RiddorQueueItem<T>[] = [];
  for (const incident of incidents) {
    const status = riddorStatus(incident, today);
    if (status.state === 'due' || status.state === 'overdue') out.push({ incident, status });
  }
  return out.sort((a, b) => a.status.daysLeft - b.status.daysLeft || compareReferences(a.incident.ref, b.incident.ref));
};
