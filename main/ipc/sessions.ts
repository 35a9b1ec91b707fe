import { randomBytes } from 'node:crypto';
import type { Session } from '../services/types';

/** A signed-in session with no activity for this long is signed out (it has long been locked by then). */
export const SESSION_IDLE_EXPIRY_MS = 4 * 60 * 60_000;
/** However active, a session is signed out this long after its password was given: a long shift and handover. */
export const SESSION_ABSOLUTE_EXPIRY_MS = 14 * 60 * 60_000;
/** The most sessions held at once; the least recently active goes first. A desk has a window or a few tabs. */
export const MAX_SESSIONS = 64;

const newToken = () => randomBytes(24).toString('base64url');

/** A new, signed-out session that no table holds yet. */
export const blankSession = (now: number): Session => ({ id: newToken(), userId: null, locked: false, lastActive: now });

/**
 * Sessions held by a transport, by an unguessable token. Only signed-in sessions are kept: a caller
 * with no session (or an expired one) is served by a blank session that is forgotten after the call,
 * so requests that never sign in cannot grow the table. Tokens are replaced whenever a password or PIN
 * is given (sign-in, set-up, unlock), so a token learnt before then is worth nothing after it.
 */
export class Sessions {
  private readonly byId = new Map<string, Session>();

  constructor(private readonly now: () => number) {}

  get size(): number {
    return this.byId.size;
  }

  private expired(s: Session, now: number): boolean {
    return now - s.lastActive > SESSION_IDLE_EXPIRY_MS || now - (s.signedInAt ?? s.lastActive) > SESSION_ABSOLUTE_EXPIRY_MS;
  }

  /** The live session with this token; an expired one is dropped and not returned. */
  get(id: string | undefined): Session | undefined {
    if (!id) return undefined;
    const s = this.byId.get(id);
    if (!s) return undefined;
    if (this.expired(s, this.now())) {
      this.byId.delete(id);
      return undefined;
    }
    return s;
  }

  /**
   * After a call: keeps a signed-in session (under a new token if it has just authenticated) and forgets
   * a signed-out one. Returns the token to hand back when it changed, else null.
   */
  settle(session: Session): string | null {
    const held = this.byId.get(session.id) === session;
    if (!session.userId) {
      if (held) this.byId.delete(session.id);
      session.renew = false;
      return null;
    }
    if (held && !session.renew) return null;
    if (held) this.byId.delete(session.id);
    session.renew = false;
    session.id = newToken();
    this.add(session);
    return session.id;
  }

  private add(session: Session): void {
    const now = this.now();
    for (const [id, s] of this.byId) if (this.expired(s, now)) this.byId.delete(id);
    while (this.byId.size >= MAX_SESSIONS) {
      let oldest: Session | undefined;
      for (const s of this.byId.values()) if (!oldest || s.lastActive < oldest.lastActive) oldest = s;
      this.byId.delete(oldest!.id);
    }
    this.byId.set(session.id, session);
  }

  drop(id: string): void {
    this.byId.delete(id);
  }
}
