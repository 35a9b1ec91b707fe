import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import { describe, expect, it } from 'vitest';
import { Backups } from '../../main/storage/backups';
import { serializeWithSum } from '../../main/storage/checksum';
import { DataStore } from '../../main/storage/dataStore';
import { openMeta } from '../../main/storage/meta';
import { layout } from '../../main/storage/paths';
import { storeOptions } from '../../main/storage/storeClass';
import { openRepos } from '../../main/storage/repos';
import { STORE_UNDER_TEST, StoreUnderTest } from '../support/storeUnderTest';
import type { Shift } from '../../shared/schemas/shift';
import { DEFAULT_SETTINGS } from '../../shared/schemas/settings';
import { tempDataDir } from '../support/server';

const open = (dir: string, now = () => Date.parse('2026-11-25T09:00:00Z')) => {
  const dirs = layout(dir);
  const ds = new DataStore(dirs, StoreUnderTest, new Backups(dirs, now), now);
  return { ds, repos: openRepos(ds), dirs };
};

const shift = (id: string, date: string, site = 'CH', staffId: string | null = null): Shift => ({
  id,
  site,
  service: 'cleaning',
  date,
  start: '05:00',
  end: '08:00',
  breakMinutes: 0,
  staffId,
  notes: '',
  status: 'draft',
  override: null,
  history: [],
  deleted: false,
  createdAt: '2026-11-25T09:00:00.000Z',
  createdBy: 'manager01',
  updatedAt: '2026-11-25T09:00:00.000Z',
  updatedBy: 'manager01',
  rev: 1,
});

