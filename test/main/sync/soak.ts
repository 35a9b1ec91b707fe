/**
 * The soak: desks and managers, each its own data folder, replicating through a hub on loopback while
 * a seeded fast-check run of edits, publishes, log entries and incidents happens, with desks going
 * offline and coming back, desks reopened (their replica compared with storage on start) and the hub
 * killed (SIGKILL) and started again. Every acknowledged write goes into a ledger, and at the end,
 * after reconnecting until quiet:
 * - every replica of a site agrees on every record of that site (and every manager on the directory);
 * - every ledger entry is present, as the winning version or in the record's history;
 * - event counts (log entries, incidents) equal the ledger's;
 * - no desk holds another site's records or any pay rate.
 */
import fc from 'fast-check';
import type { Session } from '../../../main/services/types';
import { canonical } from '../../../shared/domain/sync/merge';
import { saveOf } from '../../../renderer/features/rota/commands';
import type { Account } from '../../../shared/schemas/account';
import { DESK_PASSWORD, seedDesk } from '../../support/deskWorld';
import type { TestApp } from '../../support/app';
import { deskConfig, HubProcess, managerConfig, openSyncApp, provision, until } from './world';

export interface SoakOptions {
  seed: number;
  desks: number;
  managers: number;
  steps: number;
  log?: (line: string) => void;
}

type Op =
  | { op: 'log'; desk: number; minute: number }
  | { op: 'incident'; desk: number; minute: number }
  | { op: 'edit'; manager: number; desk: number }
  | { op: 'publish'; manager: number; desk: number }
  | { op: 'offline'; desk: number }
  | { op: 'online'; desk: number }
  | { op: 'reopen'; desk: number }
  | { op: 'hub-restart' };

interface Node {
  t: TestApp;
  s: Session;
  site: string | null;
  online: boolean;
}

const ops = (desks: number, managers: number): fc.Arbitrary<Op> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.record({ op: fc.constant('log' as const), desk: fc.nat(desks - 1), minute: fc.nat(1439) }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('incident' as const), desk: fc.nat(desks - 1), minute: fc.nat(1439) }) },
    { weight: 4, arbitrary: fc.record({ op: fc.constant('edit' as const), manager: fc.nat(managers - 1), desk: fc.nat(desks - 1) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('publish' as const), manager: fc.nat(managers - 1), desk: fc.nat(desks - 1) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('offline' as const), desk: fc.nat(desks - 1) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('online' as const), desk: fc.nat(desks - 1) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('reopen' as const), desk: fc.nat(desks - 1) }) },
    { weight: 1, arbitrary: fc.constant({ op: 'hub-restart' as const }) },
  );

const okData = <T>(r: { ok: true; data: T } | { ok: false; message: string }, what: string): T => {
  if (!r.ok) throw new Error(`${what}: ${r.message}`);
  return r.data;
};

const signIn = async (t: TestApp, username: string) => {
  const s = t.session();
  okData(await t.call('auth:sign-in', { username, password: DESK_PASSWORD }, s), `sign in ${username}`);
  return s;
};

const MONTHS = ['2026-11', '2026-12'];
const siteRecords = (t: TestApp, site: string) => {
  const r = t.opened.app.repos;
  return {
    shifts: r.shifts.inMonths(MONTHS, [site]),
    incidents: r.incidents.inMonths(MONTHS, [site]),
    log: r.log.inMonths(MONTHS, [site]),
    attendance: r.attendance.inMonths(MONTHS, [site]),
  };
};
const fingerprint = (t: TestApp, site: string) => {
  const all = siteRecords(t, site);
  return canonical(Object.fromEntries(Object.entries(all).map(([k, rs]) => [k, [...rs].sort((a, b) => (a.id < b.id ? -1 : 1))])));
};

