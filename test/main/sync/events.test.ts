/**
 * Append-only records travel as one immutable document per event: each log entry, each incident photo
 * (the image as the document's CouchDB attachment) and each incident history head. Checked on the hub
 * itself and on the receiving install.
 */
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLE_DESK, siteDb, siteRole, writeRule } from '../../../main/sync/provision';
import type { Session } from '../../../main/services/types';
import { okData, type TestApp } from '../../support/app';
import { closeAll, deskHasDirectory, HubProcess, hubAdminHeaders, openManagerAndDesk, until, BIKE_SHED_INCIDENT } from './world';

const SITES = ['CH'];
const hub = new HubProcess();
let manager: TestApp;
let desk: TestApp;
let sup: Session;
let m: Session;
// A 1×1 PNG, written by hand.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

const admin = () => hubAdminHeaders(hub);

beforeAll(async () => {
  ({ manager, m, desk, sup } = await openManagerAndDesk(hub, SITES));
  await deskHasDirectory(desk);
}, 60_000);

afterAll(() => closeAll(hub, [manager, desk]));

describe('append-only records as one immutable document per event', () => {
  it('sends a photo taken at the desk as its own document with the image attached, and the manager sees it', async () => {
    const d = okData(await desk.call('incidents:create', BIKE_SHED_INCIDENT, sup));
    const withPhoto = okData(
      await desk.call('incidents:add-photo', { id: d.incident.id, rev: d.incident.rev, name: 'shed.png', base64: PNG }, sup),
    );
    const photo = withPhoto.incident.photos[0];
    // On the hub: the photo's own document, holding the very bytes as its attachment.
    await until(
      'the hub has the photo',
      async () => (await fetch(`${hub.url}/${siteDb('CH')}/photo:${photo.file}`, { headers: admin() })).ok,
      30_000,
    );
    const image = await fetch(`${hub.url}/${siteDb('CH')}/photo:${photo.file}/image`, { headers: admin() });
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await image.arrayBuffer()).toString('base64')).toBe(PNG);
    // At the manager: the incident names the photo and the photo opens.
    await until(
      'the manager has the incident with its photo',
      () => manager.opened.app.repos.incidents.inMonths(['2026-11'], ['CH']).some((i) => i.id === d.incident.id && i.photos.length === 1),
      30_000,
    );
    const shown = okData(await manager.call('incidents:photo', { id: d.incident.id, photoId: photo.id }, m));
    expect(shown.dataUrl).toBe(`data:image/png;base64,${PNG}`);
  }, 90_000);

  it('keeps each log entry its own document that is written once', async () => {
    const line = okData(
      await desk.call('log:add', { site: 'CH', date: '2026-11-25', time: '07:00', kind: 'patrol', text: 'Checked the bike shed.' }, sup),
    );
    await until(
      'the hub has the entry',
      async () => (await fetch(`${hub.url}/${siteDb('CH')}/log:${line.entry.id}`, { headers: admin() })).ok,
      30_000,
    );
    const doc = (await fetch(`${hub.url}/${siteDb('CH')}/log:${line.entry.id}`, { headers: admin() }).then((r) => r.json())) as {
      _rev: string;
      record: { text: string };
    };
    expect(doc.record.text).toBe('Checked the bike shed.');
    expect(doc._rev.startsWith('1-')).toBe(true);
  }, 60_000);

  it('writes only documents that Apache CouchDB’s write rule for the site lets a desk write', async () => {
    // The rule a real CouchDB hub runs on every write to CH's database (the test hub runs without it: see
    // ProvisionOptions.writeRules), run here on what the desk's work above put on the hub: an incident with its
    // photo, edited twice more so its chain has entries before the last, the history heads, and a log entry.
    const d = okData(await desk.call('incidents:create', { ...BIKE_SHED_INCIDENT, details: 'Second look at the bike shed.' }, sup));
    const e = okData(await desk.call('incidents:update', { id: d.incident.id, rev: d.incident.rev, patch: { severity: 'high' } }, sup));
    okData(await desk.call('incidents:update', { id: e.incident.id, rev: e.incident.rev, patch: { location: 'Car park' } }, sup));
    const all = async () =>
      (
        (await fetch(`${hub.url}/${siteDb('CH')}/_all_docs?include_docs=true`, { headers: admin() }).then((r) => r.json())) as {
          rows: { id: string; doc: Record<string, unknown> & { _id: string } }[];
        }
      ).rows.filter((r) => !r.id.startsWith('_design/') && !r.id.startsWith('roster:'));
    await until('the hub has the third entry of the incident', async () =>
      (await all()).some((r) => r.id.startsWith(`incident-entry:${d.incident.id}:000002:`)),
    );
    const docs = (await all()).map((r) => r.doc);
    const kinds = new Set(docs.map((doc) => doc._id.split(':')[0]));
    expect([...kinds].sort()).toEqual(expect.arrayContaining(['head', 'incident-entry', 'log', 'photo']));

    const ruleOf = (site: string) =>
      vm.runInNewContext(`(${writeRule(site)})`) as (doc: object, old: object | null, user: { name: string; roles: string[] }) => void;
    const refusedBy = (site: string, doc: object, old: object | null = null) => {
      try {
        ruleOf(site)(doc, old, { name: 'desk-ch', roles: [ROLE_DESK, siteRole('CH')] });
        return null;
      } catch (error) {
        return (error as { forbidden?: string }).forbidden ?? String(error);
      }
    };
    // Every document of CH's database is one a CH desk may write there ...
    expect(docs.map((doc) => [doc._id, refusedBy('CH', doc)]).filter(([, why]) => why)).toEqual([]);
    // ... and none of them into another site's database.
    expect(docs.filter((doc) => refusedBy('FH', doc) === null).map((doc) => doc._id)).toEqual([]);
    // A desk may not delete or change what is written once (the heads witness the desk's own histories), nor write a
    // roster, which only a manager's laptop signs.
    const head = docs.find((doc) => doc._id.startsWith('head:'))!;
    expect(refusedBy('CH', { _id: head._id, _rev: head._rev, _deleted: true }, head)).toMatch(/written once/);
    expect(refusedBy('CH', { ...head, length: 1 }, head)).toMatch(/written once/);
    expect(refusedBy('CH', { _id: 'roster:CH', kind: 'roster', site: 'CH' })).toMatch(/manager/);
  }, 60_000);

  it('sets aside a photo document whose attachment is not an image, writing no file', async () => {
    const file = 'notanimage000000001.png';
    const res = await fetch(`${hub.url}/${siteDb('CH')}/photo:${file}`, {
      method: 'PUT',
      headers: { ...admin(), 'content-type': 'application/json' },
      body: JSON.stringify({
        kind: 'photo',
        site: 'CH',
        incident: 'x',
        file,
        _attachments: { image: { content_type: 'image/png', data: Buffer.from('#!/bin/sh\necho hi\n').toString('base64') } },
      }),
    });
    expect(res.status).toBe(201);
    await until('the desk reports it', () => desk.opened.app.sync!.status().rejected.some((r) => r.docId === `photo:${file}`), 30_000);
    expect(Object.keys(desk.snapshot()).some((f) => f.includes(file))).toBe(false);
  }, 60_000);
});
