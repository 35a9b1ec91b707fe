import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Session } from '../../main/services/types';
import { channels, contract, type Channel } from '../../shared/contract';
import type { ErrorCode } from '../../shared/result';
import { openTestApp, withManager } from '../support/app';

const TYPED: ErrorCode[] = ['invalid', 'unknown_channel', 'signed_out', 'locked', 'forbidden', 'not_found', 'conflict', 'rate_limited', 'storage'];
type Who = 'signed-out' | 'supervisor' | 'manager' | 'locked';
const WHO: Who[] = ['signed-out', 'supervisor', 'manager', 'locked'];
// A wrong password is recorded against the account (for the slow-down), so these two may change
// accounts.json while answering with an error; nothing else may change.
const COUNTS_FAILURES = new Set<string>(['auth:sign-in', 'auth:unlock']);

const junk = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.string(), { maxLength: 5 }),
  fc.object({ maxDepth: 2 }),
  fc.constantFrom('', ' ', 'CH', 'ZZZ', '../../etc/passwd', '__proto__', 'constructor', 'a'.repeat(5000), '2026-02-30', '25:99', 'manager', 'maria'),
);

/** Objects with the channel's own field names holding random values, to get past the first check. */
const shaped = (channel: Channel) => {
  const schema = contract[channel].request as z.ZodType & { shape?: Record<string, unknown> };
  const keys = schema.shape ? Object.keys(schema.shape) : [];
  if (!keys.length) return fc.object({ maxDepth: 1 });
  return fc.record(Object.fromEntries(keys.map((k) => [k, junk])), { requiredKeys: [] });
};

const payloads = (channel: Channel) => fc.oneof(fc.anything({ maxDepth: 3 }), shaped(channel), shaped(channel), fc.constantFrom('{}', '[]', 42, null, [], { __proto__: { polluted: true } }));

describe('random and malformed payloads on every channel, from every kind of session', () => {
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
    id: `prop-${who}`,
    userId: who === 'signed-out' ? null : who === 'supervisor' ? ids.supervisor : ids.manager,
    locked: who === 'locked',
    lastActive: t.clock.now,
  });

  for (const channel of channels) {
    it(`${channel}: a typed error or a valid result every time; an error changes nothing on disk`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...WHO), payloads(channel), async (who, payload) => {
          const before = t.snapshot();
          const result = await t.raw(channel, payload, sessionFor(who));
          expect(typeof result.ok).toBe('boolean');
          if (result.ok) return;
          expect(TYPED).toContain(result.code);
          expect(typeof result.message).toBe('string');
          const after = t.snapshot();
          if (COUNTS_FAILURES.has(channel)) {
            delete before['directory/accounts.json'];
            delete after['directory/accounts.json'];
          }
          expect(after).toEqual(before);
        }),
        { numRuns: 60 },
      );
    });
  }

  it('unknown and hostile channel names are refused as unknown', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', '../auth:status')), fc.anything(), async (name, payload) => {
        fc.pre(!(channels as string[]).includes(name));
        const result = await t.raw(name, payload, sessionFor('manager'));
        expect(result).toMatchObject({ ok: false, code: 'unknown_channel' });
      }),
      { numRuns: 100 },
    );
  });
});
