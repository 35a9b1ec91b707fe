// Starts the desktop app, or browser mode where no Electron runtime could be installed.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const electronDir = path.dirname(require.resolve('electron/package.json'));
const pathFile = path.join(electronDir, 'path.txt');
const binary = fs.existsSync(pathFile) ? path.join(electronDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim()) : null;

const run = (cmd, args) => {
  const child = spawn(cmd, args, { stdio: 'inherit', env: process.env });
  const forward = (sig) => child.kill(sig);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code) => process.exit(code ?? 0));
};

if (binary && fs.existsSync(binary)) {
  run(binary, ['.']);
} else {
  console.log(
    'The Electron runtime is not installed on this machine (it could not be downloaded), so SiteDesk starts in browser mode instead.',
  );
  run(process.execPath, ['out/main/browser.js']);
}
