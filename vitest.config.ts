import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    environment: 'node',
    // Generous: scrypt-heavy tests and CLI spawns run on 2 cores shared by several builds at once.
    testTimeout: 60_000,
    hookTimeout: 30_000,
    // electron-store is inlined so the vi.mock('electron') in its test reaches it.
    server: { deps: { inline: ['electron-store'] } },
  },
});
