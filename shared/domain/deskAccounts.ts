import type { Account } from '../schemas/account';

type DeskCandidate = Pick<Account, 'role' | 'sites' | 'disabled'>;

/**
 * Why an account may not sign in at a desk serving `deskSites`, in words that follow its name ("is a manager"), or
 * null. A desk is for the active supervisors of its sites; managers plan on their own laptops (PRODUCT.md).
 */
export const notForDesk = (account: DeskCandidate, deskSites: readonly string[]): string | null => {
  if (account.role !== 'supervisor') return `is a ${account.role}`;
  if (account.disabled) return 'is disabled';
  if (!account.sites.some((s) => deskSites.includes(s)))
    return account.sites.length ? `supervises ${account.sites.join(', ')}, not ${deskSites.join(', ')}` : 'supervises no site';
  return null;
};

/** The account as a desk holds it: only the desk's sites, since the desk holds and sends no other site's records. */
export const forDesk = <A extends Pick<Account, 'sites'>>(account: A, deskSites: readonly string[]): A => ({
  ...account,
  sites: account.sites.filter((s) => deskSites.includes(s)),
});

/** An account as a message names it: "Sam Patel (sam)". */
export const accountName = (account: Pick<Account, 'displayName' | 'username'>): string => `${account.displayName} (${account.username})`;

/**
 * An account as a roster carries it to a desk (main/sync/roster.ts): what the desk needs to let its holder sign in or
 * refuse them, nothing the desk keeps for itself (PIN, failed attempts).
 */
export type RosterAccount = Pick<
  Account,
  | 'id'
  | 'username'
  | 'displayName'
  | 'role'
  | 'sites'
  | 'passwordHash'
  | 'disabled'
  | 'createdAt'
  | 'createdBy'
  | 'updatedAt'
  | 'updatedBy'
  | 'rev'
>;

/** Which manager version of each account a desk last took (from its enrolment file or a roster), by account id. */
export type TakenVersions = Record<string, { updatedAt: string; rev: number }>;

const newerThan = (a: { updatedAt: string; rev: number }, b: { updatedAt: string; rev: number } | undefined) =>
  !b || a.updatedAt > b.updatedAt || (a.updatedAt === b.updatedAt && a.rev > b.rev);

/**
 * A desk's accounts after it takes a signed roster of `site` (the caller has checked the signature and its age), or why
 * the roster is refused whole. The rule:
 * - every account the roster carries must be a supervisor of `site`, and of no desk but this one's sites'
 *   (`notForDesk`; a disabled one is carried, to be disabled here); any other account refuses the whole roster;
 * - an account the desk holds takes the roster's name, sites (the desk's only), password and disabled flag only when
 *   the manager's version is newer than the one it last took, so a roster from a laptop that never saw a later change
 *   cannot undo it; its PIN and failed attempts stay, unless its password changed (then the PIN goes too);
 * - an account of `site` the roster leaves out loses `site`; left with no site, it is disabled (never removed, so the
 *   desk is never left with no account, which would offer a first-run set-up);
 * - an active supervisor the desk does not hold is added; a disabled one is not.
 */
export const applyRoster = (
  held: readonly Account[],
  roster: readonly RosterAccount[],
  site: string,
  deskSites: readonly string[],
  taken: TakenVersions,
): { ok: true; accounts: Account[]; taken: TakenVersions } | { ok: false; reason: string } => {
  if (!deskSites.includes(site)) return { ok: false, reason: `it is for ${site}, which this desk does not serve` };
  const ids = new Set<string>();
  const names = new Set<string>();
  for (const a of roster) {
    const why = notForDesk({ ...a, disabled: false }, deskSites) ?? (a.sites.includes(site) ? null : `does not supervise ${site}`);
    if (why) return { ok: false, reason: `it carries ${accountName(a)}, who ${why}: a desk is only for the supervisors of its sites` };
    if (ids.has(a.id) || names.has(a.username)) return { ok: false, reason: `it carries ${accountName(a)} twice` };
    ids.add(a.id);
    names.add(a.username);
    const same =
      held.find((h) => h.username === a.username && h.id !== a.id) ?? held.find((h) => h.id === a.id && h.username !== a.username);
    if (same) return { ok: false, reason: `its user names do not match the accounts this desk holds (${accountName(same)})` };
  }
  const byId = new Map(roster.map((r) => [r.id, r]));
  const nextTaken: TakenVersions = { ...taken };
  const accounts: Account[] = held.map((h) => {
    const r = byId.get(h.id);
    if (!r) {
      if (!h.sites.includes(site)) return h;
      const sites = h.sites.filter((s) => s !== site);
      return { ...h, sites, disabled: h.disabled || sites.length === 0 };
    }
    if (!newerThan(r, taken[h.id])) return h;
    nextTaken[h.id] = { updatedAt: r.updatedAt, rev: r.rev };
    const newPassword = r.passwordHash !== h.passwordHash;
    return {
      ...h,
      displayName: r.displayName,
      sites: forDesk(r, deskSites).sites,
      passwordHash: r.passwordHash,
      disabled: r.disabled,
      updatedAt: r.updatedAt,
      updatedBy: r.updatedBy,
      rev: r.rev,
      ...(newPassword ? { pinHash: null, failedAttempts: 0, lastFailedAt: null } : {}),
    };
  });
  for (const r of roster) {
    if (held.some((h) => h.id === r.id) || !newerThan(r, taken[r.id])) continue;
    // A disabled one is remembered, so an older roster that had it active cannot add it later.
    nextTaken[r.id] = { updatedAt: r.updatedAt, rev: r.rev };
    if (r.disabled) continue;
    accounts.push({
      id: r.id,
      username: r.username,
      displayName: r.displayName,
      role: 'supervisor',
      sites: forDesk(r, deskSites).sites,
      passwordHash: r.passwordHash,
      pinHash: null,
      disabled: false,
      createdAt: r.createdAt,
      createdBy: r.createdBy,
      updatedAt: r.updatedAt,
      updatedBy: r.updatedBy,
      rev: r.rev,
      failedAttempts: 0,
      lastFailedAt: null,
    });
  }
  return { ok: true, accounts, taken: nextTaken };
};
