import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const pureShared = {
  patterns: [
    {
      group: [
        'electron',
        'electron-store',
        'conf',
        'react',
        'react-dom',
        'zustand',
        'node:*',
        'fs',
        'path',
        'os',
        'crypto',
        'child_process',
      ],
      message: 'shared/ is pure: it runs in the renderer and in main, so no Node, Electron or React.',
    },
    { group: ['**/main/**', '**/renderer/**'], message: 'shared/ must not depend on main/ or renderer/.' },
  ],
};
const noIpc = {
  paths: [
    {
      name: 'electron',
      importNames: ['ipcMain', 'ipcRenderer'],
      message: 'ipcMain/ipcRenderer only in main/ipc/handle.ts and main/preload.ts.',
    },
  ],
};

export default tseslint.config(
  {
    // Bundled configs that electron-vite and vite write for a moment while a build runs beside the lint (a lint in CI
    // once failed reading one that was already gone).
    ignores: [
      '*.config.ts.*.mjs',
      '*.config.ts.timestamp-*.mjs',
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'bench/results/**',
      'bench/.cache/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'electron-store', 'conf', 'node:*', '**/main/**'],
              message: 'The renderer reaches main only through renderer/api.ts.',
            },
          ],
        },
      ],
    },
  },
  { files: ['shared/**/*.ts'], rules: { 'no-restricted-imports': ['error', pureShared] } },
  { files: ['main/**/*.ts'], ignores: ['main/ipc/handle.ts', 'main/preload.ts'], rules: { 'no-restricted-imports': ['error', noIpc] } },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/index.ts', 'main/window.ts', 'main/preload.ts', 'main/ipc/handle.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...noIpc,
          paths: [
            {
              name: 'electron',
              message:
                'Only main/index.ts, main/window.ts, the preload and main/ipc/handle.ts import electron; services get what they need passed in.',
            },
            { name: 'electron-store', message: 'The store class is passed in by the entry point.' },
          ],
        },
      ],
    },
  },
);
