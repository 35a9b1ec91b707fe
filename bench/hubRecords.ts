/**
 * How many records a site's hub database holds, by its document ids: what a new desk will have in
 * storage once its first sync is done. A shift or log entry is one document; an attendance record or an
 * incident is as many event documents as it has events (`attendance-event:<record>:…`,
 * `incident-entry:<incident>:…`), or an earlier SiteDesk's whole-record document; witness heads, photos
 * and design documents are no records.
 */
import { eventTarget, SITE_KINDS } from '../main/sync/docs';

export const recordsOfDocIds = (ids: Iterable<string>): number => {
  const records = new Set<string>();
  for (const id of ids) {
    const event = eventTarget(id);
    if (event) {
      records.add(`${event.kind}|${event.id}`);
      continue;
    }
    const kind = id.slice(0, id.indexOf(':'));
    if ((SITE_KINDS as readonly string[]).includes(kind)) records.add(`${kind}|${id.slice(kind.length + 1)}`);
  }
  return records.size;
};
