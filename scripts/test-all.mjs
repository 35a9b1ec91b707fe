// `npm test`: the unit and integration tests (`npm run test:unit`), then the browser journeys (`npm run
// test:journeys`, over the build in out/), with the type check, the lint and that build beside them at the
// lowest CPU priority, in the tests' idle time. Each line is prefixed with the part it came from; the exit code is
// non-zero if any part failed, and a summary says which.
import { spawn } from 'node:child_process';

const run = (name, script, { idle = false } = {}) =>
  new Promise((resolve) => {
    const started = Date.now();
    const command = ['npm', 'run', '--silent', script];
    const done = (code, signal = null) => resolve({ name, code, signal, seconds: (Date.now() - started) / 1000 });
    const start = (niced) => {
      // `nice -n 19` (coreutils): the part gets only the CPU the tests leave; where there is no nice, it just runs.
      const [file, ...args] = niced ? ['nice', '-n', '19', ...command] : command;
      // Windows runs npm through its .cmd shim, which only a shell starts.
      const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env, shell: process.platform === 'win32' });
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
      // A command that cannot start at all is a failed part with its reason, not a crash with no summary.
      let retried = false;
      child.on('error', (error) => {
        if (niced && error.code === 'ENOENT') {
          retried = true;
          return start(false);
        }
        process.stderr.write(`[${name}] could not start ${file}: ${error.message}\n`);
        done(1);
      });
      child.on('close', (code, signal) => !retried && done(code ?? 1, signal));
    };
    start(idle && process.platform !== 'win32');
  });

// The unit tests and the journeys one after the other, not side by side. Each alone keeps both cores busy
// (idle 5% and 8%), so side by side they only fought: the same work took 1,400 s of CPU in CI against
// 1,258 s one after the other, and 669 s against 637 s of wall time (4 Dec, this machine). All four at
// once, at equal priority, was tried on 2 Dec: load 15, and the soak's 17 installs took up to 196 s to set
// up (16 s alone). The type check and the lint (about a minute of one core each) yield to the tests.
const checks = Promise.all([run('types', 'typecheck', { idle: true }), run('lint', 'lint', { idle: true })]);
// The journeys' build (`npm run build`, what `test:e2e` runs before them) is made beside the unit tests too,
// so the journeys start on it as soon as the unit tests end instead of waiting about 8 s for it. The unit
// tests never read out/ (test/support/freshBuild.ts builds their own).
const built = run('build', 'build', { idle: true });
const unit = await run('unit', 'test:unit');
const build = await built;
const e2e = build.code === 0 ? await run('e2e', 'test:journeys') : { name: 'e2e', code: 1, signal: null, seconds: 0 };
const results = [unit, build, e2e, ...(await checks)];
for (const r of results)
  console.log(
    `${r.name}: ${r.code === 0 ? 'passed' : `FAILED (exit ${r.code}${r.signal ? `, ${r.signal}` : ''})`} in ${Math.round(r.seconds)} s`,
  );
process.exit(results.some((r) => r.code !== 0) ? 1 : 0);
