/** Data folders for the sync journeys (issue 11): written before each browser-mode server starts on them. */
import fs from 'node:fs';
import type { openApp } from '../../main/app';
import { syncConfigKind, type SyncConfig } from '../../main/sync/service';
import type { Account } from '../../shared/schemas/account';
import { DESK_NOW, seedDesk } from '../support/deskWorld';
import { openBrowserFolder } from '../support/browserFolder';
import { tempDataDir } from '../support/server';

/** Fills a data folder and saves its hub settings, so its server syncs from the moment it starts. */
export const prepareSyncFolder = async (
  dir: string,
  fill: (app: ReturnType<typeof openApp>['app']) => Promise<void>,
  config: SyncConfig,
): Promise<void> => {
  const opened = openBrowserFolder(dir, DESK_NOW, '0.0.0-seed');
  await fill(opened.app);
  opened.app.ds.write('system/sync', syncConfigKind, { config });
  await opened.stopSync();
  opened.close();
};

/** The CH supervisor's account as enrolment puts it on a new desk (the seeded desk world's sup.ch). */
export const enrolledSupervisor = async (): Promise<Account> => {
  const tmp = tempDataDir('sitedesk-src-');
  const o = openBrowserFolder(tmp, DESK_NOW, '0');
  try {
    await seedDesk(o.app);
    return o.app.repos.accounts.all().find((a) => a.username === 'sup.ch')!;
  } finally {
    o.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
};
