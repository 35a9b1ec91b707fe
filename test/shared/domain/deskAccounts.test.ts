/**
 * How a desk's accounts change when it takes a roster whose signature and age were already checked
 * (main/sync/roster.ts). Hand-written accounts: a desk serving CH and FH, and rosters as a manager's laptop signs them.
 */
import { describe, expect, it } from 'vitest';
import { applyRoster, type RosterAccount } from '../../../shared/domain/deskAccounts';
import type { Account } from '../../../shared/schemas/account';

const HASH = (n: number) => `scrypt$${'a'.repeat(20)}${n}`;

const held = (id: string, username: string, sites: string[], o: Partial<Account> = {}): Account => ({
  id,
  username,
  displayName: username,
  role: 'supervisor',
  sites,
  passwordHash: HASH(1),
  pinHash: `pin$${'p'.repeat(20)}`,
  disabled: false,
  createdAt: '2026-11-01T09:00:00.000Z',
  createdBy: 'account_boss_001',
  updatedAt: '2026-11-01T09:00:00.000Z',
  updatedBy: 'account_boss_001',
  rev: 1,
  failedAttempts: 2,
  lastFailedAt: '2026-11-20T09:00:00.000Z',
  ...o,
});

const asRostered = (a: Account, o: Partial<RosterAccount> = {}): RosterAccount => ({
  id: a.id,
  username: a.username,
  displayName: a.displayName,
  role: a.role,
  sites: a.sites,
  passwordHash: a.passwordHash,
  disabled: a.disabled,
  createdAt: a.createdAt,
  createdBy: a.createdBy,
  updatedAt: a.updatedAt,
  updatedBy: a.updatedBy,
  rev: a.rev,
  ...o,
});

const DESK = ['CH', 'FH'];
const dee = held('account_dee_0001', 'dee', ['CH']);
const lee = held('account_lee_0001', 'lee', ['CH', 'FH']);
const taken = { [dee.id]: { updatedAt: dee.updatedAt, rev: 1 }, [lee.id]: { updatedAt: lee.updatedAt, rev: 1 } };
const disabledLee = asRostered(lee, { disabled: true, updatedAt: '2026-11-25T09:00:00.000Z', rev: 2 });

describe('a desk takes a roster', () => {
  it('disables a leaver the manager disabled, even after the leaver set a PIN at the desk', () => {
    const leeSetAPin = { ...lee, pinHash: `pin$${'q'.repeat(20)}`, updatedAt: '2026-11-25T09:30:00.000Z', rev: 2 };
    const r = applyRoster([dee, leeSetAPin], [asRostered(dee), disabledLee], 'CH', DESK, taken);
    expect(r.ok && r.accounts.find((a) => a.id === lee.id)?.disabled).toBe(true);
  });

  it('does not give back a sign-in from a roster signed on a laptop that never saw the leaver disabled', () => {
    const first = applyRoster([dee, lee], [asRostered(dee), disabledLee], 'CH', DESK, taken);
    if (!first.ok) throw new Error(first.reason);
    const stale = applyRoster(first.accounts, [asRostered(lee)], 'FH', DESK, first.taken);
    expect(stale.ok).toBe(true);
    expect(stale.ok && stale.accounts.find((a) => a.id === lee.id)?.disabled).toBe(true);
  });

  it('takes a new password, and with it drops the PIN and the failed attempts; keeps the PIN otherwise', () => {
    const reset = asRostered(dee, { passwordHash: HASH(2), updatedAt: '2026-11-25T09:00:00.000Z', rev: 2 });
    const r = applyRoster([dee, lee], [reset, asRostered(lee)], 'CH', DESK, taken);
    if (!r.ok) throw new Error(r.reason);
    expect(r.accounts.find((a) => a.id === dee.id)).toMatchObject({ passwordHash: HASH(2), pinHash: null, failedAttempts: 0 });
    expect(r.accounts.find((a) => a.id === lee.id)).toMatchObject({ pinHash: lee.pinHash, failedAttempts: 2 });
  });

  it('takes a supervisor left off a site off that site, disables one left with no site, and never removes an account', () => {
    const r = applyRoster([dee, lee], [], 'CH', DESK, taken);
    if (!r.ok) throw new Error(r.reason);
    expect(r.accounts.map((a) => [a.username, a.sites, a.disabled])).toEqual([
      ['dee', [], true],
      ['lee', ['FH'], false],
    ]);
  });

  it('adds an active supervisor of the site, with only the desk’s sites, and not a disabled one', () => {
    const kim = held('account_kim_0001', 'kim', ['CH', 'HAT']);
    const old = held('account_old_0001', 'old.timer', ['CH'], { disabled: true });
    const r = applyRoster([dee], [asRostered(dee), asRostered(kim), asRostered(old)], 'CH', DESK, taken);
    if (!r.ok) throw new Error(r.reason);
    expect(r.accounts.map((a) => [a.username, a.sites, a.pinHash])).toEqual([
      ['dee', ['CH'], dee.pinHash],
      ['kim', ['CH'], null],
    ]);
  });

  it('does not add a supervisor from an older roster once a newer one had them disabled', () => {
    const kim = held('account_kim_0001', 'kim', ['CH']);
    const kimLeft = asRostered(kim, { disabled: true, updatedAt: '2026-11-25T09:00:00.000Z', rev: 2 });
    const r = applyRoster([dee], [asRostered(dee), kimLeft], 'CH', DESK, taken);
    if (!r.ok) throw new Error(r.reason);
    expect(r.accounts.map((a) => a.username)).toEqual(['dee']);
    const old = applyRoster(r.accounts, [asRostered(dee), asRostered(kim)], 'CH', DESK, r.taken);
    expect(old.ok && old.accounts.map((a) => a.username)).toEqual(['dee']);
  });

  it('refuses a roster carrying a manager, a supervisor of another site only, or another account under a held user name', () => {
    const boss = held('account_boss_001', 'maria', [], { role: 'manager', displayName: 'Maria Okafor' });
    expect(applyRoster([dee], [asRostered(dee), asRostered(boss)], 'CH', DESK, taken)).toEqual({
      ok: false,
      reason: 'it carries Maria Okafor (maria), who is a manager: a desk is only for the supervisors of its sites',
    });
    const frank = held('account_frank_01', 'frank', ['FH']);
    expect(applyRoster([dee], [asRostered(frank)], 'CH', DESK, taken)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/frank \(frank\), who does not supervise CH/),
    });
    const hat = held('account_hat_0001', 'hat.sup', ['HAT']);
    expect(applyRoster([dee], [asRostered(hat)], 'CH', DESK, taken)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/supervises HAT, not CH, FH/),
    });
    const impostor = held('account_imp_0001', 'dee', ['CH']);
    expect(applyRoster([dee], [asRostered(impostor)], 'CH', DESK, taken)).toMatchObject({ ok: false });
    expect(applyRoster([dee], [asRostered(dee)], 'HAT', DESK, taken)).toMatchObject({ ok: false });
  });
});
