import path from 'node:path';

/** The folders inside a SiteDesk data folder. Live records sit under `data/` so a backup is one tree. */
export const layout = (root: string) => ({
  root,
  data: path.join(root, 'data'),
  backups: path.join(root, 'backups'),
  quarantine: path.join(root, 'quarantine'),
  photos: path.join(root, 'photos'),
  journal: path.join(root, 'data', 'journal.json'),
  /** The change log (main/storage/changeLog.ts); outside `data/`, so backups never hold it. */
  changes: path.join(root, 'changes'),
  lock: path.join(root, 'sitedesk.lock'),
});
export type Layout = ReturnType<typeof layout>;

/** A file's path relative to `data/`, always with forward slashes, e.g. `partitions/shifts/2026-11/CH`. */
export type RelPath = string;

/** Refuses any relative path that could step outside its folder. */
export const safeRel = (rel: string): string => {
  const norm = path.posix.normalize(rel.replace(/\\/g, '/'));
  if (norm.startsWith('..') || path.posix.isAbsolute(norm) || norm.includes('\0')) throw new Error(`Unsafe path: ${rel}`);
  return norm;
};
