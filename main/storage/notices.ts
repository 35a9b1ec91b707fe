import { z } from 'zod';

/** What the user is told after the storage layer recovered from a problem on its own. */
export const noticeSchema = z.object({
  id: z.string(),
  at: z.string(),
  kind: z.enum(['restored', 'unrecoverable', 'journal-replayed', 'migrated']),
  file: z.string(),
  message: z.string(),
  quarantined: z.string().nullable(),
  dismissed: z.boolean(),
});
export type Notice = z.infer<typeof noticeSchema>;
