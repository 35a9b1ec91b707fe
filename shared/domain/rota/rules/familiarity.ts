import { finding, shiftLabel } from '../format';
import type { PersonWeek } from '../personWeek';
import type { Finding } from '../types';

/** Whether the person knows the site: their home site or one of their familiar sites. */
export const knowsSite = (staff: { homeSite: string | null; familiarSites: string[] }, site: string): boolean =>
  staff.homeSite === site || staff.familiarSites.includes(site);

// Basis: Management of Health and Safety at Work Regulations 1999 reg. 10 and 13(2)(a) (site information and induction).
/** A shift at a site the person has not worked before, who will need a site induction. */
export const familiarityRule = (p: PersonWeek): Finding[] =>
  p.week
    .filter((e) => !knowsSite(p.staff, e.shift.site))
    .map((e) => {
      const site = p.sites.get(e.shift.site);
      const where = site ? `${site.name} (${site.code})` : e.shift.site;
      return finding(
        'familiarity',
        'warn',
        p.staff.id,
        [e.shift.id],
        `${p.staff.name} does not know ${where} (not a home or familiar site): ${shiftLabel(e.shift)}; arrange a site induction`,
      );
    });
