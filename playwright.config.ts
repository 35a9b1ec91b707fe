import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, journeyChromiumPath } from './scripts/chromium-path.mjs';

/**
 * The longest journeys (seconds each on a quiet machine, measured 2 Dec 2026) start first. Playwright hands
 * tests to its workers in the order of its projects, then of the files (alphabetical), so with one project
 * the longest, syncTwo, started last and ran alone at the end while the other worker sat idle.
 */
const LONGEST = ['syncTwo.spec.ts', 'autofill.spec.ts']; // 84 s; 60 s and 17 s
const LONG = ['plannerGrid.spec.ts', 'sync.spec.ts', 'syncFirst.spec.ts', 'leave.spec.ts', 'incidents.spec.ts']; // 32-45 s
const glob = (files: string[]) => files.map((f) => `**/${f}`);

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  projects: [
    { name: 'longest', testMatch: glob(LONGEST) },
    { name: 'long', testMatch: glob(LONG) },
    { name: 'journeys', testIgnore: glob([...LONGEST, ...LONG]) },
  ],
  // Shared build machines run at a load of 10+ per core at times; the same journeys took 1 min 40 s there.
  timeout: 180_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    viewport: { width: 1360, height: 860 },
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: journeyChromiumPath() ?? undefined,
      args: CHROMIUM_ARGS,
    },
  },
});
