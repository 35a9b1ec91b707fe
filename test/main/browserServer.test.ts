import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../main/browser-mode/server';
import { isChannel } from '../../shared/contract';
import { openTestApp } from '../support/app';
import { tempDataDir } from '../support/server';

/** A raw request, so the Host header and odd paths go out exactly as written. */
const raw = (port: number, opts: { method?: string; path: string; headers?: Record<string, string>; body?: string }) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: { Host: `127.0.0.1:${port}`, ...opts.headers } },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });

describe('browser-mode server', () => {
  const staticDir = tempDataDir('sitedesk-static-');
  const t = openTestApp();
  let server: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>SiteDesk</title>');
    fs.writeFileSync(path.join(path.dirname(staticDir), 'secret-outside.txt'), 'do not serve');
    server = await startServer({ dispatch: t.opened.dispatch, isChannel, staticDir, port: 0, now: Date.now });
  });
  afterAll(() => server.close());
  const api = (channel: string, headers: Record<string, string>, body = '{}') =>
    raw(server.port, { method: 'POST', path: `/api/${channel}`, headers: { 'Content-Type': 'application/json', ...headers }, body });

  it('binds loopback only and serves the page with a strict CSP', async () => {
    const res = await new Promise<http.IncomingMessage>((resolve) =>
      http.get({ host: '127.0.0.1', port: server.port, path: '/' }, resolve),
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it.each([
    '/../secret-outside.txt',
    '/%2e%2e/secret-outside.txt',
    '/..%2fsecret-outside.txt',
    '/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '/..%5csecret-outside.txt',
    '/%252e%252e%252fsecret-outside.txt',
    '//etc/passwd',
    '/%2fetc%2fpasswd',
    '/./../../../../etc/passwd',
  ])('refuses path traversal %s with a 4xx, not the page', async (p) => {
    const res = await raw(server.port, { path: p });
    // 403 when the path resolves outside the app folder, 404 when it names no file inside it.
    expect([403, 404]).toContain(res.status);
    expect(res.body).not.toContain('<title>SiteDesk</title>');
    expect(res.body).not.toContain('do not serve');
    expect(res.body).not.toContain('root:');
  });

  it('refuses API calls without the secret, with a wrong Host, or cross-origin, and reads nothing', async () => {
    const before = t.snapshot();
    expect((await api('auth:setup', {}, JSON.stringify({ username: 'eve', displayName: 'Eve', password: 'password1' }))).status).toBe(401);
    expect((await api('auth:status', { 'X-SiteDesk-Secret': server.secret, Host: 'attacker.example:80' })).status).toBe(421);
    expect((await api('auth:status', { 'X-SiteDesk-Secret': server.secret, Origin: 'http://attacker.example' })).status).toBe(403);
    expect((await api('auth:status', { 'X-SiteDesk-Secret': server.secret, 'Content-Type': 'text/plain' })).status).toBe(415);
    expect((await raw(server.port, { path: '/api/auth:status', headers: { 'X-SiteDesk-Secret': server.secret } })).status).toBe(405);
    expect(t.snapshot()).toEqual(before);
  });

  it('refuses a nul byte in a static path', async () => {
    expect((await raw(server.port, { path: '/index.html%00.png' })).status).toBe(400);
  });

  it.each([
    ['a wrong secret of the right length', { 'X-SiteDesk-Secret': 'x'.repeat(43) }, 401],
    ['the secret in the query string instead of the header', {}, 401, '?k=SECRET'],
    ['a look-alike Host (DNS rebinding)', { 'X-SiteDesk-Secret': 'SECRET', Host: '127.0.0.1.attacker.example:PORT' }, 421],
    ['localhost on another port as Host', { 'X-SiteDesk-Secret': 'SECRET', Host: 'localhost:1' }, 421],
    ['an opaque Origin (sandboxed frame or file page)', { 'X-SiteDesk-Secret': 'SECRET', Origin: 'null' }, 403],
    ['an https Origin on the same host and port', { 'X-SiteDesk-Secret': 'SECRET', Origin: 'https://127.0.0.1:PORT' }, 403],
    ['a loopback Origin on another port', { 'X-SiteDesk-Secret': 'SECRET', Origin: 'http://127.0.0.1:1' }, 403],
  ] as [string, Record<string, string>, number, string?][])(
    'refuses an API call with %s, and changes nothing',
    async (_what, headers, status, query = '') => {
      const fill = (v: string) => v.replace('SECRET', server.secret).replace('PORT', String(server.port));
      const before = t.snapshot();
      const body = JSON.stringify({ username: 'eve', displayName: 'Eve', password: 'password1' });
      const res = await raw(server.port, {
        method: 'POST',
        path: `/api/auth:setup${fill(query)}`,
        headers: { 'Content-Type': 'application/json', ...Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, fill(v)])) },
        body,
      });
      expect(res.status).toBe(status);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, code: 'forbidden' });
      expect(t.snapshot()).toEqual(before);
    },
  );

  it('answers a good call, and bad JSON with a typed error', async () => {
    const good = await api('auth:status', { 'X-SiteDesk-Secret': server.secret, Origin: `http://127.0.0.1:${server.port}` });
    expect(JSON.parse(good.body)).toMatchObject({ ok: true, data: { setupNeeded: true } });
    const bad = await api('auth:status', { 'X-SiteDesk-Secret': server.secret }, '{not json');
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, code: 'invalid' });
  });
});

describe('browser-mode server shutdown', () => {
  it('stops at once while an open page keeps polling on a keep-alive connection', async () => {
    const staticDir = tempDataDir('sitedesk-static-');
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>SiteDesk</title>');
    const t = openTestApp();
    const server = await startServer({ dispatch: t.opened.dispatch, isChannel, staticDir, port: 0, now: Date.now });
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const poll = () =>
      new Promise<void>((resolve) => {
        const req = http.get(
          { host: '127.0.0.1', port: server.port, path: '/', agent, headers: { Host: `127.0.0.1:${server.port}` } },
          (res) => {
            res.resume();
            res.on('end', () => resolve());
          },
        );
        req.on('error', () => resolve());
      });
    // A page's status poll: a request every 50 ms on the same connection, so it is never idle for long.
    let polling = true;
    const loop = (async () => {
      while (polling) {
        await poll();
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    await poll();
    const closed = await Promise.race([
      server.close().then(() => 'closed'),
      new Promise((r) => setTimeout(() => r('still open after 3 s'), 3000)),
    ]);
    polling = false;
    await loop;
    agent.destroy();
    expect(closed).toBe('closed');
  });
});
