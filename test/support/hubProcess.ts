/** Starting the hub (`npm run hub`) as its own process, for the sync tests and the sync bench. */
import { spawn, type ChildProcess } from 'node:child_process';
import { bundleEntry } from './bundleEntry';

const running = new Set<ChildProcess>();

/**
 * Kills every hub this process started that is still running. Vitest ends a test file's worker without
 * Node's `exit` event, so a hub a test leaves running would outlive the run: `test/support/stopHubs.ts`
 * calls this after each file.
 */
export const stopRunningHubs = async (): Promise<void> => {
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
};

/**
 * Spawns the hub on `dir` and `port` (0: any free one) and waits for its address. A start that times
 * out is killed, so it cannot come up later on a port a test takes again; a run that dies never leaves
 * the hub running behind it. `cwd` (the bench) runs `main/cli/hub.ts` through tsx from that checkout.
 */
export const spawnHub = async (opts: {
  dir: string;
  port: number;
  admin: { name: string; password: string };
  cwd?: string;
  timeoutMs?: number;
}): Promise<{ url: string; child: ChildProcess }> => {
  // `main/cli/hub.ts` bundled once per test process (see `bundleEntry`): a start through tsx took long
  // enough on a loaded two-core machine (over 20 s at load 15) to fail tests that were only waiting for it.
  const entry = opts.cwd ? ['--import', 'tsx', 'main/cli/hub.ts'] : [await bundleEntry('main/cli/hub.ts')];
  const child = spawn(
    process.execPath,
    [...entry, '--dir', opts.dir, '--port', String(opts.port), '--admin', `${opts.admin.name}:${opts.admin.password}`],
    { cwd: opts.cwd, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const orphan = () => child.kill('SIGKILL');
  process.once('exit', orphan);
  running.add(child);
  child.once('exit', () => {
    process.off('exit', orphan);
    running.delete(child);
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`hub did not start in ${(opts.timeoutMs ?? 60_000) / 1000} s: ${out}`));
    }, opts.timeoutMs ?? 60_000);
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /ready at (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`hub exited (${code}): ${out}`));
    });
  });
  return { url, child };
};
