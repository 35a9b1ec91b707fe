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
