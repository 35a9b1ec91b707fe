/**
 * Issue 12 hole 1 and issue 17: the browser-mode HTTP transport itself, fed what a hostile web page or a
 * local script can send. Every malformed request gets a 4xx and the server keeps answering.
 */
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../main/browser-mode/server';
import { openTestApp } from '../support/app';
import { httpRequest, rawRequest } from '../support/rawHttp';
import { channels, isChannel } from '../../shared/contract';
import { tempDataDir } from '../support/server';

describe('browser-mode transport under malformed requests', () => {
  const staticDir = tempDataDir('sitedesk-static-');
  const t = openTestApp();
  let server: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>SiteDesk</title>');
    fs.mkdirSync(path.join(staticDir, 'assets'));
    fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log("app")');
    fs.writeFileSync(path.join(path.dirname(staticDir), 'secret-outside.txt'), 'do not serve');
    server = await startServer({ isChannel, dispatch: t.opened.dispatch, staticDir, port: 0, now: () => t.clock.now, maxBody: 64 * 1024 });
  });
  afterAll(() => server.close());

  const send = (req: Parameters<typeof httpRequest>[1]) => rawRequest(server.port, httpRequest(server.port, req));
  const api = (channel: string, body = '{}', headers: Record<string, string> = {}) =>
    send({
      method: 'POST',
      path: `/api/${channel}`,
      headers: { 'Content-Type': 'application/json', 'X-SiteDesk-Secret': server.secret, ...headers },
      body,
    });
  const stillAnswers = async () => {
    const res = await api('auth:status');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, data: { setupNeeded: true } });
  };

  it('answers POST /api/%E0%A4%A (a bad percent-encoding) with 400 and keeps running', async () => {
    const res = await send({
      method: 'POST',
      path: '/api/%E0%A4%A',
      headers: { 'Content-Type': 'application/json', 'X-SiteDesk-Secret': server.secret },
      body: '{}',
    });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false });
    await stillAnswers();
  });

  it.each([
    ['a bad percent-encoding in a page path', { path: '/%E0%A4%A' }, 400],
    ['a lone % in a page path', { path: '/%' }, 400],
    ['a bad percent-encoding in an API query', { method: 'POST', path: '/api/auth:status?x=%ZZ', json: true }, 200],
    ['an unknown channel', { method: 'POST', path: '/api/no:such-channel', json: true }, 404],
    ['an empty channel name', { method: 'POST', path: '/api/', json: true }, 404],
    ['a channel name with a nul byte', { method: 'POST', path: '/api/auth:status%00', json: true }, 404],
    ['bad JSON', { method: 'POST', path: '/api/auth:status', json: true, body: '{not json' }, 400],
    ['JSON that is not UTF-8', { method: 'POST', path: '/api/auth:status', json: true, body: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]) }, 400],
    [
      'a text/plain body (what an <form> or sendBeacon can send cross-site)',
      { method: 'POST', path: '/api/auth:status', headers: { 'Content-Type': 'text/plain' }, secret: true, body: '{}' },
      415,
    ],
    ['no content type', { method: 'POST', path: '/api/auth:status', secret: true, body: '{}' }, 415],
    ['a body over the limit', { method: 'POST', path: '/api/auth:status', json: true, body: `{"x":"${'a'.repeat(70 * 1024)}"}` }, 413],
    [
      'a Content-Length over the limit',
      { method: 'POST', path: '/api/auth:status', json: true, headers: { 'Content-Length': String(10 * 1024 * 1024) }, body: '{}' },
      413,
    ],
    ['GET on the API', { method: 'GET', path: '/api/auth:status', secret: true }, 405],
    ['PUT on a page', { method: 'PUT', path: '/index.html', body: 'x' }, 405],
    ['DELETE on a page', { method: 'DELETE', path: '/' }, 405],
    [
      'OPTIONS (a CORS preflight)',
      {
        method: 'OPTIONS',
        path: '/api/auth:status',
        headers: { Origin: 'http://attacker.example', 'Access-Control-Request-Method': 'POST' },
      },
      405,
    ],
    ['an unknown file', { path: '/nothing-here.js' }, 404],
    ['a folder', { path: '/assets' }, 404],
    ['a path outside the app folder', { path: '/..%2fsecret-outside.txt' }, 403],
  ] as [
    string,
    { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer; json?: boolean; secret?: boolean },
    number,
  ][])('refuses %s with the right status and keeps running', async (_what, req, status) => {
    const before = t.snapshot();
    const headers = {
      ...(req.json ? { 'Content-Type': 'application/json' } : {}),
      ...(req.json || req.secret ? { 'X-SiteDesk-Secret': server.secret } : {}),
      ...req.headers,
    };
    const res = await send({ method: req.method, path: req.path, headers, body: req.body });
    expect(res.status).toBe(status);
    expect(t.snapshot()).toEqual(before);
    await stillAnswers();
  });

  it.each([
    ['a garbled request line', 'GARBAGE\r\n\r\n'],
    ['a method with a space', 'GE T / HTTP/1.1\r\nHost: HOST\r\n\r\n'],
    ['an unknown HTTP version', 'GET / HTTP/9.9\r\nHost: HOST\r\n\r\n'],
    ['a header line with no colon', 'GET / HTTP/1.1\r\nHost: HOST\r\nno colon here\r\n\r\n'],
    ['a control character in a header value', 'GET / HTTP/1.1\r\nHost: HOST\r\nX-A: a\u0001b\r\n\r\n'],
    ['headers over the size limit', `GET / HTTP/1.1\r\nHost: HOST\r\nX-Big: ${'a'.repeat(40_000)}\r\n\r\n`],
    [
      'both Content-Length and chunked (request smuggling)',
      'POST /api/auth:status HTTP/1.1\r\nHost: HOST\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
    ],
    ['two different Content-Lengths', 'POST /api/auth:status HTTP/1.1\r\nHost: HOST\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}'],
    [
      'a bad chunk size',
      'POST /api/auth:status HTTP/1.1\r\nHost: HOST\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n',
    ],
    ['no Host at all', 'GET / HTTP/1.1\r\nConnection: close\r\n\r\n'],
    [
      'an absolute-form URL for another host',
      'GET http://attacker.example/ HTTP/1.1\r\nHost: attacker.example\r\nConnection: close\r\n\r\n',
    ],
  ])('answers %s with a 4xx and keeps running', async (_what, request) => {
    const res = await rawRequest(server.port, request.replaceAll('HOST', `127.0.0.1:${server.port}`));
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    await stillAnswers();
  });

  it('serves the app at / and /index.html, and its real assets', async () => {
    for (const p of ['/', '/index.html', '/?x=1']) {
      const res = await send({ path: p });
      expect(res.status).toBe(200);
      expect(res.body).toContain('<title>SiteDesk</title>');
    }
    const asset = await send({ path: '/assets/app.js' });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toContain('text/javascript');
  });

  it('a seeded fuzz of paths, methods, headers, bodies and encodings: never a 5xx or a dropped request, nothing written, and a good request still answers', async () => {
    const before = t.snapshot();
    const hex = fc.constantFrom(...'0123456789abcdefABCDEFgZ%'.split(''));
    const pctJunk = fc.array(fc.oneof(fc.constant('%'), hex), { minLength: 1, maxLength: 6 }).map((a) => a.join(''));
    const segment = fc.oneof(
      fc.constantFrom(
        'api',
        'auth:status',
        'auth:setup',
        'auth:sign-in',
        'backups:restore-file',
        '..',
        '.',
        '%2e%2e',
        '%2f',
        '%5c',
        '%00',
        '%E0%A4%A',
        '%C0%AF',
        '%uFFFF',
        'index.html',
        'assets',
        'app.js',
        '',
      ),
      pctJunk,
      fc.stringMatching(/^[A-Za-z0-9._~:@!$&'()*+,;=-]{0,12}$/),
    );
    const anyPath = fc
      .tuple(fc.array(segment, { minLength: 0, maxLength: 5 }), fc.option(fc.stringMatching(/^[A-Za-z0-9=&%?]{0,12}$/), { nil: undefined }))
      .map(([segs, q]) => `/${segs.join('/')}${q === undefined ? '' : `?${q}`}`);
    // Half the paths aim at the API, so bodies and headers reach the body reader and the dispatch.
    const tail = fc.constantFrom('', '', '', '?', '?a=%ZZ', '/..', '%00', '%E0%A4%A');
    const pathArb = fc.oneof(
      anyPath,
      fc.tuple(segment, tail).map(([seg, t]) => `/api/${seg}${t}`),
      fc.tuple(fc.constantFrom(...channels), tail).map(([c, t]) => `/api/${c}${t}`),
    );
    const methodArb = fc.oneof(
      { weight: 4, arbitrary: fc.constant('POST') },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          'GET',
          'HEAD',
          'PUT',
          'DELETE',
          'PATCH',
          'OPTIONS',
          'TRACE',
          'CONNECT',
          'PROPFIND',
          'get',
          'P0ST',
          'GET GET',
        ),
      },
    );
    const headerName = fc.oneof(
      fc.constantFrom(
        'Content-Type',
        'X-SiteDesk-Secret',
        'X-SiteDesk-Session',
        'Origin',
        'Content-Length',
        'Transfer-Encoding',
        'Host',
        'Cookie',
      ),
      fc.stringMatching(/^[A-Za-z-]{1,20}$/),
    );
    const headerValue = fc.oneof(
      { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
      { weight: 3, arbitrary: fc.stringMatching(/^[\x20-\x7e]{0,200}$/) },
      {
        weight: 3,
        arbitrary: fc.constantFrom(
          'application/json',
          'text/plain',
          'application/json; charset=utf-16',
          'chunked',
          'null',
          'http://attacker.example',
          '-1',
          '99999999999',
          'SECRET',
          '',
        ),
      },
    );
    const bodyArb = fc.oneof(
      fc.constant(''),
      fc.json().map((j) => j),
      fc.string({ maxLength: 200 }),
      fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a).toString('latin1')),
      fc.constantFrom(
        '{"username":"eve","displayName":"Eve","password":"password1","role":"manager"}',
        '{"__proto__":{"x":1}}',
        '[]',
        'null',
        '{'.repeat(5000),
      ),
    );
    const requestArb = fc.record({
      method: methodArb,
      path: pathArb,
      headers: fc.array(fc.tuple(headerName, headerValue), { maxLength: 4 }),
      withSecret: fc.constantFrom(true, true, true, false),
      withJson: fc.constantFrom(true, true, false),
      body: bodyArb,
    });
    let runs = 0;
    const statuses = new Map<number, number>();
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(requestArb, async (r) => {
        runs++;
        const headers = [
          `Host: 127.0.0.1:${server.port}`,
          'Connection: close',
          ...(r.withSecret ? [`X-SiteDesk-Secret: ${server.secret}`] : []),
          ...(r.withJson ? ['Content-Type: application/json'] : []),
        ];
        for (const [k, v] of r.headers) headers.push(`${k}: ${v.replaceAll('SECRET', server.secret).replace(/[\r\n]/g, ' ')}`);
        const body = Buffer.from(r.body, 'latin1');
        // The true length always goes too: a fuzzed second one that differs, or a Transfer-Encoding beside
        // it, is a malformed request; a request that only promised more bytes than it sent is not.
        headers.push(`Content-Length: ${body.length}`);
        const request = Buffer.concat([Buffer.from(`${r.method} ${r.path} HTTP/1.1\r\n${headers.join('\r\n')}\r\n\r\n`, 'latin1'), body]);
        const res = await rawRequest(server.port, request, 8_000);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        expect(res.status, `${r.method} ${r.path}`).toBeGreaterThanOrEqual(200);
        expect(res.status, `${r.method} ${r.path}`).toBeLessThan(500);
      }),
      { seed: 20261202, numRuns: 800, interruptAfterTimeLimit: 30_000, markInterruptAsFailure: false },
    );
    console.log(
      `transport fuzz: ${runs} requests in ${Date.now() - started} ms, answers by status: ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`,
    );
    expect(runs).toBeGreaterThanOrEqual(100);
    // The fuzz reached the API's inner layers (body reader, channel lookup, dispatch), not only the secret check.
    expect(statuses.get(200) ?? 0).toBeGreaterThanOrEqual(10);
    expect(statuses.size).toBeGreaterThanOrEqual(6);
    expect(Date.now() - started).toBeLessThan(45_000);
    expect(t.snapshot()).toEqual(before);
    await stillAnswers();
  });
});
