import { z } from 'zod';
import type { Shortfall } from '../domain/leave/coverImpact';
import { idSchema, isoDateSchema, timeSchema } from '../schemas/common';
import type { LeaveRequest } from '../schemas/staff';
import { channel } from './define';

/** A shift as a leave decision names it. */
export interface ShiftBrief {
  id: string;
  site: string;
  service: string;
  date: string;
  start: string;
  end: string;
}

/** A leave request with who it is for and what it takes from their balance. */
export interface LeaveRequestView extends LeaveRequest {
  staffId: string;
  name: string;
  employeeNumber: string;
  homeSite: string | null;
  requestedByName: string;
  decidedByName: string | null;
  /** What it takes, counted as the balance counts leave (working days, bank holidays as the contract says); null without leave terms. */
  days: number | null;
  hours: number | null;
  /** Each leave year it touches, with the balance there if it is (or was) approved. */
  years: { start: string; end: string; remainingDays: number; remainingHours: number }[];
  /** Whether approving takes a leave year's balance below zero (approval then needs a reason). */
  overdrawn: boolean;
}

/** What approving a request would do to cover, worked out by the rota engine. */
export interface LeaveImpactView {
  request: LeaveRequestView;
  summary: string;
  opened: ShiftBrief[];
  shortfalls: Shortfall[];
  /** Who could take the opened shifts, those who could take the most first. */
  coverers: { staffId: string; name: string; shiftIds: string[] }[];
}

export interface LeaveDecision {
  request: LeaveRequestView;
  /** The shifts approving took the person off, now open. */
  opened: ShiftBrief[];
  /** What the manager is told, naming the opened shifts. */
  notice: string;
}

const reason = (what: string) =>
  z
    .string({ error: `Say why ${what}` })
    .trim()
    .min(5, `Say why ${what} (at least 5 characters)`)
    .max(500, 'At most 500 characters');
const ref = { staffId: idSchema, requestId: idSchema };

export const leaveChannels = {
  /** Requests the caller may see (managers all, supervisors their sites' people); requested ones unless `all`. */
  'leave:list': channel(
    z.object({ status: z.enum(['requested', 'all']).default('requested'), staffId: idSchema.optional() }).strict(),
    'user',
  )<LeaveRequestView[]>(),
  /** A supervisor (for their sites' people) or a manager records a request; it shows as requested leave until decided. */
  'leave:request': channel(
    z
      .object({
        staffId: idSchema,
        from: isoDateSchema,
        to: isoDateSchema,
        /** Part of each day only (hours), or null for whole days. */
        partDay: z.object({ start: timeSchema, end: timeSchema }).nullable().default(null),
        note: z.string().max(500, 'At most 500 characters').default(''),
      })
      .strict()
      .refine((r) => r.from <= r.to, { message: 'Leave ends on or after the day it starts', path: ['to'] })
      .refine((r) => !r.partDay || r.partDay.start !== r.partDay.end, {
        message: 'Part-day leave needs an end time different from its start',
        path: ['partDay', 'end'],
      }),
    'user',
  )<LeaveRequestView>(),
  /** What approving would do to cover: shifts opened, sites left short, who could cover. Writes nothing. */
  'leave:impact': channel(z.object(ref).strict(), 'manager')<LeaveImpactView>(),
  /** Approves: the leave blocks shifts, clashing shifts are opened. Below zero only with `override`, a reason. */
  'leave:approve': channel(
    z.object({ ...ref, override: reason('the balance may go below zero').nullable().default(null) }).strict(),
    'manager',
  )<LeaveDecision>(),
  'leave:refuse': channel(z.object({ ...ref, reason: reason('it is refused') }).strict(), 'manager')<LeaveRequestView>(),
};
