import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTestApp, withManager } from '../support/app';

describe('first run and sign-in against a real store', () => {
  it('has no default account: the first call asks for setup, and setup seeds 15 sites', async () => {
    const t = openTestApp();
    const s = t.session();
    const status = await t.call('auth:status', {}, s);
    expect(status).toMatchObject({ ok: true, data: { setupNeeded: true, user: null } });
    expect(await t.call('sites:list', {}, s)).toMatchObject({ ok: false, code: 'signed_out' });

    await withManager(t);
    const accounts = JSON.parse(fs.readFileSync(path.join(t.dir, 'data/directory/accounts.json'), 'utf8'));
    const stored = Object.values(accounts.records)[0] as { passwordHash: string };
    expect(stored.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(JSON.stringify(accounts)).not.toContain('correct horse 1');

    const again = await t.call('auth:setup', { username: 'eve', displayName: 'Eve', password: 'another one 1' }, t.session());
    expect(again).toMatchObject({ ok: false, code: 'conflict' });
  });

  it('signs in after a restart, refuses a wrong password, and slows down repeated failures', async () => {
    const first = openTestApp();
    const s0 = await withManager(first);
    const sites = await first.call('sites:list', {}, s0);
    expect(sites.ok && sites.data.length).toBe(15);
    const t = first.reopen();

    const s = t.session();
    expect(await t.call('auth:sign-in', { username: 'maria', password: 'nope nope' }, s)).toMatchObject({
      ok: false,
      code: 'invalid',
      message: 'That user name and password do not match.',
    });
    expect(await t.call('auth:sign-in', { username: 'nobody', password: 'nope nope' }, s)).toMatchObject({
      ok: false,
      code: 'invalid',
      message: 'That user name and password do not match.',
    });
    expect(await t.call('auth:sign-in', { username: 'maria', password: 'correct horse 1' }, s)).toMatchObject({
      ok: true,
      data: { user: { username: 'maria', role: 'manager' } },
    });

    for (let i = 0; i < 3; i += 1) await t.call('auth:sign-in', { username: 'maria', password: 'wrong' }, t.session());
    const throttled = await t.call('auth:sign-in', { username: 'maria', password: 'correct horse 1' }, t.session());
    expect(throttled).toMatchObject({ ok: false, code: 'rate_limited' });
    t.clock.now += 3_000;
    expect(await t.call('auth:sign-in', { username: 'maria', password: 'correct horse 1' }, t.session())).toMatchObject({ ok: true });
  });

  it('refuses a supervisor a manager-only channel and shows them only their sites', async () => {
    const t = openTestApp();
    const m = await withManager(t);
    const created = await t.call(
      'accounts:create',
      { username: 'sam', displayName: 'Sam Patel', role: 'supervisor', sites: ['CH', 'FH'], password: 'desk password' },
      m,
    );
    expect(created.ok).toBe(true);
    const s = t.session();
    expect(await t.call('auth:sign-in', { username: 'sam', password: 'desk password' }, s)).toMatchObject({ ok: true });
    expect(await t.call('accounts:list', {}, s)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await t.call('settings:update', { idleLockMinutes: 30 }, s)).toMatchObject({ ok: false, code: 'forbidden' });
    const sites = await t.call('sites:list', {}, s);
    expect(sites.ok && sites.data.map((x) => x.code).sort()).toEqual(['CH', 'FH']);
    expect(await t.call('sites:get', { code: 'WAT' }, s)).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('locks a session that has been idle longer than the setting, in main as well as on screen', async () => {
    const t = openTestApp();
    const m = await withManager(t);
    t.clock.now += 5 * 60_000 + 1;
    expect(await t.call('sites:list', {}, m)).toMatchObject({ ok: false, code: 'locked' });
    expect(await t.call('auth:status', {}, m)).toMatchObject({ ok: true, data: { locked: true } });
    expect(await t.call('auth:unlock', { username: 'maria', secret: 'wrong' }, m)).toMatchObject({ ok: false });
    expect(await t.call('auth:unlock', { username: 'maria', secret: 'correct horse 1' }, m)).toMatchObject({
      ok: true,
      data: { locked: false },
    });
    expect((await t.call('sites:list', {}, m)).ok).toBe(true);
  });

  it('unlocks with a PIN but never signs in with one', async () => {
    const t = openTestApp();
    const m = await withManager(t);
    expect(await t.call('accounts:set-pin', { password: 'correct horse 1', pin: '4821' }, m)).toMatchObject({
      ok: true,
      data: { hasPin: true },
    });
    await t.call('auth:lock', {}, m);
    expect(await t.call('auth:unlock', { username: 'maria', secret: '4821' }, m)).toMatchObject({ ok: true, data: { locked: false } });
    expect(await t.call('auth:sign-in', { username: 'maria', password: '4821' }, t.session())).toMatchObject({ ok: false });
  });
});

describe('bad input changes nothing', () => {
  it('answers a payload that fails validation with a clear message and leaves every file as it was', async () => {
    const t = openTestApp();
    const m = await withManager(t);
    const before = t.snapshot();
    const bad = await t.raw('accounts:create', { username: 'x', displayName: '', role: 'boss', sites: 'CH', password: 'short' }, m);
    expect(bad).toMatchObject({ ok: false, code: 'invalid' });
    expect(!bad.ok && bad.fields).toMatchObject({
      username: expect.stringContaining('3–32'),
      password: 'A password is at least 8 characters',
    });
    expect(await t.call('settings:update', { idleLockMinutes: 0 }, m)).toMatchObject({
      ok: false,
      code: 'invalid',
      message: 'At least 1 minute (Lock after idle minutes)',
    });
    expect(await t.raw('settings:update', { idleLockMinutes: 10, extra: true }, m)).toMatchObject({ ok: false, code: 'invalid' });
    expect(await t.raw('no:such-channel', {}, m)).toMatchObject({ ok: false, code: 'unknown_channel' });
    expect(await t.raw('sites:list', 'not an object', m)).toMatchObject({ ok: false, code: 'invalid' });
    expect(t.snapshot()).toEqual(before);
  });
});
