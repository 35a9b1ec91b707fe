// `npm test`: the type check and the lint side by side (each uses one core for about a minute; one after
// the other they left CI's second core idle), then the unit and integration tests (`npm run test:unit`)
// and the browser journeys (`npm run test:e2e`, which builds the app first) side by side. Much of the tests
// is waiting (hubs and servers on loopback, children killed and reopened, pages rendering), so the two
// together take little more than the longer one. Each line is prefixed with the part it came from; the
// exit code is non-zero if any part failed, and a summary says which.
import { spawn } from 'node:child_process';

const run = (name, script) =>
  new Promise((resolve) => {
    const started = Date.now();
    const child = spawn('npm', ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
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

// The type check and the lint first, side by side (each uses one core), then the tests. With all four at
// once, CI's two cores ran at load 15: the soak's 17 installs took up to 196 s to set up (16 s alone) and
// a seed ran out of time.
const checks = await Promise.all([run('types', 'typecheck'), run('lint', 'lint')]);
const results = [...checks, ...(await Promise.all([run('unit', 'test:unit'), run('e2e', 'test:e2e')]))];
for (const r of results)
  console.log(
    `${r.name}: ${r.code === 0 ? 'passed' : `FAILED (exit ${r.code}${r.signal ? `, ${r.signal}` : ''})`} in ${Math.round(r.seconds)} s`,
  );
process.exit(results.some((r) => r.code !== 0) ? 1 : 0);
