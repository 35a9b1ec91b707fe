import { CSV_MIME } from '../../shared/contract/define';
import type { LicenceWatchItem, StaffView } from '../../shared/contract/staff';
import {
  absenceCalendar,
  licenceWatch,
  parseStaffCsv,
  staffToCsv,
  validateStaff,
  type LicenceWatchEntry,
} from '../../shared/domain/directory';
import { addDays, londonToday, monthOf, monthsBetween } from '../../shared/domain/dates';
import { assignmentsOf } from '../../shared/domain/attendance/assignments';
import { paidFor } from '../../shared/domain/attendance/paid';
import { attendanceStatus } from '../../shared/domain/attendance/status';
import { leaveYearOf } from '../../shared/domain/leave/entitlement';
import { leaveHolidayRange, leaveYearAnchor } from '../../shared/domain/leave/balance';
import { bankHolidayDates } from '../../shared/domain/bankHolidays';
import { leaveBalancesCsv } from '../../shared/domain/leave/payrollCsv';
import { newId } from '../../shared/domain/ids';
import { AppError } from '../../shared/result';
import type { Account } from '../../shared/schemas/account';
import { absenceSchema, type Absence, type Staff, type StaffInput } from '../../shared/schemas/staff';
import { statusRules } from './attendanceData';
import { newMeta, touched } from './records';
import { canSeeSite, invalidFields } from './sites';
import type { AppCore, Call, Handlers } from './types';

/** Whether an account may see a person: managers everyone, supervisors people based at or familiar with their sites. */
export const canSeeStaff = (user: Account, s: Pick<Staff, 'homeSite' | 'familiarSites'>): boolean =>
  user.role === 'manager' ||
  (s.homeSite !== null && user.sites.includes(s.homeSite)) ||
  s.familiarSites.some((c) => user.sites.includes(c));

/** A person as `user` may see them: pay is a manager's business, so it never leaves main for anyone else. */
export const staffView = (user: Account, s: Staff): StaffView => (user.role === 'manager' ? s : { ...s, payRate: null });

const visibleStaff = (app: AppCore, user: Account): Staff[] => app.repos.staff.all().filter((s) => canSeeStaff(user, s));

/** The person with `id` if the caller may see them; otherwise a not-found error that says nothing more. */
export const findStaff = ({ app, user }: Call, id: string): Staff => {
  const s = app.repos.staff.get(id);
  if (!s || !canSeeStaff(user!, s)) throw new AppError('not_found', 'That person is not on file.');
  return s;
};

const ruleOptions = (app: AppCore, now: number) => ({ todayIso: londonToday(now), siteCodes: app.repos.sites.all().map((s) => s.code) });

const checked = (input: StaffInput, { app, now }: Call, selfId?: string, lead = 'The person was not saved'): void => {
  const { errors } = validateStaff(input, app.repos.staff.all(), { ...ruleOptions(app, now), selfId });
  if (Object.keys(errors).length) throw invalidFields(errors, lead);
};

/**
 * Refuses an absence that overlaps another of the person's (two part days may share a day), naming the
 * one already on file; `lead` starts the error message.
 */
export const refuseClash = (person: Staff, absence: Absence, lead: string): void => {
  const clash = person.absences.find(
    (a) => a.id !== absence.id && a.from <= absence.to && absence.from <= a.to && (!a.partDay || !absence.partDay),
  );
  if (clash)
    throw invalidFields(
      {
        from: `${person.name} is already off from ${clash.from} to ${clash.to} (${clash.kind.replace('-', ' ')}${clash.approved ? '' : ', requested'})`,
      },
      lead,
    );
};

/** Absences made from a leave request change only by deciding the request, so the two never disagree. */
const refuseRequestAbsence = (person: Staff, absenceId: string): void => {
  const request = person.leaveRequests?.find((r) => r.id === absenceId);
  if (request)
    throw new AppError(
      'conflict',
      `That absence is ${person.name}'s leave request (${request.status}); it changes only by approving or refusing the request.`,
    );
};

const save = (call: Call, next: Staff): StaffView => {
  call.app.repos.staff.put(next);
  return staffView(call.user!, next);
};

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'en-GB');

