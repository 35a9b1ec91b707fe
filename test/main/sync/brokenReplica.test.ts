/**
 * The replica beside the data folder can be damaged like any file on a disk. Sync cannot run on it, and
 * the status must say so: never "up to date" while nothing is being sent or received.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteDb } from '../../../main/sync/provision';
import type { TestApp } from '../../support/app';
import { closeAll, HubProcess, managerOnHub, openSyncApp, until } from './world';

const hub = new HubProcess();
let manager: TestApp;
let reopened: TestApp | undefined;

beforeAll(async () => {
  ({ manager } = await managerOnHub(hub, ['CH']));
  await until('the laptop is up to date', () => manager.opened.app.sync!.status().state === 'up-to-date');
  await manager.opened.stopSync();
  manager.opened.close();
}, 60_000);

afterAll(() => closeAll(hub, [reopened]));

describe('a damaged replica', () => {
  it('is not shown as up to date', async () => {
    // The replica's CURRENT file (which names its manifest) is damaged on disk.
    fs.writeFileSync(path.join(manager.dir, 'sync', siteDb('CH'), 'CURRENT'), 'not a manifest name');
    reopened = openSyncApp(manager.dir);
    const sync = reopened.opened.app.sync!;
    await new Promise((r) => setTimeout(r, 3000));
    const status = sync.status();
    expect(status.state).not.toBe('up-to-date');
    expect(status.rejected.map((r) => r.reason).join(' ')).toMatch(/sync/i);
  }, 60_000);
});
