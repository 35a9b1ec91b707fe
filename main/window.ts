import { BrowserWindow, session, shell } from 'electron';
import { APP_HOST, APP_PAGE, APP_SCHEME } from './appProtocol';
import { CSP } from './contentSecurityPolicy';

/**
 * Whether a URL is the app's own renderer page: `sitedesk://app/index.html` (main/appProtocol.ts), or in
 * development (`devUrl`, never set in a packaged build: main/desktop.ts) the dev server.
 */
export const isAppUrl = (url: string, devUrl: string | null = null): boolean => {
  try {
    const u = new URL(url);
    if (devUrl) return u.origin === new URL(devUrl).origin;
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.pathname === '/index.html' && !u.username && !u.password && !u.port;
  } catch {
    return false;
  }
};

export interface WindowOptions {
  preloadFile: string;
  /** The dev server's address in development; null in a packaged build. */
  devUrl: string | null;
  devTools: boolean;
}

/**
 * The one window: isolated, sandboxed, no Node in the page, a CSP on every response, and no way to
 * navigate away or open other windows. Permission requests (camera, notifications…) are all denied.
 */
export const createWindow = ({ preloadFile, devUrl, devTools }: WindowOptions): BrowserWindow => {
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
      // V8 keeps the compiled renderer scripts after their first run (the page comes from a scheme with
      // the code cache privilege: main/appProtocol.ts), so later starts skip compiling them. The default
      // ('code') caches a script only once it has run twice within 72 hours.
      v8CacheOptions: 'bypassHeatCheck',
    },
  });

  win.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, devUrl)) event.preventDefault();
  });
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  // Links never open in the app; only the fixed help address may open in the user's browser.
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (url === 'https://www.hse.gov.uk/riddor/report.htm') void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.once('ready-to-show', () => win.show());

  void win.loadURL(devUrl ?? APP_PAGE);
  return win;
};
