import { defineConfig } from 'vitest/config';
import { isReplicaFault } from './main/sync/replicaGuard';

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 30_000,
    // Two test files at a time, on CI's two cores too (Vitest's default there is one). A third of the
    // run's wall time is waiting: hubs on loopback, replication, child processes killed and reopened.
    maxWorkers: 2,
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
        test: { name: 'conf', include: ['test/**/*.test.ts', 'test/**/*.test.tsx'], exclude: ['test/main/electronStore.test.ts'] },
      },
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
