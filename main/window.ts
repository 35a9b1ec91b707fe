import { BrowserWindow, session, shell } from 'electron';
import path from 'node:path';
import { CSP } from './contentSecurityPolicy';

/**
 * Whether a URL is the app's own renderer page: the built file, or in development (`devUrl`, never set
 * in a packaged build: main/desktop.ts) the dev server.
 */
export const isAppUrl = (url: string, rendererFile: string, devUrl: string | null = null): boolean => {
  try {
    const u = new URL(url);
    if (devUrl) return u.origin === new URL(devUrl).origin;
    if (u.protocol !== 'file:' || u.host !== '') return false;
    // The whole path must be the renderer file: a suffix match would also accept /elsewhere/<same path>.
    // On Windows a file URL's path is /C:/…, and drive letters and folders compare case-insensitively.
    const own = path.normalize(decodeURIComponent(u.pathname).replace(/^\/([A-Za-z]:)/, '$1'));
    const want = path.normalize(rendererFile);
    return process.platform === 'win32' ? own.toLowerCase() === want.toLowerCase() : own === want;
  } catch {
    return false;
  }
};

export interface WindowOptions {
  preloadFile: string;
  rendererFile: string;
  /** The dev server's address in development; null in a packaged build. */
  devUrl: string | null;
  devTools: boolean;
}

/**
 * The one window: isolated, sandboxed, no Node in the page, a CSP on every response, and no way to
 * navigate away or open other windows. Permission requests (camera, notifications…) are all denied.
 */
export const createWindow = ({ preloadFile, rendererFile, devUrl, devTools }: WindowOptions): BrowserWindow => {
  session.defaultSession.setSpellCheckerEnabled(false);
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) =>
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } }),
  );

  const win = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 680,
    title: 'SiteDesk',
    show: false,
    backgroundColor: '#f6f7f9',
    // Written out here, not built elsewhere, so electronegativity reads each setting where it applies.
    webPreferences: {
      preload: preloadFile,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      // Middle-click would open links in a new window; the window-open handler denies them, and this stops them earlier.
      disableBlinkFeatures: 'Auxclick',
      // No spell-checker: Chromium would download its dictionaries from Google, and the app is offline.
      spellcheck: false,
      // DevTools only in development (main/desktop.ts): in a packaged build nobody at the desk can open them.
      devTools,
    },
  });

  win.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, rendererFile, devUrl)) event.preventDefault();
  });
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  // Links never open in the app; only the fixed help address may open in the user's browser.
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (url === 'https://www.hse.gov.uk/riddor/report.htm') void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.once('ready-to-show', () => win.show());

  if (devUrl) void win.loadURL(devUrl);
  else void win.loadFile(rendererFile);
  return win;
};
