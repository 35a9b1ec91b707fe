/**
 * `npm run bench [-- --scales month,year,decade] [--seed 1] [--quick] [--no-startup] [--no-autofill] [--no-sync]
 *   [--sync-scale month] [--only open,edit,rota,incidents,heap,startup,week] [--baseline-build <folder>]`
 * `--only` runs those groups alone (a bounded run: `--scales decade --quick --no-autofill --only startup,week`
 * takes about two minutes once the data exists). `--baseline-build` is another build's output folder
 * (a copy of `out/` built from the commit to compare with): start-up and week switching are then
 * measured for both in the same run, each start of this build followed by one of that build.
 * Generates (or reuses) demo data at each scale, measures SiteDesk against the targets of issue 8 and
 * writes bench/results/latest.json and latest.md. Never part of `npm test`: it takes minutes and a GB.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openApp } from '../main/app';
import { DEMO_PASSWORD, type Scale } from '../main/seed/demo';
import { addDays, londonInstant, londonToday, weekStart } from '../shared/domain/dates';
import { cloneData, dropClone, ensureData, ROOT, StoreClassConf, type BenchData } from './data';
import { incidentBench } from './incidents';
import { renderMarkdown, type Measurement, type Results } from './report';
import { rotaBench } from './rota';
import { summarise, timeEach, type Stat } from './stats';
import { startupBench } from './startup';
import { weekViewBench } from './weekView';
import { autofillMeasurements, runAutofillBench } from './autofill';
import { baselineEdits, interleavedEdits, sitedeskEdits, storeOpen } from './storage';
import { syncBench } from './sync';
import { syncInitialBench, type DeskRun } from './syncInitial';

const { values } = parseArgs({
  options: {
    scales: { type: 'string', default: 'month,year,decade' },
    seed: { type: 'string', default: '1' },
    quick: { type: 'boolean', default: false },
    'no-startup': { type: 'boolean', default: false },
    'no-autofill': { type: 'boolean', default: false },
    'no-sync': { type: 'boolean', default: false },
    /** The scale the sync figures are taken at (a decade's first push takes far longer than a bench run). */
    'sync-scale': { type: 'string', default: 'month' },
    /** The scale a new desk's first sync is measured at (its hub database is filled directly: bench/syncInitial.ts). */
    'sync-initial-scale': { type: 'string', default: 'decade' },
    /** Seconds the new desk may take before the run stops it and reports how far it got. */
    'sync-budget': { type: 'string', default: '300' },
    /** A git ref whose code runs the same first sync too, for a ratio in the same run. */
    'sync-old': { type: 'string' },
    only: { type: 'string' },
    'baseline-build': { type: 'string' },
    /** Only rebuild latest.md from latest.json and bench/findings.md (after editing the findings). */
    render: { type: 'boolean', default: false },
  },
});
const scales = values.scales.split(',') as Scale[];
const only = values.only?.split(',');
const runs = (group: 'open' | 'edit' | 'rota' | 'incidents' | 'heap' | 'startup' | 'week') => !only || only.includes(group);
const baseline = values['baseline-build'] ? path.resolve(values['baseline-build']) : undefined;
const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
const seed = Number(values.seed);
// The data stands at a fixed day, so the cache key and every figure are about the same folder.
const NOW = londonInstant('2026-11-25', '12:00');
const q = (n: number) => (values.quick ? Math.max(3, Math.ceil(n / 4)) : n);
const log = (s: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${s}`);

const REPS = {
  open: { demo: 10, month: 10, year: 8, decade: 5 },
  edit: 200,
  baseline: { demo: 30, month: 30, year: 10, decade: 0 },
  rota: 20,
  search: 20,
  startup: 5,
};

const measurements: Measurement[] = [];
const add = (m: Measurement) => {
  m.load ??= Math.round(os.loadavg()[0] * 10) / 10;
  measurements.push(m);
  log(`${m.name} @${m.scale}: median ${m.median} p95 ${m.p95 ?? '-'} ${m.unit}${m.note ? ` (${m.note})` : ''}`);
};

/** The rota:week channel alone (what the planner asks main for), through the one dispatch. */
const weekFetch = async (dir: string): Promise<Measurement> => {
  const base = { name: 'week_fetch_ms', scale: 'decade' as Scale, unit: 'ms', target: '< 60 ms' };
  const opened = openApp({ dataDir: dir, StoreClass: StoreClassConf, mode: 'browser', version: 'bench', backupEveryMinutes: 0 });
  try {
    const session = { id: 'bench', userId: null, locked: false, lastActive: Date.now() };
    await opened.dispatch('auth:sign-in', { username: 'manager', password: DEMO_PASSWORD }, session);
    const monday = weekStart(londonToday(NOW));
    const first = await opened.dispatch('rota:week', { week: monday, site: null }, session);
    if (!first.ok) return { ...base, median: null, p95: null, status: 'not available', note: `rota:week refused: ${first.message}` };
    const s = summarise(
      await timeEach(q(REPS.rota), (i) => opened.dispatch('rota:week', { week: addDays(monday, -7 * (i + 1)), site: null }, session)),
    );
    return {
      ...base,
      median: s.median,
      p95: s.p95,
      n: s.n,
      status: s.median < 60 ? 'met' : 'missed',
      note: 'all 15 sites: shifts, findings (full check with look-back) and gaps of a week not seen before, through the dispatch',
    };
  } finally {
    opened.close();
  }
};

const heapBench = (dir: string) => {
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(ROOT, 'bench/heap.ts'), dir, String(NOW)], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (r.status !== 0) throw new Error(`heap run failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as {
    gcForced: boolean;
    afterOpen: number;
    afterWeeks: number;
    withSearchIndex: number;
    afterBrowsing: number;
    shiftsSeen: number;
    incidents: number;
  };
};

