import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../ipc/dispatch';
import { Sessions } from '../ipc/sessions';
import { CSP } from './csp';

export interface ServerOptions {
  dispatch: Dispatch;
  staticDir: string;
  port: number;
  now: () => number;
  /** Largest API body accepted, in bytes. */
  maxBody?: number;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

const SECURITY_HEADERS = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

const sameSecret = (given: string | undefined, secret: string) => {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * Browser mode: the built renderer and the same dispatch as Electron, over loopback HTTP. Only
 * 127.0.0.1 is bound; every API call must carry this run's random secret (handed to the page in the
 * start URL's fragment, which is never sent to a server or a referrer), a Host of this server and no
 * foreign Origin, so another site in the same browser or another user's process cannot drive it.
 */
export const startServer = async (opts: ServerOptions) => {
  const secret = randomBytes(32).toString('base64url');
  const sessions = new Sessions(opts.now);
  const maxBody = opts.maxBody ?? 25 * 1024 * 1024;
  const root = path.resolve(opts.staticDir);
  let port = opts.port;

  const refuse = (res: http.ServerResponse, status: number, message: string) => {
    res.writeHead(status, { 'Content-Type': 'application/json', ...SECURITY_HEADERS });
    res.end(JSON.stringify({ ok: false, code: 'forbidden', message }));
  };

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  const serveStatic = (req: http.IncomingMessage, res: http.ServerResponse) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      return refuse(res, 400, 'Bad path');
    }
    if (pathname.includes('\0')) return refuse(res, 400, 'Bad path');
    const file = path.resolve(root, '.' + (pathname === '/' ? '/index.html' : pathname));
    if (file !== root && !file.startsWith(root + path.sep)) return refuse(res, 403, 'Outside the app folder');
    const target = fs.existsSync(file) && fs.statSync(file).isFile() ? file : path.join(root, 'index.html');
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(target)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache', ...SECURITY_HEADERS });
    fs.createReadStream(target).pipe(res);
  };

  const serveApi = (req: http.IncomingMessage, res: http.ServerResponse, channel: string) => {
    if (req.method !== 'POST') return refuse(res, 405, 'API calls are POST');
    if (!sameSecret(req.headers['x-sitedesk-secret'] as string | undefined, secret)) return refuse(res, 401, 'Missing or wrong SiteDesk secret');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts().has(origin.replace(/^http:\/\//, ''))) return refuse(res, 403, 'Cross-origin request refused');
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return refuse(res, 415, 'API calls send JSON');
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > maxBody) tooBig = true;
      else chunks.push(c);
    });
    req.on('end', async () => {
      if (tooBig) return refuse(res, 413, 'Request too large');
      let payload: unknown;
      try {
        payload = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
      } catch {
        res.writeHead(200, { 'Content-Type': 'application/json', ...SECURITY_HEADERS });
        return res.end(JSON.stringify({ ok: false, code: 'invalid', message: 'The request was not valid JSON.' }));
      }
      let session = sessions.get(req.headers['x-sitedesk-session'] as string | undefined);
      const headers: Record<string, string> = { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...SECURITY_HEADERS };
      if (!session) {
        session = sessions.create();
        headers['X-SiteDesk-Session'] = session.id;
      }
      const result = await opts.dispatch(channel, payload, session);
      res.writeHead(200, headers);
      res.end(JSON.stringify(result));
    });
  };

  const server = http.createServer((req, res) => {
    if (!allowedHosts().has(req.headers.host ?? '')) return refuse(res, 421, 'Wrong Host');
    const url = req.url ?? '/';
    if (url.startsWith('/api/')) return serveApi(req, res, decodeURIComponent(url.slice(5).split('?')[0]));
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed');
    return serveStatic(req, res);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    port,
    secret,
    url: `http://127.0.0.1:${port}/#k=${secret}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
