import Conf from 'conf';
import { openApp } from '../../main/app';
import type { StoreClass } from '../../main/storage/storeClass';

/** Opens a data folder as the browser-mode server does, with no timed backups; its clock at `now` when given. */
export const openBrowserFolder = (dataDir: string, now?: string, version = '0.0.0-test') =>
  openApp({
    dataDir,
    StoreClass: Conf as unknown as StoreClass,
    mode: 'browser',
    version,
    ...(now === undefined ? {} : { now: () => Date.parse(now) }),
    backupEveryMinutes: 0,
  });
