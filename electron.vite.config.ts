import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import { channels } from './shared/contract';

export default defineConfig({
  main: {
    build: {
      // Pure JS libraries go into the bundle: resolving and compiling zod's hundreds of little modules
      // one by one was most of the start-up time. conf too (browser mode's store class): loaded from
      // node_modules it resolved and compiled ajv's ~100 CommonJS files one by one, about 0.15 s of every
      // browser-mode start. pdfkit (reads its fonts from its own folder), electron-store and electron
      // stay external.
      externalizeDeps: {
        exclude: ['conf', 'zod', 'date-fns', '@date-fns/tz', 'safe-stable-stringify', '@noble/hashes', 'papaparse', 'ics'],
      },
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'main/index.ts'),
          browser: resolve(__dirname, 'main/browser.ts'),
          // The auto-scheduler's worker thread (HiGHS blocks the thread it runs on).
          autofillWorker: resolve(__dirname, 'main/services/autofill/worker.ts'),
        },
      },
    },
  },
  preload: {
    // The preload needs only the channels' names: they are written into it here, at build time, so it
    // carries neither zod nor the contract's schemas (main parses every payload).
    define: { __SITEDESK_CHANNELS__: JSON.stringify(channels) },
    build: {
      // A sandboxed preload can require only 'electron'.
      externalizeDeps: false,
      rollupOptions: {
        input: { preload: resolve(__dirname, 'main/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: {
      // electron-vite leaves the renderer unminified; minified, Chromium parses a third of the bytes at start-up.
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
