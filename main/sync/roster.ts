/**
 * A desk's sign-in accounts after enrolment. Accounts are not a replicated kind: a hub must never be able to give a
 * desk a sign-in. But a leaver disabled, or a password reset, on a manager's laptop must reach the desk. So the
 * manager's laptop publishes, for each site, a **roster**: that site's supervisors (active and disabled, with their
 * password hashes, no PIN), signed with the laptop's own Ed25519 key (main/exchange/identity.ts), as one document
 * `roster:<site>` in the site's hub database. Every publication signs every site's roster under one hybrid-clock stamp.
 *
 * A desk takes a roster only if (`takeRoster`):
 * - it is in its own site's database and names that site and the desk's organisation;
 * - it is signed by a manager key the desk's organisation file lists (the keys its enrolment file brought);
 * - its signature holds for its content exactly as it came (a changed byte, an added field: refused);
 * - its stamp is not more than a day ahead of the desk's clock (a far-future roster would shut out every later one),
 *   and not older than the newest roster the desk took or its enrolment file (`system/roster`), so an old signed roster
 *   put back on the hub cannot re-enable a leaver;
 * - every account it carries is a supervisor of that site and of the desk's sites (`applyRoster`).
 * Anything else is refused, reported in the sync status with the reason, and changes nothing.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { applyRoster, type RosterAccount, type TakenVersions } from '../../shared/domain/deskAccounts';
import { aheadInWords, compareHlc, tooFarAhead } from '../../shared/domain/sync/hlc';
import { canonical } from '../../shared/domain/sync/merge';
import { accountSchema, type Account } from '../../shared/schemas/account';
import { siteCodeSchema } from '../../shared/schemas/common';
import { signWith, verifyWith, type Identity } from '../exchange/identity';
import { readOrg, type Org } from '../exchange/org';
import type { AppCore } from '../services/types';
import type { FileKind, WriteOp } from '../storage/dataStore';

export const ROSTER_PREFIX = 'roster:';
export const rosterDocId = (site: string) => `${ROSTER_PREFIX}${site}`;
const FORMAT = 'sitedesk-roster' as const;

const rosterAccountSchema = accountSchema.pick({
  id: true,
  username: true,
  displayName: true,
  role: true,
  sites: true,
  passwordHash: true,
  disabled: true,
  createdAt: true,
  createdBy: true,
  updatedAt: true,
  updatedBy: true,
  rev: true,
});

/**
 * The roster as signed. Its accounts (password hashes among them) are sealed with AES-256-GCM under a key derived from
 * the organisation's key, which the hub never holds, so the hub's administrator cannot read the hashes; the header is
 * the associated data. Integrity is the signature's: it covers the header and the sealed bytes.
 */
const rosterSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(1),
  organisationId: z.string(),
  site: siteCodeSchema,
  stamp: z.string().min(1).max(200),
  iv: z.string().max(100),
  tag: z.string().max(100),
  secret: z.string().max(2_000_000),
});
export type Roster = z.infer<typeof rosterSchema>;
const sealedAccountsSchema = z.array(rosterAccountSchema).max(1000);

const rosterKeyOf = (org: Pick<Org, 'key'>): Buffer =>
  Buffer.from(hkdfSync('sha256', Buffer.from(org.key, 'base64'), Buffer.alloc(0), 'sitedesk roster v1', 32));
const headerOf = (r: Pick<Roster, 'organisationId' | 'site' | 'stamp'>) =>
  Buffer.from(`${FORMAT}|${r.organisationId}|${r.site}|${r.stamp}`, 'utf8');

/** The accounts a roster carries, opened with the organisation's key, or null when they cannot be opened or read. */
export const openRosterAccounts = (org: Pick<Org, 'key'>, roster: Roster): RosterAccount[] | null => {
  try {
    const decipher = createDecipheriv('aes-256-gcm', rosterKeyOf(org), Buffer.from(roster.iv, 'base64'));
    decipher.setAAD(headerOf(roster));
    decipher.setAuthTag(Buffer.from(roster.tag, 'base64'));
    const plain = Buffer.concat([decipher.update(Buffer.from(roster.secret, 'base64')), decipher.final()]).toString('utf8');
    const parsed = sealedAccountsSchema.safeParse(JSON.parse(plain));
    return parsed.success ? (parsed.data as RosterAccount[]) : null;
  } catch {
    return null;
  }
};

/** A roster document's `roster` read as one, or null. */
export const readRoster = (raw: unknown): Roster | null => {
  const r = rosterSchema.safeParse(raw);
  return r.success ? r.data : null;
};

const docShape = z.object({
  _id: z.string(),
  kind: z.literal('roster'),
  roster: z.record(z.string(), z.unknown()),
  signer: z.string().min(40).max(200),
  signature: z.string().min(40).max(200),
});

export interface RosterDoc {
  _id: string;
  kind: 'roster';
  roster: Roster;
  signer: string;
  signature: string;
}

/** The bytes a roster's signature covers: its canonical JSON (keys sorted), exactly as it travels. */
export const signedBytes = (roster: unknown) => Buffer.from(canonical(roster), 'utf8');

/** The supervisors of `site` as its roster carries them, in id order, so an unchanged roster reads the same. */
export const rosterAccountsOf = (accounts: readonly Account[], site: string): RosterAccount[] =>
  accounts
    .filter((a) => a.role === 'supervisor' && a.sites.includes(site))
    .map((a) => rosterAccountSchema.parse(a) as RosterAccount)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** A manager's laptop's roster of `site`: its accounts sealed under the organisation's key, signed with the laptop's own. */
