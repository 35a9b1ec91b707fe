/** Opening a data folder, and one shift edit through SiteDesk's storage versus one plain conf file. */
import Conf from 'conf';
import fs from 'node:fs';
import path from 'node:path';
import { openApp } from '../main/app';
import type { Shift } from '../shared/schemas/shift';
import { StoreClassConf } from './data';
import { summarise, timeEach, type Stat } from './stats';

const open = (dir: string) =>
  openApp({ dataDir: dir, StoreClass: StoreClassConf, mode: 'browser', version: 'bench', backupEveryMinutes: 0 });

/**
 * openApp on the folder until it can serve requests, closed again (untimed) each time. The start-up
 * backup is not part of it: it is taken in slices after opening (or at once by the first write).
 */
export const storeOpen = async (dir: string, reps: number): Promise<{ open: Stat; backup: Stat }> => {
  const samples: number[] = [];
  for (let i = 0; i < reps; i += 1) {
    const t = performance.now();
    const opened = open(dir);
    samples.push(performance.now() - t);
    opened.close();
  }
  // What that background snapshot costs in all: the same snapshot taken at once.
  const opened = open(dir);
  const backup = await timeEach(reps, () => opened.app.ds.backups.snapshot('bench'));
  opened.close();
  return { open: summarise(samples), backup: summarise(backup) };
};

/** The newest month's shifts, so every edit is to a record a planner would touch. */
const latestShifts = (repos: ReturnType<typeof open>['app']['repos']): Shift[] => {
  const keys = repos.shifts.keys();
  const month = keys[keys.length - 1].slice(0, 7);
  return repos.shifts.inMonths([month]).filter((s) => !s.deleted);
};

/** One shift edit at a time through repos.shifts.put, as the rota service would save it. */
export const sitedeskEdits = async (dir: string, reps: number): Promise<{ stat: Stat; partitionBytes: number; floor: Stat }> => {
  const opened = open(dir);
  try {
    const { repos } = opened.app;
    const shifts = latestShifts(repos);
    const warm = shifts[0];
    repos.shifts.put([{ ...warm, notes: 'warm-up' }]);
    const samples = await timeEach(reps, (i) => {
      const s = shifts[i % shifts.length];
      repos.shifts.put([{ ...s, notes: `bench edit ${i}`, rev: s.rev + 1 }]);
    });
    const file = path.join(opened.app.dirs.data, `partitions/shifts/${repos.shifts.partitionOf(warm)}.json`);
    return { stat: summarise(samples), partitionBytes: fs.statSync(file).size, floor: await diskFloor(file, reps) };
  } finally {
    opened.close();
  }
};

/**
 * The same edit in two folders, one after the other in turn, so both see the same disk: on a shared
 * machine the disk's speed changes from minute to minute, and two runs minutes apart compare the disk
 * as much as SiteDesk.
 */
export const interleavedEdits = async (dirA: string, dirB: string, reps: number): Promise<{ a: Stat; b: Stat }> => {
  const a = open(dirA);
  const b = open(dirB);
  try {
    const sides = [a, b].map((o) => ({ repos: o.app.repos, shifts: latestShifts(o.app.repos) }));
    for (const side of sides) side.repos.shifts.put([{ ...side.shifts[0], notes: 'warm-up' }]);
    const times: [number[], number[]] = [[], []];
    for (let i = 0; i < reps; i += 1) {
      // Alternate which goes first, so neither always follows the other's fsync.
      for (const k of i % 2 === 0 ? [0, 1] : [1, 0]) {
        const { repos, shifts } = sides[k];
        const s = shifts[i % shifts.length];
        const t = performance.now();
        repos.shifts.put([{ ...s, notes: `interleaved edit ${i}`, rev: s.rev + 1 }]);
        times[k].push(performance.now() - t);
      }
    }
    return { a: summarise(times[0]), b: summarise(times[1]) };
  } finally {
    a.close();
    b.close();
  }
};

/**
 * What the disk alone costs for the same durable save: the same bytes written to a temp file beside the
 * partition, fsynced and renamed over a copy, with plain node:fs and nothing else. An edit cannot be
 * faster than this without giving up the guarantee that an acknowledged save survives a power cut.
 */
const diskFloor = async (file: string, reps: number): Promise<Stat> => {
  const bytes = fs.readFileSync(file);
  const target = `${file}.floor`;
  const samples = await timeEach(reps, (i) => {
    const tmp = `${target}.tmp-${i}`;
    const fd = fs.openSync(tmp, 'w');
    fs.writeSync(fd, bytes);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(tmp, target);
  });
  fs.rmSync(target, { force: true });
  return summarise(samples);
};

/**
 * The baseline: every shift of the folder in one plain conf (electron-store's base class) file, edited
 * the way an app built on electron-store would: `store.set('shifts.<id>', shift)`, which reads, parses,
 * validates and rewrites the whole file.
 */
export const baselineEdits = async (
  dir: string,
  workDir: string,
  reps: number,
): Promise<{ stat: Stat; fileBytes: number; shifts: number }> => {
  const opened = open(dir);
  const all: Shift[] = [];
  let latest: Shift[];
  try {
    const { repos } = opened.app;
    for (const k of repos.shifts.keys()) all.push(...Object.values(repos.shifts.partition(k)));
    latest = latestShifts(repos);
  } finally {
    opened.close();
  }
  const cwd = path.join(workDir, 'baseline');
  const store = new Conf<{ shifts: Record<string, Shift> }>({ cwd, configName: 'sitedesk', projectName: 'sitedesk' });
  store.store = { shifts: Object.fromEntries(all.map((s) => [s.id, s])) };
  const shifts = all.length;
  all.length = 0;
  store.set(`shifts.${latest[0].id}`, { ...latest[0], notes: 'warm-up' });
  const samples = await timeEach(reps, (i) => {
    const s = latest[i % latest.length];
    store.set(`shifts.${s.id}`, { ...s, notes: `bench edit ${i}`, rev: s.rev + 1 });
  });
  const fileBytes = fs.statSync(store.path).size;
  fs.rmSync(cwd, { recursive: true, force: true });
  return { stat: summarise(samples), fileBytes, shifts };
};
