/**
 * A manager's and a desk's data folders replicating through a hub on loopback: no packs, no import.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../main/services/types';
import { DB_DIRECTORY, siteDb } from '../../../main/sync/provision';
import { DESK_SHIFTS, DESK_STAFF } from '../../support/deskWorld';
import { closeAll, HubProcess, hubAdminHeaders, managerConfig, openManagerAndDesk, openSyncApp, signIn, until } from './world';
import { okData, type TestApp } from '../../support/app';

const SITES = ['CH', 'FH'];
const hub = new HubProcess();
let manager: TestApp;
let desk: TestApp;
let manager2: TestApp;
let m2: Session;
let m: Session;
let sup: Session;

const deskShift = (id: string) => desk.opened.app.repos.shifts.inMonths(['2026-11', '2026-12']).find((s) => s.id === id);
const managerShift = (id: string) => manager.opened.app.repos.shifts.inMonths(['2026-11', '2026-12']).find((s) => s.id === id);

beforeAll(async () => {
  ({ manager, m, desk, sup } = await openManagerAndDesk(hub, SITES, 2));
  // A second manager's laptop, set up from the hub alone.
  manager2 = openSyncApp();
  manager2.opened.app.repos.accounts.putMany(manager.opened.app.repos.accounts.all().filter((a) => a.username === 'manager'));
  m2 = await signIn(manager2, 'manager');
  await manager2.opened.app.sync!.connect(managerConfig(hub, SITES, 2));
}, 60_000);

afterAll(() => closeAll(hub, [manager, desk, manager2]));

describe('a desk and a manager in step through the hub', () => {
  it("gives a new desk its site's rota and the directory, without pay rates or other sites' records", async () => {
    await until('the desk has the CH rota', () => deskShift(DESK_SHIFTS.sam.id) !== undefined);
    await until('the desk has the staff', () => desk.opened.app.repos.staff.all().length === Object.keys(DESK_STAFF).length);
    expect(desk.opened.app.repos.sites.all().map((s) => s.code)).toEqual(expect.arrayContaining(['CH', 'FH']));
    // Paul's shift is at FH: it never reaches the CH desk.
    expect(deskShift(DESK_SHIFTS.paul.id)).toBeUndefined();
    expect(desk.opened.app.repos.attendance.inMonths(['2026-11']).map((a) => a.site)).not.toContain('FH');
    // The manager's staff have pay rates (12.5, 14, …); the desk's hold none.
    expect(manager.opened.app.repos.staff.all().every((p) => p.payRate > 0)).toBe(true);
    expect(desk.opened.app.repos.staff.all().map((p) => p.payRate)).toEqual(Object.keys(DESK_STAFF).map(() => 0));
    // Nor does the hub's directory.
    const dir = await fetch(`${hub.url}/${DB_DIRECTORY}/_all_docs?include_docs=true`, {
      headers: hubAdminHeaders(hub),
    }).then((r) => r.json() as Promise<{ rows: { doc: { record?: Record<string, unknown> } }[] }>);
    expect(dir.rows.filter((r) => r.doc.record && 'employeeNumber' in r.doc.record).length).toBe(Object.keys(DESK_STAFF).length);
    expect(dir.rows.some((r) => r.doc.record && 'payRate' in r.doc.record)).toBe(false);
  });

  it("shows a week the manager publishes on the desk's Today and planner, without import", async () => {
    const saved = okData(
      await manager.call(
        'rota:save',
        {
          items: [
            {
              site: 'CH',
              service: 'reception',
              date: '2026-11-30',
              start: '08:00',
              end: '16:00',
              breakMinutes: 30,
              staffId: DESK_STAFF.rhea.id,
              notes: '',
            },
          ],
        },
        m,
      ),
    );
    okData(await manager.call('rota:publish', { week: '2026-11-30', site: 'CH' }, m));
    const id = saved.after[0].id;
    await until('the published shift reaches the desk', () => deskShift(id)?.status === 'published');
    const week = okData(await desk.call('rota:week', { week: '2026-11-30', site: 'CH' }, sup));
    expect(week.shifts.map((s) => s.id)).toContain(id);
  });

  it('brings an incident recorded at the desk to the manager', async () => {
    const created = okData(
      await desk.call(
        'incidents:create',
        {
          site: 'CH',
          location: 'Front door',
          occurredAt: '2026-11-25T08:30:00.000Z',
          reportedAt: '2026-11-25T08:40:00.000Z',
          reportedBy: 'Dee Supervisor',
          reportedTo: 'Site supervisor',
          category: 'security',
          severity: 'low',
          details: 'Door left propped open overnight.',
        },
        sup,
      ),
    );
    await until('the incident reaches the manager', () =>
      manager.opened.app.repos.incidents.inMonths(['2026-11'], ['CH']).some((i) => i.id === created.incident.id),
    );
    const there = manager.opened.app.repos.incidents.inMonths(['2026-11'], ['CH']).find((i) => i.id === created.incident.id)!;
    expect(there.history.map((h) => h.hash)).toEqual(created.incident.history.map((h) => h.hash));
  });

  it('keeps working with the hub down, and both sides converge when it is back', async () => {
    await hub.stop();
    const log = okData(
      await desk.call(
        'log:add',
        { site: 'CH', date: '2026-11-25', time: '08:55', kind: 'patrol', text: 'Patrol while the hub was down.' },
        sup,
      ),
    );
    const shift = managerShift(DESK_SHIFTS.cleo.id)!;
    okData(
      await manager.call(
        'rota:save',
        {
          items: [
            {
              id: shift.id,
              rev: shift.rev,
              site: 'CH',
              service: 'cleaning',
              date: shift.date,
              start: '07:30',
              end: '10:00',
              breakMinutes: 0,
              staffId: shift.staffId,
              notes: 'Moved while offline',
            },
          ],
        },
        m,
      ),
    );
    await until('the desk says it is offline with a change waiting', () => {
      const s = desk.opened.app.sync!.status();
      return s.state === 'offline' && s.waiting >= 1;
    });
    await hub.start();
    await until(
      'the log entry reaches the manager',
      () => manager.opened.app.repos.log.inMonths(['2026-11'], ['CH']).some((e) => e.id === log.entry.id),
      40_000,
    );
    await until('the moved shift reaches the desk', () => deskShift(DESK_SHIFTS.cleo.id)?.start === '07:30', 40_000);
    await until(
      'both say up to date',
      () => desk.opened.app.sync!.status().state === 'up-to-date' && manager.opened.app.sync!.status().state === 'up-to-date',
      40_000,
    );
  });

  it('resolves an edit made on two laptops while apart the same way everywhere, keeping the loser in history', async () => {
    const m2Shift = (id: string) => manager2.opened.app.repos.shifts.inMonths(['2026-11']).find((s) => s.id === id);
    const openId = DESK_SHIFTS.openReception.id;
    await until('the second manager has the open shift', () => m2Shift(openId) !== undefined);
    await hub.stop();
    const shiftOn = (t: TestApp) => t.opened.app.repos.shifts.inMonths(['2026-11']).find((s) => s.id === openId)!;
    const item = (t: TestApp, staffId: string) => {
      const s = shiftOn(t);
      return {
        id: s.id,
        rev: s.rev,
        site: 'CH',
        service: 'reception' as const,
        date: s.date,
        start: s.start,
        end: s.end,
        breakMinutes: s.breakMinutes,
        notes: '',
        staffId,
      };
    };
    // The same open shift given to two different people on two machines; the second edit is a minute later.
    okData(await manager2.call('rota:save', { items: [item(manager2, DESK_STAFF.rhea.id)], override: 'Rhea covers both desks today' }, m2));
    manager.clock.now += 60_000;
    okData(
      await manager.call('rota:save', { items: [item(manager, DESK_STAFF.cleo.id)], override: 'Cleo trained for reception this week' }, m),
    );
    await hub.start();
    const agreed = () => [manager, manager2, desk].map((t) => t.opened.app.repos.shifts.inMonths(['2026-11']).find((s) => s.id === openId));
    await until(
      'all three hold the same version',
      () => {
        const [a, b, c] = agreed();
        return (
          a?.staffId === DESK_STAFF.cleo.id &&
          b?.staffId === a?.staffId &&
          c?.staffId === a?.staffId &&
          a?.hlc === b?.hlc &&
          b?.hlc === c?.hlc &&
          JSON.stringify(a?.history) === JSON.stringify(b?.history) &&
          JSON.stringify(b?.history) === JSON.stringify(c?.history)
        );
      },
      40_000,
    );
    // The later edit (Cleo) won; Rhea's, made a minute earlier on the other laptop, is in the shift's history.
    const history = agreed()[0]!.history;
    expect(
      history.some(
        (h) => JSON.stringify(h.before).includes(DESK_STAFF.rhea.id) && JSON.stringify(h.after).includes('Edited on two installs'),
      ),
    ).toBe(true);
  });

  it('sets aside a document from the hub that does not match the schemas, changing nothing', async () => {
    const before = desk.snapshot();
    const res = await fetch(`${hub.url}/${siteDb('CH')}/log:bad-entry-1`, {
      method: 'PUT',
      headers: {
        ...hubAdminHeaders(hub),
        'content-type': 'application/json',
      },
      body: JSON.stringify({ kind: 'log', record: { id: 'bad-entry-1', site: 'CH', text: 42 }, aside: [] }),
    });
    expect(res.status).toBe(201);
    await until('the desk reports it', () => desk.opened.app.sync!.status().rejected.some((r) => r.docId === 'log:bad-entry-1'));
    const after = desk.snapshot();
    expect(Object.keys(after).filter((f) => after[f] !== before[f] && f.includes('partitions'))).toEqual([]);
  });
});
