import { z } from 'zod';

export const settingsSchema = z.object({
  idleLockMinutes: z.number().int().min(1, 'At least 1 minute').max(60, 'At most 60 minutes'),
  lateGraceMinutes: z.number().int().min(0).max(120),
  organisationName: z.string().trim().min(1).max(120),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  idleLockMinutes: 5,
  lateGraceMinutes: 10,
  organisationName: 'Hertfordshire Council Facilities',
};
