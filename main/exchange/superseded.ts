import { z } from 'zod';
import { SUPERSEDED_REASONS, SYNC_KINDS, type Superseded } from '../../shared/domain/sync/merge';
import type { DataStore, FileKind, WriteOp } from '../storage/dataStore';

/**
 * Versions that lost a merge, kept by key (shared/domain/sync/merge.ts). Sites, staff, attendance and
 * incidents have no place in their own record for a rival version (an incident's history is a hash chain
 * that cannot take another branch), so they are kept here; shifts keep theirs in their change history.
 * Such clashes are rare, so one file is enough.
 */
export const SUPERSEDED_FILE = 'system/superseded';
export const supersededEntrySchema = z.object({
  key: z.string(),
  kind: z.enum(SYNC_KINDS),
  recordId: z.string(),
  keptHlc: z.string(),
  reason: z.enum(SUPERSEDED_REASONS),
  record: z.object({ id: z.string() }).passthrough(),
});
export const supersededKind: FileKind<{ entries: Record<string, Superseded> }> = {
  schema: z.object({ entries: z.record(z.string(), supersededEntrySchema) }) as unknown as z.ZodType<{
    entries: Record<string, Superseded>;
  }>,
  empty: () => ({ entries: {} }),
};

/** Every version kept aside, by key. */
export const readSuperseded = (ds: DataStore): Record<string, Superseded> => ds.read(SUPERSEDED_FILE, supersededKind).entries;

/** The write that adds `entries` to those kept aside. */
export const supersededOp = (ds: DataStore, entries: Superseded[]): WriteOp => {
  const next = { ...readSuperseded(ds) };
  for (const e of entries) next[e.key] = e;
  return { rel: SUPERSEDED_FILE, kind: supersededKind as FileKind<unknown>, value: { entries: next } };
};
