/**
 * `edit_p95_sync_ratio` and `sync_latency_ms` alone, without the rest of `npm run bench`, repeated:
 * `npm run bench:sync-edit -- --rounds 6 --edits 200 --latency 10`. Sets up the hub, the manager's install
 * (its first push) and the desk (its first sync) once, as `npm run bench` does (bench/sync.ts), then runs
 * rounds of latency probes and edit pairs on the same installs and prints each round's ratio with the
 * load average, and the median and p95 of the ratios. Uses the cached bench folder of the scale.
 * `node --cpu-prof --import tsx bench/syncEdit.ts` profiles the whole process (the installs; the hub is
 * its own process).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { londonInstant } from '../shared/domain/dates';
import { BENCH_STAFF, CACHE, cloneData, dropClone, generatorVersion } from './data';
import { summarise } from './stats';
import { editRound, latencyRound, syncSetup, syncTeardown } from './sync';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'month' },
    seed: { type: 'string', default: '1' },
    rounds: { type: 'string', default: '6' },
    edits: { type: 'string', default: '200' },
    latency: { type: 'string', default: '10' },
    label: { type: 'string', default: 'this code' },
    /** Also time each edit's fs calls and the garbage collections during it, per side. */
    breakdown: { type: 'boolean', default: false },
    /** What each round does, comma-separated (an exploration): normal, gap<ms>, nodesk (the desk's sync stopped from then on). */
    plan: { type: 'string' },
  },
});
const log = (s: string) => console.error(`[sync-edit ${new Date().toISOString().slice(11, 19)}] ${s}`);
const load = () => os.loadavg()[0].toFixed(1);

type Side = 'with' | 'without';
const parts: Record<Side, Record<string, number>> = { with: {}, without: {} };
let current: Side | null = null;
let editStart = 0;
const add = (side: Side, k: string, ms: number) => (parts[side][k] = (parts[side][k] ?? 0) + ms);

/** Times the fs calls a save makes while an edit runs, and the collections that overlap it. */
const breakdown = () => {
  const f = fs as unknown as Record<string, (...a: unknown[]) => unknown>;
  for (const name of ['fsyncSync', 'renameSync', 'writeFileSync', 'openSync', 'writeSync', 'readFileSync', 'closeSync', 'appendFileSync']) {
    const orig = f[name];
    f[name] = (...a: unknown[]) => {
      if (!current) return orig(...a);
      const t = performance.now();
      try {
        return orig(...a);
      } finally {
        add(current, name, performance.now() - t);
      }
    };
  }
  const spans: { side: Side; start: number; end: number }[] = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const s = spans.find((x) => e.startTime < x.end && e.startTime + e.duration > x.start);
      if (s) add(s.side, 'gc', Math.min(s.end, e.startTime + e.duration) - Math.max(s.start, e.startTime));
    }
  }).observe({ entryTypes: ['gc'] });
  // Named frames, so a CPU profile (node --cpu-prof) tells the two sides apart.
  function editWithSync(run: () => void) {
    run();
  }
  function editWithoutSync(run: () => void) {
    run();
  }
  return (which: Side, run: () => void) => {
    current = which;
    editStart = performance.now();
    add(which, 'edits', 1);
    if (which === 'with') editWithSync(run);
    else editWithoutSync(run);
    const end = performance.now();
    spans.push({ side: which, start: editStart, end });
    if (spans.length > 50) spans.shift();
    add(which, 'total', end - editStart);
    current = null;
  };
};

