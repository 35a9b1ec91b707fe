/** Timesheet rows for payroll: one per person per shift, scheduled against actual. */
import type { Attendance } from '../../schemas/attendance';
import type { Service } from '../../schemas/common';
import type { Site } from '../../schemas/site';
import type { Staff } from '../../schemas/staff';
import { formatClockGB, formatDayShort, isoInstant, londonParts, shiftSpan } from '../dates';
import type { Assignment } from './assignments';
import { paidMinutes } from '../rota/hours';
import { decimal, toCsv } from '../csv';
import { SERVICE_LABEL } from '../serviceLabel';
import { paidFor, type PaidBasis } from './paid';
import { attendanceStatus, type StatusRules } from './status';

export interface TimesheetRow {
  shiftId: string;
  staffId: string;
  employeeNumber: string;
  name: string;
  date: string;
  site: string;
  siteName: string;
  service: Service;
  scheduledStart: string;
  scheduledEnd: string;
  /** `yyyy-mm-dd hh:mm` London time, or '' when not recorded. */
  actualIn: string;
  actualOut: string;
  /** The recorded instants themselves (ISO), or null. */
  signedInAt: string | null;
  signedOutAt: string | null;
  /** Paid minutes as scheduled (span less break). */
  scheduledMinutes: number;
  paidMinutes: number;
  paidBasis: PaidBasis;
  breakMinutes: number;
  lateMinutes: number;
  noShow: boolean;
  /** Each correction in words, as the screen and the payroll CSV show it (`correctionText`). */
  corrections: CorrectionWords[];
  payRate: number;
  cost: number;
}

const local = (iso: string | null): string => {
  if (!iso) return '';
  const p = londonParts(Date.parse(iso));
  return `${p.date} ${p.time}`;
};

/** What a manager or a payroll clerk calls each field a correction can change. */
const CORRECTED_FIELD: Record<string, string> = { signedInAt: 'Sign-in', signedOutAt: 'Sign-out', noShow: 'No-show' };

/**
 * A value before or after a correction, in the pieces a narrow column may wrap between: a time at the sites (`01:30 GMT`
 * in the hour the clocks go back, one piece: `01:30` over `GMT` reads as two things), then its day when it is not the
 * shift's own (a night shift's sign-out after midnight); a no-show mark as Yes or No; none as —.
 */
const valueInWords = (v: unknown, shiftDate: string): string[] => {
  if (v === null || v === undefined || v === '') return ['—'];
  if (typeof v === 'boolean') return [v ? 'Yes' : 'No'];
  const ms = typeof v === 'string' && v.includes('T') ? Date.parse(v) : NaN;
  if (Number.isNaN(ms)) return [String(v)];
  const { date } = londonParts(ms);
  return date === shiftDate ? [formatClockGB(ms)] : [formatClockGB(ms), `on ${formatDayShort(date)}`];
};

/** A correction in words: the screen lays out its parts in a narrow column, the payroll CSV writes them as one line. */
export interface CorrectionWords {
  /** `Sign-in`, `Sign-out` or `No-show`. */
  field: string;
  /** Read joined by spaces, each piece kept whole on screen: `—`, `21:58`, `06:05` `on Thu 26 Nov`, `01:30 BST`, `Yes`. */
  before: string[];
  after: string[];
  reason: string;
}

const correctionInWords = (c: Attendance['corrections'][number], shiftDate: string): CorrectionWords => ({
  field: CORRECTED_FIELD[c.field] ?? c.field,
  before: valueInWords(c.before, shiftDate),
  after: valueInWords(c.after, shiftDate),
  reason: c.reason,
});

/** A correction as one line: `Sign-out — → 06:05 on Thu 26 Nov (Forgot to sign out)`. */
export const correctionText = (c: CorrectionWords): string => `${c.field} ${c.before.join(' ')} → ${c.after.join(' ')} (${c.reason})`;

/** Money rounded to the penny. */
export const pennies = (n: number): number => Math.round(n * 100) / 100;

/** The rows for the given assignments, in date, site, start and name order. */
export const timesheetRows = (
  assignments: readonly Assignment[],
  staff: ReadonlyMap<string, Staff>,
  sites: ReadonlyMap<string, Site>,
  now: number,
  rules: StatusRules,
): TimesheetRow[] =>
  assignments
    .map(({ shift, staffId, attendance }) => {
      const person = staff.get(staffId);
      const status = attendanceStatus(shift, attendance, now, rules);
      const paid = paidFor(shift, attendance, now, status);
      const payRate = person?.payRate ?? 0;
      return {
        shiftId: shift.id,
        staffId,
        employeeNumber: person?.employeeNumber ?? '',
        name: person?.name ?? 'Unknown person',
        date: shift.date,
        site: shift.site,
        siteName: sites.get(shift.site)?.name ?? shift.site,
        service: shift.service,
        scheduledStart: shift.start,
        scheduledEnd: shift.end,
        actualIn: local(attendance?.signedInAt ?? null),
        actualOut: local(attendance?.signedOutAt ?? null),
        signedInAt: attendance?.signedInAt ?? null,
        signedOutAt: attendance?.signedOutAt ?? null,
        scheduledMinutes: paidMinutes(shift),
        paidMinutes: paid.minutes,
        paidBasis: paid.basis,
        breakMinutes: shift.breakMinutes,
        lateMinutes: status.lateMinutes,
        noShow: status.state === 'no-show',
        corrections: (attendance?.corrections ?? []).map((c) => correctionInWords(c, shift.date)),
        payRate,
        cost: pennies((paid.minutes / 60) * payRate),
      };
    })
    .sort(
      (a, b) =>
        a.date.localeCompare(b.date) ||
        a.site.localeCompare(b.site) ||
        a.scheduledStart.localeCompare(b.scheduledStart) ||
        a.name.localeCompare(b.name, 'en-GB'),
    );

/** Hours to two decimals, as payroll imports take them. */
export const hours = (minutes: number): string => (minutes / 60).toFixed(2);

/** Hours to two decimals as a CSV number. */
export const hoursCell = (minutes: number) => decimal(minutes / 60, 2);

export const TIMESHEET_COLUMNS = [
  'Employee number',
  'Name',
  'Date',
  'Site',
  'Service',
  'Scheduled start',
  'Scheduled end',
  'Actual in',
  'Actual out',
  'Paid hours',
  'Break minutes',
  'Late minutes',
  'No-show',
  'Corrections',
  'Pay rate',
  'Cost',
  'Basis',
] as const;

/** The payroll CSV: one row per person per shift; times are London wall-clock with their offset. */
export const timesheetCsv = (rows: readonly TimesheetRow[]): string =>
  toCsv(
    TIMESHEET_COLUMNS,
    rows.map((r) => {
      const span = shiftSpan(r.date, r.scheduledStart, r.scheduledEnd);
      return [
        r.employeeNumber,
        r.name,
        r.date,
        r.site,
        SERVICE_LABEL[r.service],
        isoInstant(span.start),
        isoInstant(span.end),
        r.signedInAt && isoInstant(r.signedInAt),
        r.signedOutAt && isoInstant(r.signedOutAt),
        hoursCell(r.paidMinutes),
        r.breakMinutes,
        r.lateMinutes,
        r.noShow,
        r.corrections.map(correctionText).join('; '),
        decimal(r.payRate),
        decimal(r.cost),
        r.paidBasis,
      ];
    }),
  );
