import { BrowserWindow, session, shell } from 'electron';
import path from 'node:path';
import { CSP } from './contentSecurityPolicy';

/** Whether a URL is the app's own renderer page (the built file, or the dev server in development). */
export const isAppUrl = (url: string, rendererFile: string): boolean => {
  try {
    const u = new URL(url);
    if (process.env.ELECTRON_RENDERER_URL) return u.origin === new URL(process.env.ELECTRON_RENDERER_URL).origin;
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

/**
 * The one window: isolated, sandboxed, no Node in the page, a CSP on every response, and no way to
 * navigate away or open other windows. Permission requests (camera, notifications…) are all denied.
 */
export const createWindow = (preloadFile: string, rendererFile: string): BrowserWindow => {
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
      spellcheck: true,
    },
  });

  win.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, rendererFile)) event.preventDefault();
  });
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  // Links never open in the app; only the fixed help address may open in the user's browser.
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (url === 'https://www.hse.gov.uk/riddor/report.htm') void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.once('ready-to-show', () => win.show());

  if (process.env.ELECTRON_RENDERER_URL) void win.loadURL(process.env.ELECTRON_RENDERER_URL);
  else void win.loadFile(rendererFile);
  return win;
};
