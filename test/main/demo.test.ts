import Conf from 'conf';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openApp } from '../../main/app';
import { DEMO_PASSWORD, generateDemo, type DemoSummary } from '../../main/seed/demo';
import type { Session } from '../../main/services/types';
import { checkDataFolder } from '../../main/storage/doctor';
import type { StoreClass } from '../../main/storage/storeClass';
import { addDays, londonInstant, monthOf } from '../../shared/domain/dates';
import type { Shift } from '../../shared/schemas/shift';

const StoreClassConf = Conf as unknown as StoreClass;
const NOW = londonInstant('2026-11-25', '12:00');
const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'sitedesk-demo-'));
const session = (): Session => ({ id: Math.random().toString(36).slice(2), userId: null, locked: false, lastActive: NOW });

describe('demo data at demo scale', () => {
  let dir: string;
  let summary: DemoSummary;

  /** The generated folder opened by the real app, as browser mode opens it. */
  const openDemo = () =>
    openApp({ dataDir: dir, StoreClass: StoreClassConf, mode: 'browser', version: '0.0.0-test', now: () => NOW, backupEveryMinutes: 0 });

  beforeAll(async () => {
    dir = tempDir();
    summary = await generateDemo({ dataDir: dir, StoreClass: StoreClassConf, scale: 'demo', seed: 42, now: NOW });
  });

  it('opens with the real app: 15 sites, about 150 staff, and accounts that sign in', async () => {
    const opened = openDemo();
    try {
      const { repos } = opened.app;
      expect(repos.sites.all()).toHaveLength(15);
      expect(repos.staff.all().length).toBeGreaterThanOrEqual(140);
      expect(repos.staff.all().length).toBeLessThanOrEqual(160);
      expect(
        repos.staff
          .all()
          .filter((s) => s.youngWorker)
          .every((s) => s.services.join() === 'cleaning'),
      ).toBe(true);
      expect(
        repos.staff
          .all()
          .filter((s) => s.services.includes('security'))
          .every((s) => s.sia && /^\d{16}$/.test(s.sia.number)),
      ).toBe(true);

      const m = session();
      expect(await opened.dispatch('auth:sign-in', { username: 'manager', password: DEMO_PASSWORD }, m)).toMatchObject({
        ok: true,
        data: { user: { username: 'manager', role: 'manager' } },
      });
      const s = session();
      expect(await opened.dispatch('auth:sign-in', { username: 'sup.ch', password: DEMO_PASSWORD }, s)).toMatchObject({
        ok: true,
        data: { user: { role: 'supervisor', sites: ['CH'] } },
      });
      const sites = await opened.dispatch('sites:list', {}, s);
      expect(sites.ok && (sites.data as { code: string }[]).map((x) => x.code)).toEqual(['CH']);
      expect(await opened.dispatch('auth:sign-in', { username: 'manager', password: 'wrong password' }, session())).toMatchObject({
        ok: false,
        code: 'invalid',
      });
    } finally {
      opened.close();
    }
  });

  it('has four weeks of rota, published up to this week and draft next week, with some open shifts', () => {
    const opened = openDemo();
    try {
      const months = [...new Set([summary.from, summary.rotaTo].map(monthOf))];
      const shifts: Shift[] = opened.app.repos.shifts.inMonths(months).filter((s) => s.date >= summary.from && s.date <= summary.rotaTo);
      expect(summary.from).toBe('2026-11-09');
      expect(summary.rotaTo).toBe('2026-12-06');
      const weeks = [0, 1, 2, 3].map((w) =>
        shifts.filter((s) => s.date >= addDays(summary.from, 7 * w) && s.date <= addDays(summary.from, 7 * w + 6)),
      );
      for (const week of weeks) expect(week.length).toBeGreaterThan(500);
      expect(weeks[3].every((s) => s.status === 'draft')).toBe(true);
      expect([...weeks[0], ...weeks[1], ...weeks[2]].every((s) => s.status === 'published')).toBe(true);
      const open = shifts.filter((s) => s.staffId === null);
      expect(open.length).toBeGreaterThan(10);
      expect(open.length).toBeLessThan(shifts.length * 0.15);
      expect(shifts.some((s) => s.service === 'security' && s.start === '19:00' && s.end === '07:00')).toBe(true);
      expect(shifts).toHaveLength(summary.counts.shifts);

      const incidents = opened.app.repos.incidents.inMonths(['2026-11']);
      expect(incidents.length).toBeGreaterThan(200);
      expect(incidents.some((i) => i.riddor)).toBe(true);
      expect(new Set(incidents.map((i) => i.status))).toEqual(new Set(['open', 'investigating', 'closed']));
      expect(incidents.find((i) => i.ref === 'CH-2026-0001')).toBeDefined();
      expect(opened.app.repos.log.inMonths(['2026-11']).length).toBeGreaterThan(1000);
      expect(opened.app.repos.attendance.inMonths(['2026-11']).some((a) => a.noShow)).toBe(true);
    } finally {
      opened.close();
    }
  });

  it('is healthy by the doctor', () => {
    const report = checkDataFolder(dir);
    expect(report.problems).toEqual([]);
    expect(report.counts).toMatchObject({
      sites: 15,
      shifts: summary.counts.shifts,
      incidents: summary.counts.incidents,
      logEntries: summary.counts.logEntries,
    });
  });

  it('gives the same records for the same seed and clock', async () => {
    const again = tempDir();
    const second = await generateDemo({ dataDir: again, StoreClass: StoreClassConf, scale: 'demo', seed: 42, now: NOW });
    expect(second.counts).toEqual(summary.counts);
    const file = 'data/partitions/shifts/2026-11/CH.json';
    expect(fs.readFileSync(path.join(again, file), 'utf8')).toBe(fs.readFileSync(path.join(dir, file), 'utf8'));
  });

  it('refuses a folder that already has accounts, unless forced, and never removes anything', async () => {
    const before = fs.readFileSync(path.join(dir, 'data/directory/accounts.json'), 'utf8');
    await expect(generateDemo({ dataDir: dir, StoreClass: StoreClassConf, scale: 'demo', seed: 1, now: NOW })).rejects.toThrow(
      /already has 16 account/,
    );
    expect(fs.readFileSync(path.join(dir, 'data/directory/accounts.json'), 'utf8')).toBe(before);
  });
});
