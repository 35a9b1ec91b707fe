// `npm run dist`: builds, then packages the desktop app for this platform with electron-builder.
// electron-builder needs the Electron binary. It is taken from node_modules/electron/dist (the one
// `npm install` downloaded), so packaging itself downloads nothing; where that binary could not be
// had (machines without internet at install time), this stops at once with a clear message instead
// of letting electron-builder try to download it and hang.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const electronDir = path.dirname(require.resolve('electron/package.json'));
const pathFile = path.join(electronDir, 'path.txt');
const dist = path.join(electronDir, 'dist');
const binary = fs.existsSync(pathFile) ? path.join(dist, fs.readFileSync(pathFile, 'utf8').trim()) : null;

if (!binary || !fs.existsSync(binary)) {
  console.error(
    'npm run dist cannot package SiteDesk on this machine: the Electron binary is not installed (node_modules/electron/dist is missing, ' +
      'because it could not be downloaded when the packages were installed). Run `npm install` on a machine with internet access ' +
      '(so that `npx electron --version` works), then `npm run dist` there. Nothing was built.',
  );
  process.exit(1);
}

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run('npm', ['run', 'build']);
run('npx', ['electron-builder', '--config', 'electron-builder.yml', `-c.electronDist=${dist}`, '--publish', 'never']);
