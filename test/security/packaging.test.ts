import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import vm from 'node:vm';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels } from '../../shared/contract';
import { freshBuild } from '../support/freshBuild';

const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  scripts: Record<string, string>;
};
const builder = parse(fs.readFileSync('electron-builder.yml', 'utf8')) as {
  deb?: { depends?: string[] };
  electronFuses?: Record<string, boolean>;
  files: string[];
};

/**
 * Bare module names a built file imports (node: builtins left out); the bundler may rename a local require to
 * require$1. A `require("…")` that opens a template literal is code text, not a call: ajv (bundled with conf)
 * writes `require("ajv/dist/runtime/…")` into the source it generates for standalone validators.
 */
const importsOf = (text: string): string[] => {
  const found = new Set<string>();
  for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|(?<!`)\brequire(?:\$\d+)?\s*\(\s*)"(@?[a-z0-9][\w./@-]*)"/g))
    if (!m[1].startsWith('node:')) found.add(m[1].startsWith('@') ? m[1].split('/').slice(0, 2).join('/') : m[1].split('/')[0]);
  return [...found].sort();
};

describe('packaging (issue 12, hole 9)', () => {
  let build: ReturnType<typeof freshBuild>;
  beforeAll(() => {
    build = freshBuild();
  }, 180_000);
  afterAll(() => build?.remove());

  it('the built preload is small, holds no zod and no schemas, and exposes exactly the contract’s channels', () => {
    const file = path.join(build.dir, 'preload/preload.cjs');
    const text = fs.readFileSync(file, 'utf8');
    expect(fs.statSync(file).size).toBeLessThan(8 * 1024);
    expect(text).not.toMatch(/zod|ZodError|safeParse/i);
    // Run it as Electron would, with a stand-in for the one module a sandboxed preload may require.
    const exposed: Record<string, { api: Record<string, unknown>; mode: string }> = {};
    const invoked: string[] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, value: never) => (exposed[key] = value) },
      ipcRenderer: { invoke: (c: string) => invoked.push(c) },
    };
    vm.runInNewContext(text, {
      require: (name: string) => (name === 'electron' ? electron : createRequire(import.meta.url)(name)),
      module: { exports: {} },
      exports: {},
    });
    expect(Object.keys(exposed.sitedesk.api).sort()).toEqual([...channels].sort());
    (exposed.sitedesk.api['auth:status'] as (p: unknown) => void)({});
    expect(invoked).toEqual(['auth:status']);
  });

  it('ships only what main loads at run time: every import of the built main is a dependency, and no renderer library is', () => {
    const files = fs
      .readdirSync(path.join(build.dir, 'main'), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.js'));
    const imported = [...new Set(files.flatMap((f) => importsOf(fs.readFileSync(path.join(build.dir, 'main', f), 'utf8'))))]
      .filter((m) => m !== 'electron')
      .sort();
    expect(imported.length).toBeGreaterThan(0);
    for (const m of imported) expect(pkg.dependencies, `${m} is loaded by main at run time`).toHaveProperty([m]);
    // Bundled by vite into the renderer (or into main): copying them into app.asar again only costs space.
    for (const lib of [
      'react',
      'react-dom',
      'radix-ui',
      'lucide-react',
      'recharts',
      '@tanstack/react-virtual',
      'zustand',
      'zod',
      'date-fns',
    ]) {
      expect(pkg.dependencies, lib).not.toHaveProperty([lib]);
      expect(pkg.devDependencies, lib).toHaveProperty([lib]);
    }
    // Font packages are not imported: main/services/pdfFonts.ts reads their files at run time, so they ship too.
    const readAsFiles = ['@fontsource/noto-emoji', '@fontsource/noto-sans-sc', 'dejavu-fonts-ttf'];
    expect(Object.keys(pkg.dependencies).sort()).toEqual([...imported, ...readAsFiles].sort());
  });

  it('keeps the .deb’s libraries and sets the Electron fuses', () => {
    // The libraries Electron 45 needs on Debian 12 (an empty list installs a .deb that cannot start).
    for (const lib of ['libgtk-3-0', 'libnss3', 'libxss1', 'libxtst6', 'libatspi2.0-0', 'libgbm1', 'xdg-utils'])
      expect(builder.deb?.depends ?? [], lib).toContain(lib);
    expect(builder.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      // The page comes from sitedesk://app/, so file:// needs none of its old privileges (Electron's fuses guide).
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('npm run dist stops at once with a clear message where no Electron binary is installed', (ctx) => {
    const electronDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    if (fs.existsSync(path.join(electronDir, 'path.txt'))) {
      console.info('Skipped: this machine has the Electron binary, so npm run dist would really package the app.');
      ctx.skip();
    }
    expect(pkg.scripts.dist).toBe('node scripts/dist.mjs');
    const started = Date.now();
    const r = spawnSync(process.execPath, ['scripts/dist.mjs'], { encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('the Electron binary is not installed');
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});
