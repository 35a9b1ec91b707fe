/**
 * Repair from the hub, for photos (issue 11): an incident photo taken at the desk reached the hub, then
 * its file was lost from the desk's disk. When the desk next starts, the photo comes back — the same
 * bytes — from its replica, or from the hub itself when the replica does not hold it, and the desk is
 * told. Real hub, real store.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteDb } from '../../../main/sync/provision';
import type { Session } from '../../../main/services/types';
import { okData, type TestApp } from '../../support/app';
import {
  closeAll,
  deskHasDirectory,
  HubProcess,
  hubAdminHeaders,
  openManagerAndDesk,
  openSyncApp,
  signIn,
  until,
  BIKE_SHED_INCIDENT,
} from './world';

const hub = new HubProcess();
let manager: TestApp;
let desk: TestApp;
let sup: Session;
// A 1×1 PNG, written by hand.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

beforeAll(async () => {
  ({ manager, desk, sup } = await openManagerAndDesk(hub, ['CH']));
  await deskHasDirectory(desk);
}, 60_000);

afterAll(() => closeAll(hub, [manager, desk]));

/** Closes the desk, lets `damage` change its folder, and opens it again signed in. */
const reopen = async (damage: (dir: string) => void) => {
  await desk.opened.app.sync!.settled();
  await desk.opened.stopSync();
  desk.opened.close();
  damage(desk.dir);
  desk = openSyncApp(desk.dir);
  sup = await signIn(desk, 'sup.ch');
};

describe('photos lost from disk', () => {
  it('brings a lost photo back from the replica, and from the hub when the replica lacks it too', async () => {
    const d = okData(await desk.call('incidents:create', BIKE_SHED_INCIDENT, sup));
    const { incident } = okData(
      await desk.call('incidents:add-photo', { id: d.incident.id, rev: d.incident.rev, name: 'shed.png', base64: PNG }, sup),
    );
    const photo = incident.photos[0];
    await until(
      'the hub has the photo',
      async () => (await fetch(`${hub.url}/${siteDb('CH')}/photo:${photo.file}`, { headers: hubAdminHeaders(hub) })).ok,
      30_000,
    );
    const file = (dir: string) => path.join(dir, 'photos', photo.file);
    const opens = async () => {
      const r = await desk.call('incidents:photo', { id: incident.id, photoId: photo.id }, sup);
      return r.ok ? r.data : null;
    };

    // The photo file is lost from the desk's disk (the replica beside the data still holds it).
    await reopen((dir) => fs.rmSync(file(dir)));
    await until('the photo is back on disk', () => fs.existsSync(file(desk.dir)), 30_000);
    expect(fs.readFileSync(file(desk.dir)).toString('base64')).toBe(PNG);
    expect(await opens()).toEqual({ dataUrl: `data:image/png;base64,${PNG}` });
    const notices = desk.opened.app.ds
      .notices()
      .filter((n) => /photo that was missing from this computer was brought back from the hub/.test(n.message));
    expect(notices).toHaveLength(1);

    // Lost again, and the site's replica with it (only the hub still has the photo): it comes from the hub.
    await reopen((dir) => {
      fs.rmSync(file(dir));
      fs.rmSync(path.join(dir, 'sync', siteDb('CH')), { recursive: true });
    });
    await until('the photo is back on disk again', () => fs.existsSync(file(desk.dir)), 30_000);
    expect(fs.readFileSync(file(desk.dir)).toString('base64')).toBe(PNG);
    expect(await opens()).toEqual({ dataUrl: `data:image/png;base64,${PNG}` });
  }, 120_000);
});
