import { randomBytes } from 'node:crypto';
import type { AuthStatus } from '../../shared/contract/auth';
import { newId } from '../../shared/domain/ids';
import { secondsToWait } from '../../shared/domain/throttle';
import { AppError } from '../../shared/result';
import type { Account, AccountView } from '../../shared/schemas/account';
import { seedSites } from '../seed/sites';
import { hashSecret, verifySecret } from './passwords';
import { newMeta, touched } from './records';
import type { AppCore, Call, Handlers, Session } from './types';

/** An account as the renderer may see it. */
export const viewOf = (a: Account): AccountView => ({
  id: a.id,
  username: a.username,
  displayName: a.displayName,
  role: a.role,
  sites: a.sites,
  disabled: a.disabled,
  hasPin: a.pinHash !== null,
});

/** The signed-in account of a session, if it still exists and is active. */
export const sessionUser = (app: AppCore, session: Session): Account | null => {
  if (!session.userId) return null;
  const a = app.repos.accounts.get(session.userId);
  return a && !a.disabled ? a : null;
};

/**
 * An empty accounts file after damage is not a new install: offering first-run set-up then would let
 * anyone at a public desk make themselves a manager over everyone's data.
 */
const accountsLost = (app: AppCore) => app.ds.lostFiles().includes('directory/accounts');

const status = (app: AppCore, session: Session): AuthStatus => {
  const user = sessionUser(app, session);
  const settings = app.repos.settings.get();
  return {
    setupNeeded: app.repos.accounts.all().length === 0 && !accountsLost(app),
    accountsLost: app.repos.accounts.all().length === 0 && accountsLost(app),
    user: user ? viewOf(user) : null,
    locked: Boolean(user && session.locked),
    idleLockMinutes: settings.idleLockMinutes,
    organisationName: settings.organisationName,
  };
};

const findByName = (app: AppCore, username: string) => app.repos.accounts.all().find((a) => a.username === username);

/** Failed checks allowed across every name together in any minute, so a guesser cannot spread over names. */
export const GLOBAL_FAILURES_PER_MINUTE = 10;
/** Made-up names remembered for the slow-down; the oldest are forgotten first. */
const MAX_UNKNOWN_NAMES = 1000;

interface Failures {
  failedAttempts: number;
  lastFailedAt: number | null;
}

/**
 * The sign-in throttle's state for one open data folder: a queue per user name, so checks of one name
 * run one at a time and each sees the count its predecessor wrote; failure counts for names that are
 * not accounts (held in memory, so they answer exactly like real names); and the recent failures of
 * every name together.
 */
interface Throttle {
  queues: Map<string, Promise<unknown>>;
  unknown: Map<string, Failures>;
  recent: number[];
  dummyHash: Promise<string> | null;
}
const throttles = new WeakMap<AppCore, Throttle>();
const throttleOf = (app: AppCore): Throttle => {
  let t = throttles.get(app);
  if (!t) throttles.set(app, (t = { queues: new Map(), unknown: new Map(), recent: [], dummyHash: null }));
  return t;
};

/** Runs `task` after every earlier task for the same key has finished. */
const serialised = <T>(t: Throttle, key: string, task: () => Promise<T>): Promise<T> => {
  const previous = t.queues.get(key) ?? Promise.resolve();
  const run = previous.then(task, task);
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  t.queues.set(key, settled);
  void settled.then(() => {
    if (t.queues.get(key) === settled) t.queues.delete(key);
  });
  return run;
};

/**
 * Checks a password (or, for unlocking, a PIN) with slow-down after repeated failures. Checks of one
 * name run one at a time, and the failure is counted before the hash is compared, so parallel guesses
 * cannot all slip through on one stale count. A made-up or disabled name goes through the same steps
 * (its count kept in memory, its guess hashed against a dummy hash), so every answer, message and
 * timing alike, is the same as for a real name.
 */
