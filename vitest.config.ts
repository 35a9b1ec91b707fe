import fs from 'node:fs';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';
import { isReplicaFault } from './main/sync/replicaGuard.js';

/**
 * The files that take longest (seconds each in the fresh-clone run of 4 Dec 2026), in the order they start
 * within their project (Vitest queues the projects' files one project after another: most of these are in
 * `shared-modules`, exchange in `conf`). A fresh checkout has no timings cached, and Vitest would then start
 * the largest files first: small files that take long (the electronegativity scan, two of the solver's, a
 * sync test) started among the last and ran with the other worker idle. Started first, the long files
 * overlap and the many short ones fill in around them.
 *
 * The soak starts third: by then the crash test, which starts before the solver's property test and is
 * shorter, has ended, so the soak runs beside the property test and then the short files. Started beside
 * the crash test (second in this list, 2 Dec, when the journeys, type check and lint ran beside the tests at
 * equal priority: load 15), its 17 installs took five times as long to set up (72-196 s against 16 s) and a
 * seed ran out of time. Left to Vitest's order instead, its file being small, it started last: 55 s of the
 * fresh-clone run of 4 Dec with the other worker idle once the short files were done. The hub answer test's
 * 12 s are a real wait that uses no CPU; it starts next, beside the soak, which has a hub and killed desks
 * of its own to run on the core it leaves.
 */
const LONGEST_FIRST = [
  'test/reliability/crash.test.ts', // 42 s at 120 kills
  'test/main/autofill/property.test.ts', // 53 s
  'test/main/sync/soak.test.ts', // 55 s
  'test/main/sync/hubAnswer.test.ts', // 12 s, a real wait
  'test/main/exchange.test.ts', // 27 s
  'test/main/sync/replication.test.ts', // 21 s
  'test/security/electronegativity.test.ts', // 22 s (27 s while its network look-ups were retried)
  'test/main/autofill/dive.test.ts', // 19 s
  'test/main/autofill/repair.test.ts', // 19 s
  'test/main/sync/conflicts.test.ts', // 17 s
  'test/main/sync/appendOnly.test.ts', // 16 s
  'test/reliability/crashDamage.test.ts', // 16 s
  'test/main/sync/witness.test.ts', // 15 s
  'test/main/sync/hubSecrets.test.ts', // 13 s
  'test/shared/domain/rota/lookBack.test.ts', // 13 s
  'test/main/sync/newSites.test.ts', // 13 s
  'test/reliability/badInput.test.ts', // 12 s
  'test/reliability/corrupt.test.ts', // 12 s
  'test/security/signInThrottle.test.ts', // 12 s (39 s while the guesser's pauses were real waits)
  'test/main/autofill/worker.test.ts', // 9 s
  'test/main/sync/firstSync.test.ts', // 9 s
  'test/main/sync/events.test.ts', // 8 s
];

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const at = LONGEST_FIRST.findIndex((name) => f.moduleId.endsWith(name));
      return at < 0 ? LONGEST_FIRST.length : at;
    };
    // Stable: within a project, the listed files first in the listed order, the rest as Vitest had them.
    return sorted
      .map((f, i) => ({ f, i }))
      .sort((a, b) => (a.f.project.name !== b.f.project.name ? a.i - b.i : rank(a.f) - rank(b.f) || a.i - b.i))
      .map(({ f }) => f);
  }
}

/**
 * Files that load no shared state between them (pure domain rules, main's services, sync and reliability
 * each on its own temp folders) run without a fresh module graph per file: that halves the domain tests'
 * CPU time (52 → 25 s). Files that mock modules, hold module state (the renderer's store) or measure the
 * heap keep isolation.
 */
const ISOLATED_IN_MAIN = ['desktop.test.ts', 'electronStore.test.ts', 'exchange.test.ts'];
/** The test files directly in `dir`, less those named in `isolated`. */
const testFilesIn = (dir: string, isolated: string[]) =>
  fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.test.ts') && !isolated.includes(f))
    .map((f) => `${dir}/${f}`);
/**
 * Security tests that mock `electron` for the file (a mock must not reach the next file's imports), and the
 * session table's heap bound, which must not count what earlier files left in the process.
 */
const ISOLATED_IN_SECURITY = ['ipcSessions.test.ts', 'isAppUrl.test.ts', 'sessions.test.ts'];
const SHARED_MODULES = [
  'test/shared/**/*.test.ts',
  'test/main/rota/**/*.test.ts',
  'test/main/exports/**/*.test.ts',
  // The solver's tests: pure models and HiGHS, no hub, no server, no mocks (14 files, 15 s of imports alone).
  'test/main/autofill/**/*.test.ts',
  // Sync, reliability and security: each test opens its installs, hubs and children on its own temp folders;
  // hubs are stopped after every file (stopHubs.ts), and the replica guard and a hub's exit handler are removed
  // by what installed them. Without a fresh module graph per file, sync's 17 files took 213 s of CPU against
  // 245 s, and reliability and security 138 s against 162 s (4 Dec).
  'test/main/sync/**/*.test.ts',
  'test/reliability/**/*.test.ts',
  ...testFilesIn('test/security', ISOLATED_IN_SECURITY),
  ...testFilesIn('test/main', ISOLATED_IN_MAIN),
];

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 30_000,
    // Two test files at a time, on CI's two cores too (Vitest's default there is one): much of a file's
    // time is waiting (hubs on loopback, replication, child processes killed and reopened). Since 4 Dec
    // the journeys run after the unit tests, not beside them; alone, two files at a time leave the cores
    // idle 5% of the run. Three was tried on 2 Dec, beside the journeys, type check and lint: load 12-16,
    // the soak's set-up took 104 s instead of 16 and a seed ran past its 300 s bound.
    maxWorkers: 2,
    sequence: { sequencer: LongestFirst },
    setupFiles: ['test/support/stopHubs.ts'],
    // One build of the app for the run, made by the first file that reads one (see test/support/freshBuild.ts).
    globalSetup: ['test/support/sharedBuild.ts'],
    // electron-store is inlined so the vi.mock('electron') in its test reaches it.
    server: { deps: { inline: ['electron-store'] } },
    // A fault thrown inside PouchDB's own callbacks (apache/pouchdb#4518) is what the app's replica guard
    // catches and answers by restarting sync; the sync soak installs that guard too. It is printed, not
    // counted as a failure: the tests' own checks (every write there, every replica agreeing) still judge.
    // Any other unhandled error still fails the run.
    onUnhandledError(error) {
      const asError = Object.assign(new Error(error.message), { stack: error.stack ?? '' });
      if (!isReplicaFault(asError)) return;
      console.warn(`A replica fault inside PouchDB, handled by the replica guard: ${error.message}`);
      return false;
    },
    projects: [
      {
        extends: true,
        test: {
          name: 'conf',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          exclude: ['test/main/electronStore.test.ts', ...SHARED_MODULES],
        },
      },
      { extends: true, test: { name: 'shared-modules', include: SHARED_MODULES, isolate: false } },
      // The foundation and storage suites again on the real electron-store, the class the desktop app uses.
      {
        extends: true,
        test: {
          name: 'electron-store',
          include: ['test/main/foundation.test.ts', 'test/main/storage.test.ts', 'test/main/electronStore.test.ts'],
          env: { SITEDESK_TEST_STORE: 'electron-store' },
          setupFiles: ['test/support/mockElectron.ts'],
        },
      },
    ],
  },
});
