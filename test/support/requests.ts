import type { RequestOf } from '../../shared/contract';

/** An incident as a desk reports one: a visitor refusing to sign in at CH's main reception. */
export const incidentRequest = (over: Partial<RequestOf<'incidents:create'>> = {}): RequestOf<'incidents:create'> => ({
  site: 'CH',
  location: 'Main reception',
  occurredAt: '2026-11-25T08:40:00.000Z',
  reportedAt: '2026-11-25T08:45:00.000Z',
  reportedBy: 'Sam Patel',
  reportedTo: 'Maria Okafor',
  category: 'security',
  severity: 'medium',
  details: 'Visitor refused to sign in and shouted at reception staff.',
  witnesses: 'Jo Reed',
  ...over,
});

/** A security officer with a distinctive name and a pay rate, to look for in files where neither may appear. */
export const staffRequest = (over: Partial<RequestOf<'staff:create'>> = {}): RequestOf<'staff:create'> => ({
  name: 'Zebedee Quartermain',
  employeeNumber: 'E-9001',
  services: ['security'],
  homeSite: 'CH',
  contractedHours: 37.5,
  payRate: 13.75,
  ...over,
});

/** The same cover windows on every day of the week. */
export const everyDay = <T>(w: T[]) => ({ mon: w, tue: w, wed: w, thu: w, fri: w, sat: w, sun: w });

/** A site's update from what `sites:get` answered: one officer every night, 19:00–07:00, on its security cover. */
export const nightlySecurityUpdate = (site: {
  id: string;
  rev: number;
  cover: Record<string, unknown>;
  [field: string]: unknown;
}): never => {
  const { id, rev, code, name, address, opening, services, contacts, notes } = site;
  return {
    id,
    rev,
    code,
    name,
    address,
    opening,
    services,
    contacts,
    notes,
    cover: { ...site.cover, security: everyDay([{ start: '19:00', end: '07:00', min: 1 }]) },
  } as never;
};
