/**
 * A read-only health check of a data folder, for support staff and CI. It never goes through DataStore,
 * whose reads repair (quarantine and restore) damaged files: here every file is read with fs, parsed
 * and checked against the same schemas the repos use, and nothing on disk is touched.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { londonParts, monthOf } from '../../shared/domain/dates';
import { counted, wasOrWere } from '../../shared/domain/counted';
import { acceptedByDecision, extendsHead, verifyHistory, verifyIncidentHistory } from '../../shared/domain/incidents/history';
import { HEADS_FILE, readHeads } from './incidentHeads';
import { accountSchema } from '../../shared/schemas/account';
import { attendanceSchema } from '../../shared/schemas/attendance';
import { incidentSchema } from '../../shared/schemas/incident';
import { logEntrySchema } from '../../shared/schemas/occurrence';
import { settingsSchema } from '../../shared/schemas/settings';
import { shiftSchema } from '../../shared/schemas/shift';
import { siteSchema } from '../../shared/schemas/site';
import { staffSchema } from '../../shared/schemas/staff';
import { IDENTITY_FILE, identityKind } from '../exchange/identity';
import { ORG_FILE, orgKind } from '../exchange/org';
import { ROSTER_FILE, rosterStateKind } from '../sync/roster';
import { SUPERSEDED_FILE, supersededKind } from '../exchange/superseded';
import type { Superseded } from '../../shared/domain/sync/merge';
import { storedSyncSchema, SYNC_CONFIG_FILE } from '../sync/config';
import { clockKind, CLOCK_FILE } from './clockFile';
import { metaSchema, SCHEMA_VERSION } from './meta';
import { noticeSchema } from './notices';
import { CURRENT, PREVIOUS, scanSegment } from './changeLog';
import { parseChecked } from './checksum';
import { layout, safeRel } from './paths';

export interface Problem {
  /** Path relative to the data folder, e.g. `data/partitions/shifts/2026-11/CH.json`. */
  file: string;
  message: string;
}

export interface Counts {
  files: number;
  sites: number;
  staff: number;
  accounts: number;
  shifts: number;
  attendance: number;
  incidents: number;
  logEntries: number;
}

export interface DoctorReport {
  problems: Problem[];
  /**
   * States a process killed mid-save leaves, which SiteDesk completes or clears when it next opens the
   * folder: a temporary file beside a whole one, a journal waiting to be finished (the folder is checked
   * as it will be once finished), a change-log line cut off before its save was acknowledged.
   */
  expected: Problem[];
  counts: Counts;
}

/** Heads of incident chains seen elsewhere (the hub's witness documents), by incident id, and who saw them. */
export interface Witness {
  heads: Map<string, { length: number; head: string; site: string }[]>;
  /** Who saw them, for the message: e.g. `the hub at https://hub.example`. */
  by: string;
}

/** The folder is missing or cannot be read at all, as opposed to holding damaged files. */
export class FolderUnreadable extends Error {}

const PARTITION_KINDS = {
  shifts: shiftSchema,
  attendance: attendanceSchema,
  incidents: incidentSchema,
  log: logEntrySchema,
} as const;
type PartitionKind = keyof typeof PARTITION_KINDS;

// The partition a record belongs in, exactly as main/storage/repos.ts files it.
const partitionOf: { [K in PartitionKind]: (r: z.infer<(typeof PARTITION_KINDS)[K]>) => string } = {
  shifts: (s) => `${monthOf(s.date)}/${s.site}`,
  attendance: (a) => `${monthOf(a.date)}/${a.site}`,
  incidents: (i) => `${monthOf(londonParts(Date.parse(i.occurredAt)).date)}/${i.site}`,
  log: (e) => `${monthOf(e.date)}/${e.site}`,
};

const DIRECTORY = {
  'directory/sites': siteSchema,
  'directory/staff': staffSchema,
  'directory/accounts': accountSchema,
} as const;

const SINGLE_FILES: Record<string, z.ZodType> = {
  'directory/settings': z.object({ settings: settingsSchema }),
  'system/meta': z.object({ meta: metaSchema.nullable() }),
  'system/notices': z.object({ notices: z.array(noticeSchema) }),
  [CLOCK_FILE]: clockKind.schema,
  [ORG_FILE]: orgKind.schema,
  [IDENTITY_FILE]: identityKind.schema,
  [SUPERSEDED_FILE]: supersededKind.schema,
  [SYNC_CONFIG_FILE]: storedSyncSchema,
  [ROSTER_FILE]: rosterStateKind.schema,
};

