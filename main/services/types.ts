import type { Channel, ParsedRequestOf, ResponseOf } from '../../shared/contract';
import type { Account } from '../../shared/schemas/account';
import type { DataStore } from '../storage/dataStore';
import type { IncidentHeads } from '../storage/incidentHeads';
import type { Layout } from '../storage/paths';
import type { Meta } from '../storage/meta';
import type { Repos } from '../storage/repos';
import type { RecordClock } from './records';
import type { SyncService } from '../sync/service';

/** One signed-in (or not yet) desk: a window under Electron, a browser tab in browser mode. */
export interface Session {
  id: string;
  userId: string | null;
  locked: boolean;
  lastActive: number;
  /** When a password was last given for this user in this session; the absolute expiry counts from it. */
  signedInAt?: number;
  /** Set when the session has just authenticated, so its transport replaces its token (no fixation). */
  renew?: boolean;
}

/** What every service is given: the data, the clock and facts about this install. */
export interface AppCore {
  ds: DataStore;
  repos: Repos;
  dirs: Layout;
  meta: Meta;
  now: () => number;
  mode: 'electron' | 'browser';
  version: string;
  /** This install's hybrid logical clock, which stamps every record written. */
  clock: RecordClock;
  /** The sealed record of where each incident's history had got to (main/storage/incidentHeads.ts). */
  heads: IncidentHeads;
  /** Replication with the organisation's hub (main/sync), when this install was opened with it. */
  sync?: SyncService;
  /** Where the auto-scheduler's worker thread module is (main/services/autofill/jobs.ts). */
  autofillWorker?: { url: URL; execArgv?: string[] };
}

/** One call of a channel, as the service sees it. `user` is set for every channel that is not public. */
export interface Call {
  app: AppCore;
  session: Session;
  user: Account | null;
  now: number;
}

export type Handler<C extends Channel> = (req: ParsedRequestOf<C>, call: Call) => ResponseOf<C> | Promise<ResponseOf<C>>;
export type Handlers = { [C in Channel]: Handler<C> };
