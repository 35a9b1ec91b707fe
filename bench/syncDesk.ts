/**
 * One new desk's first sync, as its own process (bench/syncInitial.ts runs it, for this code or an older
 * build's): connects an empty folder as the desk of `--site`, samples the status line the shell shows
 * every 500 ms, and stops when the desk is up to date with every record of the site in storage, or when
 * `--budget` seconds have passed. Prints one line of JSON.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import Conf from 'conf';
import { openApp } from '../main/app';
import type { StoreClass } from '../main/storage/storeClass';
import { recordsOfDocIds } from './hubRecords';

const { values } = parseArgs({
  options: {
    hub: { type: 'string' },
    site: { type: 'string' },
    name: { type: 'string' },
    password: { type: 'string' },
    dir: { type: 'string' },
    budget: { type: 'string', default: '600' },
  },
});
const count = new Intl.NumberFormat('en-GB');

const main = async () => {
  const site = values.site!;
  const budgetS = Number(values.budget);
  // How many records the hub's site database holds: what the desk will have in storage when done.
  const auth = `Basic ${Buffer.from(`${values.name}:${values.password}`).toString('base64')}`;
  const db = `${values.hub}/sitedesk_site_${site.toLowerCase()}`;
  // Every document id (not the documents), counted as the records they make (bench/hubRecords.ts).
  const res = await fetch(`${db}/_all_docs`, { headers: { authorization: auth } });
  const wanted = recordsOfDocIds(((await res.json()) as { rows: { id: string }[] }).rows.map((r) => r.id));
  fs.mkdirSync(values.dir!, { recursive: true });
  const opened = openApp({
    dataDir: values.dir!,
    StoreClass: Conf as unknown as StoreClass,
    mode: 'browser',
    version: 'bench',
    backupEveryMinutes: 0,
  });
  const { app } = opened;
  const held = () =>
    (['shifts', 'attendance', 'incidents', 'log'] as const).reduce(
      (n, k) =>
        n +
        app.repos[k].keys().reduce((m, key) => m + (key.endsWith(`/${site}`) ? Object.keys(app.repos[k].partitionOnce(key)).length : 0), 0),
      0,
    );
  const progress: string[] = [];
  const cpu = process.cpuUsage();
  const t = performance.now();
  await app.sync!.connect({ url: values.hub!, name: values.name!, password: values.password!, role: 'desk', sites: [site] });
  let seconds: number | null = null;
  let samples = 0;
  for (;;) {
    await new Promise((r) => setTimeout(r, 500));
    const s = app.sync!.status();
    const line = s.state === 'syncing' ? `Syncing ${count.format(s.done)} of ${count.format(s.total)}` : s.state;
    samples += 1;
    progress.push(`${((performance.now() - t) / 1000).toFixed(1)} s: ${line}`);
    if (process.env.SYNC_DESK_PROGRESS_FILE) fs.appendFileSync(process.env.SYNC_DESK_PROGRESS_FILE, `${progress.at(-1)}\n`);
    if (s.state === 'up-to-date' && held() >= wanted) {
      seconds = (performance.now() - t) / 1000;
      break;
    }
    if ((performance.now() - t) / 1000 > budgetS) break;
  }
  // CPU the desk process used (all its threads: JavaScript and leveldb's), a figure the load beside it changes less than the wall clock.
  const used = process.cpuUsage(cpu);
  const cpuS = Math.round((used.user + used.system) / 1e5) / 10;
  await opened.stopSync();
  const records = held();
  opened.close();
  // The first few and the last few samples are enough to show what the status line said.
  const shown = progress.length > 12 ? [...progress.slice(0, 6), '…', ...progress.slice(-6)] : progress;
  console.log(JSON.stringify({ seconds, records, wanted, budgetS, progress: shown, progressSamples: samples, cpuS }));
  process.exit(0);
};

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
