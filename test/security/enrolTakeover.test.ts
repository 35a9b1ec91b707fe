/**
 * Found beside issue 12 hole 2: with the accounts file damaged beyond repair, `enrol:import` (public, for a
 * fresh desk) let anyone at the desk enrol it from an enrolment file made on their own install, bringing
 * their own accounts and organisation key. Only a truly fresh install may be enrolled.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { openTestApp, withManager } from '../support/app';

describe('enrolment on a desk whose accounts were lost', () => {
  it('is refused and changes nothing', async () => {
    // The attacker's own install, with a supervisor account they know the password of.
    const theirs = openTestApp();
    onTestFinished(() => theirs.opened.close());
    const em = await withManager(theirs, 'eve', 'eve password 1');
    const sup = await theirs.call(
      'accounts:create',
      { username: 'evesup', displayName: 'Eve', role: 'supervisor', sites: ['CH'], password: 'eve password 2' },
      em,
    );
    if (!sup.ok) throw new Error(sup.message);
    const enrol = await theirs.call('enrol:create', { sites: ['CH'], supervisors: [sup.data.id] }, em);
    if (!enrol.ok) throw new Error(enrol.message);

    // The victim desk: set up, then its accounts file damaged with no backup or change log to rebuild it from.
    const victim = openTestApp();
    await withManager(victim, 'maria', 'correct horse 1');
    const dir = victim.dir;
    victim.opened.close();
    fs.rmSync(path.join(dir, 'backups'), { recursive: true, force: true });
    fs.rmSync(path.join(dir, 'changes'), { recursive: true, force: true });
    fs.writeFileSync(path.join(dir, 'data/directory/accounts.json'), '{"records": {"ab');
    const t = openTestApp({ dir });
    onTestFinished(() => t.opened.close());
    const s = t.session();
    expect(await t.call('auth:status', {}, s)).toMatchObject({ ok: true, data: { accountsLost: true } });

    const before = t.snapshot();
    const result = await t.call('enrol:import', { file: enrol.data.base64, code: enrol.data.code }, s);
    expect(result).toMatchObject({ ok: false, code: 'forbidden' });
    expect(t.snapshot()).toEqual(before);
    expect(await t.call('auth:sign-in', { username: 'evesup', password: 'eve password 2' }, t.session())).toMatchObject({ ok: false });
  });
});
