import { newMeta } from '../../main/services/records';
import type { AppCore } from '../../main/services/types';
import type { Attendance } from '../../shared/schemas/attendance';
import type { Incident } from '../../shared/schemas/incident';
import type { LogEntry } from '../../shared/schemas/occurrence';
import type { Shift } from '../../shared/schemas/shift';
import { makeIncident } from '../shared/domain/incidents/factories';

/**
 * Records written straight through the repos, stamped by the app's own clock as its services would,
 * for features whose screens live on other branches (the planner, incidents, attendance).
 */
export const seedShift = (app: AppCore, by: string, over: Partial<Shift> = {}): Shift => {
  const shift: Shift = {
    ...newMeta(app.clock, by, app.now()),
    site: 'CH',
    service: 'security',
    date: '2026-11-30',
    start: '07:00',
    end: '19:00',
    breakMinutes: 30,
    staffId: null,
    notes: '',
    status: 'published',
    override: null,
    history: [],
    deleted: false,
    ...over,
  };
  app.repos.shifts.put([shift]);
  return shift;
};

/** An incident, a log entry and an attendance record at a site, as a desk records them. */
export const seedActivity = (
  app: AppCore,
  by: string,
  site = 'CH',
  date = '2026-11-26',
): { incident: Incident; log: LogEntry; attendance: Attendance } => {
  const incident = makeIncident({
    ...newMeta(app.clock, by, app.now()),
    site,
    ref: `${site}-2026-0001`,
    occurredAt: `${date}T09:00:00.000Z`,
    reportedAt: `${date}T09:05:00.000Z`,
    reportedTo: 'Duty manager',
    severity: 'medium',
    details: 'A visitor refused to sign in and left by the fire exit.',
    actionTaken: 'Logged and CCTV checked.',
  });
  const log: LogEntry = {
    ...newMeta(app.clock, by, app.now()),
    site,
    date,
    time: '22:00',
    kind: 'patrol',
    text: 'External patrol, all secure.',
    corrects: null,
  };
  const attendance: Attendance = {
    ...newMeta(app.clock, by, app.now()),
    shiftId: 'shift0000000001',
    staffId: 'staff000000001',
    site,
    date,
    signedInAt: `${date}T07:02:00.000Z`,
    signedOutAt: null,
    noShow: false,
    corrections: [],
  };
  app.repos.incidents.put([incident]);
  app.repos.log.put([log]);
  app.repos.attendance.put([attendance]);
  return { incident, log, attendance };
};
