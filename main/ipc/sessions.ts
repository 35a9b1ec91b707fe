import { randomBytes } from 'node:crypto';
import type { Session } from '../services/types';

/** Sessions held by a transport, by an unguessable token. */
export class Sessions {
  private readonly byId = new Map<string, Session>();

  constructor(private readonly now: () => number) {}

  /** A new, signed-out session. */
  create(): Session {
    const session: Session = { id: randomBytes(24).toString('base64url'), userId: null, locked: false, lastActive: this.now() };
    this.byId.set(session.id, session);
    return session;
  }

  get(id: string | undefined): Session | undefined {
    return id ? this.byId.get(id) : undefined;
  }

  drop(id: string): void {
    this.byId.delete(id);
  }
}
