import { beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../main/services/types';
import { channels, contract, type Access } from '../../shared/contract';
import { openTestApp, withManager } from '../support/app';

type Who = 'signed-out' | 'supervisor' | 'locked-supervisor' | 'locked-manager' | 'manager';

/** The refusal each kind of session must get for a channel's declared access, or null when it may call it. */
const expectedRefusal = (access: Access, who: Who): 'signed_out' | 'locked' | 'forbidden' | null => {
  if (access === 'public') return null;
  if (who === 'signed-out') return 'signed_out';
  if (who.startsWith('locked')) return access === 'session' ? null : 'locked';
  if (access === 'manager' && who === 'supervisor') return 'forbidden';
  return null;
};

describe('every channel gives each kind of session exactly the access its contract declares', () => {
  const t = openTestApp();
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const m = await withManager(t);
    ids.manager = m.userId!;
    const sup = await t.call('accounts:create', { username: 'sam', displayName: 'Sam Patel', role: 'supervisor', sites: ['CH'], password: 'desk password' }, m);
    if (!sup.ok) throw new Error(sup.message);
    ids.supervisor = sup.data.id;
  });

  const sessionFor = (who: Who): Session => ({
    id: `roles-${who}`,
    userId: who === 'signed-out' ? null : who.endsWith('supervisor') ? ids.supervisor : ids.manager,
    locked: who.startsWith('locked'),
    lastActive: t.clock.now,
  });

  const cases = channels.flatMap((channel) => (['signed-out', 'supervisor', 'locked-supervisor', 'locked-manager', 'manager'] as Who[]).map((who) => [channel, who] as const));

  it.each(cases)('%s as %s', async (channel, who) => {
    const want = expectedRefusal(contract[channel].access, who);
    const before = t.snapshot();
    // An empty payload: access is checked before the payload, so a refusal never depends on it.
    const result = await t.raw(channel, {}, sessionFor(who));
    if (want) {
      expect(result).toMatchObject({ ok: false, code: want });
      expect(t.snapshot()).toEqual(before);
    } else {
      // Allowed through: whatever the service then says (a supervisor's site limit may still refuse), it is
      // not the dispatcher's refusal for who is calling.
      const dispatcherRefused = !result.ok && (result.code === 'signed_out' || result.code === 'locked' || (result.code === 'forbidden' && result.message === 'Only a manager can do that.'));
      expect(dispatcherRefused, JSON.stringify(result)).toBe(false);
    }
  });

  it('declares an access level the dispatcher knows for every channel', () => {
    for (const channel of channels) expect(['public', 'session', 'user', 'manager']).toContain(contract[channel].access);
  });
});
