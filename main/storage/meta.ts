import { z } from 'zod';
import { newId } from '../../shared/domain/ids';
import type { DataStore, FileKind } from './dataStore';

/** The version of the data folder's layout and record shapes this build reads and writes. */
export const SCHEMA_VERSION = 1;

export const metaSchema = z.object({
  schemaVersion: z.number().int().min(1),
  installId: z.string().min(6),
  createdAt: z.string(),
});
export type Meta = z.infer<typeof metaSchema>;

const metaKind: FileKind<{ meta: Meta | null }> = {
  schema: z.object({ meta: metaSchema.nullable() }),
  empty: () => ({ meta: null }),
};

/** One step that upgrades a data folder from `to - 1` to `to`. */
export interface Migration {
  to: number;
  describe: string;
  run: (ds: DataStore) => void;
}

/** Upgrades, oldest first; a folder from a newer SiteDesk is refused rather than misread. */
export const MIGRATIONS: Migration[] = [];

/** Reads or creates the folder's meta, taking a backup and running migrations when it is behind. */
export const openMeta = (ds: DataStore, now: () => number, migrations: Migration[] = MIGRATIONS, target = SCHEMA_VERSION): Meta => {
  let meta = ds.read('system/meta', metaKind).meta;
  if (!meta) {
    meta = { schemaVersion: target, installId: newId(), createdAt: new Date(now()).toISOString() };
    ds.write('system/meta', metaKind, { meta });
    return meta;
  }
  if (meta.schemaVersion > target) {
    throw new Error(
      `This data folder was written by a newer SiteDesk (data version ${meta.schemaVersion}; this build reads up to ${target}). Update SiteDesk; nothing was changed.`,
    );
  }
  const pending = migrations.filter((m) => m.to > meta!.schemaVersion && m.to <= target).sort((a, b) => a.to - b.to);
  if (pending.length) ds.backupIfChanged(`before upgrade to data version ${pending.at(-1)!.to}`, true);
  for (const m of pending) {
    m.run(ds);
    meta = { ...meta, schemaVersion: m.to };
    ds.write('system/meta', metaKind, { meta });
  }
  return meta;
};
