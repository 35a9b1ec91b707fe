import type { ParsedRequestOf } from '../../../shared/contract';
import type { StaffView } from '../../../shared/contract/staff';
import type { Service } from '../../../shared/schemas/common';
import type { Availability, CONTRACT_TYPES, Staff } from '../../../shared/schemas/staff';

export type StaffForm = ParsedRequestOf<'staff:create'>;

/** A staff form as typed: numbers and dates stay text until the record is built, so half-typed values survive. */
export interface StaffDraft {
  name: string;
  employeeNumber: string;
  services: Service[];
  familiarSites: string[];
  homeSite: string;
  contractType: (typeof CONTRACT_TYPES)[number];
  contractedHours: string;
  payRate: string;
  optOut: boolean;
  optOutSigned: string;
  youngWorker: boolean;
  /** The contract has them work after 22:00, so reg. 6A's 23:00–07:00 applies. */
  youngLateContract: boolean;
  dateOfBirth: string;
  /** Whether leave terms are kept for the person, and those terms as typed. */
  leaveOn: boolean;
  leaveDaysPerWeek: string;
  leaveExtraDays: string;
  leaveCarriedDays: string;
  leaveBankHolidays: boolean;
  leaveStarted: string;
  leaveYearStart: string;
  siaNumber: string;
  siaSector: string;
  siaExpiry: string;
  availability: Availability;
  phone: string;
  notes: string;
}

/** A new person: full-time, 37.5 hours, available any time (nothing stated). */
export const blankDraft = (): StaffDraft => ({
  name: '',
  employeeNumber: '',
  services: [],
  familiarSites: [],
  homeSite: '',
  contractType: 'full-time',
  contractedHours: '37.5',
  payRate: '',
  optOut: false,
  optOutSigned: '',
  youngWorker: false,
  youngLateContract: false,
  dateOfBirth: '',
  leaveOn: false,
  leaveDaysPerWeek: '5',
  leaveExtraDays: '0',
  leaveCarriedDays: '0',
  leaveBankHolidays: true,
  leaveStarted: '',
  leaveYearStart: '',
  siaNumber: '',
  siaSector: '',
  siaExpiry: '',
  availability: {},
  phone: '',
  notes: '',
});

/** The form for an existing person. */
export const draftOf = (p: StaffView): StaffDraft => ({
  name: p.name,
  employeeNumber: p.employeeNumber,
  services: p.services,
  familiarSites: p.familiarSites,
  homeSite: p.homeSite ?? '',
  contractType: p.contractType,
  contractedHours: String(p.contractedHours),
  payRate: p.payRate === null ? '' : String(p.payRate),
  optOut: p.optOut !== null,
  optOutSigned: p.optOut?.signed ?? '',
  youngWorker: p.youngWorker,
  youngLateContract: p.youngLateContract ?? false,
  dateOfBirth: p.dateOfBirth ?? '',
  leaveOn: Boolean(p.leave),
  leaveDaysPerWeek: String(p.leave?.daysPerWeek ?? 5),
  leaveExtraDays: String(p.leave?.extraDays ?? 0),
  leaveCarriedDays: String(p.leave?.carriedDays ?? 0),
  leaveBankHolidays: p.leave?.bankHolidaysCount ?? true,
  leaveStarted: p.leave?.started ?? '',
  leaveYearStart: p.leave?.yearStart ?? '',
  siaNumber: p.sia?.number ?? '',
  siaSector: p.sia?.sector ?? '',
  siaExpiry: p.sia?.expires ?? '',
  availability: p.availability,
  phone: p.phone,
  notes: p.notes,
});

const num = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text.replace(/[£,\s]/g, '')));

/** The record the form stands for; the schema and rules then say what is wrong with it. */
export const formOf = (d: StaffDraft): StaffForm => {
  const hasSia = Boolean(d.siaNumber.trim() || d.siaSector || d.siaExpiry);
  return {
    name: d.name,
    employeeNumber: d.employeeNumber.trim(),
    services: d.services,
    familiarSites: d.familiarSites,
    homeSite: d.homeSite || null,
    contractType: d.contractType,
    contractedHours: num(d.contractedHours),
    payRate: num(d.payRate),
    optOut: d.optOut ? { signed: d.optOutSigned } : null,
    youngWorker: d.youngWorker,
    youngLateContract: d.youngLateContract,
    dateOfBirth: d.dateOfBirth || null,
    leave: d.leaveOn
      ? {
          daysPerWeek: num(d.leaveDaysPerWeek),
          extraDays: num(d.leaveExtraDays),
          carriedDays: num(d.leaveCarriedDays),
          bankHolidaysCount: d.leaveBankHolidays,
          started: d.leaveStarted || null,
          yearStart: d.leaveYearStart.trim() || null,
        }
      : undefined,
    sia: hasSia
      ? { number: d.siaNumber.replace(/[\s-]/g, ''), sector: d.siaSector as NonNullable<Staff['sia']>['sector'], expires: d.siaExpiry }
      : null,
    availability: d.availability,
    phone: d.phone,
    notes: d.notes,
  };
};

/** Full records only: a manager's copies carry pay, and only a manager edits. */
export const fullRecords = (list: readonly StaffView[]): Staff[] => list.filter((s): s is Staff => s.payRate !== null);
