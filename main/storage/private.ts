import fs from 'node:fs';

/** New files 0600 and new folders 0700: the umask that takes group and other bits off everything created. */
const OWNER_ONLY_UMASK = 0o077;

/**
 * Keeps a data folder readable by its own user only. A desk PC is shared, and the folder holds pay
 * rates, dates of birth, injury details and password hashes.
 *
 * - POSIX (Linux, macOS): the process umask becomes 077, so every file SiteDesk (and conf, and the
 *   backup, photo and export writers) creates is 0600 and every folder 0700, whatever mode the writer
 *   asked for. A folder an older version left 0755 is closed up at open: its top folders go to 0700,
 *   so nothing inside can be reached by another user even before each file is next rewritten.
 * - Windows: modes mean nothing there. The data folder sits in the user profile (%APPDATA%), whose
 *   ACL grants only that user, SYSTEM and administrators; SiteDesk adds no wider ACL.
 */
export const keepPrivate = (root: string, folders: string[]): void => {
  if (process.platform === 'win32') return;
  process.umask(OWNER_ONLY_UMASK);
  for (const dir of [root, ...folders]) {
    try {
      fs.chmodSync(dir, 0o700);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
};
