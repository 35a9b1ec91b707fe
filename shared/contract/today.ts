import { z } from 'zod';
import type { AttendanceState } from '../domain/attendance/status';
import type { Candidate, Gap } from '../domain/rota/types';
import type { Attendance } from '../schemas/attendance';
import { idSchema, instantSchema, siteCodeSchema, type Service } from '../schemas/common';
import type { Incident } from '../schemas/incident';
import type { LogEntry } from '../schemas/occurrence';
import type { Shift } from '../schemas/shift';
import { channel } from './define';

/** One person on one shift as the desk sees it. */
export interface TodayRow {
  shiftId: string;
  staffId: string;
  name: string;
  service: Service;
  date: string;
  start: string;
  end: string;
  state: AttendanceState;
  late: boolean;
  lateMinutes: number;
  attendanceId: string | null;
  signedInAt: string | null;
  signedOutAt: string | null;
  corrections: number;
  /** Who is on the shift now, when it went to cover after this person's no-show. */
  coveredBy: string | null;
}

export interface TodayOpenShift {
  shiftId: string;
  service: Service;
  date: string;
  start: string;
  end: string;
}

export interface TodayService {
  service: Service;
  now: TodayRow[];
  next: TodayRow[];
  earlier: TodayRow[];
  open: TodayOpenShift[];
}

export interface TodayFollowUp {
  incidentId: string;
  ref: string;
  action: string;
  owner: string;
  due: string;
  overdue: boolean;
}

export interface TodayBoard {
  site: { code: string; name: string };
  /** Sites the user may choose between. */
  sites: { code: string; name: string }[];
  today: string;
  now: string;
  graceMinutes: number;
  services: TodayService[];
  /** Cover gaps still to come today, counting no-shows as absent. */
  gaps: Gap[];
  incidents: Pick<Incident, 'id' | 'ref' | 'status' | 'severity' | 'category' | 'location' | 'occurredAt'>[];
  followUps: TodayFollowUp[];
  log: LogEntry[];
}

export interface CoverOptions {
  shiftId: string;
  /** The part of the shift cover would work, from when someone found now could arrive. */
  cover: { date: string; start: string; end: string } | null;
  /** Best first, each with the phone number on their staff record ('' when none). */
  candidates: (Pick<Candidate, 'staffId' | 'name' | 'reasons' | 'warnings' | 'familiar'> & { phone: string })[];
}

const shiftRef = z.object({ shiftId: idSchema }).strict();

export const todayChannels = {
  /** The desk's day at a site (the supervisor's first site when none is given). */
  'today:board': channel(z.object({ site: siteCodeSchema.optional() }).strict(), 'user')<TodayBoard>(),
  'today:sign-in': channel(shiftRef, 'user')<Attendance>(),
  'today:sign-out': channel(shiftRef, 'user')<Attendance>(),
  'today:mark-no-show': channel(shiftRef, 'user')<Attendance>(),
  /** Changes recorded times (on a new record for a shift that has none); the old value, who, when and why are kept in its corrections. */
  'today:correct': channel(
    z
      .object({
        attendanceId: idSchema.optional(),
        /** For a person with no record on the shift yet (their shift ended before anyone signed them in). */
        shiftId: idSchema.optional(),
        signedInAt: instantSchema.nullable().optional(),
        signedOutAt: instantSchema.nullable().optional(),
        noShow: z.boolean().optional(),
        reason: z.string().trim().min(3, 'Say why the record is corrected (at least 3 characters)').max(500),
      })
      .strict()
      .refine(
        (r) => (r.attendanceId === undefined) !== (r.shiftId === undefined),
        'Give either the attendance record or the shift to correct.',
      ),
    'user',
  )<Attendance>(),
  /** People who could cover an open or no-show shift from now, best first. */
  'today:cover-candidates': channel(shiftRef, 'user')<CoverOptions>(),
  'today:assign-cover': channel(z.object({ shiftId: idSchema, staffId: idSchema }).strict(), 'user')<Shift>(),
};
