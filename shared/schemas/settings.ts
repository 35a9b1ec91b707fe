import { z } from 'zod';

export const settingsSchema = z.object({
  idleLockMinutes: z.number().int().min(1, 'At least 1 minute').max(60, 'At most 60 minutes'),
  lateGraceMinutes: z.number().int().min(0).max(120),
  organisationName: z.string().trim().min(1).max(120),
  /**
   * This install's tag on the incident references it issues for sites it is not the home desk of
   * (see shared/domain/incidents/references.ts). Unset: derived from the install id, so two installs
   * never share one by accident.
   */
  installTag: z.string().regex(/^[A-Z][A-Z0-9]{0,5}$/, 'A tag is 1–6 capitals or digits, starting with a letter').optional(),
  /** Sites this install is the home desk for: it alone issues their plain, untagged references. */
  homeDeskSites: z.array(z.string().regex(/^[A-Z]{2,4}$/)).optional(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  idleLockMinutes: 5,
  lateGraceMinutes: 10,
  organisationName: 'Hertfordshire Council Facilities',
};
