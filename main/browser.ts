/** Browser mode: the same services and renderer as the desktop app, served on loopback. */
import Conf from 'conf';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApp } from './app';
import { startServer } from './browser-mode/server';
import { acquireLock } from './storage/lock';
import { defaultDataDir } from './storage/defaultDir';
import { clockFromEnv } from './clock';
import type { StoreClass } from './storage/storeClass';

const here = path.dirname(fileURLToPath(import.meta.url));

const main = async () => {
  const dataDir = path.resolve(process.env.SITEDESK_DATA_DIR ?? defaultDataDir());
  const release = acquireLock(dataDir);
  const now = clockFromEnv(process.env);
  const opened = openApp({
    dataDir,
    StoreClass: Conf as unknown as StoreClass,
    mode: 'browser',
    version: process.env.npm_package_version ?? '0.1.0',
    now,
    autofillWorker: { url: new URL('./autofillWorker.js', import.meta.url) },
  });
  const server = await startServer({
    dispatch: opened.dispatch,
    staticDir: path.resolve(here, '../renderer'),
    port: Number(process.env.SITEDESK_PORT ?? 0),
    now,
  });
  const stop = async () => {
    await server.close();
    await opened.stopSync();
    opened.close();
    release();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  console.log(`SiteDesk ready at ${server.url}`);
  console.log(`Data folder: ${dataDir}`);
};

main().catch((error: Error) => {
  console.error(`SiteDesk could not start: ${error.message}`);
  process.exit(1);
});
