import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    environment: 'node',
    // Generous: these machines are shared, and scrypt-heavy service tests slow down several-fold under load.
    testTimeout: 60_000,
    hookTimeout: 30_000,
    // electron-store is inlined so the vi.mock('electron') in its test reaches it.
    server: { deps: { inline: ['electron-store'] } },
  },
});
