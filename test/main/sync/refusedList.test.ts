/**
 * The list of documents from the hub that sync refused (shown in the sync status) is kept to the newest
 * REFUSED_KEPT: an install left running for weeks beside a desk whose clock is wrong, or a hub
 * holding many bad documents, must not grow it (and every status sent to the screen) without end.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteDb } from '../../../main/sync/provision';
import { REFUSED_KEPT } from '../../../main/sync/service';
import { type TestApp } from '../../support/app';
import { closeAll, HubProcess, hubAdminHeaders, openManagerAndDesk, until } from './world';

const hub = new HubProcess();
let manager: TestApp;
let desk: TestApp;

beforeAll(async () => {
  ({ manager, desk } = await openManagerAndDesk(hub, ['CH'], 2));
}, 60_000);

afterAll(() => closeAll(hub, [manager, desk]));

const BAD = 150;
/** A log document no SiteDesk could read (its text a number), as a hub with bad data would hold. */
const bad = (i: number) => ({ _id: `log:bad-entry-${i}`, kind: 'log', record: { id: `bad-entry-${i}`, site: 'CH', text: i }, aside: [] });

describe('the refused documents in the sync status', () => {
  it('keeps only the newest', async () => {
    expect(REFUSED_KEPT).toBeLessThan(BAD);
    const put = (docs: object[]) =>
      fetch(`${hub.url}/${siteDb('CH')}/_bulk_docs`, {
        method: 'POST',
        headers: { ...hubAdminHeaders(hub), 'content-type': 'application/json' },
        body: JSON.stringify({ docs }),
      }).then((r) => r.status);
    expect(await put(Array.from({ length: BAD }, (_, i) => bad(i)))).toBe(201);
    const refused = () => desk.opened.app.sync!.status().rejected;
    await until('the desk has refused the last', () => refused().some((r) => r.docId === `log:bad-entry-${BAD - 1}`));
    const ids = refused().map((r) => r.docId);
    expect(ids.length).toBeLessThanOrEqual(REFUSED_KEPT);
    expect(ids).toContain(`log:bad-entry-${BAD - 1}`);
    // The hub's changes come in the order they were written: the first ones are those dropped.
    expect(ids).not.toContain('log:bad-entry-0');
  });
});
