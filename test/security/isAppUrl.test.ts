import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

// main/window.ts imports electron for its window factory; only the URL check is under test here.
vi.mock('electron', () => ({ default: {}, BrowserWindow: class {}, session: {}, shell: {} }));
const { isAppUrl } = await import('../../main/window');

const RENDERER = path.resolve('/opt/SiteDesk/resources/app.asar/out/renderer/index.html');
const fileUrl = (p: string) => `file://${p.split(path.sep).join('/')}`;
const PAGE = 'sitedesk://app/index.html';

describe('isAppUrl: the IPC sender check accepts only the app page', () => {
  afterEach(() => {
    delete process.env.ELECTRON_RENDERER_URL;
  });

  it('accepts the app page on its own scheme, with a hash or query', () => {
    expect(isAppUrl(PAGE)).toBe(true);
    expect(isAppUrl(`${PAGE}#/rota`)).toBe(true);
    expect(isAppUrl(`${PAGE}?x=1`)).toBe(true);
  });

  it.each([
    // The page is served from sitedesk://app/ (for V8's code cache), so no file is the page any more.
    ['the renderer file itself', fileUrl(RENDERER)],
    ['another page on the scheme', 'sitedesk://app/other.html'],
    ['another host on the scheme', 'sitedesk://evil/index.html'],
    ['the scheme with a user', 'sitedesk://user@app/index.html'],
    ['the scheme with a port', 'sitedesk://app:1/index.html'],
    ['a path reached by ..', 'sitedesk://app/x/../../index.html/..'],
    ['another file', fileUrl('/home/user/Downloads/evil.html')],
    ['another index.html', fileUrl('/tmp/out/renderer/index.html.evil/index.html')],
    ['the same path under another folder', fileUrl(`/evil${RENDERER}`)],
    ['a UNC host', `file://evil-host${RENDERER.split(path.sep).join('/')}`],
    ['a sibling folder', fileUrl('/opt/SiteDesk/resources/app.asar/out/renderer2/index.html')],
    ['a file reached by ..', fileUrl('/opt/SiteDesk/resources/app.asar/out/renderer/../../evil/index.html')],
    ['an https origin', 'https://example.com/out/renderer/index.html'],
    ['an http loopback origin', 'http://127.0.0.1:5173/index.html'],
    ['devtools', 'devtools://devtools/bundled/devtools_app.html'],
    ['chrome internals', 'chrome://settings'],
    ['about:blank', 'about:blank'],
    ['a data URL', 'data:text/html,<script>alert(1)</script>'],
    ['javascript:', 'javascript:alert(1)'],
    ['not a URL', 'index.html'],
    ['empty', ''],
  ])('refuses %s', (_what, url) => {
    expect(isAppUrl(url)).toBe(false);
  });

  it('in development accepts only the dev server origin', () => {
    const dev = 'http://localhost:5173';
    expect(isAppUrl('http://localhost:5173/#/sites', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('http://evil.localhost:5173/', dev)).toBe(false);
    expect(isAppUrl(PAGE, dev)).toBe(false);
    // Without a dev address (a packaged build ignores ELECTRON_RENDERER_URL: main/desktop.ts) the environment counts for nothing.
    process.env.ELECTRON_RENDERER_URL = dev;
    expect(isAppUrl('http://localhost:5173/#/sites')).toBe(false);
  });
});
