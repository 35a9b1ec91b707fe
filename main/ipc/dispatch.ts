import { z } from 'zod';
import { contract, isChannel, type Channel } from '../../shared/contract';
import { withFieldName } from '../../shared/contract/fieldNames';
import { AppError, err, ok, type Result } from '../../shared/result';
import { sessionUser } from '../services/auth';
import { saveClock } from '../storage/clockFile';
import type { AppCore, Handler, Handlers, Session } from '../services/types';

/**
 * A zod failure as one readable sentence naming the field in words, plus a message per field path, for forms.
 * `channel` is the request's, for a field it names differently from other channels.
 */
export const describeZodError = (error: z.ZodError, channel?: Channel): { message: string; fields: Record<string, string> } => {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    fields[key] ??= issue.message;
  }
  const first = error.issues[0];
  return { message: first ? withFieldName(first.message, first.path, channel) : 'Invalid request', fields };
};

/**
 * Saves the record clock after a call that moved it. Best effort: the clock in memory stays right, and
 * a disk that refuses this small file must not turn a read, or a save that did land, into an error.
 */
const persistClock = (app: AppCore, wrote: boolean) => {
  // Stamps no saved record carries (a preview's) need no saving: no one can have seen them.
  if (!app.clock.takeMoved() || !wrote) return;
  try {
    saveClock(app.ds, app.clock.value);
  } catch {
    app.clock.stillMoved();
  }
};

/** Channels that do not count as activity, so polling them never keeps a desk from locking. */
const PASSIVE = new Set<Channel>(['auth:status']);

/**
 * The only public channels a locked session may call. A locked desk sits in a public area: it unlocks
 * (a `session` channel), it does not sign in, set up, enrol or restore over the locked user.
 */
const PUBLIC_WHILE_LOCKED = new Set<Channel>(['auth:status']);

/**
 * The one way into the services, for Electron IPC and browser mode alike: check the channel, who may
 * call it (signed out, locked, role), parse the payload, then call the service. Access is checked
 * before parsing so a signed-out caller learns nothing about payload shapes. Nothing is written
 * before the payload has parsed, and every failure comes back as `{ ok: false, code, message }`.
 */
export const createDispatch =
  (app: AppCore, handlers: Handlers) =>
  async (channel: string, raw: unknown, session: Session): Promise<Result<unknown>> => {
    if (typeof channel !== 'string' || !isChannel(channel))
      return err('unknown_channel', `There is no channel called ${String(channel).slice(0, 60)}.`);
    const def = contract[channel];
    const now = app.now();
    let user = sessionUser(app, session);
    if (!user && session.userId) {
      session.userId = null;
      session.locked = false;
    }
    if (user && !session.locked && now - session.lastActive > app.repos.settings.get().idleLockMinutes * 60_000) session.locked = true;

    if (def.access === 'public' && user && session.locked && !PUBLIC_WHILE_LOCKED.has(channel))
      return err('locked', 'The screen is locked. Unlock it to continue.');
    if (def.access !== 'public') {
      if (!user) return err('signed_out', 'Sign in to continue.');
      if (def.access !== 'session' && session.locked) return err('locked', 'The screen is locked. Unlock it to continue.');
      if (def.access === 'manager' && user.role !== 'manager') return err('forbidden', 'Only a manager can do that.');
    }

    const parsed = def.request.safeParse(raw ?? {});
    if (!parsed.success) {
      const { message, fields } = describeZodError(parsed.error, channel);
      return err('invalid', message, fields);
    }
    if (user && !session.locked && !PASSIVE.has(channel)) session.lastActive = now;
    user = sessionUser(app, session);
    try {
      const handler = handlers[channel] as Handler<Channel>;
      const writesBefore = app.ds.writeCount;
      const data = await handler(parsed.data as never, { app, session, user, now });
      persistClock(app, app.ds.writeCount !== writesBefore);
      return ok(data);
    } catch (error) {
      if (error instanceof AppError) return err(error.code, error.message, error.fields);
      if (error instanceof z.ZodError) {
        const { message, fields } = describeZodError(error, channel);
        return err('invalid', message, fields);
      }
      console.error(`[sitedesk] ${channel} failed:`, error);
      return err('internal', `Something went wrong in ${channel}: ${(error as Error).message ?? String(error)}`);
    }
  };

export type Dispatch = ReturnType<typeof createDispatch>;
