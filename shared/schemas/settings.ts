import { z } from 'zod';
import { DEFAULT_RULE_SETTINGS } from '../domain/rota/types';
import { bankHolidayChangesSchema, ruleSettingsSchema } from './ruleSettings';

/**
 * The organisation's leave rules. The leave year: null for the law's default with no agreement, the
 * anniversary of each person's start date (WTR reg. 13(3)(b)); or a month and day everyone's year starts
 * (`04-01`). Carry-over: null for none beyond what a manager sets per person; else unused days of one
 * leave year carried into the next, at most `maxDays`, lapsing if not taken within `expiresAfterMonths`.
 */
export const leavePolicySchema = z.object({
  yearStart: z
    .string()
    .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'Enter the month and day, e.g. 04-01')
    .nullable()
    .default(null),
  carryOver: z
    .object({
      maxDays: z.number({ error: 'Enter the most days carried' }).min(0, 'Cannot be negative').max(60, 'At most 60 days'),
      expiresAfterMonths: z.number().int('Whole months').min(1, 'At least 1 month').max(24, 'At most 24 months').nullable(),
    })
    .nullable()
    .default(null),
});
export type LeavePolicy = z.infer<typeof leavePolicySchema>;
export const DEFAULT_LEAVE_POLICY: LeavePolicy = { yearStart: null, carryOver: null };

const fields = {
  idleLockMinutes: z.number().int().min(1, 'At least 1 minute').max(60, 'At most 60 minutes'),
  lateGraceMinutes: z.number().int().min(0).max(120),
  organisationName: z.string().trim().min(1).max(120),
  /**
   * This install's tag on the incident references it issues for sites it is not the home desk of
   * (see shared/domain/incidents/references.ts). Unset: derived from the install id, so two installs
   * never share one by accident.
   */
  installTag: z
    .string()
    .regex(/^[A-Z][A-Z0-9]{0,5}$/, 'A tag is 1–6 capitals or digits, starting with a letter')
    .optional(),
  /** Sites this install is the home desk for: it alone issues their plain, untagged references. */
  homeDeskSites: z.array(z.string().regex(/^[A-Z]{2,4}$/)).optional(),
  /** The thresholds every rota check uses. */
  rules: ruleSettingsSchema,
  /** Days added to or removed from the England and Wales bank holidays, for cover on those days. */
  bankHolidayChanges: bankHolidayChangesSchema,
  leave: leavePolicySchema,
};

/**
 * Settings as stored. Folders written before the rule thresholds and bank-holiday changes existed read
 * with the UK defaults and no changes, so no migration step is needed and nothing is rewritten until a
 * manager saves.
 */
export const settingsSchema = z.object({
  ...fields,
  /**
   * Incident references issued elsewhere that this install's numbering must carry on from: a desk's
   * enrolment brings the highest its manager knew for each of its sites. Set by enrolment only.
   */
  knownReferences: z.array(z.string().max(40)).max(1000).optional(),
  rules: fields.rules.default(() => ({ ...DEFAULT_RULE_SETTINGS })),
  bankHolidayChanges: fields.bankHolidayChanges.default(() => ({ added: [], removed: [] })),
  leave: fields.leave.default(() => ({ ...DEFAULT_LEAVE_POLICY })),
});
export type Settings = z.infer<typeof settingsSchema>;

/** A change to some settings. Built from the plain fields: a default here would reset what is left out. */
export const settingsUpdateSchema = z.object(fields).partial().strict();

export const DEFAULT_SETTINGS: Settings = {
  idleLockMinutes: 5,
  lateGraceMinutes: 10,
  organisationName: 'Hertfordshire Council Facilities',
  rules: { ...DEFAULT_RULE_SETTINGS },
  bankHolidayChanges: { added: [], removed: [] },
  leave: { yearStart: null, carryOver: null },
};
