/** A hub on loopback and SiteDesk data folders pointed at it, for the replication tests. */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SyncConfig } from '../../../main/sync/service';
import { provisionDesk, provisionManager, provisionOrganisation, siteDb } from '../../../main/sync/provision';
import type { Session } from '../../../main/services/types';
import { okData, openTestApp, type TestApp } from '../../support/app';
import { spawnHub } from '../../support/hubProcess';
import { DESK_PASSWORD, seedDesk } from '../../support/deskWorld';
import { newMeta, RecordClock } from '../../../main/services/records';
import type { Account } from '../../../shared/schemas/account';
import type { LogEntry } from '../../../shared/schemas/occurrence';

export const ADMIN = { name: 'council-it', password: 'hub admin pass 1' };

/** The hub as its own process (`npm run hub`), so it can be stopped and started again on the same folder and port. */
export class HubProcess {
  url = '';
  private child: ChildProcess | null = null;
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitedesk-hub-'));
  private port = 0;

  async start(): Promise<string> {
    const { url, child } = await spawnHub({ dir: this.dir, port: this.port, admin: ADMIN });
    this.child = child;
    this.url = url;
    this.port = Number(new URL(this.url).port);
    return this.url;
  }

  async stop(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill(signal);
    });
    this.child = null;
  }

  get admin() {
    return { url: this.url, ...ADMIN };
  }
}

export const deskCredentials = (site: string) => ({ name: `desk-${site.toLowerCase()}`, password: `${site} desk password 1` });
export const managerCredentials = (n = 1) => ({ name: `manager-${n}`, password: `manager password ${n}x` });

/** Provisions the organisation, its desks and managers on the hub. */
export const provision = async (hub: HubProcess, sites: string[], managers = 1) => {
  // The test hub mangles replicated updates when write rules are installed (see ProvisionOptions).
  await provisionOrganisation(hub.admin, sites, { writeRules: false });
  for (const s of sites) await provisionDesk(hub.admin, { ...deskCredentials(s), sites: [s] });
  for (let n = 1; n <= managers; n += 1) await provisionManager(hub.admin, managerCredentials(n));
};

export const managerConfig = (hub: HubProcess, sites: string[], n = 1): SyncConfig => ({
  url: hub.url,
  ...managerCredentials(n),
  role: 'manager',
  sites,
});
export const deskConfig = (hub: HubProcess, site: string): SyncConfig => ({
  url: hub.url,
  ...deskCredentials(site),
  role: 'desk',
  sites: [site],
});

/** Opens a data folder whose sync retries quickly, as tests cannot wait half a minute. */
export const openSyncApp = (dir?: string): TestApp => openTestApp({ dir, sync: { maxBackOffMs: 500, probeMs: 500 } });

/**
 * Starts `hub` with `sites` provisioned, and a manager's laptop holding the desk world, signed in as the manager and
 * connected to the hub for those sites.
 */
export const managerOnHub = async (hub: HubProcess, sites: string[]): Promise<{ manager: TestApp; session: Session }> => {
  await hub.start();
  await provision(hub, sites);
  const manager = openSyncApp();
  await seedDesk(manager.opened.app);
  const session = await signIn(manager, 'manager');
  await manager.opened.app.sync!.connect(managerConfig(hub, sites));
  return { manager, session };
};

/**
 * Waits until `check` holds, polling; fails with `what` after `ms`. The default is generous: how quickly
 * sync is is the bench's business (`sync_latency_ms`), and a shared machine at load 15 took over 20 s.
 */
