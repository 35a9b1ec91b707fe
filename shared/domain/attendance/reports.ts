/** Figures for the managers' reports, summed from timesheet rows, incidents and staff records. */
import type { Incident } from '../../schemas/incident';
import type { Staff } from '../../schemas/staff';
import { daysBetween, londonParts, weekStart } from '../dates';
import { licenceStatus } from '../rota/licence';
import { pennies, type TimesheetRow } from './timesheet';

export interface HoursAgainstContract {
  staffId: string;
  name: string;
  team: string;
  paidMinutes: number;
  contractMinutes: number;
}

/**
 * Paid hours per person against their contracted hours for the period (contracted weekly hours × the
 * period's length in weeks); zero-hours staff have no contracted hours. The team is the home site.
 */
export const hoursAgainstContract = (
  rows: readonly TimesheetRow[],
  staff: readonly Staff[],
  from: string,
  to: string,
  sites?: readonly string[],
): HoursAgainstContract[] => {
  const weeks = (daysBetween(from, to) + 1) / 7;
  const paid = new Map<string, number>();
  for (const r of rows) paid.set(r.staffId, (paid.get(r.staffId) ?? 0) + r.paidMinutes);
  return staff
    .filter((s) => !s.archived && (paid.has(s.id) || !sites || (s.homeSite !== null && sites.includes(s.homeSite))))
    .map((s) => ({
      staffId: s.id,
      name: s.name,
      team: s.homeSite ?? '—',
      paidMinutes: paid.get(s.id) ?? 0,
      contractMinutes: s.contractType === 'zero-hours' ? 0 : Math.round(s.contractedHours * 60 * weeks),
    }))
    .sort((a, b) => a.team.localeCompare(b.team) || a.name.localeCompare(b.name, 'en-GB'));
};

export interface LabourCost {
  site: string;
  week: string;
  paidMinutes: number;
  cost: number;
}

/** Labour cost (paid hours × pay rate) per site per week, weeks starting Monday. */
export const labourCost = (rows: readonly TimesheetRow[]): LabourCost[] => {
  const m = new Map<string, LabourCost>();
  for (const r of rows) {
    const week = weekStart(r.date);
    const key = `${r.site}|${week}`;
    const c = m.get(key) ?? { site: r.site, week, paidMinutes: 0, cost: 0 };
    c.paidMinutes += r.paidMinutes;
    c.cost = pennies(c.cost + r.cost);
    m.set(key, c);
  }
  return [...m.values()].sort((a, b) => a.week.localeCompare(b.week) || a.site.localeCompare(b.site));
};

export interface IncidentCount {
  site: string;
  category: Incident['category'];
  month: string;
  count: number;
}

/** Incidents counted by site, category and the London month they happened in. */
export const incidentCounts = (incidents: readonly Pick<Incident, 'site' | 'category' | 'occurredAt'>[]): IncidentCount[] => {
  const m = new Map<string, IncidentCount>();
  for (const i of incidents) {
    const month = londonParts(Date.parse(i.occurredAt)).date.slice(0, 7);
    const key = `${i.site}|${i.category}|${month}`;
    const c = m.get(key) ?? { site: i.site, category: i.category, month, count: 0 };
    c.count += 1;
    m.set(key, c);
  }
  return [...m.values()].sort(
    (a, b) => a.month.localeCompare(b.month) || a.site.localeCompare(b.site) || a.category.localeCompare(b.category),
  );
};

export interface LicenceExpiry {
  staffId: string;
  name: string;
  homeSite: string | null;
  number: string;
  expires: string;
  daysLeft: number;
  status: 'expiring' | 'expired' | 'valid';
}

/** SIA licences that have expired or expire within `withinDays` of `today`, soonest first. */
export const licenceExpiries = (staff: readonly Staff[], today: string, withinDays: number): LicenceExpiry[] =>
  staff
    .filter((s) => !s.archived && s.sia)
    .map((s) => ({ s, st: licenceStatus(s, today) }))
    .filter(({ st }) => st.daysLeft !== null && st.daysLeft <= withinDays)
    .map(({ s, st }) => ({
      staffId: s.id,
      name: s.name,
      homeSite: s.homeSite,
      number: s.sia!.number,
      expires: s.sia!.expires,
      daysLeft: st.daysLeft!,
      status: st.status as LicenceExpiry['status'],
    }))
    .sort((a, b) => a.daysLeft - b.daysLeft || a.name.localeCompare(b.name, 'en-GB'));
