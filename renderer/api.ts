/**
 * The renderer's one seam to main. Under Electron it calls the preload's per-channel functions; in
 * browser mode it POSTs the same channel to the loopback server with this run's secret.
 */
import type { Channel, RequestOf, ResponseOf } from '../shared/contract';
import type { Result } from '../shared/result';

interface Bridge {
  api: Record<string, (payload: unknown) => Promise<Result<unknown>>>;
  mode: 'electron';
}
declare global {
  interface Window {
    sitedesk?: Bridge;
  }
}

const SECRET_KEY = 'sitedesk.secret';
const SESSION_KEY = 'sitedesk.session';

/** Takes the secret from the start URL's fragment once, then removes it from the address bar. */
const readSecret = (): string | null => {
  const match = /(?:^#|&)k=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(SECRET_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(SECRET_KEY);
};
const secret = typeof window !== 'undefined' && !window.sitedesk ? readSecret() : null;

const overHttp = async (channel: string, payload: unknown): Promise<Result<unknown>> => {
  if (!secret)
    return {
      ok: false,
      code: 'forbidden',
      message: 'Open SiteDesk from the address it printed when it started (it carries the access key).',
    };
  try {
    const res = await fetch(`/api/${channel}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-SiteDesk-Secret': secret,
        'X-SiteDesk-Session': sessionStorage.getItem(SESSION_KEY) ?? '',
      },
      body: JSON.stringify(payload ?? {}),
    });
    const issued = res.headers.get('X-SiteDesk-Session');
    if (issued) sessionStorage.setItem(SESSION_KEY, issued);
    return (await res.json()) as Result<unknown>;
  } catch {
    return { ok: false, code: 'internal', message: 'SiteDesk is not responding. Is it still running?' };
  }
};

type Listener = (result: Result<unknown>) => void;
const listeners = new Set<Listener>();

/** Hears every failed call, so the app can react to `locked` or `signed_out` from anywhere. */
export const onFailure = (listener: Listener): (() => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** The channels whose success changes who is signed in, or whether the desk is locked. */
const CHANGES_SESSION: ReadonlySet<string> = new Set<Channel>(['auth:setup', 'auth:sign-in', 'auth:sign-out', 'auth:lock', 'auth:unlock']);
/** Counts those changes, so an answer can tell whether it was asked under the session there is now. */
let sessionGeneration = 0;

/** Calls one channel of the contract. */
export const call = async <C extends Channel>(channel: C, payload: RequestOf<C>): Promise<Result<ResponseOf<C>>> => {
  const askedIn = sessionGeneration;
  const bridge = window.sitedesk;
  const result = bridge ? await bridge.api[channel](payload) : await overHttp(channel, payload);
  // A refusal asked under an earlier session (the manager's poll that answers "signed out" after the
  // supervisor has signed in) says nothing about the session now, so it must not sign anyone out.
  const current = askedIn === sessionGeneration;
  if (result.ok && CHANGES_SESSION.has(channel)) sessionGeneration += 1;
  if (!result.ok && current) listeners.forEach((l) => l(result));
  return result as Result<ResponseOf<C>>;
};