export const until = async (what: string, check: () => boolean | Promise<boolean>, ms = 45_000): Promise<void> => {
  const end = Date.now() + ms;
  for (;;) {
    if (await check()) return;
    if (Date.now() > end) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

/** Signs `username` in on `t` with the desk world's password. */
export const signIn = async (t: TestApp, username: string): Promise<Session> => {
  const s = t.session();
  okData(await t.call('auth:sign-in', { username, password: DESK_PASSWORD }, s));
  return s;
};

/** The hub admin's basic-auth header, for asking the hub itself. */
export const hubAdminHeaders = (hub: HubProcess) => ({
  authorization: `Basic ${Buffer.from(`${hub.admin.name}:${hub.admin.password}`).toString('base64')}`,
});

/** A log entry of `site` as a manager's install would have pushed it, one a minute from 1 Sep 2026. */
export const pushedLogEntry = (n: number, site = 'CH'): LogEntry => {
  const at = Date.parse('2026-09-01T00:00:00Z') + n * 60_000;
  const iso = new Date(at).toISOString();
  return {
    ...newMeta(new RecordClock(''), 'seed_system_0001', at, `log_first_${String(n).padStart(5, '0')}`),
    site,
    date: iso.slice(0, 10),
    time: iso.slice(11, 16),
    kind: 'patrol',
    text: `Patrol ${n}: all doors checked.`,
    corrects: null,
  };
};

/** Puts `count` log entries of `site` straight into the hub's database, as if a manager had pushed them. */
export const fillHubWithLog = async (hub: HubProcess, site: string, count: number): Promise<void> => {
  for (let from = 0; from < count; from += 5000) {
    const docs = Array.from({ length: Math.min(5000, count - from) }, (_, i) => {
      const record = pushedLogEntry(from + i, site);
      return { _id: `log:${record.id}`, kind: 'log', record, aside: [] };
    });
    const res = await fetch(`${hub.url}/${siteDb(site)}/_bulk_docs`, {
      method: 'POST',
      body: JSON.stringify({ docs }),
      headers: { ...hubAdminHeaders(hub), 'content-type': 'application/json' },
    });
    if (res.status !== 201) throw new Error(`the hub refused the log entries: ${res.status} ${await res.text()}`);
  }
};

/**
 * A started hub with a seeded manager's laptop (signed in) and a CH desk holding only sup.ch's account
 * (signed in), both connected and the desk holding the directory.
 */
export const openManagerAndDesk = async (hub: HubProcess, sites: string[], managers = 1) => {
  await hub.start();
  await provision(hub, sites, managers);
  const manager = openSyncApp();
  await seedDesk(manager.opened.app);
  const m = await signIn(manager, 'manager');
  const desk = openSyncApp();
  // An enrolled desk holds its supervisors' accounts (the enrolment file carries them), nothing else.
  desk.opened.app.repos.accounts.putMany(manager.opened.app.repos.accounts.all().filter((a) => a.username === 'sup.ch'));
  const sup = await signIn(desk, 'sup.ch');
  await manager.opened.app.sync!.connect(managerConfig(hub, sites));
  await desk.opened.app.sync!.connect(deskConfig(hub, 'CH'));
  return { manager, m, desk, sup };
};

/**
 * A started hub and two managers' laptops, Maria's seeded and Priya's empty (to be filled from the hub), both
 * knowing both managers' accounts; neither is connected or signed in yet.
 */
export const openTwoManagers = async (hub: HubProcess, sites: string[]) => {
  await hub.start();
  await provision(hub, sites, 2);
  const maria = openSyncApp();
  await seedDesk(maria.opened.app);
  const priyaAccount: Account = {
    ...maria.opened.app.repos.accounts.all().find((a) => a.username === 'manager')!,
    id: 'account_manager2',
    username: 'priya',
    displayName: 'Priya Shah',
  };
  maria.opened.app.repos.accounts.putMany([priyaAccount]);
  const priya = openSyncApp();
  priya.opened.app.repos.accounts.putMany(maria.opened.app.repos.accounts.all().filter((a) => a.role === 'manager'));
  return { maria, priya };
};

/** Waits until the CH desk holds the directory. */
export const deskHasDirectory = (desk: TestApp) =>
  until('the desk has the directory', () => desk.opened.app.repos.sites.all().some((s) => s.code === 'CH'));

/** Stops and closes every install, then the hub. */
export const closeAll = async (hub: HubProcess, apps: (TestApp | undefined)[]) => {
  for (const t of apps) {
    await t?.opened.stopSync();
    t?.opened.close();
  }
  await hub.stop();
};

/**
 * The history entries of an incident the hub holds, each once as `<index>:<hash>`, in chain order: each
 * entry is its own document there (`incident-entry:<incident>:<index>:<hash>:<digest>`).
 */
export const hubEntries = async (hub: HubProcess, site: string, incident: string): Promise<string[]> => {
  const prefix = `incident-entry:${incident}:`;
  const q = new URLSearchParams({ startkey: JSON.stringify(prefix), endkey: JSON.stringify(`${prefix}\ufff0`) });
  const res = await fetch(`${hub.url}/${siteDb(site)}/_all_docs?${q}`, { headers: hubAdminHeaders(hub) });
  const rows = ((await res.json()) as { rows?: { id: string }[] }).rows ?? [];
  const places = [...new Set(rows.map((r) => r.id.split(':').slice(2, 4).join(':')))];
  // Ids pad the index (000003), so their order is the chain's; shown as 3:<hash>.
  return places.sort().map((e) => e.replace(/^0+(?=\d)/, ''));
};

/** A small CH incident a desk records (the payload of `incidents:create`), for the tests that need one. */
export const BIKE_SHED_INCIDENT = {
  site: 'CH',
  location: 'Bike shed',
  occurredAt: '2026-11-25T06:50:00.000Z',
  reportedAt: '2026-11-25T06:55:00.000Z',
  reportedBy: 'Dee Supervisor',
  reportedTo: 'Site supervisor',
  category: 'security',
  severity: 'low',
  details: 'Lock on the bike shed cut.',
} as const;
