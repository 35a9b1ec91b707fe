/**
 * Browser mode from process start to `[data-app-state="loaded"]` in Chromium, on a real data folder.
 * Chromium is started first and kept open: it stands for the user's browser, which is already running.
 */
import { chromium, type Browser } from '@playwright/test';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { CHROMIUM_ARGS, chromiumPath } from '../scripts/chromium-path.mjs';
import { ROOT } from './data';
import { summarise, type Stat } from './stats';

export interface StartupBench {
  /** Spawn to the server's ready line (the data folder opened, start-up backup taken, port bound). */
  serverReady: Stat;
  /** Spawn to the app page saying it has loaded. */
  loaded: Stat;
  /** Of that, Chromium opening the new tab (browser.newPage), before SiteDesk is asked for anything. */
  newTab: Stat;
  /** From the page's first request to it saying it has loaded: SiteDesk's renderer and its first call. */
  page: Stat;
}

/** The build measured: this checkout's `out/`, or another build's folder given with `--baseline-build`. */
export const OWN_BUILD = path.join(ROOT, 'out');

/**
 * Starts the built browser-mode server (of `build`, a folder holding main/ and renderer/) on `dataDir`;
 * `url` resolves with the address of its ready line.
 */
export const startBrowserMode = (dataDir: string, build = OWN_BUILD): { url: Promise<string>; stop: () => Promise<void> } => {
  const child = spawn(process.execPath, [path.join(build, 'main/browser.js')], {
    env: { ...process.env, SITEDESK_DATA_DIR: dataDir, SITEDESK_PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start in 120 s:\n${out}`)), 120_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /SiteDesk ready at (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
  url.catch(() => undefined); // whoever awaits it sees the failure; this only keeps it from being unhandled meanwhile
  const stop = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
  return { url, stop };
};

type Run = { ready: number; loaded: number; newTab: number; page: number };

const once = async (browser: Browser, dataDir: string, build: string): Promise<Run> => {
  const t0 = performance.now();
  const server = startBrowserMode(dataDir, build);
  try {
    const url = await server.url;
    const ready = performance.now() - t0;
    const page = await browser.newPage();
    const tabOpen = performance.now() - t0;
    await page.goto(url);
    await page.locator('[data-app-state="loaded"]').waitFor({ timeout: 120_000 });
    const loaded = performance.now() - t0;
    await page.close();
    return { ready, loaded, newTab: tabOpen - ready, page: loaded - tabOpen };
  } finally {
    await server.stop();
  }
};

const summariseRuns = (runs: Run[]): StartupBench => ({
  serverReady: summarise(runs.map((r) => r.ready)),
  loaded: summarise(runs.map((r) => r.loaded)),
  newTab: summarise(runs.map((r) => r.newTab)),
  page: summarise(runs.map((r) => r.page)),
});

/**
 * Starts the built server `reps` times on `dataDir` and times each start. Needs `npm run build` first.
 * With `baseline` (another build's folder), each start of this build is followed by one of that build
 * on the same folder, so both meet the same machine load: on a shared machine, runs minutes apart
 * compare the load as much as the builds.
 */
export const startupBench = async (
  dataDir: string,
  reps: number,
  baseline?: string,
): Promise<StartupBench & { baseline?: StartupBench }> => {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('No Chromium found (apt-get install chromium)');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    // Warm the OS file cache and Chromium, as a second start of the day would be.
    await once(browser, dataDir, OWN_BUILD);
    if (baseline) await once(browser, dataDir, baseline);
    const own: Run[] = [];
    const base: Run[] = [];
    for (let i = 0; i < reps; i += 1) {
      own.push(await once(browser, dataDir, OWN_BUILD));
      if (baseline) base.push(await once(browser, dataDir, baseline));
    }
    return { ...summariseRuns(own), ...(baseline ? { baseline: summariseRuns(base) } : {}) };
  } finally {
    await browser.close();
  }
};
