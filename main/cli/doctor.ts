/**
 * `npm run doctor -- --dir <dataDir>`: checks a data folder read-only and lists what is wrong.
 * Exit code 0 when healthy, 1 when problems were found, 2 when the folder is missing or unreadable.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../storage/defaultDir';
import { checkDataFolder, FolderUnreadable } from '../storage/doctor';

// Enough to act on; a folder damaged everywhere would otherwise scroll the first lines away.
const SHOW = 200;

const main = () => {
  const { values } = parseArgs({ options: { dir: { type: 'string' }, help: { type: 'boolean', default: false } } });
  if (values.help) {
    console.log('Usage: npm run doctor -- --dir <dataDir>');
    return 0;
  }
  const dataDir = path.resolve(values.dir ?? process.env.SITEDESK_DATA_DIR ?? defaultDataDir());
  const started = Date.now();
  let report;
  try {
    report = checkDataFolder(dataDir);
  } catch (error) {
    if (error instanceof FolderUnreadable) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
  const { problems, expected, counts: c } = report;
  for (const e of expected.slice(0, SHOW)) console.log(`${e.file}: ${e.message} (expected after an interrupted save; not a problem)`);
  for (const p of problems.slice(0, SHOW)) console.log(`${p.file}: ${p.message}`);
  if (problems.length > SHOW) console.log(`… and ${problems.length - SHOW} more problems.`);
  const n = (x: number) => x.toLocaleString('en-GB');
  console.log(
    `Checked ${n(c.files)} files in ${dataDir} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${n(c.sites)} sites, ${n(c.staff)} staff, ${n(c.accounts)} accounts, ` +
      `${n(c.shifts)} shifts, ${n(c.attendance)} attendance records, ${n(c.incidents)} incidents, ${n(c.logEntries)} log entries.`,
  );
  console.log(
    problems.length
      ? `${n(problems.length)} problem${problems.length === 1 ? '' : 's'} found. Nothing was changed.`
      : 'Healthy: no problems found.',
  );
  return problems.length ? 1 : 0;
};

try {
  process.exitCode = main();
} catch (error) {
  console.error(`The check could not run: ${(error as Error).message}`);
  process.exitCode = 2;
}
