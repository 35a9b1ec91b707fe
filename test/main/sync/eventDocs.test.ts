/**
 * One event, one revision: two installs that write the same event (the record's fields in whatever
 * order each holds them) write the same revision, so replicating them never makes two branches.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import PouchDB from 'pouchdb-node';
import { attendanceEventOf, parseEventDoc } from '../../../main/sync/docs';
import { putEvents } from '../../../main/sync/events';
import type { SyncRecord } from '../../../shared/domain/sync/merge';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitedesk-events-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const signedOut: SyncRecord = {
  id: 'att_carla_00001',
  shiftId: 'shift_carla_001',
  staffId: 'staff_carla_001',
  site: 'CH',
  date: '2026-11-25',
  signedInAt: '2026-11-25T04:58:00.000Z',
  signedOutAt: '2026-11-25T09:00:00.000Z',
  noShow: false,
  corrections: [],
  createdAt: '2026-11-25T04:58:00.000Z',
  createdBy: 'account_sup_ch01',
  updatedAt: '2026-11-25T09:00:00.000Z',
  updatedBy: 'account_sup_ch01',
  rev: 2,
  hlc: '000001764061200000-000000-deskCH01',
  origin: 'deskCH01',
};
// The same record as another install holds it: the same fields, read back in another order.
const reordered = Object.fromEntries(Object.entries(signedOut).reverse()) as SyncRecord;

describe('event documents', () => {
  it('are written with the same revision by two installs holding the same event, and replicate without a branch', async () => {
    const a = new PouchDB(path.join(dir, 'a'));
    const b = new PouchDB(path.join(dir, 'b'));
    const one = attendanceEventOf(signedOut);
    const two = attendanceEventOf(reordered);
    expect(two._id).toBe(one._id);
    expect(await putEvents(a, [one as unknown as PouchDoc])).toEqual([one._id]);
    expect(await putEvents(b, [two as unknown as PouchDoc])).toEqual([one._id]);
    expect((await a.get(one._id))._rev).toBe((await b.get(one._id))._rev);
    await new Promise((resolve, reject) => PouchDB.replicate(a, b).on('complete', resolve).on('error', reject));
    const held = await b.get(one._id, { conflicts: true });
    expect([held._rev?.slice(0, 2), held._conflicts ?? []]).toEqual(['1-', []]);
    // Written again: nothing to write.
    expect(await putEvents(a, [two as unknown as PouchDoc])).toEqual([]);
    expect(parseEventDoc(await a.get(one._id), 'CH', Date.now())).toMatchObject({ ok: true });
    await a.close();
    await b.close();
  });
});
