/**
 * A hub that takes a request and never answers it (a laptop that slept mid-request, a proxy that holds
 * the connection) must not stop sync for good: bringing back a lost photo from the hub gives up after a
 * while, and stopping sync (closing the app, restarting sync after a fault) still finishes.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { okData, type TestApp } from '../../support/app';
import { BIKE_SHED_INCIDENT, openSyncApp, signIn } from './world';
import { seedDesk } from '../../support/deskWorld';

const held: http.ServerResponse[] = [];
const silent = http.createServer((_req, res) => void held.push(res));
let desk: TestApp | undefined;

afterAll(async () => {
  desk?.opened.close();
  for (const res of held) res.destroy();
  silent.closeAllConnections();
  await new Promise<void>((r) => silent.close(() => r()));
});

describe('a hub that never answers', () => {
  it('does not keep sync from stopping while a lost photo is asked for', async () => {
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    desk = openSyncApp();
    await seedDesk(desk.opened.app);
    const sup = await signIn(desk, 'sup.ch');
    const made = okData(await desk.call('incidents:create', BIKE_SHED_INCIDENT, sup)).incident;
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]).toString('base64');
    const withPhoto = okData(
      await desk.call('incidents:add-photo', { id: made.id, rev: made.rev, name: 'door.png', base64: png }, sup),
    ).incident;
    // The photo is lost from this disk: sync will ask the hub for it.
    fs.rmSync(path.join(desk.opened.app.dirs.photos, withPhoto.photos[0].file));

    const sync = desk.opened.app.sync!;
    const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    await sync.connect({ url, name: 'desk-ch', password: 'CH desk password 1', role: 'desk', sites: ['CH'] });
    await new Promise((r) => setTimeout(r, 1000));
    const outcome = await Promise.race([
      sync.stop().then(() => 'stopped'),
      new Promise((r) => setTimeout(() => r('still waiting after 45 s'), 45_000)),
    ]);
    expect(outcome).toBe('stopped');
  }, 120_000);
});
