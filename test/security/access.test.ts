/**
 * Issue 12 hole 3: every channel, through the real dispatch, as every kind of caller, against the
 * hand-written table in access-table.md (not against the contract's own `access` field).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../main/services/types';
import { channels, type Channel } from '../../shared/contract';
import { openTestApp, withManager, createSupervisor } from '../support/app';

type Column = 'signed out' | 'locked' | 'supervisor' | 'manager';
const COLUMNS: Column[] = ['signed out', 'locked', 'supervisor', 'manager'];
type Row = Record<Column, 'allowed' | 'refused'> & { why: string };

/** The table, read from the reviewed markdown file. */
const table = (): Map<string, Row> => {
  const text = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'access-table.md'), 'utf8');
  const rows = new Map<string, Row>();
  for (const line of text.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 8 || !/^[a-z]+:[a-z-]+$/.test(cells[1])) continue;
    const [, name, signedOut, locked, supervisor, manager, why] = cells;
    for (const v of [signedOut, locked, supervisor, manager])
      if (v !== 'allowed' && v !== 'refused') throw new Error(`${name}: "${v}" is neither allowed nor refused`);
    if (rows.has(name)) throw new Error(`${name} has two rows`);
    if (why.length < 10) throw new Error(`${name} needs a comment saying why`);
    rows.set(name, { 'signed out': signedOut, locked, supervisor, manager, why } as Row);
  }
  return rows;
};
const TABLE = table();

/** What the dispatch answers a refused caller of each column. */
const REFUSAL: Record<Column, string> = { 'signed out': 'signed_out', locked: 'locked', supervisor: 'forbidden', manager: 'forbidden' };

describe('the access table covers the contract exactly', () => {
  it('has a row for every channel of the contract, and no row for a channel that does not exist', () => {
    const missing = channels.filter((c) => !TABLE.has(c));
    const extra = [...TABLE.keys()].filter((c) => !(channels as string[]).includes(c));
    expect(missing, 'channels with no row in test/security/access-table.md').toEqual([]);
    expect(extra, 'rows for channels not in the contract').toEqual([]);
  });
});

describe('every channel, as every caller, does what the table says', () => {
  const t = openTestApp();
  afterAll(() => t.opened.close());
  const ids: Record<'manager' | 'supervisor', string> = { manager: '', supervisor: '' };

  beforeAll(async () => {
    const m = await withManager(t);
    ids.manager = m.userId!;
    const sup = await createSupervisor(t, m);
    ids.supervisor = sup.id;
  });

  const sessionAs = (who: 'signed out' | 'supervisor' | 'manager' | 'locked supervisor' | 'locked manager'): Session => ({
    id: `access-${who}`,
    userId: who === 'signed out' ? null : who.endsWith('supervisor') ? ids.supervisor : ids.manager,
    locked: who.startsWith('locked'),
    lastActive: t.clock.now,
  });

  const cases = channels.flatMap((channel) => COLUMNS.map((column) => [channel, column] as const));
  for (const [channel, column] of cases) {
    const row = TABLE.get(channel);
    const want = row?.[column];
    it(`${channel} — ${column}: ${want ?? 'NO ROW'}`, async () => {
      expect(row, `${channel} has no row in access-table.md`).toBeDefined();
      const callers = column === 'locked' ? (['locked supervisor', 'locked manager'] as const) : ([column] as const);
      for (const who of callers) {
        const before = t.snapshot();
        // A payload no channel accepts: a caller let through gets `invalid` from the schema and nothing runs;
        // a refused caller is turned away before the payload is read.
        const result = await t.raw(channel, 'not a request', sessionAs(who));
        if (want === 'refused') expect(result, `${channel} as ${who}`).toMatchObject({ ok: false, code: REFUSAL[column] });
        else expect(result, `${channel} as ${who}`).toMatchObject({ ok: false, code: 'invalid' });
        expect(t.snapshot()).toEqual(before);
      }
    });
  }
});

describe('a locked desk cannot change data through any public channel', () => {
  const t = openTestApp();
  afterAll(() => t.opened.close());
  const payloads: Partial<Record<Channel, unknown>> = {};
  let lockedManager: Session;

  beforeAll(async () => {
    const m = await withManager(t, 'maria', 'correct horse 1');
    const sup = await createSupervisor(t, m);
    const enrol = await t.call('enrol:create', { sites: ['CH'], supervisors: [sup.id] }, m);
    if (!enrol.ok) throw new Error(enrol.message);
    const backup = await t.call('backups:export', { passphrase: 'a long backup passphrase' }, m);
    if (!backup.ok) throw new Error(backup.message);
    // Each public channel with a request that would do its work if it were let through.
    payloads['auth:setup'] = { username: 'eve', displayName: 'Eve', password: 'eve password 1' };
    payloads['auth:sign-in'] = { username: 'maria', password: 'correct horse 1' };
    payloads['enrol:import'] = { file: enrol.data.base64, code: enrol.data.code };
    payloads['backups:restore-fresh'] = { file: backup.data.base64, passphrase: 'a long backup passphrase' };
    payloads['auth:status'] = {};
    lockedManager = { ...m, id: 'locked-manager' };
    await t.call('auth:lock', {}, lockedManager);
  });

  // The channels someone signed out may call, as the reviewed table says (not as the contract declares them).
  const publicChannels = channels.filter((c) => TABLE.get(c)?.['signed out'] === 'allowed');

  it('knows a working request for every public channel', () => {
    expect(publicChannels.filter((c) => !(c in payloads))).toEqual([]);
  });

  it.each(publicChannels)('%s from a locked session changes nothing, and is refused unless the table allows it', async (channel) => {
    const before = t.snapshot();
    const session = { ...lockedManager };
    const result = await t.raw(channel, payloads[channel], session);
    expect(t.snapshot()).toEqual(before);
    if (TABLE.get(channel)?.locked === 'refused') {
      expect(result).toMatchObject({ ok: false, code: 'locked' });
      expect(session).toMatchObject({ userId: lockedManager.userId, locked: true });
    } else {
      // Allowed while locked only because it reads: auth:status.
      expect(result.ok).toBe(true);
    }
  });
});
