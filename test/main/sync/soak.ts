/**
 * The soak: desks and managers, each its own data folder, replicating through a hub on loopback while
 * a seeded fast-check run of edits, publishes, log entries, incidents, incident updates and attendance
 * corrections (on desks and managers alike, so two of them change one record while apart) happens, with desks going
 * offline and coming back, desks reopened (their replica compared with storage on start), a desk run as its own
 * process and killed with SIGKILL while it records and replicates (then reopened), and the hub
 * killed (SIGKILL) and started again. Every acknowledged write goes into a ledger, and at the end,
 * after reconnecting until quiet:
 * - every replica of a site agrees on every record of that site (and every manager on the directory);
 * - every ledger entry is present, as the winning version or in the record's history;
 * - event counts equal the ledger's, counted as the event documents on the hub: log entries, incidents'
 *   history entries, attendance events; every one of them written once (revision 1, no conflict);
 * - no desk holds another site's records or any pay rate.
 */
import fc from 'fast-check';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Session } from '../../../main/services/types';
import { canonical } from '../../../shared/domain/sync/merge';
import { saveOf } from '../../../renderer/features/rota/commands';
import type { Account } from '../../../shared/schemas/account';
import { DESK_PASSWORD, seedDesk } from '../../support/deskWorld';
import type { TestApp } from '../../support/app';
import { newMeta } from '../../../main/services/records';
import { siteDb } from '../../../main/sync/provision';
import { installReplicaGuard } from '../../../main/sync/replicaGuard';
import { bundleChild, killRound } from '../../reliability/crashHarness';
import { deskConfig, HubProcess, hubAdminHeaders, managerConfig, openSyncApp, provision, until } from './world';

const HERE = path.dirname(fileURLToPath(import.meta.url));

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
  | { op: 'update'; node: number }
  | { op: 'correct'; node: number; desk: number; minute: number }
  | { op: 'edit'; manager: number; desk: number }
  | { op: 'publish'; manager: number; desk: number }
  | { op: 'offline'; desk: number }
  | { op: 'online'; desk: number }
  | { op: 'reopen'; desk: number }
  | { op: 'kill'; desk: number; delay: number }
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
    {
      weight: 2,
      arbitrary: fc.record({ op: fc.constant('update' as const), node: fc.nat(desks + managers - 1) }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        op: fc.constant('correct' as const),
        node: fc.nat(desks + managers - 1),
        desk: fc.nat(desks - 1),
        minute: fc.nat(120),
      }),
    },
    { weight: 4, arbitrary: fc.record({ op: fc.constant('edit' as const), manager: fc.nat(managers - 1), desk: fc.nat(desks - 1) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('publish' as const), manager: fc.nat(managers - 1), desk: fc.nat(desks - 1) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('offline' as const), desk: fc.nat(desks - 1) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('online' as const), desk: fc.nat(desks - 1) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('reopen' as const), desk: fc.nat(desks - 1) }) },
    {
      weight: 1,
      arbitrary: fc.record({ op: fc.constant('kill' as const), desk: fc.nat(desks - 1), delay: fc.integer({ min: 5, max: 400 }) }),
    },
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

interface Live {
  nodes: Node[];
  faults: number;
  killedAcks: number;
  /** For each site, the text of each log entry run its killed desk process was writing. */
  kills: Map<string, string[]>;
}

/**
 * Runs test/main/sync/soakDesk.ts on a desk's folder as its own process and kills it with SIGKILL `delay` ms
 * after its first acknowledged log entry (the crash test's `killRound`). Returns the ids it acknowledged
 * (whole lines only: a line cut off by the kill was never acknowledged).
 */
let deskChild: Promise<string> | null = null;
const killedDesk = async (dir: string, username: string, site: string, clock: number, text: string, delay: number) => {
  const args = [dir, username, site, String(clock), text];
  deskChild ??= bundleChild(path.join(HERE, 'soakDesk.ts'), { packagesExternal: true });
  const { acks, out } = await killRound(await deskChild, args, delay);
  if (!out.startsWith('ready\n')) throw new Error(`the killed desk did not start: ${out}`);
  return acks.filter(([word]) => word === 'ack').map(([, id]) => id);
};

