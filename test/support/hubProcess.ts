/** Starting the hub (`npm run hub`) as its own process, for the sync tests and the sync bench. */
import { spawn, type ChildProcess } from 'node:child_process';

/**
 * Spawns the hub on `dir` and `port` (0: any free one) and waits for its address. A run that times out
 * or dies never leaves the hub running behind it.
 */
export const spawnHub = async (opts: {
  dir: string;
  port: number;
  admin: { name: string; password: string };
  cwd?: string;
  timeoutMs?: number;
}): Promise<{ url: string; child: ChildProcess }> => {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'main/cli/hub.ts',
      '--dir',
      opts.dir,
      '--port',
      String(opts.port),
      '--admin',
      `${opts.admin.name}:${opts.admin.password}`,
    ],
    { cwd: opts.cwd, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const orphan = () => child.kill('SIGKILL');
  process.once('exit', orphan);
  child.once('exit', () => process.off('exit', orphan));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`hub did not start: ${out}`)), opts.timeoutMs ?? 20_000);
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /ready at (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
    child.once('exit', (code) => reject(new Error(`hub exited (${code}): ${out}`)));
  });
  return { url, child };
};
