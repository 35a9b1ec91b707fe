import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 30_000,
    // electron-store is inlined so the vi.mock('electron') in its test reaches it.
    server: { deps: { inline: ['electron-store'] } },
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
