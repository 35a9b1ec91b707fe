import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface RunningServer {
  url: string;
  origin: string;
  secret: string;
  dataDir: string;
  stop: () => Promise<void>;
}

/** A fresh, empty data folder for one test. */
/**
 * The moment every journey's server and page clocks start at, unless a journey chooses its own: Wednesday
 * 25 Nov 2026, 09:00 London, in a week before a week with no bank holiday. Journeys never read the real
 * date, so the suite passes the same in the week before a bank-holiday Monday or a clock change.
 */
export const JOURNEY_NOW = '2026-11-25T09:00:00.000Z';

export const tempDataDir = (prefix = 'sitedesk-'): string => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

/** Starts the built browser-mode server on a free port over `dataDir`, its clock at JOURNEY_NOW unless `env` sets one, and waits for its ready line. */
export const startServer = (dataDir: string, env: Record<string, string> = {}): Promise<RunningServer> =>
  new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, ['out/main/browser.js'], {
      env: { ...process.env, SITEDESK_DATA_DIR: dataDir, SITEDESK_PORT: '0', SITEDESK_CLOCK: JOURNEY_NOW, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`Server did not start:\n${out}`)), 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /SiteDesk ready at (http:\/\/127\.0\.0\.1:\d+)\/#k=(\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: `${m[1]}/#k=${m[2]}`,
          origin: m[1],
          secret: m[2],
          dataDir,
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (!/SiteDesk ready/.test(out)) reject(new Error(`Server exited with ${code}:\n${out}`));
    });
  });
