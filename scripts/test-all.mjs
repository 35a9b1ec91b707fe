// `npm test`: the unit and integration tests (`npm run test:unit`) and the browser journeys (`npm run
// test:e2e`, which builds the app first) side by side, with the type check and the lint beside them at the
// lowest CPU priority. Much of the tests is waiting (hubs and servers on loopback, children killed and
// reopened, pages rendering, real waits), so the checks run in the tests' idle time instead of holding
// them back by a minute and a half. Each line is prefixed with the part it came from; the exit code is
// non-zero if any part failed, and a summary says which.
import { spawn } from 'node:child_process';

const run = (name, script, { idle = false } = {}) =>
  new Promise((resolve) => {
    const started = Date.now();
    const command = ['npm', 'run', '--silent', script];
    // `nice -n 19` (coreutils): the part gets only the CPU the tests leave; where there is no nice, it just runs.
    const [file, ...args] = idle && process.platform !== 'win32' ? ['nice', '-n', '19', ...command] : command;
    const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    const relay = (stream, out) => {
      let rest = '';
      stream.on('data', (chunk) => {
        const lines = (rest + chunk.toString()).split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines) out.write(`[${name}] ${line}\n`);
      });
      stream.on('end', () => rest && out.write(`[${name}] ${rest}\n`));
    };
    relay(child.stdout, process.stdout);
    relay(child.stderr, process.stderr);
    child.on('close', (code, signal) => resolve({ name, code: code ?? 1, signal, seconds: (Date.now() - started) / 1000 }));
  });

// All four at once, at equal priority, was tried (2 Dec): CI's two cores ran at load 15, the soak's 17
// installs took up to 196 s to set up (16 s alone) and a seed ran out of time. The type check and the lint
// (about a minute of one core each) now yield to the tests instead of going first.
const results = await Promise.all([
  run('unit', 'test:unit'),
  run('e2e', 'test:e2e'),
  run('types', 'typecheck', { idle: true }),
  run('lint', 'lint', { idle: true }),
]);
for (const r of results)
  console.log(
    `${r.name}: ${r.code === 0 ? 'passed' : `FAILED (exit ${r.code}${r.signal ? `, ${r.signal}` : ''})`} in ${Math.round(r.seconds)} s`,
  );
process.exit(results.some((r) => r.code !== 0) ? 1 : 0);
