import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { desktopSettings, runDesktop, unpackedFromAsar, type DesktopDeps } from '../../main/desktop';
import { acquireLock } from '../../main/storage/lock';
import { tempDataDir } from '../support/server';

// Electron's window and session, recording what main/window.ts asks of them.
const made: { options: { webPreferences: Record<string, unknown> }; loaded: string }[] = [];
const sessionCalls: string[] = [];
vi.mock('electron', () => {
  class BrowserWindow {
    webContents = { on: () => undefined, setWindowOpenHandler: () => undefined };
    constructor(readonly options: { webPreferences: Record<string, unknown> }) {
      made.push({ options, loaded: '' });
    }
    once() {}
    loadURL(url: string) {
      made.at(-1)!.loaded = url;
      return Promise.resolve();
    }
    loadFile(file: string) {
      made.at(-1)!.loaded = file;
      return Promise.resolve();
    }
  }
  const record =
    (name: string) =>
    (...args: unknown[]) =>
      void sessionCalls.push(
        `${name}(${args
          .filter((a) => typeof a !== 'function')
          .map(String)
          .join(',')})`,
      );
  const defaultSession = {
    setSpellCheckerEnabled: record('setSpellCheckerEnabled'),
    setPermissionRequestHandler: record('setPermissionRequestHandler'),
    setPermissionCheckHandler: record('setPermissionCheckHandler'),
    webRequest: { onHeadersReceived: record('onHeadersReceived') },
  };
  const e = { BrowserWindow, session: { defaultSession }, shell: {} };
  return { default: e, ...e };
});
const { createWindow } = await import('../../main/window');
const { APP_SCHEMES } = await import('../../main/appProtocol');

/** A stand-in for Electron's app that records what happened, in order. */
const fakeElectron = (
  opts: { packaged?: boolean; env?: NodeJS.ProcessEnv; openFails?: Error; dataDir?: string; singleInstance?: boolean } = {},
) => {
  const log: string[] = [];
  const listeners: Record<string, () => void> = {};
  let ready!: () => void;
  const readyPromise = new Promise<void>((r) => (ready = r));
  const dataDir = opts.dataDir ?? tempDataDir();
  const win = { isMinimized: () => true, restore: () => log.push('restore'), focus: () => log.push('focus') };
  const deps: DesktopDeps = {
    app: {
      isPackaged: opts.packaged ?? true,
      commandLine: { appendSwitch: (name, value) => log.push(`switch ${name}=${value}`) },
      requestSingleInstanceLock: () => opts.singleInstance ?? true,
      enableSandbox: () => log.push('sandbox'),
      on: (event, listener) => {
        log.push(`on ${event}`);
        listeners[event] = listener;
      },
      whenReady: () => {
        log.push('whenReady');
        return readyPromise;
      },
      getPath: () => dataDir,
      getVersion: () => '0.1.0',
      quit: () => log.push('quit'),
      exit: (code) => log.push(`exit ${code}`),
    },
    dialog: { showErrorBox: (title, content) => log.push(`dialog ${title}: ${content}`) },
    setApplicationMenu: (menu) => log.push(`menu ${String(menu)}`),
    env: opts.env ?? {},
    acquireLock: (dir) => {
      const release = acquireLock(dir);
      log.push('lock');
      return () => {
        release();
        log.push('unlock');
      };
    },
    openApp: ({ clock }) => {
      log.push(`open clock=${String(clock)}`);
      if (opts.openFails) throw opts.openFails;
      return { dispatch: (() => undefined) as never, close: () => log.push('close') };
    },
    registerIpc: (_d, devUrl) => log.push(`ipc dev=${String(devUrl)}`),
    registerAppScheme: () => log.push('app scheme'),
    serveApp: () => log.push('serve app'),
    guardNavigation: (devUrl) => log.push(`guard dev=${String(devUrl)}`),
    createWindow: ({ devUrl, devTools }) => {
      log.push(`window dev=${String(devUrl)} devTools=${devTools}`);
      return win;
    },
  };
  return { deps, log, listeners, ready, dataDir, lockFile: path.join(dataDir, 'sitedesk.lock') };
};

