import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

export default defineConfig({
  main: {
    build: {
      // Pure JS libraries go into the bundle: resolving and compiling zod's hundreds of little modules
      // one by one was most of the start-up time. pdfkit (reads its fonts from its own folder),
      // electron-store/conf and electron stay external.
      externalizeDeps: { exclude: ['zod', 'date-fns', '@date-fns/tz', 'safe-stable-stringify', '@noble/hashes', 'papaparse', 'ics'] },
      rollupOptions: {
        input: { index: resolve(__dirname, 'main/index.ts'), browser: resolve(__dirname, 'main/browser.ts') },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can require only 'electron': the contract and zod are bundled into it.
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
