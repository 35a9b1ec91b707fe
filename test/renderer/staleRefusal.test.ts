import { describe, expect, it } from 'vitest';
import type { Result } from '../../shared/result';

// The renderer's real seam to main, over a preload bridge whose answers the test releases by hand.
type Pending = { channel: string; answer: (r: Result<unknown>) => void };
const pending: Pending[] = [];
const api = new Proxy(
  {},
  { get: (_t, channel: string) => () => new Promise<Result<unknown>>((answer) => pending.push({ channel, answer })) },
);
(globalThis as { window?: unknown }).window = { sitedesk: { api, mode: 'electron' } };
const { call, onFailure } = await import('../../renderer/api');

const answerOf = (channel: string, r: Result<unknown>) => {
  const i = pending.findIndex((p) => p.channel === channel);
  pending.splice(i, 1)[0].answer(r);
};
const SIGNED_OUT: Result<unknown> = { ok: false, code: 'signed_out', message: 'Sign in again.' };

describe('a refusal that answers after someone else has signed in', () => {
  it('does not sign the new person out; a refusal asked under the current session still does', async () => {
    const heard: string[] = [];
    const stop = onFailure((r) => heard.push(r.ok ? 'ok' : r.code));

    // The manager's screen asks for something slow, then the manager signs out and Sam signs in.
    const slowPoll = call('sync:status', {});
    const signOut = call('auth:sign-out', {});
    answerOf('auth:sign-out', { ok: true, data: null });
    await signOut;
    const signIn = call('auth:sign-in', { username: 'sam', password: 'desk password' });
    answerOf('auth:sign-in', { ok: true, data: null });
    await signIn;

    // Only now does the manager's old request come back, refused because that session has ended.
    answerOf('sync:status', SIGNED_OUT);
    expect(await slowPoll).toEqual(SIGNED_OUT);
    expect(heard).toEqual([]);

    // A request Sam makes, refused because Sam's own session ended, is heard.
    const samsOwn = call('sync:status', {});
    answerOf('sync:status', SIGNED_OUT);
    await samsOwn;
    expect(heard).toEqual(['signed_out']);
    stop();
  });
});
