// The end-to-end tests need a Chromium: Debian's, or one Playwright installed. Fail in one clear line if none.
import fs from 'node:fs';
import { journeyChromiumPath } from './chromium-path.mjs';

const found = journeyChromiumPath();
if (!found || !fs.existsSync(found)) {
  console.error(
    'No Chromium found for the browser tests: install one with `sudo apt-get install -y chromium-headless-shell` (or `chromium`, or `npx playwright install chromium` where downloads work).',
  );
  process.exit(1);
}
