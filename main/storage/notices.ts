import { z } from 'zod';

/** What the user is told after the storage layer recovered from a problem on its own. */
export const noticeSchema = z.object({
  id: z.string(),
  at: z.string(),
  /** `dangling`: after a restore, records point at something the restored file no longer has. */
  kind: z.enum(['restored', 'unrecoverable', 'journal-replayed', 'migrated', 'dangling']),
  file: z.string(),
  message: z.string(),
  quarantined: z.string().nullable(),
  dismissed: z.boolean(),
});
export type Notice = z.infer<typeof noticeSchema>;
