// Measures what `npm run dist` would pack into app.asar, without Electron: the files electron-builder.yml
// lists (out/ without source maps, package.json) plus the production node_modules (npm's own list of
// the dependency tree without devDependencies), packed with @electron/asar, the packer electron-builder
// itself uses. electron-builder also drops a few files by its default filters (READMEs, test folders),
// so the real archive is a little smaller; the difference between two measurements is what counts.
// Usage: npm run build && node scripts/asar-size.mjs
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPackage } from '@electron/asar';

const root = process.cwd();
if (!fs.existsSync(path.join(root, 'out/main/index.js'))) {
  console.error('No build in out/: run `npm run build` first.');
  process.exit(1);
}
const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'sitedesk-asar-'));
try {
  fs.cpSync(path.join(root, 'out'), path.join(stage, 'out'), { recursive: true, filter: (src) => !src.endsWith('.map') });
  fs.copyFileSync(path.join(root, 'package.json'), path.join(stage, 'package.json'));
  const listed = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && l !== root && l.includes(`${path.sep}node_modules${path.sep}`));
  const byModule = new Map();
  for (const dir of [...new Set(listed)].sort()) {
    const rel = path.relative(root, dir);
    fs.cpSync(dir, path.join(stage, rel), {
      recursive: true,
      filter: (src) => src === dir || !path.relative(dir, src).split(path.sep).includes('node_modules'),
    });
    const top = rel
      .split(path.sep)
      .slice(1, rel.split(path.sep)[1].startsWith('@') ? 3 : 2)
      .join('/');
    byModule.set(top, (byModule.get(top) ?? 0) + Number(execFileSync('du', ['-sb', dir], { encoding: 'utf8' }).split('\t')[0]));
  }
  const asar = path.join(stage, '..', `${path.basename(stage)}.asar`);
  await createPackage(stage, asar);
  const size = fs.statSync(asar).size;
  fs.rmSync(asar, { force: true });
  const mb = (n) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  console.log(`app.asar would hold ${mb(size)} (${size} bytes): ${byModule.size} production packages.`);
  for (const [name, bytes] of [...byModule].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`  ${name.padEnd(28)} ${mb(bytes)}`);
} finally {
  fs.rmSync(stage, { recursive: true, force: true });
}
