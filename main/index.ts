/** Electron lifecycle only: one instance, open the data folder, one window, IPC. */
import { app } from 'electron';
import ElectronStore from 'electron-store';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApp, type OpenedApp } from './app';
import { registerIpc } from './ipc/handle';
import type { StoreClass } from './storage/storeClass';
import { clockFromEnv } from './clock';
import { createWindow, isAppUrl } from './window';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererFile = path.join(here, '../renderer/index.html');
let opened: OpenedApp | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.enableSandbox();
  app.on('web-contents-created', (_e, contents) => contents.on('will-navigate', (event, url) => !isAppUrl(url, rendererFile) && event.preventDefault()));
  app.whenReady().then(() => {
    const now = clockFromEnv(process.env);
    opened = openApp({
      dataDir: process.env.SITEDESK_DATA_DIR ?? app.getPath('userData'),
      StoreClass: ElectronStore as unknown as StoreClass,
      mode: 'electron',
      version: app.getVersion(),
      now,
    });
    registerIpc(opened.dispatch, (url) => isAppUrl(url, rendererFile), now);
    const win = createWindow(path.join(here, '../preload/preload.cjs'), rendererFile);
    app.on('second-instance', () => {
      if (win.isMinimized()) win.restore();
      win.focus();
    });
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => opened?.close());
}