/**
 * Each desk of the soak shares this one process, where in the product each is its own. A fault thrown
 * inside PouchDB (see main/sync/replicaGuard.ts) is handled as the app handles it, by restarting sync, here
 * on every node that is online (the fault names no database). The summary counts them.
 */
export const runSoak = async (o: SoakOptions) => {
  const live: Live = { nodes: [], faults: 0, killedAcks: 0, kills: new Map() };
  const unguard = installReplicaGuard({
    onFault: () => {
      live.faults += 1;
      for (const n of live.nodes) if (n.online) void n.t.opened.restartSync().catch(() => undefined);
    },
    log: (line) => (o.log ?? console.error)(line),
  });
  try {
    return await soak(o, live);
  } finally {
    unguard();
  }
};

const soak = async (o: SoakOptions, live: Live) => {
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
  live.nodes = [...managers, ...desks];
  // One open shift per site, made by the first manager, for the managers to edit; and one the morning the
  // attendance below is for, whose sign-in window (from 04:00) holds every corrected sign-in (05:00–07:00).
  const shiftIds: string[] = [];
  const attendedShiftIds: string[] = [];
  for (const code of sites) {
    const service = first.opened.app.repos.sites.all().find((s) => s.code === code)!.services[0];
    const open = { site: code, service, breakMinutes: 30, staffId: null, notes: 'new' };
    const saved = okData(
      await first.call(
        'rota:save',
        {
          items: [
            { ...open, date: '2026-11-30', start: '09:00', end: '17:00' },
            { ...open, date: '2026-11-25', start: '07:00', end: '15:00' },
          ],
        },
        managers[0].s,
      ),
      'first shift',
    );
    shiftIds.push(saved.after[0].id);
    attendedShiftIds.push(saved.after[1].id);
  }
  // One attendance record per site, for desks and managers to correct.
  const attendanceIds: string[] = [];
  const someone = first.opened.app.repos.staff.all()[0].id;
  for (const [i, code] of sites.entries()) {
    const meta = newMeta(first.opened.app.clock, manager.id, first.clock.now);
    first.opened.app.repos.attendance.put([
      {
        ...meta,
        shiftId: attendedShiftIds[i],
        staffId: someone,
        site: code,
        date: '2026-11-25',
        signedInAt: '2026-11-25T06:00:00.000Z',
        signedOutAt: null,
        noShow: false,
        corrections: [],
      },
    ]);
    attendanceIds.push(meta.id);
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
          d.t.opened.app.repos.attendance.inMonths(['2026-11'], [d.site!]).some((a) => a.id === attendanceIds[i]) &&
          d.t.opened.app.repos.sites.get(first.opened.app.repos.sites.all().find((x) => x.code === d.site)!.id) !== undefined,
      ),
    120_000,
  );

  // Edits: the latest acknowledged edit of each shift on each manager's laptop. An earlier edit on the
  // same laptop was replaced by the person who made it, knowingly; each latest one must survive.
  const ledger = {
    log: new Map<string, string>(),
    incidents: new Map<string, string>(),
    notes: new Map<string, string>(),
    /** Each history entry an update appended (by its hash): the incident. */
    entries: new Map<string, string>(),
    /**
     * Each correction (by its reason): the attendance record, and whether sync was running when it was
     * made. Sync stopped (a desk offline here) sees only the record as it stands when it starts again, so
     * corrections made meanwhile go in one event (each made from the one before, so all are in it).
     */
    corrections: new Map<string, { id: string; own: boolean }>(),
  };
  // Desks first, then managers: a desk works on its own site, a manager on any.
  const nodeAt = (i: number) => (i < desks.length ? desks[i] : managers[i - desks.length]);
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
          // The day before the desks' clock: every minute of it has passed, and the log takes no entry still to come.
          await d.t.call(
            'log:add',
            { site: d.site!, date: '2026-11-24', time: hhmm(op.minute), kind: 'patrol', text: `soak ${o.seed} step ${step}` },
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
      case 'update': {
        const n = nodeAt(op.node);
        // A desk updates its own site's incidents, a manager any it holds.
        const held = n.t.opened.app.repos.incidents
          .inMonths(MONTHS, n.site ? [n.site] : sites)
          .filter((x) => ledger.incidents.has(x.id))
          .sort((a, b) => (a.id < b.id ? -1 : 1));
        const i = held[step % Math.max(1, held.length)];
        if (!i) break;
        const r = await n.t.call('incidents:update', { id: i.id, rev: i.rev, patch: { witnesses: `soak ${o.seed} step ${step}` } }, n.s);
        // Refused (a history broken or diverged here is locked until a manager decides): not acknowledged.
        if (!r.ok) break;
        ledger.entries.set(r.data.incident.history.at(-1)!.hash, i.id);
        break;
      }
      case 'correct': {
        const n = nodeAt(op.node);
        const site = n.site ?? sites[op.desk];
        const id = attendanceIds[sites.indexOf(site)];
        const rec = n.t.opened.app.repos.attendance.inMonths(['2026-11'], [site]).find((a) => a.id === id);
        if (!rec) break;
        const reason = `soak ${o.seed} step ${step}`;
        const signedInAt = new Date(Date.parse('2026-11-25T05:00:00.000Z') + op.minute * 60_000).toISOString();
        // Refused when the time is the one held already: nothing to correct.
        const r = await n.t.call('today:correct', { attendanceId: id, signedInAt, reason }, n.s);
        if (r.ok) ledger.corrections.set(reason, { id, own: n.online });
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
        // An edit this manager could see (the other manager's, already replicated here) is replaced
        // knowingly too: the save carried its revision. A draft keeps no history of its edits (only a
        // published shift does), so it is gone by design. Only an edit made while apart, which this save
        // never saw, must survive, as the winner or in the history the merge keeps.
        if (s.notes !== notes && ledger.notes.get(s.notes) === id) ledger.notes.delete(s.notes);
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
      case 'kill': {
        // The desk runs as its own process, recording log entries with sync running, and is killed with
        // SIGKILL `delay` ms after its first acknowledged one; every entry it acknowledged joins the ledger.
        const d = desks[op.desk];
        await d.t.opened.stopSync();
        d.t.opened.close();
        const clock = d.t.clock.now;
        const text = `soak ${o.seed} step ${step} killed`;
        live.kills.set(d.site!, [...(live.kills.get(d.site!) ?? []), text]);
        const acks = await killedDesk(d.t.dir, `sup.${d.site!.toLowerCase()}`, d.site!, clock, text, op.delay);
        for (const id of acks) ledger.log.set(id, d.site!);
        live.killedAcks += acks.length;
        d.t = openSyncApp(d.t.dir);
        d.t.clock.now = clock + acks.length * 1_000;
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
    // A killed desk may have saved one entry whose acknowledgement the kill cut off: one spare per kill,
    // and only an entry that desk process wrote.
    const spare = live.kills.get(site) ?? [];
    const unacked = all.log.filter((e) => !ledger.log.has(e.id) && spare.some((text) => e.text.startsWith(`${text} #`)));
    if (all.log.length < wantLog || all.log.length > wantLog + Math.min(unacked.length, spare.length))
      problems.push(
        `${site} desk has ${all.log.length} log entries, the ledger ${wantLog}${spare.length ? ` (+ up to ${spare.length} saved as its process was killed)` : ''}`,
      );
    if (all.incidents.length !== wantInc) problems.push(`${site} desk has ${all.incidents.length} incidents, the ledger ${wantInc}`);
    // Nothing of another site's, and no pay.
    const r = d.t.opened.app.repos;
    for (const c of [r.shifts, r.attendance, r.incidents, r.log])
      for (const key of c.keys()) if (!key.endsWith(`/${site}`)) problems.push(`${site} desk holds ${c.name} of ${key}`);
    if (r.staff.all().some((p) => p.payRate !== 0)) problems.push(`${site} desk holds a pay rate`);
  }
  // Counted on the hub, where each event is a document of its own: written once, never in conflict.
  const EVENT = /^(log|incident-entry|attendance-event|head|photo):/;
  type HubDoc = {
    _id: string;
    _rev: string;
    _conflicts?: string[];
    incident?: string;
    index?: number;
    entry?: { hash: string };
    record?: { id: string; corrections?: { reason: string }[] };
  };
  for (const site of sites) {
    const res = await fetch(`${hub.url}/${siteDb(site)}/_all_docs?include_docs=true&conflicts=true`, { headers: hubAdminHeaders(hub) });
    const docs = ((await res.json()) as { rows: { doc: HubDoc }[] }).rows.map((r) => r.doc).filter((d) => EVENT.test(d._id));
    for (const d of docs)
      if (d._conflicts?.length || !d._rev.startsWith('1-')) problems.push(`${d._id} on the hub was written more than once (${d._rev})`);
    const count = (prefix: string, key: (d: HubDoc) => string | undefined) => {
      const by = new Map<string, Set<string>>();
      for (const d of docs.filter((x) => x._id.startsWith(prefix))) {
        const k = key(d);
        if (k) by.set(k, new Set([...(by.get(k) ?? []), d._id.split(':').slice(2, 4).join(':')]));
      }
      return by;
    };
    const logs = docs.filter((d) => d._id.startsWith('log:')).length;
    const wantLog = [...ledger.log.values()].filter((x) => x === site).length + seeded.log(site);
    const spare = live.kills.get(site)?.length ?? 0;
    if (logs < wantLog || logs > wantLog + spare)
      problems.push(
        `the hub has ${logs} log entries of ${site}, the ledger ${wantLog}${spare ? ` (+ up to ${spare} saved as a desk process was killed)` : ''}`,
      );
    // Each incident: its created entry and one entry per acknowledged update, each once.
    const entries = count('incident-entry:', (d) => d.incident);
    const wantInc = [...ledger.incidents.values()].filter((x) => x === site).length + seeded.incidents(site);
    if (entries.size !== wantInc) problems.push(`the hub has entries of ${entries.size} incidents of ${site}, the ledger ${wantInc}`);
    for (const [incident, places] of entries) {
      const want = 1 + [...ledger.entries.values()].filter((x) => x === incident).length;
      if (places.size !== want) problems.push(`the hub has ${places.size} history entries of incident ${incident}, the ledger ${want}`);
    }
    for (const [hash, incident] of ledger.entries)
      if (ledger.incidents.get(incident) === site && !docs.some((d) => d.incident === incident && d.entry?.hash === hash))
        problems.push(`history entry ${hash} of ${incident} is not on the hub`);
    // Each attendance record: the write that made it and one event per acknowledged correction made
    // while sync ran (those made while it was stopped may share one), every correction in one.
    const id = attendanceIds[sites.indexOf(site)];
    const events = docs.filter((d) => d._id.startsWith('attendance-event:') && d.record?.id === id);
    const made = [...ledger.corrections.entries()].filter(([, c]) => c.id === id);
    const own = made.filter(([, c]) => c.own).length;
    if (events.length < 1 + own || events.length > 1 + made.length)
      problems.push(`the hub has ${events.length} events of ${site}'s attendance, the ledger ${1 + own} to ${1 + made.length}`);
    for (const [reason, c] of made) {
      if (!events.some((d) => d.record?.corrections?.some((x) => x.reason === reason)))
        problems.push(`correction "${reason}" is in no attendance event on the hub`);
      if (c.own && !events.some((d) => d.record?.corrections?.at(-1)?.reason === reason))
        problems.push(`correction "${reason}" is not an event of its own on the hub`);
    }
  }
  const summary = {
    seed: o.seed,
    steps: o.steps,
    ops: Object.fromEntries(
      ['log', 'incident', 'update', 'correct', 'edit', 'publish', 'offline', 'online', 'reopen', 'kill', 'hub-restart'].map((k) => [
        k,
        plan.filter((p) => p.op === k).length,
      ]),
    ),
    ledger: {
      log: ledger.log.size,
      incidents: ledger.incidents.size,
      edits: ledger.notes.size,
      entries: ledger.entries.size,
      corrections: ledger.corrections.size,
    },
    replicaFaultsRestarted: live.faults,
    acknowledgedByKilledDesks: live.killedAcks,
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