const watchItem = (e: LicenceWatchEntry, status: LicenceWatchItem['status']): LicenceWatchItem => ({
  staffId: e.staff.id,
  name: e.staff.name,
  employeeNumber: e.staff.employeeNumber,
  homeSite: e.staff.homeSite,
  status,
  expires: e.expires,
  daysLeft: e.daysLeft,
  shifts: e.shifts.map(({ id, date, site }) => ({ id, date, site })),
});

const importFailure = (result: ReturnType<typeof parseStaffCsv>): AppError | null => {
  if (result.fileErrors.length) return new AppError('invalid', `Nothing was imported: ${result.fileErrors[0]}`);
  const bad = result.rows.filter((r) => r.errors.length > 0);
  if (!bad.length) return null;
  const lines = bad.map((r) => r.line).join(', ');
  return new AppError(
    'invalid',
    `Nothing was imported: ${bad.length === 1 ? `line ${lines} has` : `lines ${lines} have`} errors. Fix them and try again.`,
  );
};

export const staffHandlers: Pick<
  Handlers,
  | 'staff:list'
  | 'staff:get'
  | 'staff:create'
  | 'staff:update'
  | 'staff:archive'
  | 'staff:restore'
  | 'staff:save-absence'
  | 'staff:remove-absence'
  | 'staff:absence-calendar'
  | 'staff:licence-watch'
  | 'staff:import-preview'
  | 'staff:import'
  | 'staff:export'
  | 'staff:leave-csv'
> = {
  'staff:list': (req, { app, user }) =>
    visibleStaff(app, user!)
      .filter((s) => req.includeArchived || !s.archived)
      .sort(byName)
      .map((s) => staffView(user!, s)),

  'staff:get': (req, call) => staffView(call.user!, findStaff(call, req.id)),

  'staff:create': (req, call) => {
    const input: StaffInput = { ...req, absences: [] };
    checked(input, call, undefined, 'The person was not added');
    return save(call, { ...input, archived: false, archivedOn: null, ...newMeta(call.app.clock, call.user!.id, call.now) });
  },

  'staff:update': (req, call) => {
    const { id, rev, ...form } = req;
    const current = findStaff(call, id);
    if (current.rev !== rev)
      throw new AppError('conflict', 'Someone saved this person after you opened them. Reload and make your change again.');
    const input: StaffInput = { ...form, absences: current.absences };
    checked(input, call, id);
    return save(call, touched(call.app.clock, { ...current, ...input }, call.user!.id, call.now));
  },

  'staff:archive': (req, call) => {
    const current = findStaff(call, req.id);
    if (current.archived) throw new AppError('conflict', `${current.name} is already archived.`);
    return save(
      call,
      touched(call.app.clock, { ...current, archived: true, archivedOn: req.on ?? londonToday(call.now) }, call.user!.id, call.now),
    );
  },

  'staff:restore': (req, call) => {
    const current = findStaff(call, req.id);
    if (!current.archived) throw new AppError('conflict', `${current.name} is not archived.`);
    return save(call, touched(call.app.clock, { ...current, archived: false, archivedOn: null }, call.user!.id, call.now));
  },

  'staff:save-absence': (req, call) => {
    const current = findStaff(call, req.staffId);
    const absence = absenceSchema.parse({ ...req.absence, id: req.absence.id ?? newId() });
    refuseRequestAbsence(current, absence.id);
    refuseClash(current, absence, 'The absence was not saved');
    const absences = [...current.absences.filter((a) => a.id !== absence.id), absence].sort((a, b) => a.from.localeCompare(b.from));
    return save(call, touched(call.app.clock, { ...current, absences }, call.user!.id, call.now));
  },

  'staff:remove-absence': (req, call) => {
    const current = findStaff(call, req.staffId);
    if (!current.absences.some((a) => a.id === req.absenceId)) throw new AppError('not_found', 'That absence is not on file.');
    refuseRequestAbsence(current, req.absenceId);
    return save(
      call,
      touched(call.app.clock, { ...current, absences: current.absences.filter((a) => a.id !== req.absenceId) }, call.user!.id, call.now),
    );
  },

  'staff:absence-calendar': (req, { app, user }) => {
    if (!canSeeSite(user!, req.site)) throw new AppError('not_found', `No site with code ${req.site}.`);
    return absenceCalendar(app.repos.staff.all(), req.site, req.month);
  },

  'staff:licence-watch': (_req, { app, user, now }) => {
    const today = londonToday(now);
    const people = visibleStaff(app, user!);
    // Shifts are read from the earliest expiry still worth reporting (a year back at most) onwards.
    const expiries = people.flatMap((s) => (s.sia && s.sia.expires < today ? [s.sia.expires] : []));
    const from = monthOf([today, ...expiries.filter((d) => d >= addDays(today, -365))].sort()[0]);
    const months = [...new Set(app.repos.shifts.keys().map((k) => k.slice(0, 7)))].filter((m) => m >= from);
    const shifts = app.repos.shifts
      .inMonths(months)
      .filter((s) => !s.deleted && s.staffId !== null && s.service === 'security')
      .map((s) => ({ id: s.id, staffId: s.staffId!, date: s.date, site: s.site, service: s.service }));
    const watch = licenceWatch(people, today, shifts);
    return {
      today,
      expired: watch.expired.map((e) => watchItem(e, 'expired')),
      within30: watch.within30.map((e) => watchItem(e, 'expiring-30')),
      within60: watch.within60.map((e) => watchItem(e, 'expiring-60')),
      none: watch.none.map((e) => watchItem(e, 'none')),
    };
  },

  'staff:import-preview': (req, { app, now }) => parseStaffCsv(req.csv, app.repos.staff.all(), ruleOptions(app, now)),

  'staff:import': (req, { app, user, now }) => {
    // The file is read again here: a preview the renderer holds is never trusted as what gets written.
    const result = parseStaffCsv(req.csv, app.repos.staff.all(), ruleOptions(app, now));
    const failure = importFailure(result);
    if (failure) throw failure;
    const records: Staff[] = result.rows.map((r) => ({
      ...r.input!,
      archived: false,
      archivedOn: null,
      ...newMeta(app.clock, user!.id, now),
    }));
    app.repos.staff.putMany(records);
    return { imported: records.length };
  },

  'staff:leave-csv': (_req, { app, now }) => {
    const today = londonToday(now);
    const people = app.repos.staff
      .all()
      .filter((s) => !s.archived)
      .sort(byName);
    const range = leaveHolidayRange(today);
    const holidays = bankHolidayDates(range.from, range.to, app.repos.settings.get().bankHolidayChanges);
    return {
      filename: `sitedesk-leave-${today}.csv`,
      mime: CSV_MIME,
      text: leaveBalancesCsv(people, today, holidays, workedInLeaveYear(app, people, today, now), app.repos.settings.get().leave),
    };
  },

  'staff:export': (req, { app, user, now }) => {
    const people = visibleStaff(app, user!)
      .filter((s) => req.includeArchived || !s.archived)
      .sort(byName);
    return {
      filename: `sitedesk-staff-${londonToday(now)}.csv`,
      mime: CSV_MIME,
      text: staffToCsv(people, { includePay: req.includePay && user!.role === 'manager' }),
    };
  },
};

