/**
 * PouchDB's leveldb adapter can throw from inside one of its own callbacks, where no promise of ours can
 * catch it: a live changes feed that reads a document being replaced at that moment fails with
 * `Cannot read properties of undefined (reading '_rev')` (apache/pouchdb#4518, #6035; seen here once in
 * the sync soak under heavy load). Uncaught, that ends the browser-mode server or the hub, and shows
 * Electron's error dialog, for a fault in a replica that the storage layer and the hub can rebuild.
 *
 * The guard tells such a fault (every frame of our own code below PouchDB's, the throwing frame inside a
 * PouchDB package) from any other uncaught error. A replica fault is reported and handed to `onFault`
 * (the app restarts its sync service, which compares the replica with storage on start, so nothing is
 * lost; the hub just carries on). Anything else is still fatal, as it was without the guard: printed,
 * then `exit(1)`.
 */
export const isReplicaFault = (error: unknown): boolean => {
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  const frames = stack.split('\n').filter((l) => /^\s+at /.test(l));
  if (frames.length === 0) return false;
  // The frame that threw must be PouchDB's own (pouchdb-node, pouchdb-adapter-leveldb, express-pouchdb's
  // pouchdb-* dependencies …), so an error in our code that merely passed through PouchDB stays fatal.
  return /[\\/]node_modules[\\/](pouchdb|express-pouchdb|level|sublevel|leveldown)[^\\/]*[\\/]/.test(frames[0]!);
};

export interface ReplicaGuardOptions {
  /** Called for each replica fault (after it is printed). */
  onFault: (error: Error) => void;
  /** The fatal path for anything else; `process.exit(1)` unless a test replaces it. */
  fatal?: (error: unknown) => void;
  log?: (line: string) => void;
}

/** Installs the guard once for the process; returns its removal. */
export const installReplicaGuard = (opts: ReplicaGuardOptions): (() => void) => {
  const log = opts.log ?? ((line: string) => console.error(line));
  const fatal =
    opts.fatal ??
    ((error: unknown) => {
      log(error instanceof Error ? (error.stack ?? error.message) : String(error));
      process.exit(1);
    });
  const handler = (error: unknown) => {
    if (!isReplicaFault(error)) return fatal(error);
    log(`SiteDesk: the sync replica failed inside PouchDB and is being restarted: ${(error as Error).message}`);
    try {
      opts.onFault(error as Error);
    } catch (again) {
      fatal(again);
    }
  };
  process.on('uncaughtException', handler);
  return () => process.off('uncaughtException', handler);
};

/**
 * What the app does on a fault: restart replication, at most `limit` times in `windowMs`; past that, sync
 * stays stopped (the status shows it off) rather than restarting in a loop, and the next start tries again.
 */
export const restartOnFault = (
  restart: () => Promise<void>,
  stop: () => Promise<void>,
  { limit = 5, windowMs = 60_000, now = Date.now, log = (l: string) => console.error(l) } = {},
): ((error: Error) => void) => {
  const times: number[] = [];
  return () => {
    const t = now();
    while (times.length && times[0]! < t - windowMs) times.shift();
    times.push(t);
    if (times.length > limit) {
      log(`SiteDesk: sync stopped after ${times.length} replica faults in ${Math.round(windowMs / 1000)} s; it starts again with the app.`);
      void stop().catch(() => undefined);
      return;
    }
    void restart().catch((error: Error) => log(`SiteDesk: sync could not restart: ${error.message}`));
  };
};