export const signRoster = (
  org: Pick<Org, 'id' | 'key'>,
  identity: Pick<Identity, 'publicKey' | 'privateKey'>,
  site: string,
  stamp: string,
  accounts: RosterAccount[],
): RosterDoc => {
  const header = { format: FORMAT, version: 1 as const, organisationId: org.id, site, stamp };
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', rosterKeyOf(org), iv);
  cipher.setAAD(headerOf(header));
  const secret = Buffer.concat([cipher.update(JSON.stringify(accounts), 'utf8'), cipher.final()]);
  const roster: Roster = {
    ...header,
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    secret: secret.toString('base64'),
  };
  return { _id: rosterDocId(site), kind: 'roster', roster, signer: identity.publicKey, signature: signWith(identity, signedBytes(roster)) };
};

/** What a desk took last: the newest roster stamp (or its enrolment file's), each site's, and each account's version. */
const stateSchema = z.object({
  stamp: z.string().nullable(),
  sites: z.record(z.string(), z.string()),
  taken: z.record(z.string(), z.object({ updatedAt: z.string(), rev: z.number().int() })),
});
export type RosterState = z.infer<typeof stateSchema>;
export const ROSTER_FILE = 'system/roster';
export const rosterStateKind: FileKind<{ state: RosterState | null }> = {
  schema: z.object({ state: stateSchema.nullable() }),
  empty: () => ({ state: null }),
};

/** The write that starts a desk's roster state at enrolment: rosters older than its enrolment file are refused. */
export const enrolledRosterState = (stamp: string | undefined, accounts: readonly Account[]): WriteOp => ({
  rel: ROSTER_FILE,
  kind: rosterStateKind as FileKind<unknown>,
  value: { state: { stamp: stamp ?? null, sites: {}, taken: versionsOf(accounts) } },
});

const versionsOf = (accounts: readonly Account[]): TakenVersions => {
  const taken: TakenVersions = {};
  for (const a of accounts) taken[a.id] = { updatedAt: a.updatedAt, rev: a.rev };
  return taken;
};

/**
 * Takes a roster document from the hub's `site` database into a desk's accounts, or says why not; `null` when there is
 * nothing to do (the roster it already took, or a desk with no organisation file, which was never enrolled and trusts
 * no key). A refusal writes nothing.
 */
export const takeRoster = (app: AppCore, raw: unknown, site: string | null): { ok: true } | { ok: false; reason: string } | null => {
  const org = readOrg(app);
  if (!org) return null;
  const shape = docShape.safeParse(raw);
  if (!shape.success) return { ok: false, reason: `not a SiteDesk roster (${shape.error.issues[0]?.message ?? 'wrong shape'})` };
  const doc = shape.data;
  if (site === null) return { ok: false, reason: 'a roster belongs in a site’s database, so it was not taken' };
  if (doc._id !== rosterDocId(site) || doc.roster.site !== site)
    return { ok: false, reason: `a roster of ${String(doc.roster.site)} in ${site}’s database, so it was not taken` };
  const trusted = org.installs.filter((i) => i.role === 'manager').map((i) => i.publicKey);
  if (!trusted.includes(doc.signer))
    return {
      ok: false,
      reason: `this roster was not signed by a manager’s laptop this desk trusts (one listed in its enrolment file for ${org.name}), so the desk’s accounts did not change`,
    };
  if (!verifyWith(doc.signer, signedBytes(doc.roster), doc.signature))
    return { ok: false, reason: 'this roster was changed after it was signed, so the desk’s accounts did not change' };
  const parsed = rosterSchema.safeParse(doc.roster);
  if (!parsed.success) return { ok: false, reason: `a roster this SiteDesk cannot read (${parsed.error.issues[0]?.path.join('.')})` };
  const roster = parsed.data;
  if (roster.organisationId !== org.id) return { ok: false, reason: `a roster of another organisation than ${org.name}` };
  const accounts = openRosterAccounts(org, roster);
  if (!accounts) return { ok: false, reason: `this roster cannot be opened with ${org.name}’s key, so it was not taken` };
  if (tooFarAhead(roster.stamp, app.now()))
    return {
      ok: false,
      reason: `this roster is stamped ${aheadInWords(roster.stamp, app.now())} ahead of this computer’s clock: the laptop that signed it has the wrong date or time, so it was not taken`,
    };
  const held = app.repos.accounts.all();
  // A desk enrolled before rosters: the versions it holds are the newest it took (from its enrolment file).
  const state = app.ds.read(ROSTER_FILE, rosterStateKind).state ?? { stamp: null, sites: {}, taken: versionsOf(held) };
  if (state.sites[site] === roster.stamp) return null;
  if (state.stamp && compareHlc(roster.stamp, state.stamp) < 0)
    return {
      ok: false,
      reason:
        'this roster is older than the roster this desk holds (or its enrolment file), so it was not taken: an old roster could give back a sign-in a manager has since taken away',
    };
  const next = applyRoster(held, accounts, site, org.sites, state.taken);
  if (!next.ok) return { ok: false, reason: `this roster was not taken: ${next.reason}` };
  const stamp = state.stamp && compareHlc(state.stamp, roster.stamp) > 0 ? state.stamp : roster.stamp;
  const nextState: RosterState = { stamp, sites: { ...state.sites, [site]: roster.stamp }, taken: next.taken };
  const changed = canonical(next.accounts) !== canonical(held);
  app.ds.writeMany([
    ...(changed ? [app.repos.accounts.writeOp(next.accounts)] : []),
    { rel: ROSTER_FILE, kind: rosterStateKind as FileKind<unknown>, value: { state: nextState } },
  ]);
  return { ok: true };
};
