/**
 * `npm run demo -- --dir <dataDir> [--scale demo|month|year|decade] [--seed N] [--today yyyy-mm-dd] [--staff N] [--force]`
 * Fills a data folder with a realistic demo SiteDesk. Runs in plain Node, so the store class is conf.
 */
import Conf from 'conf';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { londonInstant } from '../../shared/domain/dates';
import { DEMO_PASSWORD, DemoRefused, generateDemo, SCALES, type Scale } from '../seed/demo';
import { defaultDataDir } from '../storage/defaultDir';
import { acquireLock } from '../storage/lock';
import type { StoreClass } from '../storage/storeClass';

const USAGE =
  'Usage: npm run demo -- --dir <dataDir> [--scale demo|month|year|decade] [--seed N] [--today yyyy-mm-dd] [--staff N] [--force]';

const fail = (message: string): never => {
  console.error(message);
  console.error(USAGE);
  process.exit(2);
};

const main = async () => {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string' },
      scale: { type: 'string', default: 'demo' },
      seed: { type: 'string', default: '1' },
      today: { type: 'string' },
      staff: { type: 'string' },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const scale = values.scale as Scale;
  if (!SCALES.includes(scale)) fail(`Unknown scale ${values.scale}; choose ${SCALES.join(', ')}.`);
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) fail(`The seed must be a whole number, got ${values.seed}.`);
  if (values.today && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) fail(`--today is a date written yyyy-mm-dd, got ${values.today}.`);
  const staff = values.staff === undefined ? undefined : Number(values.staff);
  if (staff !== undefined && !(Number.isInteger(staff) && staff >= 20 && staff <= 2000))
    fail(`--staff is a whole number from 20 to 2000, got ${values.staff}.`);
  // A given day stands at noon, so the same --today and --seed always give the same folder.
  const now = values.today ? londonInstant(values.today, '12:00') : Date.now();
  const dataDir = path.resolve(values.dir ?? process.env.SITEDESK_DATA_DIR ?? defaultDataDir());

  console.error(`Generating a ${scale} SiteDesk (seed ${seed}) in ${dataDir} …`);
  const release = acquireLock(dataDir);
  try {
    const summary = await generateDemo({
      dataDir,
      StoreClass: Conf as unknown as StoreClass,
      scale,
      seed,
      now,
      staff,
      force: values.force,
      version: process.env.npm_package_version,
      progress: (line) => console.error(line),
    });
    const c = summary.counts;
    const n = (x: number) => x.toLocaleString('en-GB');
    console.log(
      `Demo SiteDesk written to ${summary.dataDir} in ${(summary.ms / 1000).toFixed(1)} s (scale ${summary.scale}, seed ${summary.seed}, today ${summary.today}).`,
    );
    console.log(`  ${n(c.sites)} sites, ${n(c.staff)} staff, ${n(c.accounts)} accounts`);
    console.log(
      `  ${n(c.shifts)} shifts from ${summary.from} to ${summary.rotaTo} (about ${n(summary.shiftsPerWeek)} a week; ${n(c.openShifts)} open), ${n(c.attendance)} sign-ins`,
    );
    console.log(`  ${n(c.incidents)} incidents, ${n(c.logEntries)} occurrence-log entries`);
    if (summary.skippedAccounts.length)
      console.log(`  Kept the existing accounts ${summary.skippedAccounts.join(', ')}; no demo account replaced them.`);
    console.log(`Sign in as "manager" (all sites) or a site supervisor such as "sup.ch", password "${DEMO_PASSWORD}".`);
    console.log(`Open it with: SITEDESK_DATA_DIR=${JSON.stringify(summary.dataDir)} npm run browser`);
  } catch (error) {
    if (error instanceof DemoRefused) {
      console.error(error.message);
      process.exitCode = 1;
      return;
    }
    throw error;
  } finally {
    release();
  }
};

main().catch((error: Error) => {
  console.error(`The demo could not be generated: ${error.message}`);
  process.exit(1);
});
