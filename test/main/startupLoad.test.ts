/**
 * What has to be loaded before the first screen, read from a fresh build: the code a start runs
 * before it can show anything is parsed and run on every start, so the schemas (zod builds every
 * schema object when its module is imported) and the services stay out of it.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeWithSum } from '../../main/storage/checksum';
import { openTestApp } from '../support/app';
import { freshBuild } from '../support/freshBuild';
import { tempDataDir } from '../support/server';

let build: { dir: string; remove: () => void };
beforeAll(() => {
  // Inside the checkout (test-results/ is ignored), so the build can run: conf and the other packages it leaves external resolve from node_modules.
  build = freshBuild(path.resolve(import.meta.dirname, '../../test-results'));
}, 180_000);
afterAll(() => build?.remove());

/** A module and every module it imports statically (`import … from "./x.js"`), not those it imports on demand (`import("./x.js")`). */
const staticClosure = (entry: string): string[] => {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !file.endsWith('.js') || !fs.existsSync(file)) return;
    seen.add(file);
    const code = fs.readFileSync(file, 'utf8');
    for (const m of code.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["'](\.{1,2}\/[^"']+)["']/g))
      visit(path.resolve(path.dirname(file), m[1]));
  };
  visit(entry);
  return [...seen];
};

/** zod keeps this name in minified code; no other library of the app uses it. */
const holdsZod = (file: string) => fs.readFileSync(file, 'utf8').includes('ZodError');

describe('the first screen loads only what it needs', () => {
  it('the page’s first scripts hold no schema library and stay under 380 kB', () => {
    const html = fs.readFileSync(path.join(build.dir, 'renderer/index.html'), 'utf8');
    const entry = /<script type="module"[^>]*src="\.\/([^"]+)"/.exec(html)![1];
    const files = staticClosure(path.join(build.dir, 'renderer', entry));
    expect(files.filter(holdsZod).map((f) => path.basename(f))).toEqual([]);
    const kb = files.reduce((sum, f) => sum + fs.statSync(f).size, 0) / 1024;
    expect(kb).toBeLessThan(380);
    // The schemas are still in the build, for the screens that load them on demand.
    expect(
      fs
        .readdirSync(path.join(build.dir, 'renderer/assets'))
        .some((f) => f.endsWith('.js') && holdsZod(path.join(build.dir, 'renderer/assets', f))),
    ).toBe(true);
  });

  it('browser mode binds its port with only the server’s own code loaded; the contract and services come after', () => {
    const files = staticClosure(path.join(build.dir, 'main/browser.js'));
    expect(files.filter(holdsZod).map((f) => path.basename(f))).toEqual([]);
    expect(fs.readFileSync(path.join(build.dir, 'main/browser.js'), 'utf8')).toMatch(/import\(["']\.\/chunks\/app-[^"']+\.js["']\)/);
  });

  it('browser mode’s store class comes from its own bundle, not from node_modules (ajv’s CommonJS files one by one)', () => {
    const main = path.join(build.dir, 'main');
    const files = [...fs.readdirSync(main), ...fs.readdirSync(path.join(main, 'chunks')).map((f) => `chunks/${f}`)].filter((f) =>
      f.endsWith('.js'),
    );
    const bare = (f: string) => /(?:from\s*|import\(\s*)["']conf["']/.test(fs.readFileSync(path.join(main, f), 'utf8'));
    expect(files.filter(bare)).toEqual([]);
    // The desktop app's electron-store stays external (it loads Electron's own modules).
    expect(fs.readFileSync(path.join(main, 'index.js'), 'utf8')).toMatch(/from\s*["']electron-store["']/);
  });
});

/** Runs the built browser mode on `dataDir` until it exits or `untilReady` has been handed its address. */
const browserMode = (dataDir: string, untilReady?: (origin: string, secret: string) => Promise<void>) =>
  new Promise<{ code: number | null; out: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(build.dir, 'main/browser.js')], {
      env: { ...process.env, SITEDESK_DATA_DIR: dataDir, SITEDESK_PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let asked = false;
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /SiteDesk ready at (http:\/\/127\.0\.0\.1:\d+)\/#k=(\S+)/.exec(out);
      if (m && untilReady && !asked) {
        asked = true;
        untilReady(m[1], m[2]).then(() => child.kill('SIGTERM'), reject);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });

describe('browser mode opens the data folder after binding its port', () => {
  it('a call made as soon as the address is printed waits for the folder and is answered', async () => {
    const dir = tempDataDir('sitedesk-early-');
    let status: unknown;
    const run = await browserMode(dir, async (origin, secret) => {
      const res = await fetch(`${origin}/api/auth:status`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-SiteDesk-Secret': secret },
        body: '{}',
      });
      status = await res.json();
    });
    expect(run.code).toBe(0);
    // A new folder: nobody yet, so the first screen is the set-up of the first manager.
    expect(status).toMatchObject({ ok: true, data: { setupNeeded: true, user: null } });
  });

  it('a folder from a newer SiteDesk: it says so, exits with an error and leaves the folder unlocked', async () => {
    const t = openTestApp();
    t.opened.close();
    const metaFile = path.join(t.dir, 'data/system/meta.json');
    const newer = JSON.parse(fs.readFileSync(metaFile, 'utf8'));
    newer.meta.schemaVersion = 99;
    fs.writeFileSync(metaFile, serializeWithSum(newer));
    const run = await browserMode(t.dir);
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/SiteDesk could not start: This data folder was written by a newer SiteDesk \(data version 99/);
    expect(fs.existsSync(path.join(t.dir, 'sitedesk.lock'))).toBe(false);
  });
});
