/**
 * Leave requests: recorded by a supervisor (for their sites' people) or a manager, then approved or
 * refused by a manager who first sees what approving does to cover. A request lives on the person's
 * record beside the annual-leave absence it stands for, so both change in one write.
 */
import type { LeaveDecision, LeaveImpactView, LeaveRequestView, ShiftBrief } from '../../shared/contract/leave';
import { addDays, daysBetween, formatDateGB, formatMinutes, londonToday } from '../../shared/domain/dates';
import { leaveHolidayRange } from '../../shared/domain/leave/balance';
import { leaveCoverImpact } from '../../shared/domain/leave/coverImpact';
import { absenceOfRequest, leaveEffect, overdrawn } from '../../shared/domain/leave/request';
import { SERVICE_LABEL } from '../../shared/domain/serviceLabel';
import { newId } from '../../shared/domain/ids';
import { AppError } from '../../shared/result';
import type { LeaveRequest, Staff } from '../../shared/schemas/staff';
import type { Shift } from '../../shared/schemas/shift';
import { touched } from './records';
import { bankHolidaysBetween, contextFor } from './rota/context';
import { shiftFields } from './rota/write';
import { canSeeStaff, findStaff, refuseClash, workedInLeaveYear } from './staff';
import type { AppCore, Call, Handlers } from './types';

/** Leave longer than this is not annual leave but something to record as another kind of absence. */
const MAX_DAYS = 62;

const brief = (s: Shift): ShiftBrief => ({ id: s.id, site: s.site, service: s.service, date: s.date, start: s.start, end: s.end });

// A minus sign, as formatMinutes writes it, so days and hours below zero read alike.
const days = (n: number) => {
  const r = Number(n.toFixed(2));
  return `${r < 0 ? '−' : ''}${Math.abs(r)} ${Math.abs(r) === 1 ? 'day' : 'days'}`;
};
const hours = (h: number) => formatMinutes(Math.round(h * 60));

const accountName = (app: AppCore, id: string | null): string | null => {
  if (id === null) return null;
  const a = app.repos.accounts.get(id);
  return a ? a.displayName || a.username : 'a former user';
};

/**
 * A request as the caller sees it, with what it takes from each leave year it touches. `workedHours`: hours
 * worked this leave year by irregular-hours workers (reg. 15B), read from attendance when not given.
 */
const viewOf = (
  app: AppCore,
  person: Staff,
  r: LeaveRequest,
  now: number,
  workedHours: ReadonlyMap<string, number> = workedInLeaveYear(app, [person], londonToday(now), now),
): LeaveRequestView => {
  const holidays = bankHolidaysBetween(app, leaveHolidayRange(r.from).from, leaveHolidayRange(r.to).to);
  const worked = person.leave?.irregular ? (workedHours.get(person.id) ?? 0) : undefined;
  const effects = leaveEffect(person, r, holidays, worked, app.repos.settings.get().leave);
  return {
    ...r,
    staffId: person.id,
    name: person.name,
    employeeNumber: person.employeeNumber,
    homeSite: person.homeSite,
    requestedByName: accountName(app, r.requestedBy) ?? '',
    decidedByName: accountName(app, r.decidedBy),
    days: effects.length ? effects.reduce((t, e) => t + e.days, 0) : null,
    hours: effects.length ? effects.reduce((t, e) => t + e.hours, 0) : null,
    years: effects.map((e) => ({
      start: e.year.start,
      end: e.year.end,
      remainingDays: e.after.remainingDays,
      remainingHours: e.after.remainingHours,
    })),
    overdrawn: overdrawn(effects) !== null,
  };
};

const requestOf = (call: Call, staffId: string, requestId: string): { person: Staff; request: LeaveRequest } => {
  const person = findStaff(call, staffId);
  const request = person.leaveRequests?.find((r) => r.id === requestId);
  if (!request) throw new AppError('not_found', 'That leave request is not on file.');
  return { person, request };
};

const stillRequested = (person: Staff, r: LeaveRequest): void => {
  if (r.status !== 'requested')
    throw new AppError('conflict', `${person.name}'s leave from ${formatDateGB(r.from)} is already ${r.status}.`);
};

/** The person with one request replaced, and its absence set to match (or removed when `absence` is false). */
const withRequest = (person: Staff, r: LeaveRequest, absence: boolean): Pick<Staff, 'leaveRequests' | 'absences'> => ({
  leaveRequests: [...(person.leaveRequests ?? []).filter((x) => x.id !== r.id), r],
  absences: [...person.absences.filter((a) => a.id !== r.id), ...(absence ? [absenceOfRequest(r)] : [])].sort((a, b) =>
    a.from.localeCompare(b.from),
  ),
});

/** The cover effect of approving, worked out on the shifts around the leave as stored now. */
const impactOf = (app: AppCore, person: Staff, r: LeaveRequest, now: number) =>
  leaveCoverImpact(contextFor(app, addDays(r.from, -1), r.to), person.id, r, now);

const describeShift = (s: Shift) => `${formatDateGB(s.date)} ${s.start}–${s.end} ${s.site} ${SERVICE_LABEL[s.service]}`;

