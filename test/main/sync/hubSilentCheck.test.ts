/**
 * A hub that says it is there (`GET /` answers) but never answers a request made with this install's name and
 * password (a proxy holding the connection, a hub stuck behind its front door). The check of the name and
 * password gives up after a set time, and the status then says the hub cannot be reached, instead of
 * standing at "Up to date" or "Syncing" for ever.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/app';
import { seedDesk } from '../../support/deskWorld';
import { syncText } from '../../../renderer/features/sync/labels';
import { until } from './world';

const held: http.ServerResponse[] = [];
const frontDoorOnly = http.createServer((req, res) => {
  if (req.url === '/' && !req.headers.authorization) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ couchdb: 'Welcome' }));
    return;
  }
  held.push(res);
});
let desk: TestApp | undefined;

afterAll(async () => {
  await desk?.opened.app.sync?.stop();
  desk?.opened.close();
  for (const res of held) res.destroy();
  frontDoorOnly.closeAllConnections();
  await new Promise<void>((r) => frontDoorOnly.close(() => r()));
});

describe('a hub that never answers the check of this install’s name and password', () => {
  it('is shown as offline once the check has waited its set time', async () => {
    await new Promise<void>((r) => frontDoorOnly.listen(0, '127.0.0.1', () => r()));
    desk = openTestApp({ sync: { maxBackOffMs: 500, probeMs: 500, hubAnswerMs: 1000 } });
    await seedDesk(desk.opened.app);
    const sync = desk.opened.app.sync!;
    const url = `http://127.0.0.1:${(frontDoorOnly.address() as AddressInfo).port}`;
    await sync.connect({ url, name: 'desk-ch', password: 'CH desk password 1', role: 'desk', sites: ['CH'] });
    await until('the status says offline', () => sync.status().state === 'offline', 10_000).catch(() => undefined);
    expect(syncText(sync.status())).toMatch(/^Offline/);
    // The hub's front door still answers each probe: that alone does not make it reachable again.
    await new Promise((r) => setTimeout(r, 1500));
    expect(syncText(sync.status())).toMatch(/^Offline/);
  }, 30_000);
});
