/**
 * What has to be loaded before the first screen, read from a fresh build: the code a start runs
 * before it can show anything is parsed and run on every start, so the schemas (zod builds every
 * schema object when its module is imported) and the services stay out of it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshBuild } from '../support/freshBuild';

let build: { dir: string; remove: () => void };
beforeAll(() => {
  build = freshBuild();
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
});