const checkSecret = (app: AppCore, username: string, secret: string, now: number, allowPin: boolean): Promise<Account> => {
  const t = throttleOf(app);
  return serialised(t, username, async () => {
    const refuse = () =>
      new AppError('invalid', 'That user name and password do not match.', { password: 'Check the password and try again' });
    const found = findByName(app, username);
    const account = found && !found.disabled ? found : null;
    const failures: Failures = account
      ? { failedAttempts: account.failedAttempts, lastFailedAt: account.lastFailedAt ? Date.parse(account.lastFailedAt) : null }
      : (t.unknown.get(username) ?? { failedAttempts: 0, lastFailedAt: null });
    const wait = secondsToWait(failures.failedAttempts, failures.lastFailedAt, now);
    if (wait > 0) throw new AppError('rate_limited', `Too many wrong attempts. Try again in ${wait} seconds.`);
    t.recent = t.recent.filter((at) => at > now - 60_000);
    if (t.recent.length >= GLOBAL_FAILURES_PER_MINUTE) {
      const globalWait = Math.max(1, Math.ceil((t.recent[0] + 60_000 - now) / 1000));
      throw new AppError('rate_limited', `Too many wrong attempts. Try again in ${globalWait} seconds.`);
    }

    // Counted as a failure before the comparison; a right answer clears it again.
    t.recent.push(now);
    const failed: Failures = { failedAttempts: failures.failedAttempts + 1, lastFailedAt: now };
    if (account) app.repos.accounts.put({ ...account, failedAttempts: failed.failedAttempts, lastFailedAt: new Date(now).toISOString() });
    else {
      t.unknown.delete(username);
      t.unknown.set(username, failed);
      if (t.unknown.size > MAX_UNKNOWN_NAMES) t.unknown.delete(t.unknown.keys().next().value!);
    }

    if (!account) {
      t.dummyHash ??= hashSecret(randomBytes(16).toString('base64'));
      await verifySecret(secret, await t.dummyHash);
      throw refuse();
    }
    const good =
      (await verifySecret(secret, account.passwordHash)) ||
      (allowPin && account.pinHash !== null && (await verifySecret(secret, account.pinHash)));
    if (!good) throw refuse();
    const mine = t.recent.indexOf(now);
    if (mine >= 0) t.recent.splice(mine, 1);
    const fresh = app.repos.accounts.get(account.id) ?? account;
    app.repos.accounts.put({ ...fresh, failedAttempts: 0, lastFailedAt: null });
    return fresh;
  });
};

/**
 * Signs `account` in to the session. A password starts the absolute expiry again; an unlock by the same
 * person does not (a PIN is weaker). Either way the transport is told to issue a new token.
 */
const signIn = (session: Session, account: Account, now: number, withPassword = true) => {
  if (withPassword || session.userId !== account.id) session.signedInAt = now;
  session.userId = account.id;
  session.locked = false;
  session.lastActive = now;
  session.renew = true;
};

export const authHandlers: Pick<
  Handlers,
  'auth:status' | 'auth:setup' | 'auth:sign-in' | 'auth:sign-out' | 'auth:lock' | 'auth:unlock' | 'auth:touch'
> = {
  'auth:status': (_req, { app, session }) => status(app, session),

  'auth:setup': async (req, { app, session, now }) => {
    if (app.repos.accounts.all().length > 0) throw new AppError('conflict', 'SiteDesk is already set up. Sign in instead.');
    if (accountsLost(app))
      throw new AppError(
        'forbidden',
        'The accounts file was damaged and no backup held it, so a new manager cannot be set up here. Restore from a backup file, or ask IT support.',
      );
    const id = newId();
    const meta = newMeta(app.clock, id, now, id);
    const account: Account = {
      ...meta,
      username: req.username,
      displayName: req.displayName,
      role: 'manager',
      sites: [],
      passwordHash: await hashSecret(req.password),
      pinHash: null,
      disabled: false,
      failedAttempts: 0,
      lastFailedAt: null,
    };
    // Sites go first: a crash before the account is written leaves a folder that asks for setup again
    // and does not seed twice.
    if (app.repos.sites.all().length === 0) app.repos.sites.putMany(seedSites(app.clock, id, now));
    app.repos.accounts.put(account);
    signIn(session, account, now);
    return status(app, session);
  },

  'auth:sign-in': async (req, { app, session, now }) => {
    const account = await checkSecret(app, req.username, req.password, now, false);
    signIn(session, account, now);
    return status(app, session);
  },

  'auth:sign-out': (_req, { app, session }) => {
    session.userId = null;
    session.locked = false;
    return status(app, session);
  },

  'auth:lock': (_req, { app, session }) => {
    session.locked = true;
    return status(app, session);
  },

  'auth:unlock': async (req, { app, session, now }) => {
    const account = await checkSecret(app, req.username, req.secret, now, true);
    signIn(session, account, now, false);
    return status(app, session);
  },

  'auth:touch': () => null,
};

