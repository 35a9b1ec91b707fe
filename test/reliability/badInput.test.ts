import fc from 'fast-check';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Session } from '../../main/services/types';
import { channels, contract, type Channel } from '../../shared/contract';
import type { ErrorCode } from '../../shared/result';
import { openTestApp, withManager, createSupervisor } from '../support/app';

const TYPED: ErrorCode[] = [
  'invalid',
  'unknown_channel',
  'signed_out',
  'locked',
  'forbidden',
  'not_found',
  'conflict',
  'rate_limited',
  'storage',
];
type Who = 'signed-out' | 'supervisor' | 'manager' | 'locked';
const WHO: Who[] = ['signed-out', 'supervisor', 'manager', 'locked'];
// A wrong password is recorded against the account (for the slow-down), so these two may change
// accounts.json while answering with an error; nothing else may change.
const COUNTS_FAILURES = new Set<string>(['auth:sign-in', 'auth:unlock']);

/**
 * Where on disk an accepted call of each channel may write, reviewed by hand from what the channel is for
 * (not read from the contract or the services). A channel not listed here fails the test, so a new one
 * needs its row. [] means the channel only reads.
 */
const AREAS = {
  accounts: /^data\/directory\/accounts\.json$/,
  settings: /^data\/directory\/settings\.json$/,
  sites: /^data\/directory\/sites\.json$/,
  staff: /^data\/directory\/staff\.json$/,
  templates: /^data\/directory\/templates\.json$/,
  patterns: /^data\/directory\/patterns\.json$/,
  notices: /^data\/system\/notices\.json$/,
  org: /^data\/system\/org\.json$/,
  identity: /^data\/system\/identity\.json$/,
  superseded: /^data\/system\/superseded\.json$/,
  shifts: /^data\/partitions\/shifts\//,
  incidents: /^data\/partitions\/incidents\//,
  log: /^data\/partitions\/log\//,
  attendance: /^data\/partitions\/attendance\//,
  photos: /^photos\//,
  backups: /^backups\//,
  exports: /^exports\//,
  sync: /^(data\/system\/sync\.json|sync\/)/,
} as const;
type Area = keyof typeof AREAS;
const RECORDS: Area[] = ['sites', 'staff', 'shifts', 'incidents', 'log', 'attendance', 'superseded', 'photos'];
const EVERYTHING = Object.keys(AREAS) as Area[];
/**
 * Bookkeeping any accepted call may touch: the record clock, the data folder's meta, its write journal, the
 * change log every save is appended to, and the sealed incident heads (recorded when an old incident is first read).
 */
const BOOKKEEPING = [/^data\/system\/(hlc|meta)\.json$/, /^data\/journal\.json$/, /^changes\//, /^evidence\//];

const MAY_WRITE: Record<string, Area[]> = {
  'auth:status': [],
  'auth:setup': ['accounts', 'sites', 'settings', 'org', 'notices'],
  'auth:sign-in': ['accounts'],
  'auth:sign-out': [],
  'auth:lock': [],
  'auth:unlock': ['accounts'],
  'auth:touch': [],
  'accounts:list': [],
  'accounts:create': ['accounts'],
  'accounts:update': ['accounts'],
  'accounts:set-pin': ['accounts'],
  'accounts:change-password': ['accounts'],
  'system:info': [],
  'system:dismiss-notice': ['notices'],
  'settings:get': [],
  'settings:update': ['settings'],
  'sites:list': [],
  'sites:get': [],
  'sites:create': ['sites'],
  'sites:update': ['sites'],
  'sites:copy-cover': ['sites'],
  'staff:list': [],
  'staff:get': [],
  'staff:create': ['staff'],
  'staff:update': ['staff'],
  'staff:archive': ['staff'],
  'staff:restore': ['staff'],
  'staff:save-absence': ['staff'],
  'staff:remove-absence': ['staff'],
  'staff:absence-calendar': [],
  'staff:licence-watch': [],
  'staff:import-preview': [],
  'staff:import': ['staff'],
  'staff:export': [],
  'staff:leave-csv': [],
  'leave:list': [],
  'leave:request': ['staff'],
  'leave:impact': [],
  'leave:approve': ['staff', 'shifts'],
  'leave:refuse': ['staff'],
  'incidents:list': [],
  'incidents:get': [],
  'incidents:create': ['incidents'],
  'incidents:update': ['incidents'],
  'incidents:amend': ['incidents'],
  'incidents:set-status': ['incidents'],
  'incidents:decide': ['incidents'],
  'incidents:add-photo': ['incidents', 'photos'],
  'incidents:photo': [],
  'incidents:riddor-queue': [],
  'incidents:export-pdf': [],
  'incidents:export-csv': [],
  'log:day': [],
  'log:add': ['log'],
  'log:export-csv': [],
  'rota:week': [],
  'rota:save': ['shifts'],
  'rota:publish': ['shifts'],
  'rota:unpublish': ['shifts'],
  'rota:republish': ['shifts'],
  'rota:copy-week': ['shifts'],
  'rota:plans': [],
  'rota:save-template': ['templates'],
  'rota:save-pattern': ['patterns'],
  'rota:delete-plan': ['templates', 'patterns'],
  'rota:pattern-preview': [],
  'rota:apply-pattern': ['shifts'],
  'rota:candidates': [],
  'rota:fill-week': ['shifts'],
  'rota:build-from-cover': ['shifts'],
  // A fill only starts a worker and keeps its plan in memory; nothing is written until apply.
  'rota:autofill-warm': [],
  'rota:autofill-start': [],
  'rota:autofill-status': [],
  'rota:autofill-stop': [],
  'rota:autofill-apply': ['shifts'],
  'rota:person': [],
  'rota:export-csv': [],
  'rota:export-ics': [],
  'exchange:status': [],
  'exchange:export-rota': ['org', 'identity'],
  'exchange:export-activity': ['org', 'identity'],
  'exchange:preview': [],
  'exchange:apply': [...RECORDS, 'backups', 'org', 'identity'],
  'enrol:create': [],
  'enrol:import': EVERYTHING,
  'backups:list': [],
  'backups:create': ['backups'],
  'backups:restore': EVERYTHING,
  // A manager's first signed file makes the install's signing identity and the organisation key, and lists it.
  'backups:export': ['exports', 'org', 'identity'],
  'backups:restore-file': EVERYTHING,
  'backups:restore-fresh': EVERYTHING,
  'today:board': [],
  'today:sign-in': ['attendance'],
  'today:sign-out': ['attendance'],
  'today:mark-no-show': ['attendance'],
  'today:correct': ['attendance'],
  'today:cover-candidates': [],
  'today:assign-cover': ['shifts', 'attendance'],
  'attendance:report': [],
  'attendance:timesheet-csv': [],
  'attendance:working-time': [],
  'reports:hours': [],
  'reports:cover': [],
  'reports:cost': [],
  'reports:incidents': [],
  'reports:licences': [],
  'sync:status': [],
  'sync:connect': ['sync'],
  'sync:conflicts': [],
  // A decision is a shift edit; the sync replica takes it a moment later.
  'sync:resolve': ['shifts', 'sync'],
  // Reads the versions kept aside; chooses nothing.
  'sync:set-aside': [],
};

/** The files (relative to the data folder's root) that differ between two snapshots. */
const changedFiles = (before: Record<string, string>, after: Record<string, string>): string[] =>
  [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((f) => before[f] !== after[f])
    .map((f) => f.split(path.sep).join('/'));

const junk = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.string(), { maxLength: 5 }),
  fc.object({ maxDepth: 2 }),
  fc.constantFrom(
    '',
    ' ',
    'CH',
    'ZZZ',
    '../../etc/passwd',
    '__proto__',
    'constructor',
    'a'.repeat(5000),
    '2026-02-30',
    '25:99',
    'manager',
    'maria',
  ),
);

