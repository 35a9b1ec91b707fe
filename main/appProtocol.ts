/**
 * The desktop app's page is served from its own scheme, `sitedesk://app/`, instead of `file://`:
 * Chromium keeps V8's compiled code for scripts only from http(s) and from schemes given the
 * `codeCache` privilege, so from a file:// page every start parsed and compiled all of the renderer
 * again. The scheme must be standard (Electron refuses `codeCache` otherwise) and is secure, like https.
 * Only files of the built renderer folder are served; no Electron import here, so it is tested in Node.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { CSP } from './contentSecurityPolicy';
import { RENDERER_FILE_TYPES } from './rendererFileTypes';

export const APP_SCHEME = 'sitedesk';
export const APP_HOST = 'app';
/** The one page of the desktop app. */
export const APP_PAGE = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** For `protocol.registerSchemesAsPrivileged`, before the app is ready. */
export const APP_SCHEMES = [
  {
    scheme: APP_SCHEME,
    // No bypassCSP, no fetch or service workers, no CORS: the page loads its own scripts, styles and images only.
    privileges: { standard: true, secure: true, codeCache: true },
  },
];

/** The built file a `sitedesk://app/…` address names, or null for any other address or a path leaving the folder. */
export const appFileFor = (url: string, rendererDir: string): string | null => {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, '.' + (pathname === '/' ? '/index.html' : pathname));
  return file.startsWith(root + path.sep) ? file : null;
};

/** The handler for `protocol.handle(APP_SCHEME, …)`: the file with its type and the app's CSP, or 404. */
export const appProtocolHandler =
  (rendererDir: string) =>
  async (request: { url: string }): Promise<Response> => {
    const file = appFileFor(request.url, rendererDir);
    const type = file && RENDERER_FILE_TYPES[path.extname(file)];
    if (!file || !type) return new Response('Not found', { status: 404 });
    try {
      const body = await fs.readFile(file);
      return new Response(body, {
        headers: { 'Content-Type': type, 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff' },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  };
