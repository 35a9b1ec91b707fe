import fs from 'node:fs';
import { chromium } from '@playwright/test';

/** The first of `paths` that exists. */
const firstThere = (paths) => paths.find((p) => fs.existsSync(p));

/**
 * The Chromium the journeys run in. First the old headless shell (Debian's `chromium-headless-shell`), the
 * build Playwright itself runs headless tests in: the same Blink, without the full browser around it. The 42
 * journeys took 373 s of CPU in it against 463 s in Debian's `chromium`, and 207 s against 254 s of wall
 * time (4 Dec). Then Debian's Chromium, then Playwright's own if a user installed it.
 */
export const journeyChromiumPath = () =>
  process.env.SITEDESK_CHROMIUM ||
  firstThere(['/usr/lib/chromium/chromium-headless-shell', '/usr/bin/chromium-headless-shell']) ||
  chromiumPath();

/** A full Chromium, as a person runs it (the benches measure in this): Debian's first (nothing here can download one), then Playwright's own. */
export const chromiumPath = () => {
  const found = process.env.SITEDESK_CHROMIUM || firstThere(['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']);
  if (found) return found;
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
