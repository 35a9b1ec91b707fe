import fs from 'node:fs';
import { chromium } from '@playwright/test';

/** Debian's Chromium first (nothing here can download one), then Playwright's own if a user installed it. */
export const chromiumPath = () => {
  if (process.env.SITEDESK_CHROMIUM) return process.env.SITEDESK_CHROMIUM;
  for (const p of ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']) if (fs.existsSync(p)) return p;
  try {
    const own = chromium.executablePath();
    return fs.existsSync(own) ? own : null;
  } catch {
    return null;
  }
};

/** Chromium as the journeys and the bench start it: no GPU, no background traffic, no sandbox (it runs as root here). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