const RESULTS = path.join(ROOT, 'bench/results');
const findings = () =>
  fs.existsSync(path.join(ROOT, 'bench/findings.md')) ? fs.readFileSync(path.join(ROOT, 'bench/findings.md'), 'utf8') : '';

const main = async () => {
  fs.mkdirSync(RESULTS, { recursive: true });
  if (values.render) {
    fs.writeFileSync(
      path.join(RESULTS, 'latest.md'),
      renderMarkdown(JSON.parse(fs.readFileSync(path.join(RESULTS, 'latest.json'), 'utf8')) as Results, findings()),
    );
    return;
  }
  const started = new Date();
  const loadAtStart = os.loadavg();
  if (!values['no-startup'] && scales.includes('decade')) {
    log('building (npm run build) for the start-up measurement …');
    execFileSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'ignore' });
  }
  if (!values['no-autofill']) for (const m of autofillMeasurements(await runAutofillBench(log))) add(m);
  const data: Partial<Record<Scale, BenchData>> = {};
  for (const scale of scales) {
    const d = (data[scale] = await ensureData(scale, seed, NOW, log));
    log(`${scale}: ${d.cached ? 'cached' : `generated in ${((d.generateMs ?? 0) / 1000).toFixed(1)} s`}; ${JSON.stringify(d.summary)}`);
    const work = cloneData(d.dir, scale);
    try {
      if (runs('open')) {
        const open = await storeOpen(work, q(REPS.open[scale]));
        add({
          name: 'store_open_ms',
          scale,
          unit: 'ms',
          ...pick(open.open),
          target: scale === 'decade' ? '(part of start-up < 1.5 s)' : null,
          status: 'info',
          note: `to ready for requests; the start-up backup, taken afterwards in slices, costs ${open.backup.median} ms median when taken at once`,
        });
      }
      if (runs('edit')) {
        const edits = await sitedeskEdits(work, q(REPS.edit));
        add({
          name: 'edit_p50_ms',
          scale,
          unit: 'ms',
          median: edits.stat.median,
          p95: null,
          n: edits.stat.n,
          target: null,
          status: 'info',
          note: `one shift put; its partition file is ${(edits.partitionBytes / 1024).toFixed(0)} KB`,
        });
        add({
          name: 'edit_p95_ms',
          scale,
          unit: 'ms',
          median: edits.stat.p95,
          p95: edits.stat.p95,
          n: edits.stat.n,
          target: scale === 'decade' ? '< 5 ms' : null,
          status: scale === 'decade' ? (edits.stat.p95 < 5 ? 'met' : 'missed') : 'info',
          note: `max ${edits.stat.max} ms; the disk alone (same bytes: temp file, fsync, rename with plain node:fs) took median ${edits.floor.median} ms, p95 ${edits.floor.p95} ms in the same run`,
        });
        const baseReps = q(REPS.baseline[scale]);
        if (baseReps > 0) {
          const base = await baselineEdits(work, path.dirname(work), baseReps);
          const ratio = Math.round((base.stat.median / edits.stat.median) * 10) / 10;
          add({
            name: 'baseline_edit_ms',
            scale,
            unit: 'ms',
            ...pick(base.stat),
            target: null,
            status: 'info',
            note: `one conf file of ${base.shifts} shifts, ${(base.fileBytes / 2 ** 20).toFixed(1)} MB; store.set of one shift`,
          });
          add({
            name: 'baseline_ratio',
            scale,
            unit: '×',
            median: ratio,
            p95: Math.round((base.stat.p95 / edits.stat.p95) * 10) / 10,
            target: scale === 'year' ? '≥ 20×' : null,
            status: scale === 'year' ? (ratio >= 20 ? 'met' : 'missed') : 'info',
            note: 'baseline median / SiteDesk median (p95 column: p95 / p95)',
          });
        } else {
          add({
            name: 'baseline_edit_ms',
            scale,
            unit: 'ms',
            median: null,
            p95: null,
            target: null,
            status: 'skipped',
            note: 'not measured at decade: one file of every shift is over 100 MB and each set would take seconds; measured at month and year',
          });
        }
      }
      if (runs('rota')) {
        const rota = await rotaBench(work, q(REPS.rota), NOW);
        const rotaNote = `week of ${rota.week}: ${rota.shiftsInWeek} shifts, ${rota.staff} staff, ${rota.shiftsInContext} shifts with look-back, ${rota.findings} findings; loading them took ${Math.round(rota.loadMs)} ms`;
        add({
          name: 'week_check_ms',
          scale,
          unit: 'ms',
          ...pick(rota.cold),
          target: scale === 'decade' ? '< 16 ms' : null,
          status: scale === 'decade' ? (rota.cold.median < 16 ? 'met' : 'missed') : 'info',
          note: `fresh shift objects each run; ${rotaNote}`,
        });
        add({
          name: 'week_check_warm_ms',
          scale,
          unit: 'ms',
          ...pick(rota.warm),
          target: null,
          status: 'info',
          note: 'the same shift objects checked again (live checking while planning)',
        });
        add({
          name: 'recheck_ms',
          scale,
          unit: 'ms',
          ...pick(rota.recheck),
          target: scale === 'decade' ? '< 2 ms' : null,
          status: scale === 'decade' ? (rota.recheck.median < 2 ? 'met' : 'missed') : 'info',
          note: 'one shift moved an hour: recheck() given the rota with the edit (built before the timing)',
        });
        add({
          name: 'recheck_with_edit_ms',
          scale,
          unit: 'ms',
          ...pick(rota.editRecheck),
          target: null,
          status: 'info',
          note: `the same with building that rota inside the timing: a new array of all ${rota.shiftsInContext} shifts, the caller's cost, not the check's`,
        });
      }
      if (runs('incidents')) {
        const inc = await incidentBench(work, q(REPS.search), NOW);
        add({
          name: 'incident_search_prepare_ms',
          scale,
          unit: 'ms',
          ...pick(inc.prepare),
          target: null,
          status: 'info',
          note: `toSearchable over ${inc.incidents} incidents (reading their ${inc.partitions} partitions first took ${Math.round(inc.loadMs)} ms)`,
        });
        add({
          name: 'incident_search_ms',
          scale,
          unit: 'ms',
          ...pick(inc.query),
          target: null,
          status: 'info',
          note: `searchIncidents per query over ${inc.incidents}; matches ${JSON.stringify(inc.matches)}`,
        });
      }
      if (scale === 'decade') {
        if (runs('heap')) {
          const heap = heapBench(work);
          add({
            name: 'main_heap_mb',
            scale,
            unit: 'MB',
            median: heap.withSearchIndex,
            p95: null,
            target: '< 300 MB',
            status: heap.withSearchIndex < 300 ? 'met' : 'missed',
            note: `heapUsed after ${heap.gcForced ? 'forced GC' : 'no GC (run without --expose-gc)'}: after open ${heap.afterOpen}, after browsing 52 weeks (${heap.shiftsSeen} shifts) ${heap.afterWeeks}, holding the incidents screen's index of ${heap.incidents} incidents ${heap.withSearchIndex}, the same with the file cache emptied ${heap.afterBrowsing}`,
          });
        }
        if (!values['no-startup'] && runs('startup')) {
          const st = await startupBench(work, q(REPS.startup), baseline);
          const parts = (b: typeof st) =>
            `spawn to server ready ${b.serverReady.median} ms; then Chromium opening a new tab ${b.newTab.median} ms; then the page's first request to loaded ${b.page.median} ms`;
          add({
            name: 'startup_to_loaded_ms',
            scale,
            unit: 'ms',
            ...pick(st.loaded),
            target: '< 1.0 s median, < 1.5 s p95',
            status: st.loaded.median < 1000 && st.loaded.p95 < 1500 ? 'met' : 'missed',
            note: `medians: ${parts(st)}${
              st.baseline
                ? `. Baseline build, started in turn with this one: median ${st.baseline.loaded.median} ms, p95 ${st.baseline.loaded.p95} ms (${parts(st.baseline)}); this/baseline ${ratio(st.loaded.median, st.baseline.loaded.median)} (median), ${ratio(st.loaded.p95, st.baseline.loaded.p95)} (p95)`
                : ''
            }`,
          });
        }
        if (runs('week')) add(await weekFetch(work));
        if (!values['no-startup'] && runs('week')) {
          const wv = await weekViewBench(work, q(REPS.rota));
          const wb = baseline ? await weekViewBench(work, q(REPS.rota), baseline) : null;
          const vs = (a: Stat, b: Stat | undefined) =>
            b
              ? `. Baseline build in the same run: median ${b.median} ms, p95 ${b.p95} ms; this/baseline ${ratio(a.median, b.median)} (median)`
              : '';
          add({
            name: 'week_view_ms',
            scale,
            unit: 'ms',
            ...pick(wv.paced),
            target: '< 100 ms',
            status: wv.paced.median < 100 ? 'met' : 'missed',
            note: `Chromium, all 15 sites: click on Previous week until the week has rendered, one switch every 1.5 s (the neighbouring weeks are fetched while the user reads)${vs(wv.paced, wb?.paced)}`,
          });
          add({
            name: 'week_view_rapid_ms',
            scale,
            unit: 'ms',
            ...pick(wv.rapid),
            target: '< 150 ms',
            status: wv.rapid.median < 150 ? 'met' : 'missed',
            note: `the same, clicked again as soon as each week rendered: the planner asks main for two weeks ahead while stepping, so a click waits only when main is slower than the render${vs(wv.rapid, wb?.rapid)}`,
          });
        }
      }
    } finally {
      dropClone(work);
    }
  }
  if (data.month && data.decade && runs('edit')) {
    const [m, d] = [cloneData(data.month.dir, 'month'), cloneData(data.decade.dir, 'decade')];
    try {
      const both = await interleavedEdits(m, d, q(REPS.edit));
      const r50 = Math.round((both.b.median / both.a.median) * 100) / 100;
      add({
        name: 'edit_decade_vs_month',
        scale: 'decade',
        unit: '×',
        median: r50,
        p95: Math.round((both.b.p95 / both.a.p95) * 100) / 100,
        target: '≤ 1.5×',
        status: r50 <= 1.5 ? 'met' : 'missed',
        note: `one shift edit in the month and the decade folder in turn, so both meet the same disk: decade median ${both.b.median} ms, p95 ${both.b.p95}; month median ${both.a.median} ms, p95 ${both.a.p95} (p95 column: p95 / p95)`,
      });
    } finally {
      dropClone(m);
      dropClone(d);
    }
  }
  if (!values['no-sync']) {
    const scale = values['sync-scale'] as Scale;
    const d = data[scale] ?? (await ensureData(scale, seed, NOW, log));
    data[scale] ??= d;
    const [a, b] = [cloneData(d.dir, `${scale}-sync-a`), cloneData(d.dir, `${scale}-sync-b`)];
    try {
      const r = await syncBench(a, b, { latency: q(40), edits: q(REPS.edit) }, log);
      const ratio = Math.round((r.withSync.p95 / r.withoutSync.p95) * 100) / 100;
      add({
        name: 'sync_latency_ms',
        scale,
        unit: 'ms',
        ...pick(r.latency),
        target: 'p95 < 2 s',
        status: r.latency.p95 < 2000 ? 'met' : 'missed',
        note: `a shift edit acknowledged on a manager's install until the ${r.site} desk's storage holds it (polled every 5 ms), both installs in this process, the hub (express-pouchdb) its own process, loopback`,
      });
      add({
        name: 'edit_p95_sync_ratio',
        scale,
        unit: '×',
        median: Math.round((r.withSync.median / r.withoutSync.median) * 100) / 100,
        p95: ratio,
        target: '≤ 1.2× (p95)',
        status: ratio <= 1.2 ? 'met' : 'missed',
        note: `one shift edit every 30 ms on two clones in turn, one syncing: edit_p95_ms with sync ${r.withSync.p95} ms (median ${r.withSync.median}), without ${r.withoutSync.p95} ms (median ${r.withoutSync.median})`,
      });
      add({
        name: 'sync_initial_s',
        scale,
        unit: 's',
        median: Math.round(r.initial.seconds * 10) / 10,
        p95: null,
        n: 1,
        target: null,
        status: 'info',
        note: `after the manager's own first push: a new ${r.site} desk from an empty folder to up to date: ${r.initial.records} records, ${r.initial.progressUpdates} progress updates shown (last "${r.initial.lastProgress}"); the manager's first push of ${r.pushedDocs} documents took ${r.firstPushS.toFixed(1)} s; the manager's replica is ${(r.diskBytes / 2 ** 20).toFixed(1)} MB on disk`,
      });
    } finally {
      dropClone(a);
      dropClone(b);
    }
  }
  if (!values['no-sync']) {
    const scale = values['sync-initial-scale'] as Scale;
    const d = data[scale] ?? (await ensureData(scale, seed, NOW, log));
    data[scale] ??= d;
    const budgetS = Number(values['sync-budget']);
    const r = await syncInitialBench(d.dir, { budgetS, oldRef: values['sync-old'] }, log);
    const rate = (x: DeskRun) => x.records / (x.seconds ?? x.budgetS);
    const took = (x: DeskRun) =>
      x.seconds === null ? `not done after ${x.budgetS} s (${x.records} of ${x.wanted} records in storage)` : `${x.seconds.toFixed(1)} s`;
    add({
      name: 'sync_initial_s',
      scale,
      unit: 's',
      median: r.current.seconds === null ? null : Math.round(r.current.seconds * 10) / 10,
      p95: null,
      n: 1,
      target: scale === 'decade' ? '< 120 s' : null,
      status: scale === 'decade' ? (r.current.seconds !== null && r.current.seconds < 120 ? 'met' : 'missed') : 'info',
      note:
        `a new ${r.site} desk from an empty folder to up to date with the hub's ${r.docs} documents (${r.records} records), ` +
        `the hub (express-pouchdb, its own process) filled directly: ${took(r.current)}; the status line read ${r.current.progress.slice(1, 3).concat(r.current.progress.slice(-2)).join(' · ')}` +
        (r.old
          ? `; the code at ${r.old.ref} on the same hub: ${took(r.old)}, ${Math.round(rate(r.old))} records/s against ${Math.round(rate(r.current))} now (${(rate(r.current) / rate(r.old)).toFixed(1)}×)`
          : ''),
    });
  }
  const results: Results = {
    date: started.toISOString(),
    finished: new Date().toISOString(),
    seed,
    quick: values.quick,
    machine: {
      cores: os.cpus().length,
      cpu: os.cpus()[0]?.model ?? 'unknown',
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
      loadAverageAtStart: loadAtStart.map((x) => Math.round(x * 10) / 10),
    },
    data: Object.fromEntries(
      Object.entries(data).map(([k, d]) => [k, { ...d.summary, generatedThisRun: !d.cached, generateMs: d.generateMs }]),
    ),
    measurements,
  };
  fs.writeFileSync(path.join(RESULTS, 'latest.json'), JSON.stringify(results, null, 2) + '\n');
  fs.writeFileSync(path.join(RESULTS, 'latest.md'), renderMarkdown(results, findings()));
  log('wrote bench/results/latest.json and latest.md');
};

const pick = (s: { median: number; p95: number; n: number }) => ({ median: s.median, p95: s.p95, n: s.n });

main().catch((error: Error) => {
  console.error(`The bench failed: ${error.stack ?? error.message}`);
  process.exit(1);
});
