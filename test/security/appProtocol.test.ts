/**
 * The desktop page's scheme (main/appProtocol.ts) serves the built renderer and nothing else: no path
 * out of its folder, no other host, and every answer carries the app's CSP.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appFileFor, appProtocolHandler } from '../../main/appProtocol';
import { tempDataDir } from '../support/server';

const root = tempDataDir('sitedesk-renderer-');
const renderer = path.join(root, 'renderer');
fs.mkdirSync(path.join(renderer, 'assets'), { recursive: true });
fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>SiteDesk</title>');
fs.writeFileSync(path.join(renderer, 'assets/index-abc.js'), 'console.log(1)');
fs.writeFileSync(path.join(root, 'secret.txt'), 'not for the page');
fs.writeFileSync(path.join(renderer, 'notes.txt'), 'not for the page either');
const serve = appProtocolHandler(renderer);

describe('the sitedesk://app/ scheme', () => {
  it('serves the page and its scripts with their type and the CSP', async () => {
    const page = await serve({ url: 'sitedesk://app/index.html' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<title>SiteDesk</title>');
    const script = await serve({ url: 'sitedesk://app/assets/index-abc.js' });
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
  });

  it.each([
    ['a file above the folder', 'sitedesk://app/../secret.txt'],
    ['an encoded way above it', 'sitedesk://app/%2e%2e/secret.txt'],
    ['an encoded slash', 'sitedesk://app/..%2fsecret.txt'],
    ['another host', 'sitedesk://evil/index.html'],
    ['a missing file', 'sitedesk://app/nothing.js'],
    ['a file of a type the page never loads', 'sitedesk://app/notes.txt'],
    ['a NUL byte', 'sitedesk://app/index.html%00.js'],
    ['broken encoding', 'sitedesk://app/%E0%A4%A'],
    ['another scheme', 'file:///etc/passwd'],
  ])('answers 404 to %s', async (_what, url) => {
    const res = await serve({ url });
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('Not found');
  });

  it('maps only addresses inside the renderer folder', () => {
    expect(appFileFor('sitedesk://app/', renderer)).toBe(path.join(renderer, 'index.html'));
    expect(appFileFor('sitedesk://app/..%2f..%2fsecret.txt', renderer)).toBeNull();
  });
});
