import { startServer } from '../../main/browser-mode/server';
import { isChannel } from '../../shared/contract';
import type { TestApp } from './app';
import { tempDataDir } from './server';

/** The real browser-mode server over a test app: a free port, the app's own clock, an empty static folder. */
export const serveTestApp = (t: TestApp) =>
  startServer({ isChannel, dispatch: t.opened.dispatch, staticDir: tempDataDir('sitedesk-static-'), port: 0, now: () => t.clock.now });
