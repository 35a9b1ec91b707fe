import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// electron-store loads `electron` at import; this stands in for Electron's app so the real
// electron-store class runs the same storage code the desktop app runs.
const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'sitedesk-es-'));
vi.mock('electron', () => {
  const e = {
    app: { getPath: () => tmpRoot, getVersion: () => '0.0.0', getName: () => 'sitedesk' },
    ipcMain: { on() {}, handle() {} },
    shell: { openPath: async () => '' },
  };
  return { default: e, ...e };
});

const { default: ElectronStore } = await import('electron-store');
const { openTestApp, withManager } = await import('../support/app');

describe('the storage layer on the real electron-store', () => {
  it('sets up, signs in after a restart, and recovers a damaged file from backup', async () => {
    const t = openTestApp({ StoreClass: ElectronStore as never });
    await withManager(t);
    t.opened.app.ds.backupIfChanged('test', true);
    const sitesFile = path.join(t.dir, 'data/directory/sites.json');
    expect(Object.keys(JSON.parse(fs.readFileSync(sitesFile, 'utf8')).records)).toHaveLength(15);

    fs.writeFileSync(sitesFile, '\u0000\u0000garbage');
    const again = t.reopen();
    const s = again.session();
    expect(await again.call('auth:sign-in', { username: 'maria', password: 'correct horse 1' }, s)).toMatchObject({ ok: true });
    const sites = await again.call('sites:list', {}, s);
    expect(sites.ok && sites.data).toHaveLength(15);
    const info = await again.call('system:info', {}, s);
    expect(info.ok && info.data.notices.map((n) => n.kind)).toEqual(['restored']);
  });
});