describe('the store class under test', () => {
  it('is the one this test project names (conf, or the real electron-store under the electron-store project)', () => {
    const dir = tempDataDir();
    const store = new StoreUnderTest(storeOptions(dir, 'probe'));
    store.store = { probe: 1 };
    expect(fs.existsSync(path.join(dir, 'probe.json'))).toBe(true);
    expect((StoreUnderTest as unknown as { name: string }).name).toBe(STORE_UNDER_TEST === 'electron-store' ? 'ElectronStore' : 'Conf');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('partitioned storage', () => {
  it('writes each month and site to its own small file', () => {
    const { repos, dirs } = open(tempDataDir());
    repos.shifts.put([shift('shift000001', '2026-11-30'), shift('shift000002', '2026-12-01'), shift('shift000003', '2026-12-01', 'FH')]);
    const files = fs
      .readdirSync(path.join(dirs.data, 'partitions/shifts'), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.json'))
      .sort();
    expect(files).toEqual(['2026-11/CH.json', '2026-12/CH.json', '2026-12/FH.json']);
    expect(
      repos.shifts
        .inMonths(['2026-12'])
        .map((s) => s.id)
        .sort(),
    ).toEqual(['shift000002', 'shift000003']);
    expect(repos.shifts.inMonths(['2026-12'], ['FH']).map((s) => s.id)).toEqual(['shift000003']);
  });

  it('reads a file kept on disk with a byte order mark or electron-store’s own key, and a one-off pass leaves the cache alone', () => {
    const dir = tempDataDir();
    const { repos, dirs } = open(dir);
    repos.shifts.put([shift('shift-a', '2026-11-02')]);
    const file = path.join(dirs.data, 'partitions/shifts/2026-11/CH.json');
    const text = fs.readFileSync(file, 'utf8');
    const withExtras = JSON.stringify({ ...JSON.parse(text), __internal__: { migrations: { version: '1.0.0' } } });
    fs.writeFileSync(file, `\uFEFF${withExtras}`);
    const fresh = open(dir);
    expect(Object.keys(fresh.repos.shifts.partitionOnce('2026-11/CH'))).toEqual(['shift-a']);
    // Not kept: a change on disk shows at the next read.
    fs.writeFileSync(file, JSON.stringify({ records: {} }));
    expect(fresh.repos.shifts.partitionOnce('2026-11/CH')).toEqual({});
    expect(fresh.repos.shifts.partition('2026-11/CH')).toEqual({});
    // A normal read is kept: the same change on disk is not seen until the cache is dropped.
    fs.writeFileSync(file, text);
    expect(fresh.repos.shifts.partition('2026-11/CH')).toEqual({});
    fresh.ds.forget();
    expect(Object.keys(fresh.repos.shifts.partition('2026-11/CH'))).toEqual(['shift-a']);
  });

  it('moves a record between partitions in one change, never leaving it in both', () => {
    const dir = tempDataDir();
    const { repos } = open(dir);
    const before = shift('shift000001', '2026-11-30');
    repos.shifts.put([before]);
    repos.shifts.put([{ ...before, date: '2026-12-02', rev: 2 }], [before]);
    const fresh = open(dir).repos;
    expect(Object.keys(fresh.shifts.partition('2026-11/CH'))).toEqual([]);
    expect(fresh.shifts.partition('2026-12/CH').shift000001.date).toBe('2026-12-02');
  });

  it('completes an interrupted multi-file save from its journal on the next open', () => {
    const dir = tempDataDir();
    const { dirs } = open(dir);
    const journal = new Conf({ cwd: dirs.data, configName: 'journal', projectName: 'x' });
    journal.store = {
      writes: [{ rel: 'partitions/shifts/2026-11/CH', value: { records: { shift000009: shift('shift000009', '2026-11-03') } } }],
    };
    const reopened = open(dir);
    expect(reopened.repos.shifts.partition('2026-11/CH').shift000009.id).toBe('shift000009');
    expect(fs.existsSync(dirs.journal)).toBe(false);
    expect(reopened.ds.notices().map((n) => n.kind)).toEqual(['journal-replayed']);
  });
});

describe('directory collections', () => {
  it('finds no record for ids that name Object.prototype’s own properties', () => {
    const { repos } = open(tempDataDir());
    for (const id of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) expect(repos.staff.get(id)).toBeUndefined();
  });
});

describe('recovery from a damaged file', () => {
  it('treats a partition keyed "__proto__" or "constructor" as damaged, never as records or as the object itself', () => {
    const dir = tempDataDir();
    const { ds, repos, dirs } = open(dir);
    repos.shifts.put([shift('shift000001', '2026-11-02')]);
    ds.backupIfChanged('test', true);
    const ch = path.join(dirs.data, 'partitions/shifts/2026-11/CH.json');
    const good = JSON.parse(fs.readFileSync(ch, 'utf8')) as { records: Record<string, Shift> };
    const crafted = `{"records":{"__proto__":${JSON.stringify(good.records.shift000001)},"constructor":${JSON.stringify(good.records.shift000001)}}}`;
    fs.writeFileSync(ch, crafted);
    const fresh = open(dir);
    expect(Object.keys(fresh.repos.shifts.partition('2026-11/CH'))).toEqual(['shift000001']);
    expect(fresh.ds.notices().map((n) => n.kind)).toEqual(['restored']);
    expect(({} as Record<string, unknown>).site).toBeUndefined(); // nothing leaked into Object.prototype
  });

  it('moves a corrupt partition aside, restores it from the newest good backup, tells the user, and touches nothing else', () => {
    const dir = tempDataDir();
    const { ds, repos, dirs } = open(dir);
    repos.shifts.put([shift('shift000001', '2026-11-02'), shift('shift000002', '2026-11-03', 'FH')]);
    ds.backupIfChanged('test', true);
    const ch = path.join(dirs.data, 'partitions/shifts/2026-11/CH.json');
    const fh = path.join(dirs.data, 'partitions/shifts/2026-11/FH.json');
    const fhBefore = fs.readFileSync(fh, 'utf8');
    fs.writeFileSync(ch, '{"records": {"shift000001": {"id": "shi');

    const fresh = open(dir);
    expect(Object.keys(fresh.repos.shifts.partition('2026-11/CH'))).toEqual(['shift000001']);
    const quarantined = fs
      .readdirSync(dirs.quarantine, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('CH.json'));
    expect(quarantined).toHaveLength(1);
    expect(fs.readFileSync(path.join(dirs.quarantine, quarantined[0]), 'utf8')).toBe('{"records": {"shift000001": {"id": "shi');
    expect(fs.readFileSync(fh, 'utf8')).toBe(fhBefore);
    const [notice] = fresh.ds.notices();
    expect(notice).toMatchObject({ kind: 'restored', file: 'partitions/shifts/2026-11/CH' });
    expect(notice.message).toContain('restored from the backup');
  });

  it('treats a file whose records break the schema as damaged too; with no backup it is rebuilt from the change log', () => {
    const dir = tempDataDir();
    const { repos, dirs } = open(dir);
    repos.shifts.put([shift('shift000001', '2026-11-02')]);
    const ch = path.join(dirs.data, 'partitions/shifts/2026-11/CH.json');
    fs.writeFileSync(ch, JSON.stringify({ records: { shift000001: { ...shift('shift000001', '2026-11-02'), start: '25:99' } } }));
    const fresh = open(dir);
    expect(fresh.repos.shifts.partition('2026-11/CH')).toEqual({ shift000001: shift('shift000001', '2026-11-02') });
    const [notice] = fresh.ds.notices();
    expect(notice).toMatchObject({ kind: 'restored', file: 'partitions/shifts/2026-11/CH' });
    expect(notice.message).toContain('restored from the change log; every change saved to it is there');
  });

  it('keeps a damaged file aside and starts it empty when neither a backup nor the change log has it', () => {
    const dir = tempDataDir();
    const { repos, dirs } = open(dir);
    repos.shifts.put([shift('shift000001', '2026-11-02')]);
    fs.rmSync(dirs.changes, { recursive: true });
    fs.mkdirSync(dirs.changes);
    const ch = path.join(dirs.data, 'partitions/shifts/2026-11/CH.json');
    fs.writeFileSync(ch, JSON.stringify({ records: { shift000001: { ...shift('shift000001', '2026-11-02'), start: '25:99' } } }));
    const fresh = open(dir);
    expect(fresh.repos.shifts.partition('2026-11/CH')).toEqual({});
    const [notice] = fresh.ds.notices();
    expect(notice.kind).toBe('unrecoverable');
    expect(fs.existsSync(path.join(dirs.root, notice.quarantined!))).toBe(true);
  });

  it('refuses a data folder from a newer SiteDesk without changing it', () => {
    const dir = tempDataDir();
    const { ds } = open(dir);
    openMeta(ds, Date.now);
    const metaFile = path.join(dir, 'data/system/meta.json');
    const newer = JSON.parse(fs.readFileSync(metaFile, 'utf8'));
    newer.meta.schemaVersion = 99;
    // As a newer SiteDesk would write it: with the checksum of its new content.
    fs.writeFileSync(metaFile, serializeWithSum(newer));
    expect(() => openMeta(open(dir).ds, Date.now)).toThrow(/newer SiteDesk/);
    expect(JSON.parse(fs.readFileSync(metaFile, 'utf8')).meta.schemaVersion).toBe(99);
  });

  it('runs pending migrations in order after taking a backup', () => {
    const dir = tempDataDir();
    const { ds } = open(dir);
    openMeta(ds, Date.now, [], 1);
    const ran: number[] = [];
    const meta = openMeta(
      open(dir).ds,
      Date.now,
      [
        { to: 3, describe: 'c', run: () => ran.push(3) },
        { to: 2, describe: 'b', run: () => ran.push(2) },
      ],
      3,
    );
    expect(ran).toEqual([2, 3]);
    expect(meta.schemaVersion).toBe(3);
    expect(new Backups(layout(dir), Date.now).list()[0].reason).toBe('before upgrade to data version 3');
  });

  it('a save that cannot be written reports it clearly, changes nothing and keeps what was saved', () => {
    const dir = tempDataDir();
    const { repos, dirs } = open(dir);
    repos.shifts.put([shift('shift000001', '2026-11-02')]);
    // A file where the December folder should be makes the write fail even for root.
    fs.writeFileSync(path.join(dirs.data, 'partitions/shifts/2026-12'), 'in the way');
    expect(() => repos.shifts.put([shift('shift000001', '2026-12-02', 'CH')], [shift('shift000001', '2026-11-02')])).toThrow(
      /Could not save .* Nothing was changed/,
    );
    const fresh = open(dir).repos;
    expect(Object.keys(fresh.shifts.partition('2026-11/CH'))).toEqual(['shift000001']);
    expect(repos.shifts.partition('2026-11/CH').shift000001.date).toBe('2026-11-02');
  });
});

describe('rolling backups', () => {
  it('keeps the old bytes in a backup after later writes, and after damage done to the live file in place', () => {
    const dir = tempDataDir();
    const { ds, repos, dirs } = open(dir);
    repos.shifts.put([shift('shift000001', '2026-11-02')]);
    ds.backupIfChanged('test', true);
    repos.shifts.put([{ ...shift('shift000001', '2026-11-02'), start: '06:00', rev: 2 }]);
    const [b] = new Backups(dirs, Date.now).list();
    const copy = JSON.parse(fs.readFileSync(path.join(dirs.backups, b.id, 'partitions/shifts/2026-11/CH.json'), 'utf8'));
    expect(copy.records.shift000001.start).toBe('05:00');
    expect(b).toMatchObject({ reason: 'test', files: 1 });
    ds.backupIfChanged('second');
    fs.writeFileSync(path.join(dirs.data, 'partitions/shifts/2026-11/CH.json'), 'garbage written in place');
    const [second] = new Backups(dirs, Date.now).list();
    const secondCopy = JSON.parse(fs.readFileSync(path.join(dirs.backups, second.id, 'partitions/shifts/2026-11/CH.json'), 'utf8'));
    expect(secondCopy.records.shift000001.start).toBe('06:00');
  });

  it('never treats a half-made backup as a restore point, and prunes it', () => {
    const dir = tempDataDir();
    const { ds, repos, dirs } = open(dir);
    repos.shifts.put([shift('shift000001', '2026-11-02')]);
    ds.backupIfChanged('good', true);
    const partial = path.join(dirs.backups, '2099-01-01T00-00-00-000Z.partial/partitions/shifts/2026-11');
    fs.mkdirSync(partial, { recursive: true });
    fs.writeFileSync(path.join(partial, 'CH.json'), JSON.stringify({ records: {} }));
    const backups = new Backups(dirs, Date.now);
    expect(backups.list().map((b) => b.reason)).toEqual(['good']);
    const found = backups.findGood('partitions/shifts/2026-11/CH.json', () => true);
    expect(found?.file).not.toContain('.partial');
    backups.prune();
    expect(fs.readdirSync(dirs.backups).some((d) => d.endsWith('.partial'))).toBe(false);
  });

  it('prunes to the rolling set as backups are taken', () => {
    const dir = tempDataDir();
    let now = Date.parse('2025-11-01T10:00:00Z');
    const dirs = layout(dir);
    const ds = new DataStore(dirs, StoreUnderTest, new Backups(dirs, () => now), () => now);
    const repos = openRepos(ds);
    // Two backups a day for 45 days.
    for (let day = 0; day < 45; day += 1) {
      for (let h = 0; h < 2; h += 1) {
        now = Date.parse('2025-11-01T10:00:00Z') + day * 86_400_000 + h * 3 * 3_600_000;
        repos.settings.set({ ...DEFAULT_SETTINGS, organisationName: `v${day}-${h}` });
        ds.backupIfChanged('scheduled');
      }
    }
    const kept = new Backups(dirs, () => now).list();
    const days = new Set(kept.map((b) => b.at.slice(0, 10)));
    expect(kept.filter((b) => now - Date.parse(b.at) < 86_400_000)).toHaveLength(2);
    expect(days.size).toBe(31); // one a day for 31 days; both months' newest fall inside them
    expect(kept).toHaveLength(2 + 30);
  });
});
