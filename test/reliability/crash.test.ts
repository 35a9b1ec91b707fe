import Conf from 'conf';
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
import { bundleChild, killRound } from './crashHarness';
import { crashShift, CRASH_SHIFTS, generationOf, settingsGeneration } from './crashRecords';

// 120 kills, 30 in each of four folders: 87 s of CPU at 200 was the suite's largest single cost, and the
// kills land at random moments, so each round is an independent try (the first version was measured from outside on 45).
const ROUNDS = 120;
const StoreClassConf = Conf as unknown as StoreClass;
const open = (dir: string) =>
  openApp({ dataDir: dir, StoreClass: StoreClassConf, mode: 'browser', version: 'crash', backupEveryMinutes: 0 });
let CHILD = '';

/** One folder killed `rounds` times in a row, checked after every kill. */
const lane = async (lane: number, rounds: number) => {
  const dir = tempDataDir(`sitedesk-crash-${lane}-`);
  const opened = open(dir);
  opened.app.repos.sites.putMany(seedSites(opened.app.clock, 'crashtest', Date.parse('2026-11-01T00:00:00Z')));
  opened.app.repos.shifts.put(Array.from({ length: CRASH_SHIFTS }, (_, slot) => crashShift(slot, 0)));
  opened.close();
  const acked = new Map<string, number>([
    ...Array.from({ length: CRASH_SHIFTS }, (_, slot) => [crashShift(slot, 0).id, 0] as [string, number]),
    ['settings', 0],
  ]);
  let writes = 0;
  let interrupted = 0;
  const leftovers = new Map<string, number>();
  for (let r = 0; r < rounds; r += 1) {
    const { acks, out } = await killRound(CHILD, [dir], 5 + Math.floor(Math.random() * 56));
    if (!out.startsWith('ready')) throw new Error(`lane ${lane} round ${r}: the writer did not start: ${out}`);
    for (const [key, gen] of acks) acked.set(key, Number(gen));
    writes += acks.length;
    if (fs.existsSync(path.join(dir, 'data/journal.json'))) interrupted += 1;
    // The folder exactly as the kill left it: only the states a kill can leave, nothing else.
    const raw = checkDataFolder(dir);
    expect(raw.problems, `lane ${lane} round ${r}: doctor on the folder as the kill left it`).toEqual([]);
    for (const e of raw.expected) {
      const kind = e.file === 'data/journal.json' ? 'journal' : e.file.startsWith('changes/') ? 'cut-off log line' : 'temp file';
      leftovers.set(kind, (leftovers.get(kind) ?? 0) + 1);
    }

    const reopened = open(dir);
    const { repos } = reopened.app;
    const seen = repos.shifts.keys().flatMap((k) => Object.values(repos.shifts.partition(k)));
    const settings = repos.settings.get();
    reopened.close();

    const where = `lane ${lane} round ${r}`;
    expect(seen.map((s) => s.id).sort(), `${where}: each shift exactly once`).toEqual(
      [...acked.keys()].filter((k) => k !== 'settings').sort(),
    );
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
  return { writes, interrupted, leftovers };
};

describe('crash test: SIGKILL at random moments while saving', () => {
  beforeAll(async () => {
    CHILD = await bundleChild('test/reliability/crashWriter.ts');
  });

  // Four folders side by side: a child spends most of its life starting up, so the lanes overlap well.
  it(`leaves every record in its old or its new state, and the folder healthy, after each of ${ROUNDS} kills`, async () => {
    const lanes = await Promise.all([0, 1, 2, 3].map((n) => lane(n, ROUNDS / 4)));
    const writes = lanes.reduce((a, l) => a + l.writes, 0);
    const interrupted = lanes.reduce((a, l) => a + l.interrupted, 0);
    // Every child was killed while saving in a loop: at least one save acknowledged per round.
    expect(writes).toBeGreaterThanOrEqual(ROUNDS);
    // The journal's replay really ran: some kills landed inside a multi-file save.
    expect(interrupted).toBeGreaterThan(0);
    const leftovers = new Map<string, number>();
    for (const l of lanes) for (const [k, n] of l.leftovers) leftovers.set(k, (leftovers.get(k) ?? 0) + n);
    console.info(
      `crash test: ${ROUNDS} kills, ${writes} saves acknowledged, ${interrupted} kills left a multi-file save to replay; ` +
        `left as the kill found them: ${[...leftovers].map(([k, n]) => `${n} × ${k}`).join(', ') || 'nothing'}`,
    );
  }, 900_000);
});
