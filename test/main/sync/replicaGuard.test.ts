/**
 * A fault thrown inside PouchDB's own callbacks (apache/pouchdb#4518, #6035) must not end the browser-mode
 * server, the hub or the desktop app: sync restarts instead. Any other uncaught error stays fatal.
 */
import { buildSync } from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isReplicaFault, restartOnFault } from '../../../main/sync/replicaGuard';

const ROOT = path.resolve(__dirname, '../../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitedesk-guard-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A stack as PouchDB 9's leveldb adapter throws it from a live changes feed (from apache/pouchdb#6035). */
const POUCH_STACK = `TypeError: Cannot read properties of undefined (reading '_rev')
    at Object.processChange (/app/node_modules/pouchdb-node/lib/index.js:1510:30)
    at onGetWinningDoc (/app/node_modules/pouchdb-node/lib/index.js:4668:29)
    at /app/node_modules/pouchdb-node/lib/index.js:4712:11`;

const withStack = (stack: string) => Object.assign(new TypeError('x'), { stack });

describe('telling a replica fault from any other error', () => {
  it('a TypeError thrown by PouchDB itself is a replica fault', () => {
    expect(isReplicaFault(withStack(POUCH_STACK))).toBe(true);
    expect(isReplicaFault(withStack(POUCH_STACK.replaceAll('/', '\\')))).toBe(true);
  });

  it('our own error is not, even when PouchDB called our code', () => {
    const ours = `TypeError: Cannot read properties of undefined (reading 'site')
    at SyncService.apply (/app/out/main/service.js:88:12)
    at /app/node_modules/pouchdb-node/lib/index.js:4712:11`;
    expect(isReplicaFault(withStack(ours))).toBe(false);
    expect(isReplicaFault(new Error('plain'))).toBe(false);
    expect(isReplicaFault('a string')).toBe(false);
    expect(isReplicaFault(withStack('TypeError: no frames'))).toBe(false);
  });

  it('restarts sync on each fault, and past five in a minute stops it instead of looping', async () => {
    let t = 0;
    const calls: string[] = [];
    const onFault = restartOnFault(
      async () => void calls.push('restart'),
      async () => void calls.push('stop'),
      { now: () => t, log: () => undefined },
    );
    for (let i = 0; i < 6; i++) onFault(new Error('fault'));
    expect(calls).toEqual(['restart', 'restart', 'restart', 'restart', 'restart', 'stop']);
    t = 61_000; // a minute later the count starts again
    onFault(new Error('fault'));
    expect(calls.at(-1)).toBe('restart');
  });
});

/**
 * The process-level behaviour, in a child process: a module that lives in a PouchDB package's folder throws
 * from a timer (as the adapter's callbacks do); the process carries on and sync is restarted.
 */
const runChild = (throwFrom: 'pouch' | 'ours') => {
  const pkg = path.join(dir, 'node_modules', 'pouchdb-adapter-leveldb-core');
  fs.mkdirSync(pkg, { recursive: true });
  fs.writeFileSync(
    path.join(pkg, 'index.cjs'),
    'exports.feed = (doc) => setTimeout(() => { const changeList = [{ rev: doc._rev }]; return changeList; }, 10);\n',
  );
  const script = path.join(dir, `child-${throwFrom}.ts`);
  fs.writeFileSync(
    script,
    `import { createRequire } from 'node:module';
import { installReplicaGuard, restartOnFault } from ${JSON.stringify(path.join(ROOT, 'main/sync/replicaGuard.ts'))};
installReplicaGuard({ onFault: restartOnFault(async () => console.log('sync restarted'), async () => undefined) });
const pouch = createRequire(${JSON.stringify(pkg + '/')})('./index.cjs');
if (${JSON.stringify(throwFrom)} === 'pouch') pouch.feed(undefined);
else setTimeout(() => { const doc: { site?: string } | undefined = undefined; console.log((doc as unknown as { site: string }).site); }, 10);
setTimeout(() => { console.log('still serving'); process.exit(0); }, 300);
`,
  );
  // Compiled with esbuild (tsx's own compiler) and run with plain node: tsx would compile it again at the
  // start, for about a CPU-second more. The fake PouchDB module stays its own file, required at run time.
  const bundled = path.join(dir, `child-${throwFrom}.mjs`);
  buildSync({ entryPoints: [script], bundle: true, platform: 'node', format: 'esm', outfile: bundled, logLevel: 'error' });
  return spawnSync(process.execPath, [bundled], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
};

describe('the process survives a PouchDB fault and nothing else', () => {
  it('a fault inside PouchDB restarts sync and the process carries on', () => {
    const run = runChild('pouch');
    expect(run.stdout).toContain('sync restarted');
    expect(run.stdout).toContain('still serving');
    expect(run.stderr).toContain(
      "the sync replica failed inside PouchDB and is being restarted: Cannot read properties of undefined (reading '_rev')",
    );
    expect(run.status).toBe(0);
  });

  it('an error in our own code still ends the process with its stack', () => {
    const run = runChild('ours');
    expect(run.stdout).not.toContain('still serving');
    expect(run.stdout).not.toContain('sync restarted');
    expect(run.stderr).toContain("Cannot read properties of undefined (reading 'site')");
    expect(run.status).toBe(1);
  });
});
