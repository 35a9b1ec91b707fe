/**
 * Fills a data folder with a realistic SiteDesk: 15 sites, about 150 staff, rotas, attendance, incidents
 * and occurrence logs, from a few weeks up to ten years of history. Everything goes through the real
 * storage layer (openApp and its repos), a whole month-and-site partition at a time so a decade takes
 * minutes, not hours. The same seed and clock give the same folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { addDays, daysBetween, londonInstant, londonToday, monthOf, weekStart } from '../../shared/domain/dates';
import type { Account } from '../../shared/schemas/account';
import type { Incident } from '../../shared/schemas/incident';
import type { Shift } from '../../shared/schemas/shift';
import type { Site } from '../../shared/schemas/site';
import type { Staff } from '../../shared/schemas/staff';
import { openApp } from '../app';
import { hashSecret } from '../services/passwords';
import type { PartitionedCollection } from '../storage/collections';
import { layout } from '../storage/paths';
import type { StoreClass } from '../storage/storeClass';
import { completeIncident, incidentsForDay, logForDay, References, type Cast, type IncidentDraft } from './demoIncidents';
import { attendanceFor, Rostering, type RotaRates } from './demoRota';
import { demandOf, eveningShareOf, planWeek, slotsPerWeek } from './demoSlots';
import { makeStaff } from './demoStaff';
import { FIRST_NAMES, SURNAMES } from './names';
import { Rng } from './random';
import { seedSites } from './sites';

export const SCALES = ['demo', 'month', 'year', 'decade'] as const;
export type Scale = (typeof SCALES)[number];

/** The password of every demo account. */
export const DEMO_PASSWORD = 'sitedesk-demo';

export interface DemoOptions {
  dataDir: string;
  StoreClass: StoreClass;
  scale: Scale;
  seed: number;
  /** The moment the demo stands at; history runs up to it and the rota one week past it. */
  now: number;
  /** Write into a folder that already has accounts, adding to what is there (nothing is removed). */
  force?: boolean;
  /** How many staff (150, or 230 for a decade); the week's shifts grow with it, about 4.4 per person. */
  staff?: number;
  version?: string;
  /** Called with a progress line at most once a second. */
  progress?: (line: string) => void;
}

export interface DemoSummary {
  dataDir: string;
  scale: Scale;
  seed: number;
  today: string;
  from: string;
  rotaTo: string;
  counts: {
    sites: number;
    staff: number;
    accounts: number;
    shifts: number;
    openShifts: number;
    attendance: number;
    incidents: number;
    logEntries: number;
  };
  shiftsPerWeek: number;
  accounts: { username: string; role: Account['role']; sites: string[] }[];
  skippedAccounts: string[];
  ms: number;
}

/** Raised when the folder already holds a SiteDesk in use and `force` was not given. */
export class DemoRefused extends Error {}

/** The first Monday of the history each scale covers. */
const historyStart = (scale: Scale, today: string): string => {
  const monday = weekStart(today);
  switch (scale) {
    case 'demo':
      return addDays(monday, -14);
    case 'month':
      return weekStart(addDays(today, -30));
    case 'year':
      return weekStart(addDays(today, -365));
    case 'decade':
      return weekStart(addDays(today, -3652));
  }
};

const iso = (ms: number) => new Date(ms).toISOString();

/** Collects records by month and writes each month's partitions in one go once the month is complete. */
class MonthBuffer<R extends { id: string }, D = R> {
  private readonly months = new Map<string, D[]>();
  written = 0;

  constructor(
    private readonly collection: PartitionedCollection<R>,
    /** Turns a complete month's drafts into records (incidents get their references in recording order). */
    private readonly prepare: (drafts: D[]) => R[] = (d) => d as unknown as R[],
  ) {}

  add(month: string, records: readonly D[]): void {
    const list = this.months.get(month) ?? [];
    list.push(...records);
    this.months.set(month, list);
  }

  /** Writes every month before `month` (all of them when omitted), one partition per write. */
  flushBefore(month?: string): void {
    for (const [m, list] of [...this.months].sort(([a], [b]) => a.localeCompare(b))) {
      if (month && m >= month) continue;
      const byPartition = new Map<string, R[]>();
      for (const r of this.prepare(list)) {
        const key = this.collection.partitionOf(r);
        const part = byPartition.get(key) ?? [];
        part.push(r);
        byPartition.set(key, part);
      }
      for (const part of byPartition.values()) this.collection.put(part);
      this.written += list.length;
      this.months.delete(m);
    }
  }
}

/**
 * How many accounts a folder already has, read straight from disk so that a refusal leaves the folder
 * exactly as it was (opening it would take a start-up backup); null when the file cannot be read.
 */
