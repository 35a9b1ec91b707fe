import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Builds the app from the current sources into a new temporary folder (never whatever out/ holds), so a
 * test that reads the built files reads what this checkout builds. Returns the folder (main/, preload/,
 * renderer/ inside) and a function that removes it. `parent` is where the folder is made: a build that is
 * to be run (not only read) needs one inside the checkout, where its external packages resolve.
 */
export const freshBuild = (parent = os.tmpdir()): { dir: string; remove: () => void } => {
  fs.mkdirSync(parent, { recursive: true });
  const dir = fs.mkdtempSync(path.join(parent, 'sitedesk-build-'));
  execFileSync('npx', ['electron-vite', 'build', '--outDir', dir, '-l', 'silent'], { stdio: 'ignore' });
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
};
