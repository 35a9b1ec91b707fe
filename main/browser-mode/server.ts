import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../ipc/dispatch';
import { blankSession, Sessions } from '../ipc/sessions';
import { CSP } from '../contentSecurityPolicy';
import { RENDERER_FILE_TYPES } from '../rendererFileTypes';

export interface ServerOptions {
  dispatch: Dispatch;
  /**
   * Whether a name is a channel of the contract (shared/contract's `isChannel`). Passed in, so the
   * server can listen before the contract's schemas are loaded (main/browser.ts).
   */
  isChannel: (name: string) => boolean | Promise<boolean>;
  staticDir: string;
  port: number;
  now: () => number;
  /** Largest API body accepted, in bytes. */
  maxBody?: number;
}

// The loopback server also answers .json (the app protocol refuses any type it does not list).
const TYPES: Record<string, string> = { ...RENDERER_FILE_TYPES, '.json': 'application/json' };

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

  const refuse = (res: http.ServerResponse, status: number, message: string, code = 'forbidden') => {
    if (res.headersSent) return void res.destroy();
    res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...SECURITY_HEADERS });
    res.end(JSON.stringify({ ok: false, code, message }));
  };

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  /** The decoded path of a request, or null when its percent-encoding is broken. */
  const pathOf = (req: http.IncomingMessage): string | null => {
    try {
      return decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      return null;
    }
  };

  /**
   * The app is one page at `/`; only files that exist under the built renderer are served. Anything
   * else, a traversal included, is refused rather than answered with the page.
   */
  const serveStatic = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const pathname = pathOf(req);
    if (pathname === null || pathname.includes('\0')) return refuse(res, 400, 'Bad path', 'invalid');
    const file = path.resolve(root, '.' + (pathname === '/' ? '/index.html' : pathname));
    if (file !== root && !file.startsWith(root + path.sep)) return refuse(res, 403, 'Outside the app folder');
    // Read whole and answered in one go: the files are small (the largest chunk is under 0.5 MB), and a
    // stream takes several turns of the event loop, each of which can wait behind the data folder being
    // opened at start-up (main/browser.ts), while the page's first scripts are what the user waits for.
    let body: Buffer;
    try {
      if (!fs.statSync(file).isFile()) return refuse(res, 404, 'Not found', 'not_found');
      body = fs.readFileSync(file);
    } catch {
      return refuse(res, 404, 'Not found', 'not_found');
    }
    res.writeHead(200, {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Content-Length': body.length,
      'Cache-Control': 'no-cache',
      ...SECURITY_HEADERS,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  /** Reads a JSON body of at most `maxBody` bytes; undefined when it was refused (already answered). */
  const readJson = (req: http.IncomingMessage, res: http.ServerResponse) =>
    new Promise<{ value: unknown } | undefined>((resolve) => {
      const declared = Number(req.headers['content-length'] ?? 0);
      if (declared > maxBody) {
        res.setHeader('Connection', 'close');
        refuse(res, 413, 'Request too large', 'invalid');
        req.resume();
        return resolve(undefined);
      }
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size <= maxBody) chunks.push(c);
        else if (!res.headersSent) {
          res.setHeader('Connection', 'close');
          refuse(res, 413, 'Request too large', 'invalid');
          resolve(undefined);
        }
      });
      req.on('end', () => {
        if (size > maxBody) return;
        if (!size) return resolve({ value: {} });
        try {
          const text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
          resolve({ value: JSON.parse(text) });
        } catch {
          refuse(res, 400, 'The request was not valid JSON.', 'invalid');
          resolve(undefined);
        }
      });
      req.on('error', () => resolve(undefined));
    });

  const serveApi = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (req.method !== 'POST') return refuse(res, 405, 'API calls are POST');
    if (!sameSecret(req.headers['x-sitedesk-secret'] as string | undefined, secret))
      return refuse(res, 401, 'Missing or wrong SiteDesk secret');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts().has(origin.replace(/^http:\/\//, '')))
      return refuse(res, 403, 'Cross-origin request refused');
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return refuse(res, 415, 'API calls send JSON');
    const pathname = pathOf(req);
    if (pathname === null) return refuse(res, 400, 'Bad channel name', 'invalid');
    const channel = pathname.slice('/api/'.length);
    if (!(await opts.isChannel(channel))) return refuse(res, 404, `There is no channel called ${channel.slice(0, 60)}.`, 'unknown_channel');
    const body = await readJson(req, res);
    if (!body) return;
    const session = sessions.get(req.headers['x-sitedesk-session'] as string | undefined) ?? blankSession(opts.now());
    const result = await opts.dispatch(channel, body.value, session);
    const issued = sessions.settle(session);
    const headers: Record<string, string> = { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...SECURITY_HEADERS };
    if (issued) headers['X-SiteDesk-Session'] = issued;
    if (res.destroyed) return;
    res.writeHead(200, headers);
    res.end(JSON.stringify(result));
  };

  const server = http.createServer((req, res) => {
    req.on('error', () => res.destroy());
    const route = async () => {
      if (!allowedHosts().has(req.headers.host ?? '')) return refuse(res, 421, 'Wrong Host');
      if ((req.url ?? '/').startsWith('/api/')) return serveApi(req, res);
      if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed');
      return serveStatic(req, res);
    };
    // The last guard: whatever a request does, it gets an answer and the server keeps running.
    route().catch((error: unknown) => {
      console.error('[sitedesk] request failed:', error);
      refuse(res, 500, 'Something went wrong.', 'internal');
    });
  });
  // A request the HTTP parser cannot read (bad request line, headers too large, smuggling attempts).
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || error.code === 'ECONNRESET') return socket.destroy();
    const status =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? '431 Request Header Fields Too Large'
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? '408 Request Timeout'
          : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  });
  // CONNECT and protocol upgrades have no place here; without a listener Node drops them unanswered.
  const noTunnel = (_req: http.IncomingMessage, socket: import('node:stream').Duplex) => {
    socket.on('error', () => socket.destroy());
    socket.end('HTTP/1.1 405 Method Not Allowed\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  };
  server.on('connect', noTunnel);
  server.on('upgrade', noTunnel);
  // A slow or stalled client cannot hold a socket open for long.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    port,
    secret,
    url: `http://127.0.0.1:${port}/#k=${secret}`,
    /** How many sessions the server holds (only signed-in ones). */
    sessionCount: () => sessions.size,
    /**
     * Stops listening and ends every connection at once: an open page polls (the sync status every few
     * seconds), so its keep-alive connection is never idle and `close` alone would wait for ever.
     */
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
};