/**
 * Hours each irregular-hours worker was paid for in their current leave year up to now, from attendance
 * (paid time as the timesheets count it; shifts not yet worked or still running are left out), for reg. 15B accrual.
 */
export const workedInLeaveYear = (app: AppCore, people: readonly Staff[], today: string, now: number): Map<string, number> => {
  const out = new Map<string, number>();
  const irregular = people.filter((p) => p.leave?.irregular);
  if (irregular.length === 0) return out;
  const policy = app.repos.settings.get().leave;
  const starts = new Map(irregular.map((p) => [p.id, leaveYearOf(today, leaveYearAnchor(p.leave!, policy).anchor).start]));
  const from = [...starts.values()].sort()[0];
  const months = monthsBetween(from, today);
  const shifts = app.repos.shifts.inMonths(months).filter((s) => s.date >= from && s.date <= today);
  const records = app.repos.attendance.inMonths(months);
  const rules = statusRules(app);
  for (const a of assignmentsOf(shifts, records)) {
    const start = starts.get(a.staffId);
    if (!start || a.shift.date < start) continue;
    const paid = paidFor(a.shift, a.attendance, now, attendanceStatus(a.shift, a.attendance, now, rules));
    if (paid.basis !== 'actual' && paid.basis !== 'no-sign-out') continue;
    out.set(a.staffId, (out.get(a.staffId) ?? 0) + paid.minutes / 60);
  }
  return out;
};
