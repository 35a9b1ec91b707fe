/**
 * The child of the crash test: opens a data folder and writes through the storage layer in a loop until
 * it is killed. Every record's content is a function of its generation number, so the parent can tell an
 * old state from a new one from a torn one. After each save returns it prints `<key> <generation>`.
 */
import Conf from 'conf';
import fs from 'node:fs';
import { Backups } from '../../main/storage/backups';
import { DataStore } from '../../main/storage/dataStore';
import { layout } from '../../main/storage/paths';
import { openRepos } from '../../main/storage/repos';
import type { StoreClass } from '../../main/storage/storeClass';
import { DEFAULT_SETTINGS } from '../../shared/schemas/settings';
import { crashShift, CRASH_SHIFTS, generationOf, settingsGeneration } from './crashRecords';

const dir = process.argv[2];
// The storage layer alone, as openApp builds it, so the child starts quickly enough for 200 rounds.
const dirs = layout(dir);
const repos = openRepos(new DataStore(dirs, Conf as unknown as StoreClass, new Backups(dirs, Date.now), Date.now));
const gens = new Map<string, number>();
for (const s of repos.shifts.keys().flatMap((k) => Object.values(repos.shifts.partition(k)))) gens.set(s.id, generationOf(s));
let settingsGen = settingsGeneration(repos.settings.get());
fs.writeSync(1, 'ready\n');
for (let i = 0; ; i += 1) {
  const slot = i % (CRASH_SHIFTS + 1);
  if (slot === CRASH_SHIFTS) {
    settingsGen += 1;
    repos.settings.set({ ...DEFAULT_SETTINGS, organisationName: `gen ${settingsGen}` });
    fs.writeSync(1, `settings ${settingsGen}\n`);
    continue;
  }
  const before = crashShift(slot, gens.get(crashShift(slot, 0).id) ?? 0);
  const gen = generationOf(before) + 1;
  const next = crashShift(slot, gen);
  // Odd slots move between November and December: two files and the journal in one change.
  repos.shifts.put([next], [before]);
  gens.set(next.id, gen);
  fs.writeSync(1, `${next.id} ${gen}\n`);
}
