/**
 * A version of a person kept aside without a pay rate (it came in a rota pack, or from the directory, which carry
 * none) is read like the version in force, with the person's own schema: a field an older SiteDesk did not write
 * reads as its default, as it does in force, and is no difference. Before, the staff schema refused such a version for
 * its missing pay rate and it was compared as stored, so the card listed "Phone: — / —" as a field that differs.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSuperseded, supersededOp } from '../../../main/exchange/superseded';
import { asideOf, type SyncRecord } from '../../../shared/domain/sync/merge';
import { openTestApp, okData, type TestApp } from '../../support/app';
import { DESK_NOW, DESK_STAFF, seedDesk, signedInToDesk } from '../../support/deskWorld';

let t: TestApp;
beforeEach(async () => {
  t = openTestApp({ start: DESK_NOW });
  await seedDesk(t.opened.app);
});
afterEach(() => t.opened.close());

describe('a person’s version kept aside without a pay rate', () => {
  it('lists only the fields that really differ', async () => {
    const app = t.opened.app;
    const held = app.repos.staff.all().find((p) => p.id === DESK_STAFF.cleo.id)!;
    expect(held.phone).toBe('');
    // As an older SiteDesk's rota pack carried her: no pay rate, no phone box yet, and other notes.
    const { payRate: _pay, phone: _phone, ...older } = held;
    const aside = { ...older, notes: 'Prefers early shifts', updatedAt: '2026-11-24T10:00:00.000Z' } as unknown as SyncRecord;
    app.ds.writeMany([supersededOp(app.ds, [asideOf('staff', aside, held as unknown as SyncRecord, 'edited-on-two-installs')])]);
    expect(Object.keys(readSuperseded(app.ds))).toHaveLength(1);

    const mgr = await signedInToDesk(t, 'manager');
    const [v] = okData(await t.call('sync:set-aside', {}, mgr));
    expect(v).toMatchObject({ kind: 'staff', title: 'Cleo Early (E-2001)' });
    expect(v.differs).toEqual([{ label: 'Notes', inForce: '—', setAside: 'Prefers early shifts' }]);
  });
});
