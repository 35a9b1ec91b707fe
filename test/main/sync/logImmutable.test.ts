/**
 * The occurrence log is append-only: an entry never changes once written, and a correction is a new
 * entry. A different version of an entry arriving from the hub (a desk's hub account can write one, with
 * any stamp) must not replace what the log shows, nor make the original disappear.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSuperseded } from '../../../main/exchange/superseded';
import { authHeader, siteDb } from '../../../main/sync/provision';
import type { Session } from '../../../main/services/types';
import { formatHlc } from '../../../shared/domain/sync/hlc';
import type { LogEntry } from '../../../shared/schemas/occurrence';
import { okData, type TestApp } from '../../support/app';
import { closeAll, deskCredentials, hubAdminHeaders, HubProcess, managerOnHub, until } from './world';

const hub = new HubProcess();
let manager: TestApp;
let m: Session;

beforeAll(async () => {
  ({ manager, session: m } = await managerOnHub(hub, ['CH']));
}, 60_000);

afterAll(() => closeAll(hub, [manager]));

describe('an occurrence log entry rewritten on the hub', () => {
  it('still reads as written, and the other version is kept aside', async () => {
    const original = 'Found the fire door propped open.';
    const line = okData(
      await manager.call('log:add', { site: 'CH', date: '2026-11-25', time: '08:00', kind: 'patrol', text: original, corrects: null }, m),
    );
    const id = line.entry.id;
    const docUrl = `${hub.url}/${siteDb('CH')}/log:${id}`;
    await until('the hub has the entry', async () => (await fetch(docUrl, { headers: hubAdminHeaders(hub) })).ok);
    const doc = (await (await fetch(docUrl, { headers: hubAdminHeaders(hub) })).json()) as { record: LogEntry };
    // Stamped later than the original, though within a day of this computer's clock: one further ahead is refused
    // outright (futureStamp.test.ts).
    const later = formatHlc({ wall: manager.opened.app.now() + 60_000, count: 0, node: 'deskch0000000000000' });
    const rewritten = { ...doc.record, text: 'All doors checked, nothing to report.', hlc: later };
    const res = await fetch(docUrl, {
      method: 'PUT',
      headers: { authorization: authHeader(deskCredentials('CH')), 'content-type': 'application/json' },
      body: JSON.stringify({ ...doc, record: rewritten }),
    });
    expect(res.status).toBe(201);
    const sync = manager.opened.app.sync!;
    const kept = () => Object.values(readSuperseded(manager.opened.app.ds)).filter((s) => s.recordId === id);
    const shown = async () =>
      okData(await manager.call('log:day', { site: 'CH', date: '2026-11-25' }, m)).find((l) => l.entry.id === id)?.entry.text;
    await until('the manager has taken the document in', async () => kept().length > 0 || (await shown()) !== original, 20_000).catch(
      () => undefined,
    );
    await sync.settled();

    expect(await shown()).toBe(original);
    expect(kept().map((s) => (s.record as unknown as LogEntry).text)).toEqual([rewritten.text]);
  }, 120_000);
});
