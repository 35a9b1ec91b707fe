/** Electron entry: hands Electron to the start-up in main/desktop.ts. */
import { app, dialog, Menu, protocol } from 'electron';
import ElectronStore from 'electron-store';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApp } from './app';
import { APP_SCHEMES, appProtocolHandler } from './appProtocol';
import { runDesktop, unpackedFromAsar } from './desktop';
import { registerIpc } from './ipc/handle';
import { acquireLock } from './storage/lock';
import type { StoreClass } from './storage/storeClass';
import { clockFromEnv } from './clock';
import { installReplicaGuard, restartOnFault } from './sync/replicaGuard';
import { createWindow, isAppUrl } from './window';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '../renderer');
let now: () => number = Date.now;

void runDesktop({
  app,
  dialog,
  setApplicationMenu: (menu) => Menu.setApplicationMenu(menu),
  env: process.env,
  acquireLock,
  openApp: ({ dataDir, version, clock }) => {
    now = clockFromEnv({ SITEDESK_CLOCK: clock });
    const opened = openApp({
      dataDir,
      StoreClass: ElectronStore as unknown as StoreClass,
      mode: 'electron',
      version,
      now,
      autofillWorker: { url: unpackedFromAsar(new URL('./autofillWorker.js', import.meta.url)) },
    });
    // A fault thrown inside PouchDB restarts sync. Anything else is shown as Electron itself would show it
    // (with a listener installed, Electron no longer does), and the app carries on as it did before.
    installReplicaGuard({
      onFault: restartOnFault(opened.restartSync, opened.stopSync),
      fatal: (error) =>
        dialog.showErrorBox(
          'A JavaScript error occurred in the main process',
          error instanceof Error ? (error.stack ?? error.message) : String(error),
        ),
    });
    return opened;
  },
  registerIpc: (dispatch, devUrl) => registerIpc(dispatch, (url) => isAppUrl(url, devUrl), now),
  registerAppScheme: () => protocol.registerSchemesAsPrivileged(APP_SCHEMES),
  serveApp: () => protocol.handle(APP_SCHEMES[0].scheme, appProtocolHandler(rendererDir)),
  guardNavigation: (devUrl) =>
    app.on('web-contents-created', (_e, contents) =>
      contents.on('will-navigate', (event, url) => !isAppUrl(url, devUrl) && event.preventDefault()),
    ),
  createWindow: ({ devUrl, devTools }) => createWindow({ preloadFile: path.join(here, '../preload/preload.cjs'), devUrl, devTools }),
});
