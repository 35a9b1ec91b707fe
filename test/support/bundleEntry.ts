/** Running a command-line entry of the app (`main/cli/*.ts`) as its own process, without tsx at each start. */
import path from 'node:path';

const bundles = new Map<string, Promise<string>>();

/**
 * `entry` compiled once per test process with esbuild (tsx's own compiler), its packages left to Node as
 * they are: the same code `npm run hub` or `npm run doctor` runs through tsx, started with plain `node`.
 * A start through tsx costs about 1.8 CPU-seconds (it compiles the entry's TypeScript again at each
 * start); the bundle about 0.5. Written inside the checkout so that the packages resolve from its
 * node_modules, under this process's id so that two test files never write one file at once.
 */
export const bundleEntry = (entry: string): Promise<string> => {
  const key = path.resolve(entry);
  let bundled = bundles.get(key);
  if (!bundled) {
    bundled = (async () => {
      const outfile = path.resolve('node_modules/.cache/sitedesk-tests', `${path.basename(entry, '.ts')}-${process.pid}.mjs`);
      const { build } = await import('esbuild');
      await build({
        entryPoints: [key],
        bundle: true,
        packages: 'external',
        platform: 'node',
        format: 'esm',
        outfile,
        logLevel: 'error',
      });
      return outfile;
    })();
    bundles.set(key, bundled);
  }
  return bundled;
};
