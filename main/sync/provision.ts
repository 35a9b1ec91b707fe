/**
 * Setting an organisation up on a hub, with nothing but CouchDB's own HTTP API (it works the same on
 * Apache CouchDB 3.x and on the express-pouchdb test hub):
 *
 * - one database per site for that site's records (shifts, attendance, incidents, log entries);
 * - a directory database (sites, and staff without pay rates) that only managers change;
 * - a managers' database (staff with pay rates) that only managers may read.
 *
 * Access is CouchDB's: users in `_users` with roles, and each database's `_security` naming the roles
 * that are members. A desk is a user with the roles `sitedesk_desk` and `sitedesk_site_<code>` for its
 * sites, so the hub itself refuses it another site's database and the managers' one.
 */
export const ROLE_MANAGER = 'sitedesk_manager';
export const ROLE_DESK = 'sitedesk_desk';
export const siteRole = (code: string) => `sitedesk_site_${code.toLowerCase()}`;

export const DB_DIRECTORY = 'sitedesk_directory';
export const DB_MANAGERS = 'sitedesk_managers';
export const siteDb = (code: string) => `sitedesk_site_${code.toLowerCase()}`;

export interface HubCredentials {
  url: string;
  name: string;
  password: string;
}

const SITE_CODE = /^[A-Z]{2,4}$/;
const USER_NAME = /^[a-z][a-z0-9_-]{2,63}$/;

export const authHeader = (c: { name: string; password: string }) => `Basic ${Buffer.from(`${c.name}:${c.password}`).toString('base64')}`;

export class HubError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

const request = async (admin: HubCredentials, method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> => {
  const res = await fetch(`${admin.url.replace(/\/$/, '')}/${path}`, {
    method,
    headers: { authorization: authHeader(admin), 'content-type': 'application/json', accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  if (res.status === 401 || res.status === 403) throw new HubError('The hub refused the administrator name or password.', res.status);
  return { status: res.status, json };
};

const ensureDb = async (admin: HubCredentials, db: string) => {
  const r = await request(admin, 'PUT', encodeURIComponent(db));
  if (r.status !== 201 && r.status !== 202 && r.status !== 412)
    throw new HubError(`Could not create the database ${db} (${r.status}).`, r.status);
};

const putSecurity = async (admin: HubCredentials, db: string, memberRoles: string[]) => {
  const r = await request(admin, 'PUT', `${encodeURIComponent(db)}/_security`, {
    admins: { names: [], roles: [] },
    members: { names: [], roles: memberRoles },
  });
  if (r.status !== 200 && r.status !== 201) throw new HubError(`Could not set who may use ${db} (${r.status}).`, r.status);
};

/** Puts a document, replacing the one there (design documents, users). */
const putDoc = async (admin: HubCredentials, db: string, id: string, doc: Record<string, unknown>) => {
  const path = `${encodeURIComponent(db)}/${id.startsWith('_design/') ? `_design/${encodeURIComponent(id.slice(8))}` : encodeURIComponent(id)}`;
  const held = await request(admin, 'GET', path);
  const rev = held.status === 200 ? (held.json as { _rev: string })._rev : undefined;
  const r = await request(admin, 'PUT', path, { ...doc, _id: id, ...(rev ? { _rev: rev } : {}) });
  if (r.status !== 201 && r.status !== 202) throw new HubError(`Could not write ${id} in ${db} (${r.status}).`, r.status);
};

/**
 * Writes refused by the hub itself (CouchDB's validate_doc_update): only managers change the directory;
 * a site's database takes only that site's documents from a desk. A record document names its site in
 * `record.site`; the documents a desk writes beside them (attendance events, incident history entries, history
 * heads, photos) name it in `site`, and only the last entry of an incident's chain carries a `record` too. The
 * event, head and photo documents are written once and never change: a desk may not change or delete one (a
 * desk that could delete the hub's history heads could hide entries cut off its own incidents, which is what
 * the heads witness), and may not write a roster, which only a manager's laptop signs.
 */
export const writeRule = (site: string | null) =>
  `function (newDoc, oldDoc, userCtx) {
  var roles = userCtx.roles || [];
  if (roles.indexOf('_admin') !== -1 || roles.indexOf('${ROLE_MANAGER}') !== -1) return;
  ${
    site === null
      ? `throw({ forbidden: 'Only managers change the directory.' });`
      : `var once = /^(attendance-event|incident-entry|head|photo):/.test(newDoc._id);
  if (/^roster:/.test(newDoc._id)) throw({ forbidden: 'Only a manager’s laptop writes a roster.' });
  if (once && (oldDoc || newDoc._deleted)) throw({ forbidden: 'History, heads and photos are written once and never changed.' });
  if (newDoc._deleted) return;
  var named = newDoc.record ? newDoc.record.site : newDoc.site;
  if (named !== '${site}' || (newDoc.site !== undefined && newDoc.site !== '${site}'))
    throw({ forbidden: 'Only ${site} records belong in this database.' });`
  }
}`;

export interface ProvisionOptions {
  /**
   * Install the write rules (validate_doc_update) above. Right for Apache CouchDB 3. The express-pouchdb
   * test hub must run without them: its validation plugin (pouchdb-validation) overwrites the revision
   * history of every replicated update it checks, so updates to existing documents are silently lost.
   */
  writeRules?: boolean;
}

/** Makes (or brings up to date) the organisation's databases and who may use each. Safe to run again. */
export const provisionOrganisation = async (admin: HubCredentials, sites: string[], opts: ProvisionOptions = {}): Promise<void> => {
  const rules = opts.writeRules ?? true;
  for (const s of sites) if (!SITE_CODE.test(s)) throw new HubError(`Not a site code: ${s}`, 400);
  await ensureDb(admin, '_users');
  await ensureDb(admin, DB_DIRECTORY);
  await putSecurity(admin, DB_DIRECTORY, [ROLE_MANAGER, ROLE_DESK]);
  if (rules) await putDoc(admin, DB_DIRECTORY, '_design/sitedesk', { validate_doc_update: writeRule(null) });
  await ensureDb(admin, DB_MANAGERS);
  await putSecurity(admin, DB_MANAGERS, [ROLE_MANAGER]);
  for (const s of sites) {
    await ensureDb(admin, siteDb(s));
    await putSecurity(admin, siteDb(s), [ROLE_MANAGER, siteRole(s)]);
    if (rules) await putDoc(admin, siteDb(s), '_design/sitedesk', { validate_doc_update: writeRule(s) });
  }
};

const putUser = async (admin: HubCredentials, name: string, password: string, roles: string[]) => {
  if (!USER_NAME.test(name)) throw new HubError(`Not a hub user name: ${name} (lower-case letters, digits, - or _).`, 400);
  if (password.length < 12) throw new HubError('A hub password is at least 12 characters.', 400);
  await putDoc(admin, '_users', `org.couchdb.user:${name}`, { name, password, roles, type: 'user' });
};

/** A desk's hub user: a member of its sites' databases and the directory, nothing else. */
export const provisionDesk = (admin: HubCredentials, desk: { name: string; password: string; sites: string[] }) => {
  for (const s of desk.sites) if (!SITE_CODE.test(s)) throw new HubError(`Not a site code: ${s}`, 400);
  return putUser(admin, desk.name, desk.password, [ROLE_DESK, ...desk.sites.map(siteRole)]);
};

/** A manager's hub user: a member of every database. */
export const provisionManager = (admin: HubCredentials, manager: { name: string; password: string }) =>
  putUser(admin, manager.name, manager.password, [ROLE_MANAGER]);
