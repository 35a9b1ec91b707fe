/** The small part of PouchDB and express-pouchdb that SiteDesk uses (neither ships its own types). */
declare module 'pouchdb-node' {
  const PouchDB: PouchStatic;
  export default PouchDB;
}
declare module 'express-pouchdb' {
  import type { RequestHandler } from 'express';
  const expressPouch: (
    pouch: unknown,
    opts: { mode: 'fullCouchDB' | 'minimumForPouchDB'; configPath: string; logPath: string; inMemoryConfig?: boolean },
  ) => RequestHandler & {
    couchConfig: unknown;
  };
  export default expressPouch;
}

interface PouchDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  _conflicts?: string[];
  [field: string]: unknown;
}
interface PouchChange {
  id: string;
  seq: number | string;
  deleted?: boolean;
  doc?: PouchDoc;
  changes: { rev: string }[];
}
interface PouchEmitter {
  on(event: string, fn: (info: PouchEventInfo) => void): this;
  cancel(): void;
}
interface PouchReplication extends PouchEmitter, PromiseLike<unknown> {}
/** What replication events carry; each event fills some of it. */
interface PouchEventInfo {
  direction?: 'push' | 'pull';
  change?: { docs_written?: number; docs_read?: number; pending?: number; docs?: PouchDoc[] };
  status?: number;
  name?: string;
  message?: string;
  error?: string;
  results?: PouchChange[];
  doc?: PouchDoc;
  id?: string;
  docs_written?: number;
  pending?: number;
  docs?: PouchDoc[];
}
interface PouchDB {
  name: string;
  get(id: string, opts?: { conflicts?: boolean; rev?: string; revs?: boolean; attachments?: boolean }): Promise<PouchDoc>;
  put(doc: PouchDoc): Promise<{ ok: boolean; id: string; rev: string }>;
  bulkDocs(
    docs: PouchDoc[],
    opts?: { new_edits?: boolean },
  ): Promise<{ ok?: boolean; id: string; rev?: string; error?: string; status?: number }[]>;
  allDocs(opts?: { include_docs?: boolean; conflicts?: boolean; startkey?: string; endkey?: string; keys?: string[] }): Promise<{
    total_rows: number;
    rows: { id: string; key?: string; error?: string; value: { rev: string; deleted?: boolean }; doc?: PouchDoc }[];
  }>;
  changes(opts: {
    since?: number | string | 'now';
    live?: boolean;
    include_docs?: boolean;
    conflicts?: boolean;
    limit?: number;
    return_docs?: boolean;
  }): PouchEmitter & PromiseLike<{ results: PouchChange[]; last_seq: number | string }>;
  info(): Promise<{ doc_count: number; update_seq: number | string; db_name: string }>;
  close(): Promise<void>;
  destroy(): Promise<void>;
  replicate: {
    to(target: PouchDB | string, opts?: object): PouchReplication;
    from(source: PouchDB | string, opts?: object): PouchReplication;
  };
}
interface PouchStatic {
  new (
    name: string,
    opts?: {
      prefix?: string;
      adapter?: string;
      auth?: { username: string; password: string };
      skip_setup?: boolean;
      fetch?: (url: string, init: RequestInit) => Promise<Response>;
    },
  ): PouchDB;
  defaults(opts: { prefix?: string }): PouchStatic;
  sync(a: PouchDB, b: PouchDB, opts?: object): PouchReplication;
  replicate(a: PouchDB, b: PouchDB, opts?: object): PouchReplication;
  version: string;
}
