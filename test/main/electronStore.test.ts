import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Runs in the electron-store test project, whose setup (test/support/mockElectron.ts) stands in for Electron's app.
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