const overdrawnMessage = (v: LeaveRequestView): string => {
  const y = v.years.find((x) => x.remainingDays < 0 || x.remainingHours < 0) ?? v.years[0];
  return `Approving takes ${v.name}'s leave for ${formatDateGB(y.start)} to ${formatDateGB(y.end)} to ${days(y.remainingDays)} (${hours(y.remainingHours)}), below zero. Refuse it, or approve with a reason for going below zero.`;
};

export const leaveHandlers: Pick<Handlers, 'leave:list' | 'leave:request' | 'leave:impact' | 'leave:approve' | 'leave:refuse'> = {
  'leave:list': (req, call) => {
    const people = req.staffId ? [findStaff(call, req.staffId)] : call.app.repos.staff.all().filter((s) => canSeeStaff(call.user!, s));
    const rows = people.flatMap((p) =>
      (p.leaveRequests ?? []).filter((r) => req.status === 'all' || r.status === 'requested').map((r) => ({ p, r })),
    );
    rows.sort((a, b) =>
      req.status === 'requested'
        ? a.r.from.localeCompare(b.r.from) || a.p.name.localeCompare(b.p.name, 'en-GB')
        : b.r.requestedAt.localeCompare(a.r.requestedAt),
    );
    // Attendance is read once for everyone listed, not once per request.
    const worked = workedInLeaveYear(call.app, [...new Set(rows.map((x) => x.p))], londonToday(call.now), call.now);
    return rows.map(({ p, r }) => viewOf(call.app, p, r, call.now, worked));
  },

  'leave:request': (req, call) => {
    const person = findStaff(call, req.staffId);
    if (person.archived) throw new AppError('conflict', `${person.name} has left; leave cannot be requested for them.`);
    if (daysBetween(req.from, req.to) + 1 > MAX_DAYS)
      throw new AppError('invalid', `A leave request covers at most ${MAX_DAYS} days; record a longer absence as another kind.`, {
        to: `At most ${MAX_DAYS} days from the start`,
      });
    const request: LeaveRequest = {
      id: newId(),
      from: req.from,
      to: req.to,
      partDay: req.partDay,
      note: req.note,
      status: 'requested',
      requestedBy: call.user!.id,
      requestedAt: new Date(call.now).toISOString(),
      decidedBy: null,
      decidedAt: null,
      refusal: null,
      override: null,
      openedShiftIds: [],
    };
    refuseClash(person, absenceOfRequest(request), 'The leave request was not saved');
    const next = touched(call.app.clock, { ...person, ...withRequest(person, request, true) }, call.user!.id, call.now);
    call.app.repos.staff.put(next);
    return viewOf(call.app, next, request, call.now);
  },

  'leave:impact': (req, call): LeaveImpactView => {
    const { person, request } = requestOf(call, req.staffId, req.requestId);
    const impact = impactOf(call.app, person, request, call.now);
    return {
      request: viewOf(call.app, person, request, call.now),
      summary: impact.summary,
      opened: impact.opened.map(brief),
      shortfalls: impact.shortfalls,
      coverers: impact.coverers,
    };
  },

  'leave:approve': (req, call): LeaveDecision => {
    const { app, now } = call;
    const userId = call.user!.id;
    const { person, request } = requestOf(call, req.staffId, req.requestId);
    stillRequested(person, request);
    refuseClash(person, absenceOfRequest(request), 'The leave was not approved');
    const before = viewOf(app, person, request, now);
    if (before.overdrawn && !req.override)
      throw new AppError('blocked', overdrawnMessage(before), { override: 'Give a reason to approve below zero' });
    const at = new Date(now).toISOString();
    const opened = impactOf(app, person, request, now).opened;
    const approved: LeaveRequest = {
      ...request,
      status: 'approved',
      decidedBy: userId,
      decidedAt: at,
      override: before.overdrawn ? req.override : null,
      openedShiftIds: opened.map((s) => s.id),
    };
    const nextPerson = touched(app.clock, { ...person, ...withRequest(person, approved, true) }, userId, now);
    const nextShifts = opened.map((s) => {
      const open = { ...s, staffId: null };
      const history =
        s.status === 'published' ? [...s.history, { at, by: userId, before: shiftFields(s), after: shiftFields(open) }] : s.history;
      return touched(app.clock, { ...open, history }, userId, now);
    });
    const shiftOps = app.repos.shifts.writeOps(nextShifts, opened);
    app.ds.writeMany([app.repos.staff.writeOp([nextPerson]), ...shiftOps]);
    app.repos.shifts.wrote(shiftOps);
    const notice =
      opened.length === 0
        ? `Approved. ${person.name} had no shifts planned then.`
        : `Approved. ${opened.length === 1 ? 'This shift is' : `These ${opened.length} shifts are`} now open and need cover: ${opened.map(describeShift).join('; ')}.`;
    return { request: viewOf(app, nextPerson, approved, now), opened: opened.map(brief), notice };
  },

  'leave:refuse': (req, call) => {
    const { person, request } = requestOf(call, req.staffId, req.requestId);
    stillRequested(person, request);
    const refused: LeaveRequest = {
      ...request,
      status: 'refused',
      decidedBy: call.user!.id,
      decidedAt: new Date(call.now).toISOString(),
      refusal: req.reason,
    };
    const next = touched(call.app.clock, { ...person, ...withRequest(person, refused, false) }, call.user!.id, call.now);
    call.app.repos.staff.put(next);
    return viewOf(call.app, next, refused, call.now);
  },
};