const requireUser = (call: Call): Account => {
  if (!call.user) throw new AppError('signed_out', 'Sign in first.');
  return call.user;
};

export const accountHandlers: Pick<
  Handlers,
  'accounts:list' | 'accounts:create' | 'accounts:update' | 'accounts:set-pin' | 'accounts:change-password'
> = {
  'accounts:list': (_req, { app }) =>
    app.repos.accounts
      .all()
      .map(viewOf)
      .sort((a, b) => a.displayName.localeCompare(b.displayName)),

  'accounts:create': async (req, call) => {
    const me = requireUser(call);
    const { app, now } = call;
    if (findByName(app, req.username))
      throw new AppError('conflict', `The user name ${req.username} is taken.`, { username: 'Choose another user name' });
    const known = new Set(app.repos.sites.all().map((s) => s.code));
    const unknown = req.sites.filter((s) => !known.has(s));
    if (unknown.length) throw new AppError('invalid', `Unknown site: ${unknown.join(', ')}`, { sites: 'Choose sites from the list' });
    const account: Account = {
      ...newMeta(app.clock, me.id, now),
      username: req.username,
      displayName: req.displayName,
      role: req.role,
      sites: req.role === 'manager' ? [] : req.sites,
      passwordHash: await hashSecret(req.password),
      pinHash: null,
      disabled: false,
      failedAttempts: 0,
      lastFailedAt: null,
    };
    app.repos.accounts.put(account);
    return viewOf(account);
  },

  'accounts:update': async (req, call) => {
    const me = requireUser(call);
    const { app, now } = call;
    const account = app.repos.accounts.get(req.id);
    if (!account) throw new AppError('not_found', 'No such account.');
    if (req.disabled && account.role === 'manager') {
      const activeManagers = app.repos.accounts.all().filter((a) => a.role === 'manager' && !a.disabled);
      if (activeManagers.length <= 1)
        throw new AppError('conflict', 'This is the last active manager; another manager must exist before it can be disabled.');
    }
    const next: Account = touched(
      app.clock,
      {
        ...account,
        displayName: req.displayName ?? account.displayName,
        sites: req.sites ?? account.sites,
        disabled: req.disabled ?? account.disabled,
        passwordHash: req.password ? await hashSecret(req.password) : account.passwordHash,
        failedAttempts: req.password ? 0 : account.failedAttempts,
      },
      me.id,
      now,
    );
    app.repos.accounts.put(next);
    return viewOf(next);
  },

  'accounts:set-pin': async (req, call) => {
    const me = requireUser(call);
    if (!(await verifySecret(req.password, me.passwordHash)))
      throw new AppError('invalid', 'That password is not right.', { password: 'Check your password' });
    const next = touched(call.app.clock, { ...me, pinHash: req.pin ? await hashSecret(req.pin) : null }, me.id, call.now);
    call.app.repos.accounts.put(next);
    return viewOf(next);
  },

  'accounts:change-password': async (req, call) => {
    const me = requireUser(call);
    if (!(await verifySecret(req.current, me.passwordHash)))
      throw new AppError('invalid', 'Your current password is not right.', { current: 'Check your current password' });
    call.app.repos.accounts.put(touched(call.app.clock, { ...me, passwordHash: await hashSecret(req.next) }, me.id, call.now));
    return null;
  },
};
