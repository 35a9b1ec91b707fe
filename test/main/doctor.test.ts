import Conf from 'conf';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../main/seed/demo';
import { serializeWithSum } from '../../main/storage/checksum';
import { checkDataFolder, FolderUnreadable } from '../../main/storage/doctor';
import type { StoreClass } from '../../main/storage/storeClass';
import { bundleEntry } from '../support/bundleEntry';
import { londonInstant } from '../../shared/domain/dates';
import { filesOf } from '../support/app';

const NOW = londonInstant('2026-11-25', '12:00');
let template: string;

/** A fresh copy of one generated demo folder, so each test damages its own. */
const copy = (): string => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitedesk-doctor-'));
  fs.cpSync(path.join(template, 'data'), path.join(dir, 'data'), { recursive: true });
  return dir;
};
const file = (dir: string, rel: string) => path.join(dir, 'data', rel);
const readRecords = (dir: string, rel: string) =>
  JSON.parse(fs.readFileSync(file(dir, rel), 'utf8')) as { records: Record<string, Record<string, unknown>> };
/** Writes a file as someone editing it carefully would: with its checksum recomputed (anyone can). */
const writeRecords = (dir: string, rel: string, value: unknown) => {
  fs.mkdirSync(path.dirname(file(dir, rel)), { recursive: true });
  fs.writeFileSync(file(dir, rel), serializeWithSum(value));
};
const snapshot = filesOf;
const messages = (dir: string) => checkDataFolder(dir).problems.map((p) => `${p.file}: ${p.message}`);

describe('doctor', () => {
  beforeAll(async () => {
    template = fs.mkdtempSync(path.join(os.tmpdir(), 'sitedesk-doctor-template-'));
    await generateDemo({ dataDir: template, StoreClass: Conf as unknown as StoreClass, scale: 'demo', seed: 3, now: NOW });
  });

  it('flags a file that is not valid JSON, and changes nothing on disk', () => {
    const dir = copy();
    fs.writeFileSync(file(dir, 'partitions/shifts/2026-11/CH.json'), '{"records": {');
    const before = snapshot(dir);
    expect(messages(dir)).toEqual([expect.stringMatching(/^data\/partitions\/shifts\/2026-11\/CH\.json: is not valid JSON/)]);
    expect(snapshot(dir)).toEqual(before);
    expect(fs.existsSync(path.join(dir, 'quarantine'))).toBe(false);
  });

  it('flags a record with a bad field', () => {
    const dir = copy();
    const staff = readRecords(dir, 'directory/staff.json');
    const id = Object.keys(staff.records)[0];
    staff.records[id].contractedHours = -5;
    writeRecords(dir, 'directory/staff.json', staff);
    expect(messages(dir)).toEqual([`data/directory/staff.json: record ${id} is not valid: contractedHours: Hours cannot be negative`]);
  });

  it('flags a shift assigned to someone who does not exist, and a record in the wrong partition', () => {
    const dir = copy();
    const rel = 'partitions/shifts/2026-11/FH.json';
    const shifts = readRecords(dir, rel);
    const [first, second] = Object.keys(shifts.records);
    shifts.records[first].staffId = 'nobody_0000000000';
    shifts.records[second].date = '2026-12-02';
    writeRecords(dir, rel, shifts);
    const found = messages(dir);
    expect(found).toContainEqual(
      expect.stringMatching(new RegExp(`^data/${rel}: shift ${first} .* assigned to staff nobody_0000000000, who does not exist$`)),
    );
    expect(found).toContainEqual(
      `data/${rel}: record ${second} is in the wrong partition: it belongs in data/partitions/shifts/2026-12/FH.json`,
    );
  });

  it('flags a broken incident history, an attendance record for a missing shift and a duplicate id, and names a leftover journal as an expected state', () => {
    const dir = copy();
    const rel = 'partitions/incidents/2026-11/CH.json';
    const incidents = readRecords(dir, rel);
    const incident = Object.values(incidents.records).find((i) => (i.history as unknown[]).length > 1)!;
    (incident.history as { note: string }[])[1].note = 'quietly rewritten';
    writeRecords(dir, rel, incidents);
    const attRel = 'partitions/attendance/2026-11/CH.json';
    const attendance = readRecords(dir, attRel);
    const att = Object.values(attendance.records)[0];
    att.shiftId = 'gone_000000000000';
    writeRecords(dir, attRel, attendance);
    writeRecords(dir, 'journal.json', { writes: [] });
    const log = readRecords(dir, 'partitions/log/2026-11/WGC.json');
    const entry = Object.values(log.records)[0];
    writeRecords(dir, 'partitions/log/2026-10/WGC.json', { records: { [entry.id as string]: { ...entry, date: '2026-10-30' } } });

    const found = messages(dir);
    expect(found).toContainEqual(
      expect.stringMatching(new RegExp(`^data/${rel}: incident ${incident.ref} \\(${incident.id}\\): history broken at entry 2: `)),
    );
    expect(found).toContainEqual(`data/${attRel}: attendance ${att.id} is for shift gone_000000000000, which does not exist`);
    expect(found.filter((f) => f.startsWith('data/journal.json'))).toEqual([]);
    expect(checkDataFolder(dir).expected.map((p) => `${p.file}: ${p.message}`)).toEqual([
      expect.stringMatching(/^data\/journal\.json: an interrupted save of 0 files is waiting/),
    ]);
    expect(found).toContainEqual(expect.stringMatching(new RegExp(`log id ${entry.id} is also used in`)));
  });

  it('exits 0 when healthy, 1 with problems and 2 for a missing folder, from the command line', async () => {
    expect(checkDataFolder(template).problems).toEqual([]);
    expect(() => checkDataFolder(path.join(template, 'missing'))).toThrow(FolderUnreadable);
    const dir = copy();
    fs.writeFileSync(file(dir, 'directory/sites.json'), 'not json');
    // `npm run doctor`'s entry, bundled (see `bundleEntry`): the same code without tsx compiling it at the start.
    const run = spawnSync(process.execPath, [await bundleEntry('main/cli/doctor.ts'), '--dir', dir], {
      cwd: path.resolve(__dirname, '../..'),
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/data\/directory\/sites\.json: is not valid JSON/);
    expect(run.stdout).toMatch(/problems? found\. Nothing was changed\./);
  }, 120_000);
});
