import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeWithSum } from '../../main/storage/checksum';
import { checkDataFolder } from '../../main/storage/doctor';
import type { Incident } from '../../shared/schemas/incident';
import { okData, openTestApp, withManager, withSupervisor } from '../support/app';
import { incidentRequest } from '../support/requests';

/**
 * An incident with four history entries (recorded, edited, edited, investigating), then its last two
 * entries cut off the file with `rev` lowered and the fields set back to match, exactly as someone with
 * the file could: the file's own checksum is recomputed too, since anyone can compute it.
 */
const truncatedIncident = async () => {
  const t = openTestApp();
  const m = await withManager(t);
  let d = okData(await t.call('incidents:create', incidentRequest(), m));
  d = okData(await t.call('incidents:update', { id: d.incident.id, rev: d.incident.rev, patch: { severity: 'high' } }, m));
  d = okData(await t.call('incidents:update', { id: d.incident.id, rev: d.incident.rev, patch: { location: 'Car park' } }, m));
  d = okData(await t.call('incidents:set-status', { id: d.incident.id, rev: d.incident.rev, status: 'investigating' }, m));
  expect(d.incident.history).toHaveLength(4);
  const file = path.join(t.dir, 'data/partitions/incidents/2026-11/CH.json');
  const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as { records: Record<string, Incident> };
  const i = stored.records[d.incident.id];
  stored.records[i.id] = { ...i, history: i.history.slice(0, 2), rev: 2, severity: 'high', location: 'Main reception', status: 'open' };
  delete (stored as Record<string, unknown>)['~sha256'];
  fs.writeFileSync(file, serializeWithSum(stored));
  const u = t.reopen();
  const m2 = u.session();
  okData(await u.call('auth:sign-in', { username: 'maria', password: 'correct horse 1' }, m2));
  return { t: u, m: m2, id: d.incident.id, ref: d.incident.ref };
};

describe('incident history heads kept in a sealed, append-only file', () => {
  it('a tail cut off (with rev lowered to match) is seen as History broken by the app and by the doctor', async () => {
    const { t, m, id, ref } = await truncatedIncident();
    const d = okData(await t.call('incidents:get', { id }, m));
    expect(d.verification).toEqual({
      ok: false,
      brokenAt: 2,
      reason: 'The history has 2 entries, but 4 were recorded as written: entries were cut off the end.',
    });
    expect(d.locked).toBe(true);
    const problems = checkDataFolder(t.dir).problems.map((p) => `${p.file}: ${p.message}`);
    expect(problems).toEqual([
      `data/partitions/incidents/2026-11/CH.json: incident ${ref} (${id}): history broken: it has 2 entries but 4 were recorded as written (entries cut off the end), per evidence/incident-heads.log`,
    ]);
    t.opened.close();
  });

  it('an edited line of the heads file breaks its own chain, and the doctor says so', async () => {
    const t = openTestApp();
    const m = await withManager(t);
    okData(await t.call('incidents:create', incidentRequest(), m));
    okData(await t.call('incidents:create', incidentRequest(), m));
    const file = path.join(t.dir, 'evidence/incident-heads.log');
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    expect(lines.filter(Boolean)).toHaveLength(2);
    lines[0] = lines[0].replace('"length":1', '"length":0');
    fs.writeFileSync(file, lines.join('\n'));
    expect(checkDataFolder(t.dir).problems.map((p) => `${p.file}: ${p.message}`)).toEqual([
      "evidence/incident-heads.log: line 1 breaks the file's chain: the record of incident histories was edited; lines from it on are not trusted",
    ]);
    t.opened.close();
  });
});

describe('a record with a broken history is locked until a manager records a decision', () => {
  it('cannot be edited, closed or given photos, by anyone, and changes nothing on disk', async () => {
    const { t, m, id } = await truncatedIncident();
    const s = await withSupervisor(t, m);
    const before = t.snapshot();
    const rev = okData(await t.call('incidents:get', { id }, m)).incident.rev;
    const refused = [
      await t.call('incidents:update', { id, rev, patch: { severity: 'low' } }, m),
      await t.call('incidents:update', { id, rev, patch: { severity: 'low' } }, s),
      await t.call('incidents:set-status', { id, rev, status: 'investigating' }, s),
      await t.call('incidents:set-status', { id, rev, status: 'closed', outcome: 'Resolved with the visitor.' }, m),
      await t.call('incidents:add-photo', { id, rev, name: 'p.png', base64: 'iVBORw0KGgo=' }, m),
    ];
    for (const r of refused)
      expect(r).toMatchObject({
        ok: false,
        code: 'conflict',
        message: expect.stringMatching(/is locked because its history is broken .* until a manager records a decision/),
      });
    expect(t.snapshot()).toEqual(before);
    // The supervisor sees why, but cannot decide.
    const seen = okData(await t.call('incidents:get', { id }, s));
    expect([seen.locked, seen.canDecide, seen.canClose]).toEqual([true, false, false]);
    expect(await t.call('incidents:decide', { id, rev, reason: 'Checked against the paper log.' }, s)).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    t.opened.close();
  });

  it('a manager’s decision, with its reason, is appended to the history and unlocks it', async () => {
    const { t, m, id } = await truncatedIncident();
    const rev = okData(await t.call('incidents:get', { id }, m)).incident.rev;
    expect(await t.call('incidents:decide', { id, rev, reason: 'short' }, m)).toMatchObject({ ok: false, code: 'invalid' });
    const d = okData(
      await t.call('incidents:decide', { id, rev, reason: 'Checked against the paper occurrence book; the missing edits are on file.' }, m),
    );
    const last = d.incident.history.at(-1)!;
    expect(last.kind).toBe('decision');
    expect(last.note).toBe(
      'Accepted the history as it stands. Found: The history has 2 entries, but 4 were recorded as written: entries were cut off the end. Reason: Checked against the paper occurrence book; the missing edits are on file.',
    );
    expect([d.locked, d.canDecide, d.verification.ok]).toEqual([false, false, true]);
    const edited = okData(await t.call('incidents:update', { id, rev: d.incident.rev, patch: { severity: 'low' } }, m));
    expect(edited.incident.severity).toBe('low');
    expect(await t.call('incidents:decide', { id, rev: edited.incident.rev, reason: 'Nothing to decide here at all.' }, m)).toMatchObject({
      ok: false,
      code: 'conflict',
    });
    expect(checkDataFolder(t.dir).problems).toEqual([]);
    t.opened.close();
  });
});
