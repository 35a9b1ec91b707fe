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