describe('the desktop app in production (issue 12, hole 8)', () => {
  it('a start-up failure shows the message in a dialog, releases the data-folder lock and exits', async () => {
    const f = fakeElectron({ openFails: new Error('This data folder was written by a newer SiteDesk (data version 9).') });
    const done = runDesktop(f.deps);
    f.ready();
    await done;
    expect(f.log.filter((l) => l.startsWith('dialog'))).toEqual([
      expect.stringMatching(/^dialog SiteDesk could not start: This data folder was written by a newer SiteDesk \(data version 9\)\./),
    ]);
    expect(f.log.slice(-2)).toEqual(['unlock', 'exit 1']);
    expect(fs.existsSync(f.lockFile)).toBe(false);
    // So the next launch can take the folder.
    acquireLock(f.dataDir)();
  });

  it('a packaged build ignores ELECTRON_RENDERER_URL and SITEDESK_CLOCK, and has no DevTools and no default menu', async () => {
    const env = { ELECTRON_RENDERER_URL: 'http://evil.example:5173', SITEDESK_CLOCK: '2020-01-01T00:00:00Z' };
    expect(desktopSettings(true, env)).toEqual({ packaged: true, devUrl: null, clock: undefined, devTools: false, defaultMenu: false });
    expect(desktopSettings(false, env)).toMatchObject({
      devUrl: 'http://evil.example:5173',
      clock: '2020-01-01T00:00:00Z',
      devTools: true,
      defaultMenu: true,
    });
    const f = fakeElectron({ packaged: true, env });
    const done = runDesktop(f.deps);
    f.ready();
    await done;
    expect(f.log).toContain('menu null');
    expect(f.log).toContain('open clock=undefined');
    expect(f.log).toContain('guard dev=null');
    expect(f.log).toContain('ipc dev=null');
    expect(f.log).toContain('window dev=null devTools=false');
    // The real window factory, given what a packaged build passes it.
    createWindow({ preloadFile: '/app/preload.cjs', devUrl: null, devTools: false });
    expect(made.at(-1)!.options.webPreferences).toMatchObject({
      devTools: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      spellcheck: false,
    });
    expect(made.at(-1)!.loaded).toBe('sitedesk://app/index.html');
    // No dictionary download: the spell-checker is off for the whole session.
    expect(sessionCalls).toContain('setSpellCheckerEnabled(false)');
    f.listeners['will-quit']();
  });

  it('sets the locale to en-GB before ready and registers second-instance before whenReady', async () => {
    const f = fakeElectron();
    const done = runDesktop(f.deps);
    const at = (entry: string) => f.log.indexOf(entry);
    expect(at('switch lang=en-GB')).toBeGreaterThanOrEqual(0);
    expect(at('switch lang=en-GB')).toBeLessThan(at('whenReady'));
    expect(at('on second-instance')).toBeGreaterThanOrEqual(0);
    expect(at('on second-instance')).toBeLessThan(at('whenReady'));
    // A second launch before the window exists is harmless; once it exists, the window comes forward.
    f.listeners['second-instance']();
    f.ready();
    await done;
    f.listeners['second-instance']();
    expect(f.log.slice(-2)).toEqual(['restore', 'focus']);
    f.listeners['will-quit']();
    expect(f.log.slice(-2)).toEqual(['close', 'unlock']);
  });

  it('takes the same data-folder lock file as browser mode and the CLIs: neither can open a folder the other holds', async () => {
    const dataDir = tempDataDir();
    // A CLI (same lock, another process) holds the folder: the desktop app says so and exits.
    const cliPid = process.pid === 1 ? 2 : 1; // a live process that is not this one
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'sitedesk.lock'), String(cliPid));
    const f = fakeElectron({ dataDir });
    const done = runDesktop(f.deps);
    f.ready();
    await done;
    expect(f.log.some((l) => l.startsWith('dialog SiteDesk could not start: Another SiteDesk'))).toBe(true);
    expect(f.log).not.toContain(`open clock=undefined`);
    expect(f.log.at(-1)).toBe('exit 1');
    fs.rmSync(path.join(dataDir, 'sitedesk.lock'));

    // The desktop app holds it: the lock browser mode and the CLIs take is refused until it quits.
    const g = fakeElectron({ dataDir });
    const running = runDesktop(g.deps);
    g.ready();
    await running;
    expect(fs.readFileSync(path.join(dataDir, 'sitedesk.lock'), 'utf8')).toBe(String(process.pid));
    g.listeners['will-quit']();
    expect(fs.existsSync(path.join(dataDir, 'sitedesk.lock'))).toBe(false);
  });

  it('a second launch quits at once without touching the folder', async () => {
    const f = fakeElectron({ singleInstance: false });
    await runDesktop(f.deps);
    expect(f.log).toEqual(['switch lang=en-GB', 'quit']);
  });

  it('sets up V8’s code cache: the page comes from a standard, secure scheme with the codeCache privilege, registered before ready and served before the window loads it', async () => {
    // Measured nowhere here (no Electron binary on this machine); what is checked is the configuration Electron documents.
    const f = fakeElectron();
    const done = runDesktop(f.deps);
    f.ready();
    await done;
    const at = (entry: string) => f.log.indexOf(entry);
    expect(at('app scheme')).toBeGreaterThanOrEqual(0);
    expect(at('app scheme')).toBeLessThan(at('whenReady'));
    expect(at('serve app')).toBeGreaterThan(at('whenReady'));
    expect(at('serve app')).toBeLessThan(f.log.findIndex((l) => l.startsWith('window ')));
    expect(APP_SCHEMES).toEqual([{ scheme: 'sitedesk', privileges: { standard: true, secure: true, codeCache: true } }]);
    createWindow({ preloadFile: '/app/preload.cjs', devUrl: null, devTools: false });
    // Cached after the first run, not only once a script has run twice within 72 hours (Electron's default, 'code').
    expect(made.at(-1)!.options.webPreferences.v8CacheOptions).toBe('bypassHeatCheck');
    expect(made.at(-1)!.loaded).toBe('sitedesk://app/index.html');
    f.listeners['will-quit']();
  });
});

describe('the auto-scheduler worker in a packaged app', () => {
  it('starts from app.asar.unpacked, which electron-builder fills with the worker and the solver', () => {
    const inArchive = new URL('file:///opt/SiteDesk/resources/app.asar/out/main/autofillWorker.js');
    expect(unpackedFromAsar(inArchive).href).toBe('file:///opt/SiteDesk/resources/app.asar.unpacked/out/main/autofillWorker.js');
    // From a development checkout nothing is packed, so the path stays as it is.
    const dev = new URL('file:///work/sitedesk/out/main/autofillWorker.js');
    expect(unpackedFromAsar(dev).href).toBe(dev.href);
    const builder = fs.readFileSync('electron-builder.yml', 'utf8');
    expect(builder).toMatch(/asarUnpack:\n\s+- out\/main\/autofillWorker\.js\n\s+- node_modules\/highs\/\*\*/);
  });
});
