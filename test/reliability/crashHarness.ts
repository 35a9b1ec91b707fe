/** What the crash tests share: bundling a writer child, and one run of it killed at a random moment. */
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import path from 'node:path';

/**
 * Bundles a writer once, packages included, with esbuild (tsx's own compiler): a single file loads in
 * about half the time of the same code importing its packages, and hundreds of children start one
 * after another. Written inside the checkout so that packages left external resolve from its node_modules.
 */
export const bundleChild = async (entry: string, opts: { packagesExternal?: boolean } = {}): Promise<string> => {
  const outfile = path.resolve('node_modules/.cache/sitedesk-tests', `${path.basename(entry, '.ts')}.mjs`);
  await build({
    entryPoints: [entry],
    bundle: true,
    // A writer that loads native packages (leveldown, under PouchDB) leaves packages to Node.
    packages: opts.packagesExternal ? 'external' : undefined,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'error',
    banner: opts.packagesExternal
      ? undefined
      : { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  });
  return outfile;
};

/**
 * Runs one writer (which prints `ready`, then `<key> <value>` after each save returns), kills it with
 * SIGKILL `delay` ms after its first acknowledged save (or the first whose line `armOn` accepts), and returns what
 * it acknowledged. `nodeArgs` go before the child's path (`['--import', 'tsx']` for a writer that is not bundled).
 */
export const killRound = (
  child: string,
  args: string[],
  delay: number,
  nodeArgs: string[] = [],
  armOn: (line: string) => boolean = () => true,
) =>
  new Promise<{ acks: [string, string][]; out: string }>((resolve) => {
    const proc = spawn(process.execPath, [...nodeArgs, child, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let armed = false;
    // A child that never gets a save through is killed anyway, and the round's checks still run.
    const stuck = setTimeout(() => proc.kill('SIGKILL'), 60_000);
    proc.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      // The clock starts at the first acknowledged save (that `armOn` accepts), so every kill lands in a child busy saving.
      if (!armed && out.startsWith('ready\n') && out.split('\n').slice(1, -1).some(armOn)) {
        armed = true;
        setTimeout(() => proc.kill('SIGKILL'), delay);
      }
    });
    proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
    proc.once('close', () => {
      clearTimeout(stuck);
      // Only whole lines count: a line cut off by the kill was never fully acknowledged.
      const acks = out
        .split('\n')
        .slice(1, -1)
        .filter((l) => /^\S+ \S+$/.test(l))
        .map((l) => l.split(' ') as [string, string]);
      resolve({ acks, out: out.slice(0, 200) + err });
    });
  });