const main = async () => {
  const around = values.breakdown ? breakdown() : undefined;
  const day = new Date(londonInstant('2026-11-25', '12:00')).toISOString().slice(0, 10);
  const dir = path.join(CACHE, `${values.scale}-staff${BENCH_STAFF}-seed${values.seed}-${day}-gen${generatorVersion()}`);
  if (!fs.existsSync(path.join(dir, 'bench-summary.json'))) throw new Error(`${dir} is not there yet: run npm run bench once`);
  const [a, b] = [cloneData(dir, `${values.scale}-syncedit-a`), cloneData(dir, `${values.scale}-syncedit-b`)];
  const rig = await syncSetup(a, b, log);
  if (around)
    for (const o of [rig.manager, rig.plain])
      o.app.ds.afterWrite.push((ops) => {
        if (!current) return;
        for (const op of ops) add(current, `wrote ${op.rel} (kB)`, JSON.stringify(op.value).length / 1000);
      });
  const ratios: number[] = [];
  const latencies: number[] = [];
  try {
    const edits = Number(values.edits);
    const probes = Number(values.latency);
    const plan = values.plan?.split(',') ?? Array.from({ length: Number(values.rounds) }, () => 'normal');
    for (let r = 0; r < plan.length; r += 1) {
      const step = plan[r];
      if (step === 'nodesk') await rig.desk?.stopSync();
      if (step === 'nosync') await rig.manager.stopSync();
      const gap = step.startsWith('gap') ? Number(step.slice(3)) : 30;
      const before = load();
      const lat = step === 'nodesk' || step === 'nosync' ? [0] : await latencyRound(rig, probes, r * probes);
      latencies.push(...lat);
      const { withSync, withoutSync } = await editRound(rig, edits, r * edits, around, gap);
      const w = summarise(withSync);
      const o = summarise(withoutSync);
      const ratio = w.p95 / o.p95;
      ratios.push(ratio);
      const l = summarise(lat);
      console.log(
        JSON.stringify({
          label: values.label,
          round: r + 1,
          step,
          load: `${before} → ${load()}`,
          withSync: { median: w.median, p95: w.p95 },
          withoutSync: { median: o.median, p95: o.p95 },
          ratioP95: Math.round(ratio * 100) / 100,
          ratioMedian: Math.round((w.median / o.median) * 100) / 100,
          latency: { median: l.median, p95: l.p95 },
        }),
      );
    }
    if (around) {
      await new Promise((r) => setTimeout(r, 100));
      for (const side of ['with', 'without'] as const) {
        const n = parts[side].edits;
        const per = Object.entries(parts[side])
          .filter(([k]) => k !== 'edits')
          .sort((a, b) => b[1] - a[1])
          .map(([k, v]) => `${k} ${(v / n).toFixed(2)}`);
        console.log(`${side} sync, ms per edit: ${per.join(', ')}`);
      }
    }
    if (values.breakdown) {
      for (const [name, o] of [
        ['with', rig.manager],
        ['without', rig.plain],
      ] as const) {
        const shifts = o.app.repos.shifts;
        const keys = shifts.keys().filter((k) => k.startsWith(rig.month) && k.endsWith(rig.site));
        const bytes = keys.map((k) => JSON.stringify(shifts.partition(k)).length);
        const log = (f: string) => (fs.existsSync(f) ? fs.statSync(f).size : 0);
        const root = o.app.dirs.root;
        console.log(
          `${name}: partitions ${keys.join(' ')} ${bytes.join(' ')} bytes; change log ${log(path.join(root, 'changes', 'current.log'))} + ${log(path.join(root, 'changes', 'previous.log'))} bytes; files open ${fs.readdirSync(root).join(' ')}`,
        );
      }
    }
    if (values.breakdown) {
      const key = rig.manager.app.repos.shifts.keys().find((k) => k.startsWith(rig.month) && k.endsWith(rig.site))!;
      const m = rig.manager.app.repos.shifts.partition(key);
      const biggest = Object.values(m).sort((x, y) => JSON.stringify(y).length - JSON.stringify(x).length)[0];
      console.log('with', JSON.stringify(biggest));
      console.log('without', JSON.stringify(rig.plain.app.repos.shifts.partition(key)[biggest.id]));
    }
    const s = summarise(ratios);
    const l = summarise(latencies);
    console.log(
      JSON.stringify({
        label: values.label,
        rounds: ratios.length,
        ratioP95: { median: Math.round(s.median * 100) / 100, p95: Math.round(s.p95 * 100) / 100, min: s.min, max: s.max },
        latency: { median: l.median, p95: l.p95 },
      }),
    );
  } finally {
    await syncTeardown(rig);
    dropClone(a);
    dropClone(b);
  }
};

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
