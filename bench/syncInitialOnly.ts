/**
 * `sync_initial_s` alone, without the rest of `npm run bench`: `npm run bench:sync-initial -- --runs 2`.
 * Uses the cached bench folder of the scale (never generates one: a decade takes a long while and another
 * process may be generating it now) and prints each run and the median, with the load average.
 * `SYNC_DESK_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof"` profiles the desk process.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { londonInstant } from '../shared/domain/dates';
import { BENCH_STAFF, CACHE, generatorVersion } from './data';
import { syncInitialBench, type DeskRun } from './syncInitial';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'decade' },
    seed: { type: 'string', default: '1' },
    runs: { type: 'string', default: '1' },
    budget: { type: 'string', default: '300' },
    /** A git ref whose code runs the same first sync after each run of this code, on the same hub data. */
    old: { type: 'string' },
  },
});
const log = (s: string) => console.error(`[sync-initial ${new Date().toISOString().slice(11, 19)}] ${s}`);
const load = () => os.loadavg()[0].toFixed(1);

const main = async () => {
  // The same folder `npm run bench` uses (bench/data.ts ensureData).
  const day = new Date(londonInstant('2026-11-25', '12:00')).toISOString().slice(0, 10);
  const dir = path.join(CACHE, `${values.scale}-staff${BENCH_STAFF}-seed${values.seed}-${day}-gen${generatorVersion()}`);
  if (!fs.existsSync(path.join(dir, 'bench-summary.json')))
    throw new Error(`${dir} is not there yet (or still .partial): run npm run bench once, or wait for the run generating it`);
  const runs: Record<'current' | 'old', { seconds: number | null; cpuS: number; hubCpuS: number; load: string }[]> = {
    current: [],
    old: [],
  };
  const show = (label: string, c: DeskRun, before: string) => {
    log(
      `${label}: ${c.seconds === null ? `not done in ${c.budgetS} s` : `${c.seconds.toFixed(1)} s`}, ${c.records} of ${c.wanted} records, CPU desk ${c.cpuS} s + hub ${c.hubCpuS} s, load ${before} → ${load()}`,
    );
    for (const p of c.progress) log(`  ${p}`);
  };
  for (let i = 0; i < Number(values.runs); i += 1) {
    const before = load();
    const r = await syncInitialBench(dir, { budgetS: Number(values.budget), oldRef: values.old }, log);
    show(`run ${i + 1}`, r.current, before);
    runs.current.push({ seconds: r.current.seconds, cpuS: r.current.cpuS, hubCpuS: r.current.hubCpuS, load: `${before} → ${load()}` });
    if (r.old) {
      show(`run ${i + 1} at ${values.old}`, r.old, before);
      runs.old.push({ seconds: r.old.seconds, cpuS: r.old.cpuS, hubCpuS: r.old.hubCpuS, load: '' });
    }
  }
  const median = (xs: (number | null)[]) => {
    const s = xs.filter((x): x is number => x !== null).sort((a, b) => a - b);
    return s.length ? Math.round(((s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2) * 10) / 10 : null;
  };
  const sum = (k: 'current' | 'old') => ({
    runs: runs[k],
    medianS: median(runs[k].map((r) => r.seconds)),
    medianCpuS: median(runs[k].map((r) => r.cpuS + r.hubCpuS)),
  });
  console.log(JSON.stringify({ current: sum('current'), ...(values.old ? { old: sum('old') } : {}) }));
};

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
