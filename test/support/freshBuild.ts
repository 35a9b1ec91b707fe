import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';

const build = (dir: string) => execFileSync('npx', ['electron-vite', 'build', '--outDir', dir, '-l', 'silent'], { stdio: 'ignore' });

/** Waits without a busy loop: the callers are synchronous `beforeAll`s. */
const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * The run's one build (see `test/support/sharedBuild.ts`): the first test file to ask builds it, under a
 * lock (the folder is made with `mkdir`, which only one process can do), and the others wait for its
 * `.built` mark. Each build costs about 6 CPU-seconds; three test files read one.
 */
const sharedBuild = (dir: string): string => {
  const built = `${dir}.built`;
  const failed = `${dir}.failed`;
  let mine = false;
  try {
    fs.mkdirSync(dir);
    mine = true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  if (mine) {
    try {
      build(dir);
    } catch (e) {
      fs.writeFileSync(failed, String(e));
      throw e;
    }
    fs.writeFileSync(built, '');
    return dir;
  }
  for (const until = Date.now() + 170_000; Date.now() < until; sleep(200)) {
    if (fs.existsSync(built)) return dir;
    if (fs.existsSync(failed)) throw new Error(`the shared build failed in another test file: ${fs.readFileSync(failed, 'utf8')}`);
  }
  throw new Error('the shared build did not finish in 170 s');
};

/**
 * Builds the app from the current sources into a new temporary folder (never whatever out/ holds), so a
 * test that reads the built files reads what this checkout builds. Returns the folder (main/, preload/,
 * renderer/ inside) and a function that removes it. `parent` is where the folder is made: a build that is
 * to be run (not only read) needs one inside the checkout, where its external packages resolve.
 *
 * Under `vitest run` every caller gets the one build of the run instead (made on first use, inside the
 * checkout, removed when the run ends): the test files only read it and run it, and copy it to change it.
 */
export const freshBuild = (parent = os.tmpdir()): { dir: string; remove: () => void } => {
  const shared = inject('sharedBuild');
  if (shared) return { dir: sharedBuild(shared), remove: () => {} };
  fs.mkdirSync(parent, { recursive: true });
  const dir = fs.mkdtempSync(path.join(parent, 'sitedesk-build-'));
  build(dir);
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
};
