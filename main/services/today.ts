/** The supervisor's desk: the day at a site, sign-in and sign-out, corrections and cover. */
import type { TodayBoard, TodayRow } from '../../shared/contract/today';
import {
  attendanceKey,
  attendanceStatus,
  COVER_LEAD_MINUTES,
  correctionRefusal,
  coverShiftFor,
  dayBoard,
  scheduledFor,
  signInRefusal,
  type Assignment,
} from '../../shared/domain/attendance';
import { addDays, formatClockDayGB, londonInstant, londonToday, monthsBetween, shiftSpan } from '../../shared/domain/dates';
import { logDayView } from '../../shared/domain/incidents/occurrenceLog';
import { coverGaps, rankCandidates } from '../../shared/domain/rota';
import { AppError } from '../../shared/result';
import type { Account } from '../../shared/schemas/account';
import type { Attendance } from '../../shared/schemas/attendance';
import type { Shift } from '../../shared/schemas/shift';
import type { Staff } from '../../shared/schemas/staff';
import { assignmentsBetween, attendanceBetween, dayBefore, shiftsBetween, statusRules } from './attendanceData';
import { bankHolidaysBetween, contextFor } from './rota/context';
import { newMeta, touched } from './records';
import { canSeeSite } from './sites';
import type { AppCore, Call, Handlers } from './types';
import { stillToCome } from '../clock';

/** Minutes a person called now needs to reach the site; cover starts no sooner. */

const iso = (ms: number) => new Date(ms).toISOString();

const shiftOr404 = (app: AppCore, user: Account, shiftId: string, now: number): Shift => {
  const today = londonToday(now);
  // Desk work is about the shifts around today; older ones are corrected from the manager's screens.
  const shift = app.repos.shifts.inMonths(monthsBetween(addDays(today, -2), addDays(today, 2))).find((s) => s.id === shiftId && !s.deleted);
  if (!shift || !canSeeSite(user, shift.site)) throw new AppError('not_found', 'That shift is not on this desk’s rota.');
  return shift;
};

const recordOf = (app: AppCore, shift: Shift, staffId: string): Attendance | undefined =>
  Object.values(
    app.repos.attendance.partition(app.repos.attendance.partitionOf({ date: shift.date, site: shift.site } as Attendance)),
  ).find((a) => attendanceKey(a.shiftId, a.staffId) === attendanceKey(shift.id, staffId));

/** The shift `record` is against, at the times its person was given (a covered no-show keeps theirs); null once deleted. */
const scheduledShiftOf = (app: AppCore, record: Attendance): Shift | null => {
  // The record keeps the date its person was given; cover may since have moved the shift's start past midnight.
  const shift = app.repos.shifts
    .inMonths(monthsBetween(record.date, addDays(record.date, 1)), [record.site])
    .find((s) => s.id === record.shiftId && !s.deleted);
  if (!shift) return null;
  return shift.staffId === record.staffId ? shift : scheduledFor(shift, record.staffId);
};

const rowOf = (a: Assignment, staff: Map<string, Staff>, status: ReturnType<typeof attendanceStatus>): TodayRow => ({
  shiftId: a.shift.id,
  staffId: a.staffId,
  name: staff.get(a.staffId)?.name ?? 'Unknown person',
  service: a.shift.service,
  date: a.shift.date,
  start: a.shift.start,
  end: a.shift.end,
  state: status.state,
  late: status.late,
  lateMinutes: status.lateMinutes,
  attendanceId: a.attendance?.id ?? null,
  signedInAt: a.attendance?.signedInAt ?? null,
  signedOutAt: a.attendance?.signedOutAt ?? null,
  corrections: a.attendance?.corrections.length ?? 0,
  coveredBy: a.coveredBy ? (staff.get(a.coveredBy)?.name ?? 'someone') : null,
});

