/**
 * The hub for tests and for a small council without a CouchDB of its own: express-pouchdb (mounted
 * in Express 4 — it breaks under Express 5) serving the CouchDB HTTP API, with users, roles and
 * per-database `_security`, from a folder. Production points SiteDesk at Apache CouchDB 3.x instead;
 * nothing in SiteDesk speaks anything but the CouchDB API, so either works.
 */
import express from 'express';
import expressPouch from 'express-pouchdb';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import PouchDB from 'pouchdb-node';

export interface HubOptions {
  dir: string;
  port: number;
  /** The hub's administrator; set the first time the folder is served (before then CouchDB is an "admin party"). */
  admin: { name: string; password: string };
  host?: string;
}

export interface Hub {
  url: string;
  port: number;
  close: () => Promise<void>;
}

const basic = (name: string, password: string) => `Basic ${Buffer.from(`${name}:${password}`).toString('base64')}`;

export const startHub = async (opts: HubOptions): Promise<Hub> => {
  const dir = path.resolve(opts.dir);
  fs.mkdirSync(path.join(dir, 'db'), { recursive: true });
  const app = express();
  app.use(
    expressPouch(PouchDB.defaults({ prefix: `${path.join(dir, 'db')}${path.sep}` }), {
      mode: 'fullCouchDB',
      configPath: path.join(dir, 'config.json'),
      logPath: path.join(dir, 'log.txt'),
    }),
  );
  const host = opts.host ?? '127.0.0.1';
  const server = await new Promise<import('node:http').Server>((resolve, reject) => {
    const s = app.listen(opts.port, host, () => resolve(s));
    s.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host}:${port}`;
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  try {
    // An admin is made once, the first time; afterwards the folder's config holds it (hashed).
    const who = await fetch(`${url}/_session`, { headers: { authorization: basic(opts.admin.name, opts.admin.password) } });
    const session = (await who.json()) as { userCtx?: { roles?: string[] } };
    if (!session.userCtx?.roles?.includes('_admin')) {
      const anon = await fetch(`${url}/_session`);
      const anonSession = (await anon.json()) as { userCtx?: { roles?: string[] } };
      if (!anonSession.userCtx?.roles?.includes('_admin'))
        throw new Error('This hub folder already has a different administrator: check the admin name and password.');
      const put = await fetch(`${url}/_config/admins/${encodeURIComponent(opts.admin.name)}`, {
        method: 'PUT',
        body: JSON.stringify(opts.admin.password),
      });
      if (!put.ok) throw new Error(`Could not set the hub administrator (${put.status}).`);
    }
    for (const db of ['_users'])
      await fetch(`${url}/${db}`, { method: 'PUT', headers: { authorization: basic(opts.admin.name, opts.admin.password) } });
  } catch (error) {
    await close();
    throw error;
  }
  return { url, port, close };
};
