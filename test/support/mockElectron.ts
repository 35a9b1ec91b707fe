/**
 * Setup for the test project that runs the storage and foundation suites on the real electron-store:
 * electron-store loads `electron` at import, and this stands in for Electron's app (TOOLCHAIN.md).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { vi } from 'vitest';

const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'sitedesk-es-'));
vi.mock('electron', () => {
  const e = {
    app: { getPath: () => userData, getVersion: () => '0.0.0', getName: () => 'sitedesk' },
    ipcMain: { on() {}, handle() {} },
    shell: { openPath: async () => '' },
  };
  return { default: e, ...e };
});
