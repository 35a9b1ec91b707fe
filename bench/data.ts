/**
 * Bench data: a generated demo folder per scale, cached under bench/.cache/ by scale, seed, day and a
 * hash of the generator's source, so a rerun reuses it and a changed generator makes a new one. Each
 * measurement works on a hard-linked clone of the cached folder: every SiteDesk write replaces a file
 * by rename, so the clone's writes never reach the cache, and a clone of a decade costs links, not a GB.
 */
import Conf from 'conf';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { generateDemo, type Scale } from '../main/seed/demo';
import type { StoreClass } from '../main/storage/storeClass';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const CACHE = path.join(ROOT, 'bench', '.cache');
export const StoreClassConf = Conf as unknown as StoreClass;

/** A hash of everything that decides what the generator writes. */
export const generatorVersion = (): string => {
  const h = createHash('sha1');
  const files = [
    ...fs.readdirSync(path.join(ROOT, 'main/seed')).map((f) => `main/seed/${f}`),
    ...fs.readdirSync(path.join(ROOT, 'shared/schemas')).map((f) => `shared/schemas/${f}`),
    'main/storage/meta.ts',
  ];
  for (const f of files.sort()) h.update(f).update(fs.readFileSync(path.join(ROOT, f)));
  return h.digest('hex').slice(0, 10);
};

export interface BenchData {
  dir: string;
  scale: Scale;
  cached: boolean;
  generateMs: number | null;
  summary: { shifts: number; incidents: number; logEntries: number; attendance: number; staff: number; files: number; bytes: number };
}

const SUMMARY = 'bench-summary.json';

const sizeOf = (dir: string): { files: number; bytes: number } => {
  let files = 0;
  let bytes = 0;
  for (const e of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    files += 1;
    bytes += fs.statSync(path.join(e.parentPath, e.name)).size;
  }
  return { files, bytes };
};

/** The cached folder for a scale, generating it first when missing. */
/**
 * Every bench scale has the product's design load of about 1,000 shifts a week (230 people, as the
 * decade demo has), so the scales differ only in how much history they hold and a decade/month ratio
 * measures history, not a bigger week.
 */
export const BENCH_STAFF = 230;

export const ensureData = async (scale: Scale, seed: number, now: number, log: (s: string) => void): Promise<BenchData> => {
  const key = `${scale}-staff${BENCH_STAFF}-seed${seed}-${new Date(now).toISOString().slice(0, 10)}-gen${generatorVersion()}`;
  const dir = path.join(CACHE, key);
  if (fs.existsSync(path.join(dir, SUMMARY))) {
    const saved = JSON.parse(fs.readFileSync(path.join(dir, SUMMARY), 'utf8')) as BenchData;
    return { ...saved, dir, cached: true };
  }
  // Built under a .partial name and renamed when complete, so an interrupted run is never reused.
  const partial = `${dir}.partial`;
  fs.rmSync(partial, { recursive: true, force: true });
  fs.mkdirSync(partial, { recursive: true });
  log(`generating ${scale} data (seed ${seed}) into ${path.relative(ROOT, dir)} …`);
  const started = performance.now();
  const s = await generateDemo({
    dataDir: partial,
    StoreClass: StoreClassConf,
    scale,
    seed,
    now,
    staff: BENCH_STAFF,
    progress: (line) => log(`  ${line}`),
  });
  const generateMs = performance.now() - started;
  const data: BenchData = {
    dir,
    scale,
    cached: false,
    generateMs,
    summary: {
      shifts: s.counts.shifts,
      incidents: s.counts.incidents,
      logEntries: s.counts.logEntries,
      attendance: s.counts.attendance,
      staff: s.counts.staff,
      ...sizeOf(path.join(partial, 'data')),
    },
  };
  fs.writeFileSync(path.join(partial, SUMMARY), JSON.stringify(data));
  fs.renameSync(partial, dir);
  return data;
};

/** A working copy of a cached folder made of hard links (copies where links are impossible). */
export const cloneData = (from: string, label: string): string => {
  const to = path.join(CACHE, 'work', `${label}-${process.pid}-${Date.now()}`);
  const walk = (src: string, dst: string) => {
    fs.mkdirSync(dst, { recursive: true });
    for (const e of fs.readdirSync(src, { withFileTypes: true })) {
      const a = path.join(src, e.name);
      const b = path.join(dst, e.name);
      if (e.isDirectory()) walk(a, b);
      else if (e.isFile() && e.name !== SUMMARY) {
        try {
          fs.linkSync(a, b);
        } catch {
          fs.copyFileSync(a, b);
        }
      }
    }
  };
  walk(from, to);
  return to;
};

/** Removes a working copy. */
export const dropClone = (dir: string): void => fs.rmSync(dir, { recursive: true, force: true });
