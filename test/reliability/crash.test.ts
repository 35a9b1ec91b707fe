import Conf from 'conf';
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openApp } from '../../main/app';
import { seedSites } from '../../main/seed/sites';
import { checkDataFolder } from '../../main/storage/doctor';
import type { StoreClass } from '../../main/storage/storeClass';
import { DEFAULT_SETTINGS } from '../../shared/schemas/settings';
import type { Shift } from '../../shared/schemas/shift';
import { tempDataDir } from '../support/server';
import { crashShift, CRASH_SHIFTS, generationOf, settingsGeneration } from './crashRecords';

const ROUNDS = 200;
const StoreClassConf = Conf as unknown as StoreClass;
const open = (dir: string) => openApp({ dataDir: dir, StoreClass: StoreClassConf, mode: 'browser', version: 'crash', backupEveryMinutes: 0 });
// Bundled once, packages included, with esbuild (tsx's own compiler): a single file loads in about half
// the time of the same code importing its packages, and 200 children start one after another.
const CHILD = path.resolve('node_modules/.cache/sitedesk-tests/crashWriter.mjs');

/** Runs one writer, kills it with SIGKILL `delay` ms after it is ready, and returns what it acknowledged. */
const round = (dir: string, delay: number) =>
  new Promise<{ acks: [string, number][]; out: string }>((resolve) => {
    const child = spawn(process.execPath, [CHILD, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let armed = false;
    // A child that never gets a save through is killed anyway, and the round's checks still run.
    const stuck = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      // The clock starts at the first acknowledged save, so every kill lands in a child busy saving.
      if (!armed && out.startsWith('ready\n') && out.split('\n').length > 2) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), delay);
      }
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.once('close', () => {
      clearTimeout(stuck);
      const acks = out
        .split('\n')
        .slice(1)
        .filter((l) => /^\S+ \d+$/.test(l))
        .map((l) => [l.split(' ')[0], Number(l.split(' ')[1])] as [string, number]);
      resolve({ acks, out: out.slice(0, 200) + err });
    });
  });

/** One folder killed `rounds` times in a row, checked after every kill. */
const lane = async (lane: number, rounds: number) => {
  const dir = tempDataDir(`sitedesk-crash-${lane}-`);
  const opened = open(dir);
  opened.app.repos.sites.putMany(seedSites('crashtest', Date.parse('2026-11-01T00:00:00Z')));
  opened.app.repos.shifts.put(Array.from({ length: CRASH_SHIFTS }, (_, slot) => crashShift(slot, 0)));
  opened.close();
  const acked = new Map<string, number>([...Array.from({ length: CRASH_SHIFTS }, (_, slot) => [crashShift(slot, 0).id, 0] as [string, number]), ['settings', 0]]);
  let writes = 0;
  let interrupted = 0;
  for (let r = 0; r < rounds; r += 1) {
    const { acks, out } = await round(dir, 5 + Math.floor(Math.random() * 56));
    if (!out.startsWith('ready')) throw new Error(`lane ${lane} round ${r}: the writer did not start: ${out}`);
    for (const [key, gen] of acks) acked.set(key, gen);
    writes += acks.length;
    if (fs.existsSync(path.join(dir, 'data/journal.json'))) interrupted += 1;

    const reopened = open(dir);
    const { repos } = reopened.app;
    const seen = repos.shifts.keys().flatMap((k) => Object.values(repos.shifts.partition(k)));
    const settings = repos.settings.get();
    reopened.close();

    const where = `lane ${lane} round ${r}`;
    expect(seen.map((s) => s.id).sort(), `${where}: each shift exactly once`).toEqual([...acked.keys()].filter((k) => k !== 'settings').sort());
    for (const s of seen as Shift[]) {
      const gen = generationOf(s);
      expect([acked.get(s.id), acked.get(s.id)! + 1], `${where}: ${s.id} old or new`).toContain(gen);
      expect(s, `${where}: ${s.id} is whole`).toEqual(crashShift(Number(s.id.slice(-1)), gen));
      acked.set(s.id, gen);
    }
    const sGen = settingsGeneration(settings);
    expect([acked.get('settings'), acked.get('settings')! + 1], `${where}: settings old or new`).toContain(sGen);
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, organisationName: sGen === 0 ? DEFAULT_SETTINGS.organisationName : `gen ${sGen}` });
    acked.set('settings', sGen);
    expect(checkDataFolder(dir).problems, `${where}: doctor`).toEqual([]);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return { writes, interrupted };
};

describe('crash test: SIGKILL at random moments while saving', () => {
  beforeAll(async () => {
    await build({
      entryPoints: ['test/reliability/crashWriter.ts'],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: CHILD,
      logLevel: 'error',
      banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    });
  });

  // Four folders side by side: a child spends most of its life starting up, so the lanes overlap well.
  it(`leaves every record in its old or its new state, and the folder healthy, after each of ${ROUNDS} kills`, async () => {
    const lanes = await Promise.all([0, 1, 2, 3].map((n) => lane(n, ROUNDS / 4)));
    const writes = lanes.reduce((a, l) => a + l.writes, 0);
    const interrupted = lanes.reduce((a, l) => a + l.interrupted, 0);
    // Every child was killed while saving in a loop: at least one save acknowledged per round.
    expect(writes).toBeGreaterThanOrEqual(ROUNDS);
    console.info(`crash test: ${ROUNDS} kills, ${writes} saves acknowledged, ${interrupted} kills left a multi-file save to replay`);
  }, 900_000);
});