/** Objects with the channel's own field names holding random values, to get past the first check. */
const shaped = (channel: Channel) => {
  const schema = contract[channel].request as z.ZodType & { shape?: Record<string, unknown> };
  const keys = schema.shape ? Object.keys(schema.shape) : [];
  if (!keys.length) return fc.object({ maxDepth: 1 });
  return fc.record(Object.fromEntries(keys.map((k) => [k, junk])), { requiredKeys: [] });
};

const payloads = (channel: Channel) =>
  fc.oneof(
    fc.anything({ maxDepth: 3 }),
    shaped(channel),
    shaped(channel),
    fc.constantFrom('{}', '[]', 42, null, [], { __proto__: { polluted: true } }),
  );

describe('random and malformed payloads on every channel, from every kind of session', () => {
  const t = openTestApp();
  afterAll(() => t.opened.close());
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const m = await withManager(t);
    ids.manager = m.userId!;
    const sup = await createSupervisor(t, m);
    ids.supervisor = sup.id;
  });

  const sessionFor = (who: Who): Session => ({
    id: `prop-${who}`,
    userId: who === 'signed-out' ? null : who === 'supervisor' ? ids.supervisor : ids.manager,
    locked: who === 'locked',
    lastActive: t.clock.now,
  });

  it('has a reviewed row of where it may write for every channel, and none for a channel that does not exist', () => {
    expect(Object.keys(MAY_WRITE).sort()).toEqual([...channels].sort());
  });

  for (const channel of channels) {
    it(`${channel}: a typed error or a valid result every time; an error changes nothing on disk, a success only what the channel may change`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...WHO), payloads(channel), async (who, payload) => {
          const before = t.snapshot();
          const result = await t.raw(channel, payload, sessionFor(who));
          expect(typeof result.ok).toBe('boolean');
          if (result.ok) {
            const allowed = [...(MAY_WRITE[channel] ?? []).map((a) => AREAS[a]), ...BOOKKEEPING];
            const outside = changedFiles(before, t.snapshot()).filter((f) => !allowed.some((re) => re.test(f)));
            expect(outside, `${channel} accepted ${JSON.stringify(payload)?.slice(0, 200)} as ${who} and changed files it may not`).toEqual(
              [],
            );
            return;
          }
          expect(TYPED).toContain(result.code);
          expect(typeof result.message).toBe('string');
          // A refused sign-in or unlock may record the failure against the account (and so in the journal).
          const mayChange = COUNTS_FAILURES.has(channel) ? [AREAS.accounts, ...BOOKKEEPING] : [];
          const changed = changedFiles(before, t.snapshot()).filter((f) => !mayChange.some((re) => re.test(f)));
          expect(changed, `${channel} refused ${JSON.stringify(payload)?.slice(0, 200)} as ${who} but changed files`).toEqual([]);
        }),
        { numRuns: 60 },
      );
    });
  }

  it('unknown and hostile channel names are refused as unknown', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', '../auth:status')),
        fc.anything(),
        async (name, payload) => {
          fc.pre(!(channels as string[]).includes(name));
          const result = await t.raw(name, payload, sessionFor('manager'));
          expect(result).toMatchObject({ ok: false, code: 'unknown_channel' });
        },
      ),
      { numRuns: 100 },
    );
  });
});