export const runSoak = async (o: SoakOptions) => {
  const say = o.log ?? (() => undefined);
  const started = Date.now();
  const hub = new HubProcess();
  await hub.start();
  const first = openSyncApp();
  await seedDesk(first.opened.app);
  const sites = first.opened.app.repos.sites
    .all()
    .map((s) => s.code)
    .sort()
    .slice(0, o.desks);
  await provision(hub, sites, o.managers);
  const template = first.opened.app.repos.accounts.all().find((a) => a.username === 'sup.ch')!;
  const manager = first.opened.app.repos.accounts.all().find((a) => a.username === 'manager')!;
  const supervisors: Account[] = sites.map((code, i) => ({
    ...template,
    id: `account_soak_${String(i).padStart(3, '0')}`,
    username: `sup.${code.toLowerCase()}`,
    sites: [code],
  }));
  first.opened.app.repos.accounts.putMany(supervisors);

  const managers: Node[] = [{ t: first, s: await signIn(first, 'manager'), site: null, online: true }];
  for (let n = 1; n < o.managers; n += 1) {
    const t = openSyncApp();
    t.opened.app.repos.accounts.putMany([manager]);
    managers.push({ t, s: await signIn(t, 'manager'), site: null, online: true });
  }
  const desks: Node[] = [];
  for (const [i, code] of sites.entries()) {
    const t = openSyncApp();
    t.opened.app.repos.accounts.putMany([supervisors[i]]);
    desks.push({ t, s: await signIn(t, supervisors[i].username), site: code, online: true });
  }
  // One open shift per site, made by the first manager, for the managers to edit.
  const shiftIds: string[] = [];
  for (const code of sites) {
    const service = first.opened.app.repos.sites.all().find((s) => s.code === code)!.services[0];
    const saved = okData(
      await first.call(
        'rota:save',
        {
          items: [{ site: code, service, date: '2026-11-30', start: '09:00', end: '17:00', breakMinutes: 30, staffId: null, notes: 'new' }],
        },
        managers[0].s,
      ),
      'first shift',
    );
    shiftIds.push(saved.after[0].id);
  }
  for (const [n, m] of managers.entries()) await m.t.opened.app.sync!.connect(managerConfig(hub, sites, n + 1));
  for (const d of desks) await d.t.opened.app.sync!.connect(deskConfig(hub, d.site!));
  say(
    `seed ${o.seed}: ${o.desks} desks, ${o.managers} managers, hub at ${hub.url}; set up in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );

  await until(
    'every manager and desk has its shifts',
    () =>
      managers.every((m) => sites.every((code) => m.t.opened.app.repos.sites.all().some((x) => x.code === code))) &&
      managers.every((m) => shiftIds.every((id) => m.t.opened.app.repos.shifts.inMonths(['2026-11'], sites).some((s) => s.id === id))) &&
      desks.every(
        (d, i) =>
          d.t.opened.app.repos.shifts.inMonths(['2026-11'], [d.site!]).some((s) => s.id === shiftIds[i]) &&
          d.t.opened.app.repos.sites.get(first.opened.app.repos.sites.all().find((x) => x.code === d.site)!.id) !== undefined,
      ),
    120_000,
  );

  // Edits: the latest acknowledged edit of each shift on each manager's laptop. An earlier edit on the
  // same laptop was replaced by the person who made it, knowingly; each latest one must survive.
  const ledger = { log: new Map<string, string>(), incidents: new Map<string, string>(), notes: new Map<string, string>() };
  const latestEdit = new Map<string, string>();
  const plan = fc.sample(fc.array(ops(o.desks, o.managers), { minLength: o.steps, maxLength: o.steps }), { seed: o.seed, numRuns: 1 })[0];
  let step = 0;
  for (const op of plan) {
    step += 1;
    const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    switch (op.op) {
      case 'log': {
        const d = desks[op.desk];
        const line = okData(
          await d.t.call(
            'log:add',
            { site: d.site!, date: '2026-11-25', time: hhmm(op.minute), kind: 'patrol', text: `soak ${o.seed} step ${step}` },
            d.s,
          ),
          'log',
        );
        ledger.log.set(line.entry.id, d.site!);
        break;
      }
      case 'incident': {
        const d = desks[op.desk];
        const at = new Date(d.t.clock.now - op.minute * 60_000).toISOString();
        const made = okData(
          await d.t.call(
            'incidents:create',
            {
              site: d.site!,
              location: 'Front desk',
              occurredAt: at,
              reportedAt: at,
              reportedBy: 'Soak',
              reportedTo: 'Supervisor',
              category: 'security',
              severity: 'low',
              details: `soak ${o.seed} step ${step}`,
            },
            d.s,
          ),
          'incident',
        );
        ledger.incidents.set(made.incident.id, d.site!);
        break;
      }
      case 'edit': {
        const m = managers[op.manager];
        const id = shiftIds[op.desk];
        const s = m.t.opened.app.repos.shifts.inMonths(['2026-11'], [sites[op.desk]]).find((x) => x.id === id);
        if (!s) break; // this manager has not received it yet
        const notes = `edit ${o.seed}-${step}`;
        okData(
          await m.t.call(
            'rota:save',
            {
              // The planner's own save of the shift (soak never deletes one), with the revision it saw and new notes.
              items: [{ ...saveOf(s), rev: s.rev, notes }],
            },
            m.s,
          ),
          'edit',
        );
        const prior = latestEdit.get(`${op.manager}|${id}`);
        if (prior) ledger.notes.delete(prior);
        latestEdit.set(`${op.manager}|${id}`, notes);
        ledger.notes.set(notes, id);
        break;
      }
      case 'publish': {
        const m = managers[op.manager];
        okData(await m.t.call('rota:publish', { week: '2026-11-30', site: sites[op.desk] }, m.s), 'publish');
        break;
      }
      case 'offline': {
        const d = desks[op.desk];
        if (d.online) await d.t.opened.stopSync();
        d.online = false;
        break;
      }
      case 'online': {
        const d = desks[op.desk];
        if (!d.online) await d.t.opened.app.sync!.startIfConfigured();
        d.online = true;
        break;
      }
      case 'reopen': {
        const d = desks[op.desk];
        await d.t.opened.stopSync();
        d.t.opened.close();
        d.t = openSyncApp(d.t.dir);
        d.s = await signIn(d.t, `sup.${d.site!.toLowerCase()}`);
        d.online = true;
        break;
      }
      case 'hub-restart':
        await hub.stop('SIGKILL');
        await hub.start();
        break;
    }
    // The clocks move on between steps, as real ones do.
    for (const n of [...managers, ...desks]) n.t.clock.now += 7_000;
  }
  const ranFor = (Date.now() - started) / 1000;
  for (const d of desks) if (!d.online) await d.t.opened.app.sync!.startIfConfigured();

  const everyone = [...managers, ...desks];
  const disagreement = () =>
    [
      ...everyone
        .filter((n) => n.t.opened.app.sync!.status().state !== 'up-to-date')
        .map((n) => `${n.site ?? 'manager'} is ${JSON.stringify(n.t.opened.app.sync!.status())}`),
      ...desks.flatMap((d) =>
        managers
          .filter((m) => fingerprint(m.t, d.site!) !== fingerprint(d.t, d.site!))
          .map(() => `${d.site} differs between desk and a manager`),
      ),
    ].join('; ');
  await until(
    'every replica agrees',
    () =>
      everyone.every((n) => n.t.opened.app.sync!.status().state === 'up-to-date') &&
      desks.every((d) => managers.every((m) => fingerprint(m.t, d.site!) === fingerprint(d.t, d.site!))) &&
      managers.every(
        (m) =>
          canonical(m.t.opened.app.repos.staff.all().sort((a, b) => (a.id < b.id ? -1 : 1))) ===
          canonical(managers[0].t.opened.app.repos.staff.all().sort((a, b) => (a.id < b.id ? -1 : 1))),
      ),
    Number(process.env.SOAK_QUIET_MS ?? 90_000),
  ).catch((error: Error) => {
    throw new Error(`${error.message}: ${disagreement()}`);
  });

  // Every acknowledged write is there, on every replica of its site.
  const problems: string[] = [];
  for (const n of everyone) {
    const mine = (site: string) => n.site === null || n.site === site;
    for (const [id, site] of ledger.log)
      if (mine(site) && !n.t.opened.app.repos.log.inMonths(MONTHS, [site]).some((e) => e.id === id))
        problems.push(`log ${id} missing at ${n.site ?? 'a manager'}`);
    for (const [id, site] of ledger.incidents)
      if (mine(site) && !n.t.opened.app.repos.incidents.inMonths(MONTHS, [site]).some((e) => e.id === id))
        problems.push(`incident ${id} missing at ${n.site ?? 'a manager'}`);
    for (const [notes, id] of ledger.notes) {
      const s = n.t.opened.app.repos.shifts.inMonths(['2026-11']).find((x) => x.id === id);
      if (!s) continue;
      if (s.notes !== notes && !JSON.stringify(s.history).includes(JSON.stringify(notes)))
        problems.push(`edit "${notes}" of ${id} is neither the winner nor in its history at ${n.site ?? 'a manager'}`);
    }
  }
  // Counts: the seeded CH entries plus the ledger's.
  const seeded = { log: (site: string) => (site === 'CH' ? 2 : 0), incidents: (site: string) => (site === 'CH' ? 1 : 0) };
  for (const d of desks) {
    const site = d.site!;
    const all = siteRecords(d.t, site);
    const wantLog = [...ledger.log.values()].filter((s) => s === site).length + seeded.log(site);
    const wantInc = [...ledger.incidents.values()].filter((s) => s === site).length + seeded.incidents(site);
    if (all.log.length !== wantLog) problems.push(`${site} desk has ${all.log.length} log entries, the ledger ${wantLog}`);
    if (all.incidents.length !== wantInc) problems.push(`${site} desk has ${all.incidents.length} incidents, the ledger ${wantInc}`);
    // Nothing of another site's, and no pay.
    const r = d.t.opened.app.repos;
    for (const c of [r.shifts, r.attendance, r.incidents, r.log])
      for (const key of c.keys()) if (!key.endsWith(`/${site}`)) problems.push(`${site} desk holds ${c.name} of ${key}`);
    if (r.staff.all().some((p) => p.payRate !== 0)) problems.push(`${site} desk holds a pay rate`);
  }
  const summary = {
    seed: o.seed,
    steps: o.steps,
    ops: Object.fromEntries(
      ['log', 'incident', 'edit', 'publish', 'offline', 'online', 'reopen', 'hub-restart'].map((k) => [
        k,
        plan.filter((p) => p.op === k).length,
      ]),
    ),
    ledger: { log: ledger.log.size, incidents: ledger.incidents.size, edits: ledger.notes.size },
    runSeconds: ranFor,
    totalSeconds: (Date.now() - started) / 1000,
    problems,
  };
  say(JSON.stringify(summary));
  for (const n of everyone) {
    await n.t.opened.stopSync();
    n.t.opened.close();
  }
  await hub.stop();
  return summary;
};
