/**
 * Issue 12 hole 5: session tokens over the real browser-mode server. No fixation (a token is replaced
 * whenever a password or PIN is given), idle and absolute expiry, a bounded table, and callers that never
 * sign in leave nothing behind.
 *
 * The policy, written out by hand: signed out after 4 hours with no activity, and 14 hours after the
 * password was given however active; at most 64 sessions held at once.
 */
import http from 'node:http';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sessions } from '../../main/ipc/sessions';
import { openTestApp, withManager } from '../support/app';
import { httpRequest, rawRequest } from '../support/rawHttp';
import { serveTestApp } from '../support/serveApp';

const HOUR = 3_600_000;
const PASSWORD = 'correct horse 1';

describe('session tokens over the real server', () => {
  const t = openTestApp();
  let server: Awaited<ReturnType<typeof serveTestApp>>;
  beforeAll(async () => {
    await withManager(t, 'maria', PASSWORD);
    server = await serveTestApp(t);
  });
  afterAll(() => server.close());

  const api = async (channel: string, body: unknown = {}, token?: string) => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json', 'X-SiteDesk-Secret': server.secret };
    if (token !== undefined) headers['X-SiteDesk-Session'] = token;
    const res = await rawRequest(
      server.port,
      httpRequest(server.port, { method: 'POST', path: `/api/${channel}`, headers, body: JSON.stringify(body) }),
      20_000,
    );
    expect(res.status).toBe(200);
    return {
      body: JSON.parse(res.body) as { ok: boolean; code?: string; data?: { user: { username: string } | null; locked: boolean } },
      token: res.headers['x-sitedesk-session'] as string | undefined,
    };
  };
  const whoIs = async (token: string) => {
    const r = await api('auth:status', {}, token);
    return r.body.data!.user ? (r.body.data!.locked ? 'locked' : 'signed in') : 'signed out';
  };
  const signIn = async (token?: string) => {
    const r = await api('auth:sign-in', { username: 'maria', password: PASSWORD }, token);
    expect(r.body).toMatchObject({ ok: true });
    expect(r.token).toBeTruthy();
    return r.token!;
  };

  it('gives a signed-out caller no token, and replaces the token a caller brings to sign-in (no fixation)', async () => {
    const first = await api('auth:status');
    expect(first.body).toMatchObject({ ok: true, data: { user: null } });
    expect(first.token).toBeUndefined();
    // An attacker who planted a token in the desk's browser gets nothing when the supervisor signs in.
    const planted = 'attacker-chosen-token-0123456789abcdef';
    const issued = await signIn(planted);
    expect(issued).not.toBe(planted);
    expect(await whoIs(planted)).toBe('signed out');
    expect(await whoIs(issued)).toBe('signed in');
    expect(server.sessionCount()).toBe(1);
    await api('auth:sign-out', {}, issued);
  });

  it('replaces the token at unlock, and the old token is worth nothing after', async () => {
    const a = await signIn();
    expect((await api('auth:lock', {}, a)).body).toMatchObject({ ok: true });
    const unlocked = await api('auth:unlock', { username: 'maria', secret: PASSWORD }, a);
    expect(unlocked.body).toMatchObject({ ok: true, data: { locked: false } });
    expect(unlocked.token).toBeTruthy();
    expect(unlocked.token).not.toBe(a);
    expect(await whoIs(a)).toBe('signed out');
    expect(await whoIs(unlocked.token!)).toBe('signed in');
    await api('auth:sign-out', {}, unlocked.token);
    expect(await whoIs(unlocked.token!)).toBe('signed out');
    expect(server.sessionCount()).toBe(0);
  });

  it('signs a session out after 4 hours with no activity (locked before that, signed out after)', async () => {
    const token = await signIn();
    t.clock.now += 3 * HOUR + 59 * 60_000;
    expect(await whoIs(token)).toBe('locked');
    t.clock.now += 2 * 60_000;
    expect(await whoIs(token)).toBe('signed out');
    expect((await api('sites:list', {}, token)).body).toMatchObject({ ok: false, code: 'signed_out' });
    expect(server.sessionCount()).toBe(0);
  });

  it('signs a session out 14 hours after its password, however active it is', async () => {
    const token = await signIn();
    expect((await api('settings:update', { idleLockMinutes: 60 }, token)).body).toMatchObject({ ok: true });
    const start = t.clock.now;
    for (let at = 50 * 60_000; at < 14 * HOUR; at += 50 * 60_000) {
      t.clock.now = start + at;
      expect((await api('auth:touch', {}, token)).body, `${at / HOUR} h`).toMatchObject({ ok: true });
    }
    t.clock.now = start + 14 * HOUR - 60_000;
    expect(await whoIs(token)).toBe('signed in');
    t.clock.now = start + 14 * HOUR + 60_000;
    expect(await whoIs(token)).toBe('signed out');
    expect((await api('auth:touch', {}, token)).body).toMatchObject({ ok: false, code: 'signed_out' });
  });

  it('20,000 session-less requests leave the session table empty and the heap all but unchanged', async () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
    const call = () =>
      new Promise<void>((resolve, reject) => {
        const req = http.request(
          {
            host: '127.0.0.1',
            port: server.port,
            method: 'POST',
            path: '/api/auth:status',
            agent,
            headers: { Host: `127.0.0.1:${server.port}`, 'Content-Type': 'application/json', 'X-SiteDesk-Secret': server.secret },
          },
          (res) => {
            res.resume();
            res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`status ${res.statusCode}`))));
          },
        );
        req.on('error', reject);
        req.end('{}');
      });
    const run = async (n: number) => {
      for (let i = 0; i < n; i += 200) await Promise.all(Array.from({ length: 200 }, call));
    };
    await run(2_000); // warm up, so the measurement is of sessions and not of first-use allocations
    gc();
    const before = process.memoryUsage().heapUsed;
    await run(20_000);
    gc();
    const grown = process.memoryUsage().heapUsed - before;
    agent.destroy();
    console.log(`20,000 session-less requests: heap grew ${(grown / 1024 / 1024).toFixed(2)} MB, sessions held ${server.sessionCount()}`);
    expect(server.sessionCount()).toBe(0);
    expect(grown).toBeLessThan(2 * 1024 * 1024);
  }, 120_000);
});

describe('the session table', () => {
  it('holds at most 64 sessions, dropping the least recently active first', () => {
    let now = Date.parse('2026-11-25T09:00:00Z');
    const table = new Sessions(() => now);
    const tokens: string[] = [];
    for (let i = 0; i < 500; i++) {
      now += 1000;
      const s = { id: 'x', userId: `user-${i}`, locked: false, lastActive: now, signedInAt: now, renew: true };
      tokens.push(table.settle(s)!);
    }
    expect(table.size).toBeLessThanOrEqual(64);
    expect(table.get(tokens[499])?.userId).toBe('user-499');
    expect(table.get(tokens[0])).toBeUndefined();
  });
});
