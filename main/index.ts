/** Electron entry: hands Electron to the start-up in main/desktop.ts. */
import { app, dialog, Menu } from 'electron';
import ElectronStore from 'electron-store';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApp } from './app';
import { runDesktop, unpackedFromAsar } from './desktop';
import { registerIpc } from './ipc/handle';
import { acquireLock } from './storage/lock';
import type { StoreClass } from './storage/storeClass';
import { clockFromEnv } from './clock';
import { createWindow, isAppUrl } from './window';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererFile = path.join(here, '../renderer/index.html');
let now: () => number = Date.now;

void runDesktop({
  app,
  dialog,
  setApplicationMenu: (menu) => Menu.setApplicationMenu(menu),
  env: process.env,
  acquireLock,
  openApp: ({ dataDir, version, clock }) => {
    now = clockFromEnv({ SITEDESK_CLOCK: clock });
    return openApp({
      dataDir,
      StoreClass: ElectronStore as unknown as StoreClass,
      mode: 'electron',
      version,
      now,
      autofillWorker: { url: unpackedFromAsar(new URL('./autofillWorker.js', import.meta.url)) },
    });
  },
  registerIpc: (dispatch, devUrl) => registerIpc(dispatch, (url) => isAppUrl(url, rendererFile, devUrl), now),
  guardNavigation: (devUrl) =>
    app.on('web-contents-created', (_e, contents) =>
      contents.on('will-navigate', (event, url) => !isAppUrl(url, rendererFile, devUrl) && event.preventDefault()),
    ),
  createWindow: ({ devUrl, devTools }) =>
    createWindow({ preloadFile: path.join(here, '../preload/preload.cjs'), rendererFile, devUrl, devTools }),
});
