import fs from 'node:fs';
import path from 'node:path';
import { layout } from './paths';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * One writer per data folder outside Electron (which has its own single-instance lock): a lock file
 * holding the pid. A lock left by a process that died is taken over. Returns the release function.
 */
export const acquireLock = (dataDir: string): (() => void) => {
  const file = layout(dataDir).lock;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(fs.readFileSync(file, 'utf8'));
      if (pid && pid !== process.pid && alive(pid))
        throw new Error(`Another SiteDesk (process ${pid}) is using ${dataDir}. Close it first.`, { cause: error });
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not lock ${dataDir}.`);
};