const accountsIn = (dataDir: string): number | null => {
  const file = path.join(layout(dataDir).data, 'directory', 'accounts.json');
  if (!fs.existsSync(file)) return 0;
  try {
    return Object.keys((JSON.parse(fs.readFileSync(file, 'utf8')) as { records?: object }).records ?? {}).length;
  } catch {
    return null;
  }
};

/** The employee number after the highest `SDnnnnn` already given, so demo people added with --force never clash. */
const firstFreeNumber = (staff: readonly Staff[]): number =>
  staff.reduce((max, s) => Math.max(max, Number(/^SD(\d+)$/.exec(s.employeeNumber)?.[1] ?? 0) + 1), 10001);

/** Generates a demo SiteDesk into `opts.dataDir` and says what it made. */
export const generateDemo = async (opts: DemoOptions): Promise<DemoSummary> => {
  const started = Date.now();
  let lastProgress = 0;
  const progress = (line: () => string) => {
    if (!opts.progress || Date.now() - lastProgress < 1000) return;
    lastProgress = Date.now();
    opts.progress(line());
  };
  const now = opts.now;
  const today = londonToday(now);
  const from = historyStart(opts.scale, today);
  const thisMonday = weekStart(today);
  const rotaTo = addDays(thisMonday, 13);
  const rng = new Rng(opts.seed);

  const inUse = accountsIn(opts.dataDir);
  if (inUse !== 0 && !opts.force) {
    const what = inUse === null ? 'an accounts file SiteDesk cannot read' : `${inUse} account(s)`;
    throw new DemoRefused(
      `${opts.dataDir} already has ${what}. Choose an empty folder, or pass --force to add demo data alongside (nothing is removed).`,
    );
  }

  const opened = openApp({
    dataDir: opts.dataDir,
    StoreClass: opts.StoreClass,
    mode: 'browser',
    version: opts.version ?? '0.1.0',
    now: () => now,
    backupEveryMinutes: 0,
  });
  try {
    const { repos } = opened.app;
    const existingAccounts = repos.accounts.all();

    const managerId = rng.id();
    const startMs = londonInstant(addDays(from, -1), '09:00');
    const at = iso(startMs);
    let sites: Site[] = repos.sites.all();
    if (sites.length === 0) {
      sites = seedSites(opened.app.clock, managerId, startMs).map((s) => ({ ...s, id: rng.id() }));
      repos.sites.putMany(sites);
    }
    sites = sites.filter((s) => !s.archived).sort((a, b) => a.code.localeCompare(b.code));

    // A decade is the scale test: 230 people fill the product's design load of about 1,000 shifts a week.
    const staffCount = opts.staff ?? (opts.scale === 'decade' ? 230 : 150);
    const plan = planWeek(sites, Math.round(staffCount * 4.4));
    const demand = demandOf(plan);
    const people = makeStaff(rng, {
      count: staffCount,
      today,
      from,
      sites,
      demand,
      eveningCleaningShare: eveningShareOf(plan),
      firstNumber: firstFreeNumber(repos.staff.all()),
      userId: managerId,
      at,
    });
    repos.staff.putMany(people.map((p) => p.staff));

    const personName = () => `${rng.pick(FIRST_NAMES)} ${rng.pick(SURNAMES)}`;
    const hash = await hashSecret(DEMO_PASSWORD);
    const account = (id: string, username: string, displayName: string, role: Account['role'], siteCodes: string[]): Account => ({
      id,
      username,
      displayName,
      role,
      sites: siteCodes,
      passwordHash: hash,
      pinHash: null,
      disabled: false,
      createdAt: at,
      createdBy: managerId,
      updatedAt: at,
      updatedBy: managerId,
      rev: 1,
      failedAttempts: 0,
      lastFailedAt: null,
    });
    const managerName = personName();
    const wanted = [
      account(managerId, 'manager', managerName, 'manager', []),
      ...sites.map((s) => account(rng.id(), `sup.${s.code.toLowerCase()}`, personName(), 'supervisor', [s.code])),
    ];
    const taken = new Set(existingAccounts.map((a) => a.username));
    const accounts = wanted.filter((a) => !taken.has(a.username));
    repos.accounts.putMany(accounts);
    const supervisors = new Map(wanted.filter((a) => a.role === 'supervisor').map((a) => [a.sites[0], { id: a.id, name: a.displayName }]));

    const rostering = new Rostering(rng, people, plan);
    const namesAt = new Map<string, string[]>();
    const securityNamesAt = new Map<string, string[]>();
    for (const p of people) {
      const home = p.staff.homeSite!;
      namesAt.set(home, [...(namesAt.get(home) ?? []), p.staff.name]);
      if (p.staff.services.includes('security')) securityNamesAt.set(home, [...(securityNamesAt.get(home) ?? []), p.staff.name]);
    }
    const cast: Cast = {
      managerId,
      managerName,
      supervisor: (code) => supervisors.get(code) ?? { id: managerId, name: managerName },
      namesAt: (code) => namesAt.get(code) ?? [],
      instant: (date, time) => rostering.instant(date, time),
    };

    const shifts = new MonthBuffer(repos.shifts);
    const attendance = new MonthBuffer(repos.attendance);
    let shiftCount = 0;
    let openShifts = 0;
    let attendanceCount = 0;
    for (let monday = from; monday <= rotaTo; monday = addDays(monday, 7)) {
      const future = monday > thisMonday;
      const rates: RotaRates = future
        ? { open: 0.07, gap: 0.01, breach: 0.004 }
        : monday === thisMonday
          ? { open: 0.03, gap: 0.008, breach: 0.004 }
          : { open: 0.012, gap: 0.006, breach: 0.004 };
      const plannedAt = iso(Math.min(rostering.instant(addDays(monday, -10), '10:00'), now));
      const week = rostering.week(monday, rates, (slot, date, staffId) => {
        const id = rng.id();
        return {
          id,
          site: slot.site,
          service: slot.service,
          date,
          start: slot.start,
          end: slot.end,
          breakMinutes: slot.breakMinutes,
          staffId,
          notes: staffId === null && rng.chance(0.2) ? 'Agency cover requested' : '',
          status: future ? 'draft' : 'published',
          override: null,
          history: [],
          deleted: false,
          createdAt: plannedAt,
          createdBy: managerId,
          updatedAt: plannedAt,
          updatedBy: managerId,
          rev: 1,
        } satisfies Shift;
      });
      const signed = attendanceFor(rng, week, { now, instant: cast.instant, recordedBy: (code) => cast.supervisor(code).id });
      for (const s of week) shifts.add(monthOf(s.date), [s]);
      for (const a of signed) attendance.add(monthOf(a.date), [a]);
      shiftCount += week.length;
      openShifts += week.filter((s) => s.staffId === null).length;
      attendanceCount += signed.length;
      const nextMonth = monthOf(addDays(monday, 7));
      shifts.flushBefore(nextMonth);
      attendance.flushBefore(nextMonth);
      progress(
        () =>
          `shifts ${monthOf(monday)} … ${shiftCount.toLocaleString('en-GB')} shifts, ${attendanceCount.toLocaleString('en-GB')} sign-ins`,
      );
    }
    shifts.flushBefore();
    attendance.flushBefore();

    const securitySites = sites.filter((s) => s.services.includes('security'));
    const securityMinutes = securitySites.map((s) => demand.get(s.code)?.security ?? 0);
    const totalSecurity = securityMinutes.reduce((a, b) => a + b, 0) || 1;
    const references = new References();
    for (const key of repos.incidents.keys()) for (const i of Object.values(repos.incidents.partition(key))) references.known(i.ref);
    const incidents = new MonthBuffer<Incident, IncidentDraft>(repos.incidents, (drafts) =>
      drafts
        .sort((a, b) => a.reportedAt.localeCompare(b.reportedAt))
        .map((d) => completeIncident(rng, cast, d, references.issue(d.site, d.reportedAt), now, today)),
    );
    const log = new MonthBuffer(repos.log);
    const logCast: Cast = { ...cast, namesAt: (code) => securityNamesAt.get(code) ?? [] };
    for (let date = from; date <= today; date = addDays(date, 1)) {
      const ago = daysBetween(date, today);
      const drafts = incidentsForDay(rng, cast, { date, count: rng.int(15, 25), today, now, sites, wantRiddor: ago === 3 || ago === 12 });
      incidents.add(monthOf(date), drafts);
      securitySites.forEach((site, i) =>
        log.add(
          monthOf(date),
          logForDay(rng, logCast, site, date, Math.max(4, Math.round((100 * securityMinutes[i]) / totalSecurity) + rng.int(-2, 2)), now),
        ),
      );
      const month = monthOf(addDays(date, 1));
      incidents.flushBefore(month);
      log.flushBefore(month);
      progress(
        () =>
          `incidents ${monthOf(date)} … ${incidents.written.toLocaleString('en-GB')} incidents, ${log.written.toLocaleString('en-GB')} log entries`,
      );
    }
    incidents.flushBefore();
    log.flushBefore();

    return {
      dataDir: opts.dataDir,
      scale: opts.scale,
      seed: opts.seed,
      today,
      from,
      rotaTo,
      counts: {
        sites: repos.sites.all().length,
        staff: repos.staff.all().length,
        accounts: repos.accounts.all().length,
        shifts: shiftCount,
        openShifts,
        attendance: attendanceCount,
        incidents: incidents.written,
        logEntries: log.written,
      },
      shiftsPerWeek: slotsPerWeek(plan),
      accounts: accounts.map((a) => ({ username: a.username, role: a.role, sites: a.sites })),
      skippedAccounts: wanted.filter((a) => taken.has(a.username)).map((a) => a.username),
      ms: Date.now() - started,
    };
  } finally {
    opened.close();
  }
};
