/**
 * Each install stamps its records with its own hybrid clock, passed to newMeta/touched as `now` is.
 * Two installs open in one process (the tests, the demo CLI beside an app) must not borrow each other's:
 * a record stamped by the other's clock would carry the wrong install as its origin, and a wall time from
 * the other's clock, which would misorder every later edit and merge.
 */
import { describe, expect, it } from 'vitest';
import { seedSites } from '../../main/seed/sites';
import { parseHlc } from '../../shared/domain/sync/hlc';
import { okData, openTestApp, withManager } from '../support/app';
import { staffRequest } from '../support/requests';

const A_NOW = '2026-11-25T09:00:00.000Z';
const B_NOW = '2027-06-01T15:30:00.000Z';

const stampOf = (r: { hlc?: string; origin?: string }) => ({ wall: new Date(parseHlc(r.hlc ?? '').wall).toISOString(), origin: r.origin });

describe('the record clock of two apps open in one process', () => {
  it('stamps each app’s records with its own clock, whichever app was opened last', async () => {
    const a = openTestApp({ start: A_NOW });
    const ma = await withManager(a);
    const b = openTestApp({ start: B_NOW });
    const mb = await withManager(b);
    const aId = a.opened.app.meta.installId;
    const bId = b.opened.app.meta.installId;
    expect(aId).not.toBe(bId);

    // Written outside any channel call, as the demo generator and the seeding do: B was opened last.
    const bBefore = b.opened.app.clock.value;
    const [site] = seedSites(a.opened.app.clock, ma.userId!, a.clock.now);
    expect(stampOf(site)).toEqual({ wall: A_NOW, origin: aId });
    expect(b.opened.app.clock.value).toBe(bBefore);

    // Channel calls to both apps in flight at once.
    const [onA, onB] = await Promise.all([
      a.call('staff:create', staffRequest({ employeeNumber: 'E-A1' }), ma),
      b.call('staff:create', staffRequest({ employeeNumber: 'E-B1' }), mb),
    ]);
    expect(stampOf(a.opened.app.repos.staff.all().find((s) => s.id === okData(onA).id)!)).toEqual({ wall: A_NOW, origin: aId });
    expect(stampOf(b.opened.app.repos.staff.all().find((s) => s.id === okData(onB).id)!)).toEqual({ wall: B_NOW, origin: bId });

    // The sites each app seeded when its first manager was set up.
    expect(a.opened.app.repos.sites.all().map(stampOf)).toEqual(Array(15).fill({ wall: A_NOW, origin: aId }));
    expect(b.opened.app.repos.sites.all().map(stampOf)).toEqual(Array(15).fill({ wall: B_NOW, origin: bId }));
    a.opened.close();
    b.opened.close();
  });
});