const board = (app: AppCore, user: Account, siteCode: string | undefined, now: number): TodayBoard => {
  const visible = app.repos.sites
    .all()
    .filter((s) => !s.archived && canSeeSite(user, s.code))
    .sort((a, b) => a.name.localeCompare(b.name));
  const code = siteCode ?? (user.role === 'supervisor' ? user.sites[0] : visible[0]?.code);
  const site = visible.find((s) => s.code === code);
  if (!site) throw new AppError('not_found', siteCode ? `No site with code ${siteCode} on this desk.` : 'There are no sites to show yet.');
  const today = londonToday(now);
  const rules = statusRules(app);
  const staff = new Map(app.repos.staff.all().map((s) => [s.id, s]));
  // The desk works to the published rota: a manager's draft (which replicates and travels in packs
  // like any shift) is not on until it is published, unless someone has already signed in to it.
  const shifts = shiftsBetween(app, dayBefore(today), addDays(today, 1), [site.code]).filter((s) => s.status === 'published');
  const assignments = assignmentsBetween(app, dayBefore(today), addDays(today, 1), [site.code]).filter(
    (a) => a.shift.status === 'published' || a.attendance,
  );
  const services = dayBoard(site.services, assignments, shifts, today, now, rules).map((b) => ({
    service: b.service,
    now: b.now.map((r) => rowOf(r.assignment, staff, r.status)),
    next: b.next.map((r) => rowOf(r.assignment, staff, r.status)),
    earlier: b.earlier.map((r) => rowOf(r.assignment, staff, r.status)),
    open: b.open.map((s) => ({ shiftId: s.id, service: s.service, date: s.date, start: s.start, end: s.end })),
  }));
  // A no-show leaves the shift uncovered, so gaps treat their shifts as open.
  const noShows = new Set(
    assignments
      .filter((a) => !a.coveredBy && attendanceStatus(a.shift, a.attendance, now, rules).state === 'no-show')
      .map((a) => a.shift.id),
  );
  const asWorked = shifts.map((s) => (noShows.has(s.id) && s.staffId ? { ...s, staffId: null } : s));
  const gaps = site.services
    .flatMap((service) => coverGaps(site, service, asWorked, today, today, bankHolidaysBetween(app, today, today)))
    // By instant, not wall-clock text: in the hour the clocks go back, 01:10 GMT comes after a gap that ended
    // at 01:30 BST though "01:10" < "01:30". A gap's ends are read as shift and window times are (the first
    // occurrence), so reading them back gives the instant the gap ends.
    .filter((g) => londonInstant(g.endDate, g.end) > now);

  const incidents = app.repos.incidents
    .inMonths(monthsBetween(addDays(today, -366), today), [site.code])
    .filter((i) => i.status !== 'closed')
    .sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
  const followUps = incidents
    .flatMap((i) =>
      i.followUps
        .filter((f) => !f.done && f.due <= today)
        .map((f) => ({ incidentId: i.id, ref: i.ref, action: f.action, owner: f.owner, due: f.due, overdue: f.due < today })),
    )
    .sort((a, b) => a.due.localeCompare(b.due));
  const log = logDayView(app.repos.log.inMonths(monthsBetween(today, today), [site.code]).filter((e) => e.date === today)).map(
    (r) => r.entry,
  );
  return {
    site: { code: site.code, name: site.name },
    sites: visible.map((s) => ({ code: s.code, name: s.name })),
    today,
    now: iso(now),
    graceMinutes: rules.graceMinutes,
    services,
    gaps,
    incidents: incidents.map(({ id, ref, status, severity, category, location, occurredAt }) => ({
      id,
      ref,
      status,
      severity,
      category,
      location,
      occurredAt,
    })),
    followUps,
    log,
  };
};

/** A new, empty attendance record for `staffId` on `shift`, not yet written. */
const blankFor = (call: Call, shift: Shift, staffId: string): Attendance => ({
  ...newMeta(call.app.clock, call.user!.id, call.now),
  shiftId: shift.id,
  staffId,
  site: shift.site,
  date: shift.date,
  signedInAt: null,
  signedOutAt: null,
  noShow: false,
  corrections: [],
});

/** The record of the person now on `shift`, or a blank one (`isNew`) when they have none yet. */
const recordFor = (call: Call, shift: Shift): { record: Attendance; isNew: boolean } => {
  if (!shift.staffId) throw new AppError('conflict', 'Nobody is on that shift; find cover first.');
  const existing = recordOf(call.app, shift, shift.staffId);
  return existing ? { record: existing, isNew: false } : { record: blankFor(call, shift, shift.staffId), isNew: true };
};

