import type { SyncStatus } from '../../shared/contract/sync';
import { AppError } from '../../shared/result';
import { listConflicts, listSetAside, resolveConflict } from '../sync/conflicts';
import { HUB_ANSWER_MS } from '../sync/config';
import { authHeader } from '../sync/provision';
import type { Handlers } from './types';
import { counted } from '../../shared/domain/counted';

const OFF: SyncStatus = { state: 'off', hub: null, at: null, done: 0, total: 0, waiting: 0, rejected: [], conflicts: 0 };

/** Asks the hub whether it takes a hub user's name and password (`GET /_session`), or says why not. */
export const checkHubUser = async (
  url: string,
  user: { name: string; password: string },
  /** The form fields the errors belong to. */
  fields: { url: string; password: string } = { url: 'url', password: 'password' },
  /** How long the hub has to answer (tests pass less). */
  waitMs = HUB_ANSWER_MS,
): Promise<void> => {
  const unreachable = () =>
    new AppError('invalid', 'Could not reach a hub at that address. Check the address and the network.', {
      [fields.url]: 'No hub answered at this address',
    });
  const seconds = Math.round(waitMs / 1000);
  const silent = () =>
    new AppError(
      'invalid',
      `The hub at ${url} did not answer within ${counted(seconds, 'second')}. Check the network, or try again later.`,
      { [fields.url]: 'The hub did not answer' },
    );
  const ask = () =>
    fetch(`${url}/_session`, {
      headers: { authorization: authHeader(user), accept: 'application/json' },
      signal: AbortSignal.timeout(waitMs),
    });
  let res: Response;
  try {
    res = await ask();
  } catch (e) {
    // The hub took the request and said nothing: the address is right, so say so rather than send the manager to check it.
    if (e instanceof Error && e.name === 'TimeoutError') throw silent();
    // A connection that failed at once, not a hub that did not answer: most often a kept-alive connection the hub
    // closed just as it was reused (a busy machine fires the client's own idle timer late; seen in CI). One fresh
    // try; an address where nothing listens fails it too.
    try {
      res = await ask();
    } catch {
      throw unreachable();
    }
  }
  let who: { userCtx?: { name?: string | null } };
  try {
    who = (await res.json()) as typeof who;
  } catch {
    throw unreachable();
  }
  if (who.userCtx?.name !== user.name)
    throw new AppError('invalid', 'The hub refused that name or password.', {
      [fields.password]: 'The hub refused this name or password',
    });
};

export const syncHandlers: Pick<Handlers, 'sync:status' | 'sync:connect' | 'sync:conflicts' | 'sync:resolve' | 'sync:set-aside'> = {
  'sync:status': (_req, { app, user }) => {
    const status = app.sync?.status() ?? OFF;
    // Only a manager can decide a conflict, so only a manager is told there are some.
    return user?.role === 'manager' ? status : { ...status, conflicts: 0 };
  },

  'sync:conflicts': (_req, { app }) => listConflicts(app),

  'sync:resolve': (req, call) => resolveConflict(call, req),

  'sync:set-aside': (_req, { app }) => listSetAside(app),

  'sync:connect': async (req, { app }) => {
    if (!app.sync) throw new AppError('conflict', 'Sync is not available in this SiteDesk.');
    const url = req.url.replace(/\/$/, '');
    await checkHubUser(url, req);
    await app.sync.connect({
      url,
      name: req.name,
      password: req.password,
      role: 'manager',
      sites: app.repos.sites
        .all()
        .map((s) => s.code)
        .sort(),
    });
    return app.sync.status();
  },
};