const recordsFile = z.object({ records: z.record(z.string(), z.unknown()) });
const PARTITION_PATH = /^partitions\/(shifts|attendance|incidents|log)\/(\d{4}-(?:0[1-9]|1[0-2]))\/([A-Z]{2,4})$/;

const issueText = (error: z.ZodError): string =>
  error.issues
    .slice(0, 3)
    .map((i) => `${i.path.length ? i.path.join('.') : 'record'}: ${i.message}`)
    .join('; ');

/** Every file under `dir`, relative with forward slashes, temporary files included. */
const listFiles = (dir: string, base = dir): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? listFiles(full, base) : [path.relative(base, full).split(path.sep).join('/')];
  });

/**
 * Checks every file of a data folder without changing anything: that it parses, matches its schema,
 * sits in the right partition, has unique ids and references that resolve, that no interrupted save is
 * waiting, and that every incident's history chain verifies.
 */
export const checkDataFolder = (dataDir: string, opts: { witness?: Witness } = {}): DoctorReport => {
  const dirs = layout(dataDir);
  const problems: Problem[] = [];
  const expected: Problem[] = [];
  const counts: Counts = { files: 0, sites: 0, staff: 0, accounts: 0, shifts: 0, attendance: 0, incidents: 0, logEntries: 0 };
  let files: string[];
  try {
    if (!fs.statSync(dataDir).isDirectory()) throw new Error('it is not a folder');
    if (!fs.existsSync(dirs.data)) throw new Error('it has no data/ folder, so it is not a SiteDesk data folder');
    files = listFiles(dirs.data).sort();
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'it does not exist' : (error as Error).message;
    throw new FolderUnreadable(`Cannot check ${dataDir}: ${why}.`, { cause: error });
  }

  const report = (rel: string, message: string) => problems.push({ file: `data/${rel}`, message });
  /** What an interrupted multi-file save will write when SiteDesk next opens the folder, by file. */
  const pendingWrites = new Map<string, unknown>();
  /** The parsed JSON of a file, or undefined (with a problem reported) when it cannot be read. */
  const readJson = (rel: string): unknown => {
    if (pendingWrites.has(rel)) return pendingWrites.get(rel);
    let text: string;
    try {
      text = fs.readFileSync(path.join(dirs.data, rel), 'utf8');
      JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (error) {
      report(rel, error instanceof SyntaxError ? `is not valid JSON (${error.message})` : `cannot be read (${(error as Error).message})`);
      return undefined;
    }
    const checked = parseChecked(text);
    if (!checked.ok) {
      report(rel, `has been changed outside SiteDesk: ${checked.why}`);
      return undefined;
    }
    return checked.value;
  };
  /**
   * The records of a `{ records }` file that match `schema`, reporting the ones that do not, plus the ids
   * of every record in it (valid or not, so one bad field does not also make everything pointing at it
   * look dangling), or null ids when the file could not be read at all.
   */
  const recordsOf = <T extends { id: string }>(rel: string, schema: z.ZodType<T>): { records: T[]; ids: string[] | null } => {
    const json = readJson(rel);
    if (json === undefined) return { records: [], ids: null };
    const shape = recordsFile.safeParse(json);
    if (!shape.success) {
      report(rel, `does not have the shape SiteDesk expects (${issueText(shape.error)})`);
      return { records: [], ids: null };
    }
    const records: T[] = [];
    for (const [key, raw] of Object.entries(shape.data.records)) {
      const parsed = schema.safeParse(raw);
      if (!parsed.success) report(rel, `record ${key} is not valid: ${issueText(parsed.error)}`);
      else if (parsed.data.id !== key) report(rel, `record ${key} is filed under a different id than its own (${parsed.data.id})`);
      else records.push(parsed.data);
    }
    return { records, ids: Object.keys(shape.data.records) };
  };
  const seen = new Map<string, string>();
  const unique = (rel: string, kind: string, id: string) => {
    const key = `${kind}/${id}`;
    const first = seen.get(key);
    if (first) report(rel, `${kind} id ${id} is also used in data/${first}`);
    else seen.set(key, rel);
  };

  counts.files = files.length;
  const jsonFiles = new Set<string>();
  const journalRel = path.relative(dirs.data, dirs.journal).split(path.sep).join('/');
  for (const rel of files) {
    if (rel === journalRel) {
      const journal = readJson(rel);
      const parsed = z.object({ writes: z.array(z.object({ rel: z.string(), value: z.unknown() })) }).safeParse(journal);
      if (journal === undefined) continue;
      if (!parsed.success) {
        report(rel, 'an interrupted save is waiting (journal.json), but the journal is not what SiteDesk writes');
        continue;
      }
      for (const w of parsed.data.writes) {
        try {
          const target = safeRel(w.rel);
          pendingWrites.set(`${target}.json`, w.value);
          jsonFiles.add(target);
        } catch {
          report(rel, `an interrupted save is waiting (journal.json), but it names a file outside the data folder (${w.rel})`);
        }
      }
      expected.push({
        file: `data/${rel}`,
        message: `an interrupted save of ${parsed.data.writes.length} files is waiting; SiteDesk finishes it the next time it opens this folder (checked here as it will be then)`,
      });
    } else if (/\.json\.tmp-[^/]*$/.test(rel)) {
      expected.push({
        file: `data/${rel}`,
        message:
          'a temporary file left by a save that was interrupted before its rename; the file beside it is whole, and SiteDesk removes this one when it next opens the folder',
      });
    } else if (!rel.endsWith('.json') || rel.includes('.tmp')) {
      report(rel, 'unexpected file (something copied in by hand, or left by another program)');
    } else jsonFiles.add(rel.slice(0, -'.json'.length));
  }
  for (const name of [PREVIOUS, CURRENT]) {
    for (const bad of scanSegment(path.join(dirs.changes, name), () => undefined).bad) {
      const file = `changes/${name}`;
      if (bad.last && name === CURRENT)
        expected.push({
          file,
          message: `line ${bad.line} was cut off while being written; its save was never acknowledged, and the next save replaces it`,
        });
      else problems.push({ file, message: `line ${bad.line} fails its checksum: the change log was damaged or edited` });
    }
  }

  for (const [rel, schema] of Object.entries(SINGLE_FILES)) {
    if (!jsonFiles.delete(rel)) continue;
    const json = readJson(`${rel}.json`);
    if (json === undefined) continue;
    const parsed = schema.safeParse(json);
    if (!parsed.success) report(`${rel}.json`, `does not match what SiteDesk expects (${issueText(parsed.error)})`);
    else if (rel === 'system/meta') {
      const meta = (parsed.data as { meta: z.infer<typeof metaSchema> | null }).meta;
      if (meta && meta.schemaVersion > SCHEMA_VERSION)
        report(
          `${rel}.json`,
          `was written by a newer SiteDesk (data version ${meta.schemaVersion}; this build reads up to ${SCHEMA_VERSION})`,
        );
    }
  }

  const directory = Object.fromEntries(
    Object.entries(DIRECTORY).map(([rel, schema]) => {
      const read = jsonFiles.delete(rel) ? recordsOf(`${rel}.json`, schema as z.ZodType<{ id: string }>) : { records: [], ids: [] };
      for (const r of read.records) unique(`${rel}.json`, rel, r.id);
      return [rel, read];
    }),
  );
  const sites = directory['directory/sites'].records as z.infer<typeof siteSchema>[];
  const staff = directory['directory/staff'].records as z.infer<typeof staffSchema>[];
  const accounts = directory['directory/accounts'].records as z.infer<typeof accountSchema>[];
  counts.sites = sites.length;
  counts.staff = staff.length;
  counts.accounts = accounts.length;
  // Against an unreadable file nothing can be resolved; its own problem is the one worth reading.
  const siteCodes = directory['directory/sites'].ids ? new Set(sites.map((s) => s.code)) : null;
  const staffIds = directory['directory/staff'].ids ? new Set(directory['directory/staff'].ids) : null;
  const siteMissing = (code: string) => siteCodes !== null && !siteCodes.has(code);
  const staffMissing = (id: string) => staffIds !== null && !staffIds.has(id);
  const usernames = new Map<string, string>();
  if (siteCodes && siteCodes.size < sites.length) report('directory/sites.json', 'two sites share a site code');
  for (const s of staff) {
    for (const code of [s.homeSite, ...s.familiarSites])
      if (code && siteMissing(code)) report('directory/staff.json', `${s.name} (${s.id}) names site ${code}, which does not exist`);
  }
  for (const a of accounts) {
    if (usernames.has(a.username)) report('directory/accounts.json', `user name ${a.username} is used by two accounts`);
    usernames.set(a.username, a.id);
    for (const code of a.sites)
      if (siteMissing(code)) report('directory/accounts.json', `account ${a.username} supervises site ${code}, which does not exist`);
  }

  const partitions = [...jsonFiles].filter((rel) => rel.startsWith('partitions/'));
  for (const rel of jsonFiles)
    if (!rel.startsWith('partitions/')) report(`${rel}.json`, 'unexpected file: SiteDesk does not use a file of this name');
  const byKind = (kind: PartitionKind) => partitions.filter((rel) => rel.startsWith(`partitions/${kind}/`));
  for (const rel of partitions)
    if (!PARTITION_PATH.test(rel)) report(`${rel}.json`, 'unexpected file: partitions are named partitions/<kind>/<yyyy-mm>/<SITE>.json');

  const headsFile = readHeads(path.join(dataDir, HEADS_FILE));
  const headsRel = HEADS_FILE.split(path.sep).join('/');
  if (headsFile.broken?.last)
    expected.push({
      file: headsRel,
      message: `line ${headsFile.broken.line} was cut off while being written; SiteDesk drops it when it next opens the folder`,
    });
  else if (headsFile.broken)
    problems.push({
      file: headsRel,
      message: `line ${headsFile.broken.line} breaks the file's chain: the record of incident histories was edited; lines from it on are not trusted`,
    });
  const shiftIds = new Set<string>();
  const logIds = new Set<string>();
  const unreadable = new Set<string>();
  const refs = new Map<string, string>();
  const corrections: { rel: string; id: string; site: string; corrects: string }[] = [];
  const pending: { rel: string; shiftId: string; id: string }[] = [];
  const held = new Set<string>();
  // Versions of an incident set aside when two installs' chains diverged: a head one of them reaches is accounted for.
  let aside: Superseded[] | null = null;
  const asideOf = (id: string) => {
    if (aside === null) {
      // Read quietly: a damaged file was reported already, with the other single files.
      let read: unknown;
      try {
        const c = parseChecked(fs.readFileSync(path.join(dirs.data, `${SUPERSEDED_FILE}.json`), 'utf8'));
        read = c.ok ? c.value : undefined;
      } catch {
        read = undefined;
      }
      const parsed = supersededKind.schema.safeParse(read);
      aside = parsed.success ? Object.values(parsed.data.entries) : [];
    }
    return aside.filter((s) => s.kind === 'incidents' && s.recordId === id);
  };
  const witnessed = (i: z.infer<typeof incidentSchema>, heads: { length: number; head: string }[]): string | null => {
    const missing = heads.filter((w) => !extendsHead(i.id, i.history, w)).sort((a, b) => b.length - a.length);
    const reaches = (w: { length: number; head: string }) =>
      asideOf(i.id).some(
        (s) =>
          Array.isArray(s.record.history) &&
          verifyHistory(i.id, s.record.history as typeof i.history).ok &&
          extendsHead(i.id, s.record.history as typeof i.history, w),
      );
    const w = missing.find((m) => !reaches(m));
    if (!w) return null;
    return i.history.length < w.length
      ? `has ${counted(i.history.length, 'entry', 'entries')} but ${w.length} ${wasOrWere(w.length)} seen (entries cut off the end)`
      : `no longer contains entry ${w.length} as it was seen (rewritten)`;
  };
  for (const kind of ['shifts', 'attendance', 'incidents', 'log'] as const) {
    for (const rel of byKind(kind)) {
      const m = PARTITION_PATH.exec(rel);
      if (!m) continue;
      const file = `${rel}.json`;
      const key = `${m[2]}/${m[3]}`;
      const where = partitionOf[kind] as (r: unknown) => string;
      const read = recordsOf(file, PARTITION_KINDS[kind] as z.ZodType<{ id: string; site: string }>);
      if (!read.ids) unreadable.add(kind === 'log' ? `log/${m[3]}` : `${kind}/${key}`);
      for (const id of read.ids ?? []) (kind === 'shifts' ? shiftIds : kind === 'log' ? logIds : null)?.add(id);
      for (const r of read.records) {
        unique(file, kind, r.id);
        const belongs = where(r);
        if (belongs !== key)
          report(file, `record ${r.id} is in the wrong partition: it belongs in data/partitions/${kind}/${belongs}.json`);
        if (siteMissing(r.site)) report(file, `record ${r.id} is for site ${r.site}, which does not exist`);
        if (kind === 'shifts') {
          const s = r as unknown as z.infer<typeof shiftSchema>;
          counts.shifts += 1;
          if (s.staffId && staffMissing(s.staffId))
            report(file, `shift ${s.id} (${s.date} ${s.start}) is assigned to staff ${s.staffId}, who does not exist`);
        } else if (kind === 'attendance') {
          const a = r as unknown as z.infer<typeof attendanceSchema>;
          counts.attendance += 1;
          if (staffMissing(a.staffId)) report(file, `attendance ${a.id} is for staff ${a.staffId}, who does not exist`);
          // A shift's attendance is filed by the shift's own date and site, so it sits in the same month and site.
          if (!unreadable.has(`shifts/${key}`)) pending.push({ rel: file, shiftId: a.shiftId, id: a.id });
        } else if (kind === 'incidents') {
          const i = r as unknown as z.infer<typeof incidentSchema>;
          counts.incidents += 1;
          const other = refs.get(i.ref);
          if (other) report(file, `incident ${i.id} has reference ${i.ref}, which incident ${other} already has`);
          refs.set(i.ref, i.id);
          const chain = verifyIncidentHistory(i);
          const decided = acceptedByDecision(i);
          const accepted = decided ? ` (accepted as it stands by a manager's decision of ${decided.at})` : '';
          const recorded = headsFile.heads.get(i.id);
          if (!chain.ok) {
            const at =
              chain.brokenAt < i.history.length ? `history broken at entry ${chain.brokenAt + 1}` : 'history does not match the incident';
            report(file, `incident ${i.ref} (${i.id}): ${at}: ${chain.reason}${accepted}`);
          } else if (recorded && !extendsHead(i.id, i.history, recorded)) {
            const what =
              i.history.length < recorded.length
                ? `has ${counted(i.history.length, 'entry', 'entries')} but ${recorded.length} ${wasOrWere(recorded.length)} recorded as written (entries cut off the end)`
                : `no longer contains entry ${recorded.length} as recorded (rewritten)`;
            report(file, `incident ${i.ref} (${i.id}): history broken: it ${what}, per ${headsRel}`);
          } else if (opts.witness) {
            // A head speaks only for the incidents of the site whose database it came from.
            const what = witnessed(
              i,
              (opts.witness.heads.get(i.id) ?? []).filter((h) => h.site === i.site),
            );
            if (what) report(file, `incident ${i.ref} (${i.id}): history broken: it ${what}, per ${opts.witness.by}`);
          }
          held.add(i.id);
        } else {
          const e = r as unknown as z.infer<typeof logEntrySchema>;
          counts.logEntries += 1;
          if (e.corrects) corrections.push({ rel: file, id: e.id, site: e.site, corrects: e.corrects });
        }
      }
    }
  }
  if (opts.witness)
    for (const [id, heads] of opts.witness.heads) {
      const longest = heads.reduce((a, b) => (b.length > a.length ? b : a));
      const unread = [...unreadable].some((u) => u.startsWith('incidents/') && u.endsWith(`/${longest.site}`));
      if (!held.has(id) && !unread)
        problems.push({
          file: `data/partitions/incidents/*/${longest.site}.json`,
          message: `incident ${id} is missing: ${opts.witness.by} has seen its history with ${counted(longest.length, 'entry', 'entries')}, but this folder does not hold it`,
        });
    }
  for (const a of pending)
    if (!shiftIds.has(a.shiftId)) report(a.rel, `attendance ${a.id} is for shift ${a.shiftId}, which does not exist`);
  for (const c of corrections)
    if (!logIds.has(c.corrects) && !unreadable.has(`log/${c.site}`))
      report(c.rel, `log entry ${c.id} corrects entry ${c.corrects}, which does not exist`);
  return { problems, expected, counts };
};