/** Writes one attendance record, new or changed, for the person now on `shift`. */
const saveFor = (call: Call, shift: Shift, change: (a: Attendance) => Attendance, needsPerson = true): Attendance => {
  const { app, user, now } = call;
  if (needsPerson && !shift.staffId) throw new AppError('conflict', 'Nobody is on that shift; find cover first.');
  const staffId = shift.staffId!;
  const existing = recordOf(app, shift, staffId);
  const base: Attendance = existing ?? blankFor(call, shift, staffId);
  const next = change(base);
  const saved = existing ? touched(app.clock, next, user!.id, now) : next;
  app.repos.attendance.put([saved]);
  return saved;
};

/** The shift to find cover for: open, or its person a no-show. */
const coverable = (call: Call, shift: Shift): Shift | null => {
  if (!shift.staffId) return shift;
  const status = attendanceStatus(shift, recordOf(call.app, shift, shift.staffId), call.now, statusRules(call.app));
  if (status.state !== 'no-show')
    throw new AppError('conflict', 'That shift has someone on it; cover is found for open shifts and no-shows.');
  return shift;
};

const candidatesFor = (call: Call, shift: Shift) => {
  const trial = coverShiftFor({ ...shift, staffId: null }, call.now, COVER_LEAD_MINUTES);
  if (!trial) return { trial, candidates: [] };
  const candidates = rankCandidates(trial, contextFor(call.app, shift.date, shift.date)).filter((c) => c.staffId !== shift.staffId);
  return { trial, candidates };
};

/** Nobody can have failed to come to a shift that has not started; the mark would stand in the timesheet. */
const refuseNoShowBeforeStart = (shift: Shift, now: number): void => {
  if (now < shiftSpan(shift.date, shift.start, shift.end).start)
    throw new AppError('conflict', `This shift is not due until ${shift.start}; mark a no-show once it has started.`);
};

export const todayHandlers: Pick<
  Handlers,
  | 'today:board'
  | 'today:sign-in'
  | 'today:sign-out'
  | 'today:mark-no-show'
  | 'today:correct'
  | 'today:cover-candidates'
  | 'today:assign-cover'
