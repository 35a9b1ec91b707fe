/**
 * Browser mode: the same services and renderer as the desktop app, served on loopback.
 *
 * Start-up order, for a fast first screen: the port is bound and the address printed with only the
 * HTTP server's own code loaded. The app's code (the contract's schemas, the services: most of the
 * bundle) is loaded and the data folder opened straight after, while the browser opens its tab and
 * reads the page; API calls wait for them. Done the other way round, the browser waited for both.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './browser-mode/server';
import { acquireLock } from './storage/lock';
import { defaultDataDir } from './storage/defaultDir';
import { clockFromEnv } from './clock';
import { installReplicaGuard, restartOnFault } from './sync/replicaGuard';

const here = path.dirname(fileURLToPath(import.meta.url));

const main = async () => {
  const dataDir = path.resolve(process.env.SITEDESK_DATA_DIR ?? defaultDataDir());
  const release = acquireLock(dataDir);
  const now = clockFromEnv(process.env);
  let opening: ReturnType<typeof openFolder> | null = null;
  const opened = () => (opening ??= openFolder(dataDir, now));
  const server = await startServer({
    dispatch: async (channel, payload, session) => (await opened()).opened.dispatch(channel, payload, session),
    isChannel: async (name) => (await opened()).isChannel(name),
    staticDir: path.resolve(here, '../renderer'),
    port: Number(process.env.SITEDESK_PORT ?? 0),
    now,
  });
  const stop = async () => {
    await server.close();
    const app = await opened().catch(() => null);
    if (app) {
      await app.opened.stopSync();
      app.opened.close();
    }
    release();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // A fault thrown inside PouchDB restarts sync instead of ending the server; anything else still does.
  installReplicaGuard({
    onFault: restartOnFault(
      async () => (await opened()).opened.restartSync(),
      async () => (await opened()).opened.stopSync(),
    ),
  });
  console.log(`SiteDesk ready at ${server.url}`);
  console.log(`Data folder: ${dataDir}`);
  // A folder that cannot be opened (written by a newer SiteDesk, a save that cannot be completed) stops it.
  opened().catch((error: Error) => {
    console.error(`SiteDesk could not start: ${error.message}`);
    release();
    process.exit(1);
  });
};

/** Lets the event loop turn: requests that arrived meanwhile (the page and its scripts) are answered. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The app's code, loaded on first need (its own chunk), and the data folder opened with it. Each step
 * holds the only thread for tens of milliseconds, and the browser asks for the page and its scripts
 * meanwhile: between steps those requests are answered, so the page is parsed while the folder opens
 * instead of after it (measured at decade scale: the page's scripts waited about 0.3 s).
 */
const openFolder = async (dataDir: string, now: () => number) => {
  const { isChannel } = await import('../shared/contract');
  await breathe();
  const { openApp } = await import('./app');
  await breathe();
  const { default: Conf } = await import('conf');
  await breathe();
  const opened = openApp({
    dataDir,
    StoreClass: Conf as unknown as import('./storage/storeClass').StoreClass,
    mode: 'browser',
    version: process.env.npm_package_version ?? '0.1.0',
    now,
    autofillWorker: { url: new URL('./autofillWorker.js', import.meta.url) },
  });
  return { opened, isChannel };
};

main().catch((error: Error) => {
  console.error(`SiteDesk could not start: ${error.message}`);
  process.exit(1);
});
