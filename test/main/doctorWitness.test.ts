/**
 * The doctor against a witness of incident heads (what `--hub` reads from the hub), without a hub: an
 * incident the witness has seen that the folder does not hold is reported; a witnessed head reached only
 * by a version kept aside after two installs' chains diverged is accounted for.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeWithSum } from '../../main/storage/checksum';
import { checkDataFolder, type Witness } from '../../main/storage/doctor';
import { appendHistory } from '../../shared/domain/incidents';
import type { Incident } from '../../shared/schemas/incident';
import { okData as data, openTestApp, withManager } from '../support/app';
import { incidentRequest } from '../support/requests';
import { bundleEntry } from '../support/bundleEntry';

// Witnesses default to empty: the request names none.
const input = incidentRequest({ details: 'Visitor refused to sign in.', witnesses: '' });
const witness = (heads: [string, { length: number; head: string; site: string }[]][]): Witness => ({
  heads: new Map(heads),
  by: 'the hub at https://hub.example',
});

describe('the doctor checks a folder against the hub’s witness', () => {
  it('reports an incident the hub has seen that the folder does not hold, and passes one it holds whole', async () => {
    const t = openTestApp();
    const m = await withManager(t);
    const d = data(await t.call('incidents:create', input, m));
    const held = d.incident.history.at(-1)!;
    const report = checkDataFolder(t.dir, {
      witness: witness([
        [d.incident.id, [{ length: 1, head: held.hash, site: 'CH' }]],
        ['ghost_incident_01', [{ length: 3, head: 'f'.repeat(64), site: 'CH' }]],
      ]),
    });
    expect(report.problems).toEqual([
      {
        file: 'data/partitions/incidents/*/CH.json',
        message:
          'incident ghost_incident_01 is missing: the hub at https://hub.example has seen its history with 3 entries, but this folder does not hold it',
      },
    ]);
    t.opened.close();
  });

  it('counts one history entry in the singular', async () => {
    const t = openTestApp();
    const m = await withManager(t);
    const d = data(await t.call('incidents:create', input, m));
    expect(d.incident.history).toHaveLength(1);
    const report = checkDataFolder(t.dir, {
      witness: witness([
        [d.incident.id, [{ length: 2, head: 'e'.repeat(64), site: 'CH' }]],
        ['ghost_incident_01', [{ length: 1, head: 'f'.repeat(64), site: 'CH' }]],
      ]),
    });
    expect(report.problems.map((p) => p.message)).toEqual([
      `incident ${d.incident.ref} (${d.incident.id}): history broken: it has 1 entry but 2 were seen (entries cut off the end), per the hub at https://hub.example`,
      'incident ghost_incident_01 is missing: the hub at https://hub.example has seen its history with 1 entry, but this folder does not hold it',
    ]);
    t.opened.close();
  });

  it("does not take another site's database's head as a witness of this site's incident", async () => {
    const t = openTestApp();
    const m = await withManager(t);
    const d = data(await t.call('incidents:create', input, m));
    expect(d.incident.site).toBe('CH');
    // HAT's database holds a head naming this CH incident, longer than its chain (any HAT desk can write one).
    const report = checkDataFolder(t.dir, { witness: witness([[d.incident.id, [{ length: 3, head: 'f'.repeat(64), site: 'HAT' }]]]) });
    expect(report.problems).toEqual([]);
    t.opened.close();
  });

  it('accepts a witnessed head that only a version kept aside after a divergence reaches, and reports one nothing reaches', async () => {
    const t = openTestApp();
    const m = await withManager(t);
    let d = data(await t.call('incidents:create', input, m));
    d = data(await t.call('incidents:update', { id: d.incident.id, rev: d.incident.rev, patch: { severity: 'high' } }, m));
    const theirs = d.incident;
    t.opened.close();
    // Another install's chain after entry 1 lost a merge: it is kept whole in the superseded file.
    const { prevHash: _p, hash: _h, ...second } = theirs.history[1];
    const rival: Incident = { ...theirs, history: appendHistory(theirs.history.slice(0, 1), { ...second, note: 'rival' }, theirs.id) };
    const rivalHead = rival.history[1].hash;
    // A forged one: the witnessed hash pasted onto an entry it does not hash to.
    const forged: Incident = { ...theirs, history: [theirs.history[0], { ...theirs.history[1], hash: rivalHead }] };
    const file = path.join(t.dir, 'data/system/superseded.json');
    const entries = {
      [`incidents/${theirs.id}/x/1`]: {
        key: `incidents/${theirs.id}/x/1`,
        kind: 'incidents',
        recordId: theirs.id,
        keptHlc: theirs.hlc,
        reason: 'history-diverged',
        record: rival,
      },
    };
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, serializeWithSum({ entries }));
    const seen = (head: string) => witness([[theirs.id, [{ length: 2, head, site: 'CH' }]]]);
    const broken = `incident ${theirs.ref} (${theirs.id}): history broken: it no longer contains entry 2 as it was seen (rewritten), per the hub at https://hub.example`;
    expect(checkDataFolder(t.dir, { witness: seen(rivalHead) }).problems).toEqual([]);
    expect(checkDataFolder(t.dir, { witness: seen('b'.repeat(64)) }).problems.map((p) => p.message)).toEqual([broken]);
    entries[`incidents/${theirs.id}/x/1`].record = forged;
    fs.writeFileSync(file, serializeWithSum({ entries }));
    expect(checkDataFolder(t.dir, { witness: seen(rivalHead) }).problems.map((p) => p.message)).toEqual([broken]);
  });
});

describe('the doctor’s summary from the command line', () => {
  it('counts one incident and one problem in the singular', async () => {
    const t = openTestApp();
    const m = await withManager(t);
    const d = data(await t.call('incidents:create', input, m));
    t.opened.close();
    // Damage the one incident's history so that there is exactly one problem.
    const [month] = fs.readdirSync(path.join(t.dir, 'data/partitions/incidents'));
    const rel = `data/partitions/incidents/${month}/CH.json`;
    const stored = JSON.parse(fs.readFileSync(path.join(t.dir, rel), 'utf8')) as {
      records: Record<string, { history: { note?: string }[] }>;
    };
    stored.records[d.incident.id].history[0].note = 'edited outside the app';
    fs.writeFileSync(path.join(t.dir, rel), serializeWithSum(stored));
    const run = spawnSync(process.execPath, [await bundleEntry('main/cli/doctor.ts'), '--dir', t.dir], {
      cwd: path.resolve(__dirname, '../..'),
      encoding: 'utf8',
    });
    expect(run.stdout).toMatch(/: 15 sites, 0 staff, 1 account, 0 shifts, 0 attendance records, 1 incident, 0 log entries\.$/m);
    expect(run.stdout).toMatch(/^1 problem found\. Nothing was changed\.$/m);
  }, 120_000);
});