> = {
  'today:board': (req, { app, user, now }) => board(app, user!, req.site, now),

  'today:sign-in': (req, call) => {
    const shift = shiftOr404(call.app, call.user!, req.shiftId, call.now);
    const refused = signInRefusal(shift, call.now);
    if (refused) throw new AppError('conflict', refused);
    return saveFor(call, shift, (a) => {
      if (a.signedInAt) throw new AppError('conflict', 'Already signed in; correct the time instead.');
      return { ...a, signedInAt: iso(call.now), noShow: false };
    });
  },

  'today:sign-out': (req, call) => {
    const shift = shiftOr404(call.app, call.user!, req.shiftId, call.now);
    return saveFor(call, shift, (a) => {
      if (!a.signedInAt) throw new AppError('conflict', 'Not signed in yet.');
      if (a.signedOutAt) throw new AppError('conflict', 'Already signed out; correct the time instead.');
      return { ...a, signedOutAt: iso(call.now) };
    });
  },

  'today:mark-no-show': (req, call) => {
    const shift = shiftOr404(call.app, call.user!, req.shiftId, call.now);
    refuseNoShowBeforeStart(shift, call.now);
    return saveFor(call, shift, (a) => {
      if (a.signedInAt) throw new AppError('conflict', 'This person has signed in; correct the record instead.');
      return { ...a, noShow: true };
    });
  },

  'today:correct': (req, call) => {
    const { app, user, now } = call;
    const byShift = req.shiftId ? shiftOr404(app, user!, req.shiftId, now) : null;
    if (byShift && req.noShow === true) refuseNoShowBeforeStart(byShift, now);
    const found = byShift
      ? recordFor(call, byShift)
      : {
          record: attendanceBetween(app, addDays(londonToday(now), -62), addDays(londonToday(now), 1)).find(
            (a) => a.id === req.attendanceId,
          ),
          isNew: false,
        };
    const record = found.record;
    if (!record || !canSeeSite(user!, record.site)) throw new AppError('not_found', 'No such attendance record on this desk.');
    if (user!.role !== 'manager' && record.date < addDays(londonToday(now), -1))
      throw new AppError('forbidden', 'Only a manager can correct records older than yesterday.');
    const fields = (['signedInAt', 'signedOutAt', 'noShow'] as const).filter((f) => req[f] !== undefined && req[f] !== record[f]);
    if (fields.length === 0) throw new AppError('invalid', 'Nothing to correct: the values are the same as recorded.');
    // A correction records what happened: a time still to come (a slip of the day) would stand as fact in the timesheet.
    for (const f of ['signedInAt', 'signedOutAt'] as const) {
      const at = req[f];
      if (fields.includes(f) && at && stillToCome(Date.parse(at), now)) {
        const when = formatClockDayGB(Date.parse(at));
        throw new AppError('invalid', `${when} has not happened yet; give the time it happened.`, { [f]: `${when} has not happened yet` });
      }
    }
    // Nor can a sign-in the desk could not have made on that shift, or a sign-out long after it (a slip of the day).
    // A record whose shift has since been deleted has no times left to hold it to.
    const shift = byShift ?? scheduledShiftOf(app, record);
    const changed = (f: 'signedInAt' | 'signedOutAt') => (fields.includes(f) ? req[f] : undefined);
    const outside = shift && correctionRefusal(shift, { signedInAt: changed('signedInAt'), signedOutAt: changed('signedOutAt') });
    if (outside) throw new AppError('invalid', outside.message, outside.fields);
    const next = { ...record, corrections: [...record.corrections] };
    for (const f of fields) {
      next.corrections.push({ at: iso(now), by: user!.id, reason: req.reason, field: f, before: record[f], after: req[f] });
      (next as Record<string, unknown>)[f] = req[f];
    }
    if (next.signedOutAt && !next.signedInAt)
      throw new AppError('invalid', 'A sign-out needs a sign-in: give the time they came in, or clear both.', {
        signedInAt: 'Give the time they came in, or clear the sign-out too',
      });
    if (next.signedInAt && next.signedOutAt && next.signedOutAt <= next.signedInAt)
      throw new AppError('invalid', 'Sign-out must be after sign-in.', { signedOutAt: 'Sign-out must be after sign-in' });
    const saved = found.isNew ? next : touched(app.clock, next, user!.id, now);
    app.repos.attendance.put([saved]);
    return saved;
  },

  'today:cover-candidates': (req, call) => {
    const shift = coverable(call, shiftOr404(call.app, call.user!, req.shiftId, call.now))!;
    const { trial, candidates } = candidatesFor(call, shift);
    return {
      shiftId: shift.id,
      cover: trial && { date: trial.date, start: trial.start, end: trial.end },
      // The desk rings people: each comes with the phone number on their staff record.
      candidates: candidates.map(({ staffId, name, reasons, warnings, familiar }) => ({
        staffId,
        name,
        phone: call.app.repos.staff.get(staffId)?.phone ?? '',
        reasons,
        warnings,
        familiar,
      })),
    };
  },

  'today:assign-cover': (req, call) => {
    const { app, user, now } = call;
    const shift = coverable(call, shiftOr404(app, user!, req.shiftId, now))!;
    const { trial, candidates } = candidatesFor(call, shift);
    if (!trial) throw new AppError('conflict', 'Too little of this shift is left to cover.');
    if (!candidates.some((c) => c.staffId === req.staffId))
      throw new AppError('conflict', 'That person can no longer cover this shift; refresh the list.');
    const before = { staffId: shift.staffId, date: shift.date, start: shift.start };
    const after = { staffId: req.staffId, date: trial.date, start: trial.start };
    const who = app.repos.staff.get(req.staffId)?.name ?? req.staffId;
    const note = `Cover by ${who} from ${trial.start}${shift.staffId ? ' (no-show)' : ''}`;
    const next = touched(
      app.clock,
      {
        ...shift,
        staffId: req.staffId,
        date: trial.date,
        start: trial.start,
        notes: shift.notes ? `${shift.notes}\n${note}` : note,
        history: [...shift.history, { at: iso(now), by: user!.id, before, after }],
      },
      user!.id,
      now,
    );
    // The clock made them a no-show; the record makes it last, for the timesheet and any dispute.
    if (shift.staffId) saveFor(call, shift, (a) => ({ ...a, noShow: true }));
    app.repos.shifts.put([next], [shift]);
    return next;
  },
};
