/**
 * Who issues which incident references on this install. See shared/domain/incidents/references.ts for
 * why: a site's home desk issues plain references (`CH-2026-0042`); every other install, such as a
 * manager's laptop recording on a visit, adds its own tag (`CH-2026-0043-K7QF`), so two machines working
 * offline for one site can never issue the same reference. Enrolment makes a desk the home desk of its
 * sites (a manager can also name them in settings); elsewhere every reference carries the tag.
 */
import { isInstallTag } from '../../shared/domain/incidents';
import type { AppCore } from './types';

/** A readable tag from the random install id: `K` plus four base-36 characters, e.g. `K7QF2`. */
export const tagFromInstallId = (installId: string): string => {
  const n = parseInt(installId.replace(/[^0-9a-f]/gi, '').slice(0, 8) || '0', 16);
  return `K${n.toString(36).toUpperCase().padStart(4, '0').slice(-4)}`;
};

/** This install's reference tag: the one a manager set, or the one derived from its install id. */
export const installTag = (app: AppCore): string => {
  const set = app.repos.settings.get().installTag;
  return set && isInstallTag(set) ? set : tagFromInstallId(app.meta.installId);
};

/** Whether this install is the home desk of `site`, and so issues its untagged references. */
export const isHomeDesk = (app: AppCore, site: string): boolean => (app.repos.settings.get().homeDeskSites ?? []).includes(site);
