/**
 * The hub's witness of incident evidence, read straight from the hub (for `npm run doctor -- --hub`):
 * every history head of every incident in the given sites' databases (main/sync/docs.ts).
 */
import { HEAD_PREFIX, parseHeadDoc } from './docs';
import { authHeader, siteDb } from './provision';
import type { Witness } from '../storage/doctor';

export class WitnessUnavailable extends Error {}

export const fetchWitness = async (hub: { url: string; name: string; password: string }, sites: string[]): Promise<Witness> => {
  const url = hub.url.replace(/\/$/, '');
  const heads: Witness['heads'] = new Map();
  for (const site of sites) {
    const q = new URLSearchParams({
      include_docs: 'true',
      startkey: JSON.stringify(HEAD_PREFIX),
      endkey: JSON.stringify(`${HEAD_PREFIX}\ufff0`),
    });
    let res: Response;
    try {
      res = await fetch(`${url}/${siteDb(site)}/_all_docs?${q}`, {
        headers: { authorization: authHeader(hub), accept: 'application/json' },
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      throw new WitnessUnavailable(`No hub answered at ${url} (${(error as Error).message}).`);
    }
    if (res.status === 401 || res.status === 403)
      throw new WitnessUnavailable(`The hub refused ${hub.name} for site ${site}'s database: check the hub user and password.`);
    if (res.status === 404) throw new WitnessUnavailable(`The hub has no database for site ${site}.`);
    if (!res.ok) throw new WitnessUnavailable(`The hub answered ${res.status} for site ${site}'s database.`);
    const body = (await res.json()) as { rows?: { doc?: unknown }[] };
    for (const row of body.rows ?? []) {
      const p = parseHeadDoc(row.doc, site);
      if (!p.ok) continue;
      const list = heads.get(p.doc.incident) ?? [];
      list.push({ length: p.doc.length, head: p.doc.head, site });
      heads.set(p.doc.incident, list);
    }
  }
  return { heads, by: `the hub at ${url}` };
};
