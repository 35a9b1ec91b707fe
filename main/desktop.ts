/**
 * The desktop app's start-up and shutdown, with Electron passed in, so the order of things and what a
 * packaged build allows can be tested without an Electron binary (test/main/desktop.test.ts).
 */
import type { Dispatch } from './ipc/dispatch';
import type { WindowOptions } from './window';

/** What a packaged build takes from its environment, and what only development may. */
export interface DesktopSettings {
  packaged: boolean;
  /** The dev server to load instead of the built page: development only. */
  devUrl: string | null;
  /** `SITEDESK_CLOCK`, the fixed clock tests and demos use: development only. */
  clock: string | undefined;
  devTools: boolean;
  /** Electron's default menu (with Reload and Toggle DevTools): development only. */
  defaultMenu: boolean;
}

/**
 * Where a file electron-builder unpacked beside app.asar (asarUnpack in electron-builder.yml) really is:
 * a worker thread cannot start from inside the archive, so the auto-scheduler's worker runs from
 * app.asar.unpacked, where it also finds the `highs` solver and its WebAssembly.
 */
export const unpackedFromAsar = (url: URL): URL => new URL(url.href.replace(/\/app\.asar\//, '/app.asar.unpacked/'));

/**
 * A packaged build ignores ELECTRON_RENDERER_URL (which would load another page with the preload's
 * access to every channel) and SITEDESK_CLOCK (which would let whoever starts it back-date records),
 * and has no DevTools and no default menu.
 */
export const desktopSettings = (packaged: boolean, env: NodeJS.ProcessEnv): DesktopSettings => ({
  packaged,
  devUrl: packaged ? null : env.ELECTRON_RENDERER_URL || null,
  clock: packaged ? undefined : env.SITEDESK_CLOCK || undefined,
  devTools: !packaged,
  defaultMenu: !packaged,
});

/** The message shown when SiteDesk cannot start, e.g. a data folder from a newer version. */
export const startFailureText = (error: unknown): string =>
  `${error instanceof Error ? error.message : String(error)}\n\nSiteDesk will now close. Nothing was changed by this attempt; if the message does not say what to do, ask IT support.`;

/** The locale the app runs in, whatever the computer is set to: dates, numbers and the spell-checker are British. */
export const APP_LOCALE = 'en-GB';

interface Win {
  isMinimized(): boolean;
  restore(): void;
  focus(): void;
}

interface Opened {
  dispatch: Dispatch;
  close(): void;
}

export interface DesktopDeps {
  app: {
    isPackaged: boolean;
    commandLine: { appendSwitch(name: string, value?: string): void };
    requestSingleInstanceLock(): boolean;
    enableSandbox(): void;
    on(event: 'second-instance' | 'window-all-closed' | 'will-quit', listener: () => void): void;
    whenReady(): Promise<unknown>;
    getPath(name: 'userData'): string;
    getVersion(): string;
    quit(): void;
    exit(code: number): void;
  };
  dialog: { showErrorBox(title: string, content: string): void };
  setApplicationMenu(menu: null): void;
  env: NodeJS.ProcessEnv;
  /** The data-folder lock file browser mode and the CLIs take too (main/storage/lock.ts). */
  acquireLock(dataDir: string): () => void;
  openApp(opts: { dataDir: string; version: string; clock: string | undefined }): Opened;
  registerIpc(dispatch: Dispatch, devUrl: string | null): void;
  /** Gives the app's page scheme its privileges (main/appProtocol.ts); Electron allows this only before ready. */
  registerAppScheme(): void;
  /** Serves the built renderer on that scheme (after ready, before the window loads it). */
  serveApp(): void;
  guardNavigation(devUrl: string | null): void;
  createWindow(opts: Pick<WindowOptions, 'devUrl' | 'devTools'>): Win;
}

/**
 * Starts the desktop app. Order matters: the locale switch before ready; the single-instance lock,
 * then `second-instance` registered before `whenReady` (a second launch during start-up focuses the
 * window once it exists, instead of being lost); the data-folder lock before the folder is opened.
 * A start-up failure (a newer data version, a journal that cannot be replayed, a folder another
 * SiteDesk or a CLI holds) is shown in a dialog, the lock is released and the app exits, so the next
 * launch is not silently refused by a process with no window.
 */
export const runDesktop = (deps: DesktopDeps): Promise<void> => {
  const { app } = deps;
  const settings = desktopSettings(app.isPackaged, deps.env);
  app.commandLine.appendSwitch('lang', APP_LOCALE);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return Promise.resolve();
  }
  let win: Win | null = null;
  let opened: Opened | null = null;
  let release: (() => void) | null = null;
  const releaseLock = () => {
    release?.();
    release = null;
  };
  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.enableSandbox();
  deps.registerAppScheme();
  deps.guardNavigation(settings.devUrl);
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    try {
      opened?.close();
    } finally {
      releaseLock();
    }
  });
  return app
    .whenReady()
    .then(() => {
      if (!settings.defaultMenu) deps.setApplicationMenu(null);
      const dataDir = deps.env.SITEDESK_DATA_DIR || app.getPath('userData');
      release = deps.acquireLock(dataDir);
      opened = deps.openApp({ dataDir, version: app.getVersion(), clock: settings.clock });
      deps.registerIpc(opened.dispatch, settings.devUrl);
      deps.serveApp();
      win = deps.createWindow({ devUrl: settings.devUrl, devTools: settings.devTools });
    })
    .catch((error: unknown) => {
      deps.dialog.showErrorBox('SiteDesk could not start', startFailureText(error));
      try {
        opened?.close();
      } catch {
        /* the folder could not be closed cleanly; the lock is released all the same */
      }
      opened = null;
      releaseLock();
      app.exit(1);
    });
};
