/**
 * `npm run doctor -- --dir <dataDir>`: checks a data folder read-only and lists what is wrong.
 * Exit code 0 when healthy, 1 when problems were found, 2 when the folder is missing or unreadable (or
 * the hub, when asked for, cannot be read).
 *
 * `--hub <url>` also checks every incident's history against the heads the hub has seen (its witness),
 * which catches a tail cut off this machine together with the local heads file's own tail. The hub user
 * is `--hub-user <name>` with the password from the SITEDESK_HUB_PASSWORD environment variable or the
 * first line of `--hub-password-file <file>` (never on the command line); without `--hub-user`, the
 * folder's own saved hub user and password are used. `--sites CH,FH` picks the sites (default: the
 * folder's sync sites, else every site it holds incidents for).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { identityKind, IDENTITY_FILE } from '../exchange/identity';
import { parseChecked } from '../storage/checksum';
import { defaultDataDir } from '../storage/defaultDir';
import { checkDataFolder, FolderUnreadable, type Witness } from '../storage/doctor';
import { openConfig, storedSyncSchema, SYNC_CONFIG_FILE } from '../sync/config';
import { fetchWitness, WitnessUnavailable } from '../sync/witness';
import { counted } from '../../shared/domain/counted';

class Usage extends Error {}

const readQuietly = (file: string): unknown => {
  try {
    const c = parseChecked(fs.readFileSync(file, 'utf8'));
    return c.ok ? c.value : undefined;
  } catch {
    return undefined;
  }
};

/** The hub credentials and sites for `--hub`, from the flags, the environment or the folder's own settings. */
const hubAccess = (
  dataDir: string,
  values: { hub?: string; 'hub-user'?: string; 'hub-password-file'?: string; sites?: string },
): { url: string; name: string; password: string; sites: string[] } => {
  const url = values.hub!;
  try {
    new URL(url);
  } catch {
    throw new Usage(`Not a hub address: ${url}`);
  }
  const saved = storedSyncSchema.safeParse(readQuietly(path.join(dataDir, 'data', `${SYNC_CONFIG_FILE}.json`)));
  const stored = saved.success ? saved.data.config : null;
  let name: string;
  let password: string;
  if (values['hub-user']) {
    name = values['hub-user'];
    if (values['hub-password-file']) {
      try {
        password = fs.readFileSync(values['hub-password-file'], 'utf8').split(/\r?\n/)[0];
      } catch (error) {
        throw new Usage(`Cannot read the password file: ${(error as Error).message}`);
      }
    } else if (process.env.SITEDESK_HUB_PASSWORD) password = process.env.SITEDESK_HUB_PASSWORD;
    else throw new Usage('Give the hub password in SITEDESK_HUB_PASSWORD or in a file named by --hub-password-file.');
  } else {
    if (!stored) throw new Usage('This folder has no saved hub user: give --hub-user (and SITEDESK_HUB_PASSWORD or --hub-password-file).');
    const identity = identityKind.schema.safeParse(readQuietly(path.join(dataDir, 'data', `${IDENTITY_FILE}.json`)));
    const opened = openConfig(identity.success ? identity.data.identity : null, stored);
    if (opened.password === null)
      throw new Usage("This folder's saved hub password cannot be opened here: give --hub-user and the password.");
    ({ name, password } = { name: opened.name, password: opened.password });
  }
  let sites = values.sites ? values.sites.split(',').map((s) => s.trim().toUpperCase()) : (stored?.sites ?? []);
  if (!sites.length) {
    const dir = path.join(dataDir, 'data', 'partitions', 'incidents');
    const found = new Set<string>();
    if (fs.existsSync(dir))
      for (const month of fs.readdirSync(dir)) for (const f of fs.readdirSync(path.join(dir, month))) found.add(f.replace(/\.json$/, ''));
    sites = [...found].filter((s) => /^[A-Z]{2,4}$/.test(s)).sort();
  }
  for (const s of sites) if (!/^[A-Z]{2,4}$/.test(s)) throw new Usage(`Not a site code: ${s}`);
  return { url, name, password, sites };
};

// Enough to act on; a folder damaged everywhere would otherwise scroll the first lines away.
const SHOW = 200;

const main = async () => {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string' },
      hub: { type: 'string' },
      'hub-user': { type: 'string' },
      'hub-password-file': { type: 'string' },
      sites: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(
      'Usage: npm run doctor -- --dir <dataDir> [--hub <url> [--hub-user <name>] [--hub-password-file <file>] [--sites CH,FH]]\n' +
        'The hub password comes from SITEDESK_HUB_PASSWORD or --hub-password-file; without --hub-user the folder’s saved hub user is used.',
    );
    return 0;
  }
  const dataDir = path.resolve(values.dir ?? process.env.SITEDESK_DATA_DIR ?? defaultDataDir());
  const started = Date.now();
  let report;
  let witness: Witness | undefined;
  try {
    if (values.hub) {
      const access = hubAccess(dataDir, values);
      witness = await fetchWitness(access, access.sites);
      console.log(`Checking incident histories against ${witness.by} for ${access.sites.join(', ') || 'no sites'}.`);
    }
    report = checkDataFolder(dataDir, { witness });
  } catch (error) {
    if (error instanceof Usage || error instanceof WitnessUnavailable) {
      console.error(error.message);
      return 2;
    }
    if (error instanceof FolderUnreadable) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
  const { problems, expected, counts: c } = report;
  for (const e of expected.slice(0, SHOW)) console.log(`${e.file}: ${e.message} (expected after an interrupted save; not a problem)`);
  for (const p of problems.slice(0, SHOW)) console.log(`${p.file}: ${p.message}`);
  if (problems.length > SHOW) console.log(`… and ${counted(problems.length - SHOW, 'more problem')}.`);
  console.log(
    `Checked ${counted(c.files, 'file')} in ${dataDir} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${counted(c.sites, 'site')}, ${c.staff.toLocaleString('en-GB')} staff, ${counted(c.accounts, 'account')}, ` +
      `${counted(c.shifts, 'shift')}, ${counted(c.attendance, 'attendance record')}, ${counted(c.incidents, 'incident')}, ${counted(c.logEntries, 'log entry', 'log entries')}.`,
  );
  console.log(problems.length ? `${counted(problems.length, 'problem')} found. Nothing was changed.` : 'Healthy: no problems found.');
  return problems.length ? 1 : 0;
};

main().then(
  (code) => (process.exitCode = code),
  (error: Error) => {
    console.error(`The check could not run: ${error.message}`);
    process.exitCode = 2;
  },
);
